// Reads network.json, written by ./test-network.sh up: the one description of where each peer,
// orderer, CA and identity of the running network is.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PeerProfile {
  readonly name: string;
  readonly endpoint: string;
  readonly hostAlias: string;
  readonly tlsRootCert: string;
}

export interface OrganisationProfile {
  readonly name: string;
  readonly mspId: string;
  readonly domain: string;
  readonly peer: PeerProfile;
  readonly ca: {
    readonly name: string;
    readonly url: string;
    readonly tlsRootCert: string;
    /** MSP folder of the CA's registrar identity, which registers new people. */
    readonly registrarMsp: string;
  };
  /** MSP folders of the identities enrolled by the network scripts, by user name. */
  readonly users: Readonly<Record<string, string>>;
}

export interface OrdererProfile {
  readonly name: string;
  readonly mspId: string;
  readonly consenterId: number;
  readonly endpoint: string;
  readonly adminEndpoint: string;
}

export interface NetworkProfile {
  readonly channel: string;
  readonly chaincode: string;
  /** Where the chaincode service listens (the peers dial it there). */
  readonly chaincodeAddress: string;
  readonly networkHome: string;
  readonly organizations: readonly OrganisationProfile[];
  readonly orderers: readonly OrdererProfile[];
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function defaultNetworkHome(): string {
  return process.env.CARBON_NETWORK_HOME ?? join(REPO_ROOT, 'network');
}

export function loadNetworkProfile(networkHome: string = defaultNetworkHome()): NetworkProfile {
  const file = join(networkHome, 'network.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`no network description at ${file}: is the network up (./test-network.sh up)?`, { cause });
  }
  return JSON.parse(text) as NetworkProfile;
}

export function organisation(profile: NetworkProfile, mspId: string): OrganisationProfile {
  const org = profile.organizations.find((o) => o.mspId === mspId);
  if (!org)
    throw new Error(
      `organisation ${mspId} is not in the network (${profile.organizations.map((o) => o.mspId).join(', ')})`,
    );
  return org;
}
