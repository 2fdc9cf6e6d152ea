// The gateway's door to the ledger: one gRPC connection per organisation's peer, shared by every
// person; each call opens a Gateway as the acting person (their own enrolled key) through their
// organisation's own peer. A write returns once every organisation's peer has committed it, so
// the caller's next request reads what it wrote, whichever peer serves it.
import {
  DEFAULT_DEADLINES,
  DEFAULT_RETRY,
  gatewayOver,
  loadMspIdentity,
  newGrpcClient,
  organisation,
  submitWithRetry,
  waitForCommitOnPeers,
  type NetworkProfile,
  type SigningIdentity,
} from '@carbon-registry/fabric-client';
import type * as grpc from '@grpc/grpc-js';
import type { Gateway, Network } from '@hyperledger/fabric-gateway';
import { apiErrorFromFabric } from '../http/api-error.ts';

export interface Committed<T> {
  readonly transactionId: string;
  readonly result: T;
}

const decoder = new TextDecoder();

function parseResult(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class Ledger {
  readonly #clients = new Map<string, grpc.Client>();
  readonly #serviceIdentities = new Map<string, SigningIdentity>();

  constructor(
    readonly profile: NetworkProfile,
    private readonly submitAttempts: number = DEFAULT_RETRY.attempts,
  ) {}

  #client(mspId: string): grpc.Client {
    let client = this.#clients.get(mspId);
    if (!client) {
      client = newGrpcClient(organisation(this.profile, mspId).peer);
      this.#clients.set(mspId, client);
    }
    return client;
  }

  /** Runs `use` with a Gateway as `who` through their organisation's peer, closing it afterwards. */
  async withNetwork<T>(who: SigningIdentity, use: (network: Network, gateway: Gateway) => Promise<T>): Promise<T> {
    const gateway = gatewayOver(this.#client(who.identity.mspId), who, DEFAULT_DEADLINES);
    try {
      return await use(gateway.getNetwork(this.profile.channel), gateway);
    } finally {
      gateway.close();
    }
  }

  /** Submits a registry transaction whose one argument is `request` as JSON (none when undefined). */
  async submit<T = unknown>(who: SigningIdentity, transaction: string, request?: unknown): Promise<Committed<T>> {
    const args = request === undefined ? [] : [JSON.stringify(request)];
    try {
      return await this.withNetwork(who, async (network) => {
        const contract = network.getContract(this.profile.chaincode);
        const options = { ...DEFAULT_RETRY, attempts: this.submitAttempts };
        const { result, transactionId } = await submitWithRetry(contract, transaction, args, options, network);
        const organisations = this.profile.organizations.map((o) => o.mspId);
        await waitForCommitOnPeers(network, transactionId, organisations);
        return { transactionId, result: parseResult(result) as T };
      });
    } catch (err) {
      throw apiErrorFromFabric(err);
    }
  }

  /** Evaluates a registry query as `who` on their organisation's peer; arguments are passed as given. */
  async evaluate<T = unknown>(who: SigningIdentity, transaction: string, ...args: string[]): Promise<T> {
    try {
      return await this.withNetwork(who, async (network) => {
        const proposal = network.getContract(this.profile.chaincode).newProposal(transaction, {
          arguments: args,
          endorsingOrganizations: [who.identity.mspId],
        });
        return parseResult(await proposal.evaluate()) as T;
      });
    } catch (err) {
      throw apiErrorFromFabric(err);
    }
  }

  /**
   * The gateway's own identity at an organisation (its enrolled User1): reads blocks and system
   * information, never signs a registry transaction.
   */
  serviceIdentity(mspId: string = this.profile.organizations[0]?.mspId ?? 'GovernmentMSP'): SigningIdentity {
    // Public reads ask for it on every request: read its files once.
    let identity = this.#serviceIdentities.get(mspId);
    if (!identity) {
      const msp = organisation(this.profile, mspId).users.User1;
      if (!msp) throw new Error(`${mspId} has no service identity (User1) in network.json`);
      identity = loadMspIdentity(mspId, msp);
      this.#serviceIdentities.set(mspId, identity);
    }
    return identity;
  }

  close(): void {
    for (const client of this.#clients.values()) client.close();
    this.#clients.clear();
  }
}
