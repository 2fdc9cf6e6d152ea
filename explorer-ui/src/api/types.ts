// Names for the shapes the explorer reads, taken from the generated OpenAPI types so they follow the gateway.
import type { paths } from './schema';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type ProgrammeQuery = NonNullable<paths['/programmes']['get']['parameters']['query']>;
export type ProgrammeState = NonNullable<ProgrammeQuery['state']>;
export type Sector = NonNullable<ProgrammeQuery['sector']>;
export type ProgrammeSort = NonNullable<ProgrammeQuery['sort']>;
export type SortOrder = NonNullable<ProgrammeQuery['order']>;
export type ProgrammeSummary = Ok<'/programmes'>['items'][number];

export type Programme = Ok<'/programmes/{externalId}'>;
export type LedgerDocument = Programme['documents'][number];
export type HistoryEntry = Ok<'/programmes/{externalId}/history'>['items'][number];
export type MonitoringRound = Ok<'/programmes/{externalId}/monitoring-rounds'>['items'][number];
export type Issuance = Ok<'/programmes/{externalId}/issuances'>['items'][number];

export type CreditBlock = Ok<'/credit-blocks'>['items'][number];
export type BlockState = NonNullable<NonNullable<paths['/credit-blocks']['get']['parameters']['query']>['state']>;
export type UnitLookup = Ok<'/credit-blocks/lookup'>;
export type ProvenanceStep = UnitLookup['provenance'][number];
export type Registry = Ok<'/registry'>;
export type Organisation = Ok<'/organisations'>['items'][number];
export type RetirementQuery = NonNullable<paths['/retirements']['get']['parameters']['query']>;
export type RetirementState = NonNullable<RetirementQuery['state']>;
export type RetirementCategory = NonNullable<RetirementQuery['category']>;
export type Retirement = Ok<'/retirements'>['items'][number];
export type LedgerBlock = Ok<'/ledger/blocks/{number}'>;
export type BlockVerification = Ok<'/ledger/blocks/{number}/verification'>;
export type LedgerTransaction = Ok<'/transactions/{txId}'>;
export type NetworkView = Ok<'/network'>;

/** What a POST answers when it succeeds (201 for creations, 200 otherwise). */
export type Posted<P extends keyof paths> = paths[P] extends {
  post: { responses: infer R };
}
  ? R extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 200: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;

export type Session = Posted<'/auth/login'>;
export type Profile = Session['user'];
export type UserRole = Profile['role'];
export type CompanyRole = Organisation['companyRole'];
