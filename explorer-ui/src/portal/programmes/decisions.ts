// The decisions of a work page (validate, reject, authorise, issue…), one at a time: an item asks, the page's
// DecisionDesk asks the person to confirm (with a reason where the ledger records one), sends the write, waits until
// the replica shows it and reads the list again. The outcome stays above the list: the item may have left it.
import { inject, provide, ref, shallowRef, type InjectionKey } from 'vue';
import { replicated } from '../actions/replica';
import { useAction, type Committed } from '../actions/use-action';

export interface Decision {
  header: string;
  message: string;
  confirmLabel: string;
  /** required: the ledger records the reason with the decision; none: the item's form holds what is sent. */
  reason: 'required' | 'none';
  danger?: boolean;
  doneText: string;
  send: (reason: string) => Promise<Committed>;
}

function decisions(reload: () => Promise<void>) {
  const asked = shallowRef<Decision>();
  const visible = ref(false);
  const doneText = ref<string>();
  const action = useAction((decision: Decision, reason: string) => replicated(decision.send(reason)));

  function ask(decision: Decision): void {
    if (action.running.value) return;
    asked.value = decision;
    visible.value = true;
  }

  async function confirm(reason: string): Promise<void> {
    const decision = asked.value;
    if (!decision) return;
    doneText.value = decision.doneText;
    if (await action.run(decision, reason)) await reload();
  }

  return { asked, visible, doneText, action, ask, confirm };
}

export type Decisions = ReturnType<typeof decisions>;

const KEY: InjectionKey<Decisions> = Symbol('programme decisions');

/** The page's decisions, for its items and its DecisionDesk; `reload` reads the page's list again. */
export function provideDecisions(reload: () => Promise<void>): Decisions {
  const given = decisions(reload);
  provide(KEY, given);
  return given;
}

export function injectDecisions(): Decisions {
  const found = inject(KEY);
  if (!found) throw new Error('a decision is asked inside a page that provides decisions');
  return found;
}
