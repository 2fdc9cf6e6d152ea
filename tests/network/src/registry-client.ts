// Typed access to chaincode "carbon" for the tests, as a given user of a given organisation,
// through that organisation's own peer.
import {
  connectGateway,
  describeGatewayError,
  submitWithRetry,
  DEFAULT_RETRY,
  waitForCommitOnPeers,
  loadMspIdentity,
  loadNetworkProfile,
  organisation,
  type GatewayConnection,
  type NetworkProfile,
} from '@carbon-registry/fabric-client';
import type { Contract } from '@hyperledger/fabric-gateway';
import { networkHome } from './network-control.ts';

export interface OrgSession {
  readonly mspId: string;
  readonly contract: Contract;
  readonly connection: GatewayConnection;
}

let cached: { home: string; profile: NetworkProfile } | undefined;

/** The running network's description, read once per network folder. */
export function profile(): NetworkProfile {
  const home = networkHome();
  if (cached?.home !== home) cached = { home, profile: loadNetworkProfile(home) };
  return cached.profile;
}

export function openSession(mspId: string, user = 'User1'): OrgSession {
  const msp = organisation(profile(), mspId).users[user];
  if (!msp) throw new Error(`${mspId} has no enrolled user ${user}`);
  return openSessionAs(mspId, msp);
}

/** A session as the identity enrolled in `mspDir`, through its organisation's own peer. */
export function openSessionAs(mspId: string, mspDir: string): OrgSession {
  const net = profile();
  const org = organisation(net, mspId);
  const connection = connectGateway(org.peer, loadMspIdentity(mspId, mspDir));
  const contract = connection.gateway.getNetwork(net.channel).getContract(net.chaincode);
  return { mspId, contract, connection };
}

const decoder = new TextDecoder();

/** Evaluates on this organisation's own peer only, so a test reads exactly that peer's state. */
export async function evaluateOnOwnPeer(session: OrgSession, name: string, ...args: string[]): Promise<string> {
  const proposal = session.contract.newProposal(name, { arguments: args, endorsingOrganizations: [session.mspId] });
  return decoder.decode(await proposal.evaluate());
}

/**
 * Submits and waits until every organisation's peer has the transaction, so the next step of a
 * scenario — endorsed on whichever peers — reads what this one wrote.
 */
export async function submitJson(session: OrgSession, name: string, ...args: string[]): Promise<unknown> {
  try {
    const network = session.connection.gateway.getNetwork(profile().channel);
    const { result, transactionId } = await submitWithRetry(session.contract, name, args, DEFAULT_RETRY, network);
    const organisations = profile().organizations.map((o) => o.mspId);
    await waitForCommitOnPeers(network, transactionId, organisations);
    return JSON.parse(decoder.decode(result)) as unknown;
  } catch (err) {
    // Keep the original error (tests read its chaincode code) but make its message say everything.
    if (err instanceof Error) err.message = describeGatewayError(err);
    throw err;
  }
}

/** Submits a registry transaction whose single argument is a JSON request; returns the parsed result. */
export async function submitRequest<T>(session: OrgSession, name: string, request: unknown): Promise<T> {
  return (await submitJson(session, name, JSON.stringify(request))) as T;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${String(Date.now())}-${Math.random().toString(36).slice(2, 8)}`;
}
