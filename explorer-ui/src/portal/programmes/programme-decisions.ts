// The decisions on a programme that need only a reason, which the ledger records with them: reject (an assigned
// certifier before validation, the government before authorisation), suspend, reinstate, close (the government).
import { api, unwrap } from '../../api/client';
import type { Decision } from './decisions';
import type { ProgrammeRow } from './programme-lists';

export type ReasonedDecision = 'reject' | 'suspend' | 'reinstate' | 'close';

const SEGMENT = {
  reject: '/programmes/{externalId}/rejection',
  suspend: '/programmes/{externalId}/suspension',
  reinstate: '/programmes/{externalId}/reinstatement',
  close: '/programmes/{externalId}/closure',
} as const;

type Translate = (key: string, named: Record<string, unknown>) => string;

export function programmeDecision(kind: ReasonedDecision, programme: ProgrammeRow, t: Translate): Decision {
  const names = { title: programme.title };
  const text = (part: string) => t(`portal.programmes.decision.${kind}.${part}`, names);
  return {
    header: text('header'),
    message: text('message'),
    confirmLabel: text('confirm'),
    reason: 'required',
    danger: kind !== 'reinstate',
    doneText: text('done'),
    send: (reason) =>
      unwrap(api.POST(SEGMENT[kind], { params: { path: { externalId: programme.externalId } }, body: { reason } })),
  };
}
