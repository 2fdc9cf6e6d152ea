// World-state key prefixes, declared once. Keys are only ever built with createCompositeKey so
// that partial-key range queries work the same on LevelDB and CouchDB.

export const KeyPrefix = {
  PROBE: 'probe',
} as const;

export type KeyPrefix = (typeof KeyPrefix)[keyof typeof KeyPrefix];
