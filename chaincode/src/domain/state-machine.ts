// A small state machine: which action moves a record from which states to which state. An action
// from any other state is refused with INVALID_STATE, naming the states it would need.
import { ErrorCode, RegistryError } from '../errors';

export type Transitions<S extends string, A extends string> = Readonly<Record<A, { from: readonly S[]; to: S }>>;

export function nextState<S extends string, A extends string>(
  what: string,
  transitions: Transitions<S, A>,
  current: S,
  action: A,
): S {
  const rule = transitions[action];
  if (!rule.from.includes(current)) {
    throw new RegistryError(ErrorCode.INVALID_STATE, `cannot ${action} a ${what} that is ${current}`, {
      action,
      state: current,
      allowedFrom: [...rule.from],
    });
  }
  return rule.to;
}
