// The identities random commands are sent by: every member of the fixture's companies (including
// the users others act on and the suspended ones) and a few identities of each MSP that are not
// registered yet, so commands can register them and then act through them.
import { identityFromCertificate, userIdOf } from '../../src/domain/identity';
import type { FakeCaller } from '../support/fake-ledger';
import { newIdentity, type RegistryFixture } from '../support/registry-fixture';

export interface PoolMember extends FakeCaller {
  /** The user id the registry derives for this identity, whether or not it is registered yet. */
  readonly userId: string;
  readonly label: string;
}

export const POOL_MSPS = ['GovernmentMSP', 'CertifierMSP', 'DeveloperMSP', 'PartnerMSP'] as const;
const UNREGISTERED_PER_MSP = 3;

function member(caller: FakeCaller, label: string): PoolMember {
  const { subject, issuer } = identityFromCertificate(caller.certificate);
  return { ...caller, userId: userIdOf({ mspId: caller.mspId, subject, issuer }), label };
}

/** Certificates are created asynchronously, so the pool is built once in `before` and shared by every run. */
export async function callerPool(fixture: RegistryFixture): Promise<PoolMember[]> {
  const pool: PoolMember[] = [];
  const seen = new Set<string>();
  const add = (candidate: PoolMember, expectedUserId?: string): void => {
    if (expectedUserId !== undefined && candidate.userId !== expectedUserId) {
      throw new Error(`caller pool: ${candidate.label} derives user id ${candidate.userId}, not ${expectedUserId}`);
    }
    if (seen.has(candidate.userId)) return;
    seen.add(candidate.userId);
    pool.push(candidate);
  };
  add(member(fixture.bootstrapAdmin, 'bootstrap admin'), fixture.bootstrapAdmin.userId);
  for (const company of Object.values(fixture.companies)) {
    const members = { ...company.users, target: company.target, suspended: company.suspended };
    for (const [name, m] of Object.entries(members)) add(member(m, `${company.companyId} ${name}`), m.userId);
  }
  for (const mspId of POOL_MSPS) {
    for (let i = 1; i <= UNREGISTERED_PER_MSP; i++)
      add(member(await newIdentity(mspId), `unregistered ${mspId} #${i}`));
  }
  return pool;
}
