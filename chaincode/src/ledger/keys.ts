// World-state key prefixes, declared once. Keys are only ever built with createCompositeKey so
// that partial-key range queries work the same on LevelDB and CouchDB. Index keys ("a~b") hold a
// one-byte marker; the record they point to is named by their last attribute.

export const KeyPrefix = {
  PROBE: 'probe',
  REGISTRY: 'registry',
  COUNTER: 'counter',
  ORGANISATION: 'organisation',
  ORGANISATION_BY_STATE: 'organisation~state',
  ORGANISATION_BY_ROLE: 'organisation~role',
  USER: 'user',
  USER_BY_COMPANY: 'user~company', // [companyId, state, userId]
  PROGRAMME: 'programme',
  PROGRAMME_BY_NUMBER: 'programme~number',
  PROGRAMME_BY_STATE: 'programme~state',
  PROGRAMME_BY_PROPONENT: 'programme~proponent',
  PROGRAMME_BY_CERTIFIER: 'programme~certifier',
  MONITORING_ROUND: 'monitoringRound',
  BLOCK_BY_HOLDER: 'block~holder',
  TRANSFER_REQUEST: 'transferRequest',
  TRANSFER_REQUEST_BY_PARTY: 'transferRequest~party',
  RETIREMENT: 'retirement',
  RETIREMENT_BY_STATE: 'retirement~state',
  RETIREMENT_BY_HOLDER: 'retirement~holder',
  CANCELLATION: 'cancellation',
} as const;

export type KeyPrefix = (typeof KeyPrefix)[keyof typeof KeyPrefix];

/**
 * Credit blocks live under simple keys "block/{programmeId}/{endUnit}", zero-padded so that key
 * order is unit order. Fabric allows range reads only over simple keys, and the block holding a
 * unit is the first key at or after that unit: one seek, whatever the number of blocks.
 */
export const BLOCK_KEY_PREFIX = 'block/';

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function blockKey(programmeId: number, endUnit: number): string {
  return `${BLOCK_KEY_PREFIX}${pad(programmeId, 12)}/${pad(endUnit, 16)}`;
}

/** The key range holding every block of a programme ("~" sorts after every digit). */
export function programmeBlockRange(programmeId: number): { start: string; end: string } {
  return { start: `${BLOCK_KEY_PREFIX}${pad(programmeId, 12)}/`, end: `${BLOCK_KEY_PREFIX}${pad(programmeId, 12)}/~` };
}
