// Health as the public can judge it from the network view: which peers answered, and how far the query replica
// (which every public page reads) is behind the ledger.
import type { NetworkView } from '../../api/types';

export interface NetworkHealth {
  peersUp: number;
  peersTotal: number;
  ledgerHeight: number | null;
  replicaLag: number | null;
}

export function networkHealth(view: NetworkView): NetworkHealth {
  const heights = view.organisations.map((organisation) => organisation.peer.height);
  const answered = heights.filter((height): height is number => height !== null);
  const ledgerHeight = answered.length > 0 ? Math.max(...answered) : null;
  return {
    peersUp: answered.length,
    peersTotal: heights.length,
    ledgerHeight,
    replicaLag: ledgerHeight === null ? null : Math.max(0, ledgerHeight - view.heights.replicated),
  };
}
