// Reads and writes organisation records together with their indexes (by state, by role), and the
// registry's singleton record written at bootstrap.
import type { Context } from 'fabric-contract-api';
import type { Organisation } from '../domain/organisation';
import type { Stamp } from '../domain/stamp';
import { organisationKey } from './access';
import { moveIndex, putIndex } from './indexes';
import { KeyPrefix } from './keys';
import { readExisting, readRecord, stateKey, writeRecord } from './transaction';

export interface RegistryRecord {
  readonly docType: 'registry';
  readonly governmentCompanyId: string;
  /** The host country: originating party of every serial number. */
  readonly country: string;
  readonly bootstrapped: Stamp;
}

export const registryKey = (ctx: Context): string => stateKey(ctx, KeyPrefix.REGISTRY, 'national');

export function readRegistry(ctx: Context): Promise<RegistryRecord | undefined> {
  return readRecord<RegistryRecord>(ctx, registryKey(ctx));
}

export function loadOrganisation(ctx: Context, companyId: string): Promise<Organisation> {
  return readExisting<Organisation>(ctx, organisationKey(ctx, companyId), 'organisation', companyId);
}

export async function saveOrganisation(ctx: Context, org: Organisation, before?: Organisation): Promise<void> {
  await writeRecord(ctx, organisationKey(ctx, org.companyId), org);
  if (before) {
    await moveIndex(ctx, KeyPrefix.ORGANISATION_BY_STATE, [before.state, org.companyId], [org.state, org.companyId]);
  } else {
    await putIndex(ctx, KeyPrefix.ORGANISATION_BY_STATE, [org.state, org.companyId]);
    await putIndex(ctx, KeyPrefix.ORGANISATION_BY_ROLE, [org.companyRole, org.companyId]);
  }
}
