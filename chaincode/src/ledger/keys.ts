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
  USER_BY_COMPANY: 'user~company',
  PROGRAMME: 'programme',
  PROGRAMME_BY_NUMBER: 'programme~number',
  PROGRAMME_BY_STATE: 'programme~state',
  PROGRAMME_BY_PROPONENT: 'programme~proponent',
  PROGRAMME_BY_CERTIFIER: 'programme~certifier',
} as const;

export type KeyPrefix = (typeof KeyPrefix)[keyof typeof KeyPrefix];
