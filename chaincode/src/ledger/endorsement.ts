// Key-level (state-based) endorsement: from authorisation on, a programme record can only change
// in a transaction endorsed by BOTH the government's and a certifier's peers, whatever the
// chaincode-level MAJORITY policy would accept.
import type { Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { NATIONAL_MSPS } from '../domain/organisation';

export const PROGRAMME_ENDORSERS = [NATIONAL_MSPS.government, NATIONAL_MSPS.certifier] as const;

export async function requireGovernmentAndCertifierPeers(ctx: Context, key: string): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...PROGRAMME_ENDORSERS);
  await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
}

export async function keyEndorsers(ctx: Context, key: string): Promise<string[]> {
  const bytes = await ctx.stub.getStateValidationParameter(key);
  if (bytes.length === 0) return [];
  return new KeyEndorsementPolicy(bytes).listOrgs();
}
