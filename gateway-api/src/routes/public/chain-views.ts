// Answers built from the peers themselves: a block's verification (recomputed hashes, the chain to
// its predecessor, and whether the replica agrees) and the network view (organisations, peers with
// their heights, orderers, channel, chaincode). Pure assembly apart from the peer calls.
import { z } from 'zod';
import { checkBlock, type BlockChainCheck } from '../../fabric/block-hash.ts';
import { blockByNumber, chainInfo, chaincodeDefinition } from '../../fabric/chain-queries.ts';
import {
  CHECKPOINT_ID,
  documentId,
  type CheckpointDocument,
  type LedgerBlockDocument,
} from '../../replica/documents.ts';
import type { Services } from '../../services.ts';
import { notFound, replicaOf } from './replica-access.ts';

const check = z.object({ stored: z.string(), computed: z.string(), matches: z.boolean() });

export const blockVerification = z.object({
  number: z.number().int(),
  dataHash: check.describe('SHA-256 over the block’s transactions, recomputed by the gateway'),
  previousHash: z
    .object({ stored: z.string(), computedFromPrevious: z.string().nullable(), matches: z.boolean() })
    .describe(
      'the header hash of block n−1 (DER SEQUENCE of number, previous hash, data hash) against block n’s previous_hash',
    ),
  replica: z
    .object({ matches: z.boolean().nullable() })
    .describe('whether the replica holds the same hashes; null when it has not replicated the block yet'),
  verified: z.boolean(),
});

export type BlockVerification = z.infer<typeof blockVerification>;

/** The verification answer from the peer's blocks' check and the replica's copy of the block, if any. */
export function verificationOf(chain: BlockChainCheck, replicated: LedgerBlockDocument | undefined): BlockVerification {
  const matches =
    replicated === undefined
      ? null
      : replicated.dataHash === chain.dataHash.stored && replicated.previousHash === chain.previousHash.stored;
  return {
    ...chain,
    replica: { matches },
    verified: chain.dataHash.matches && chain.previousHash.matches && matches !== false,
  };
}

export async function verifyBlock(services: Services, blockNumber: number): Promise<BlockVerification> {
  const { ledger } = services;
  const { height } = await chainInfo(ledger);
  if (blockNumber >= height) throw notFound('block', blockNumber);
  const [block, previous, replicated] = await Promise.all([
    blockByNumber(ledger, blockNumber),
    blockNumber > 0 ? blockByNumber(ledger, blockNumber - 1) : Promise.resolve(undefined),
    replicaOf(services).get<LedgerBlockDocument>(documentId.ledgerBlock(blockNumber)),
  ]);
  return verificationOf(checkBlock(block, previous), replicated);
}

/** Blocks the replica holds (the checkpoint's block number + 1); 0 before the first block. */
export async function replicatedHeight(
  services: Services,
): Promise<{ height: number; checkpoint?: CheckpointDocument }> {
  const checkpoint = await replicaOf(services).get<CheckpointDocument>(CHECKPOINT_ID);
  return checkpoint === undefined ? { height: 0 } : { height: checkpoint.blockNumber + 1, checkpoint };
}

export const networkView = z.object({
  channel: z.string(),
  chaincode: z.object({
    name: z.string(),
    version: z.string().nullable(),
    sequence: z.number().int().nullable().describe('the committed definition’s sequence'),
    approvals: z.record(z.string(), z.boolean()).describe('which organisations approved the definition'),
  }),
  organisations: z.array(
    z.object({
      name: z.string(),
      mspId: z.string(),
      domain: z.string(),
      peer: z.object({
        name: z.string(),
        endpoint: z.string(),
        height: z.number().int().nullable().describe('null when the peer did not answer'),
      }),
    }),
  ),
  orderers: z.array(
    z.object({ name: z.string(), mspId: z.string(), consenterId: z.number().int(), endpoint: z.string() }),
  ),
  heights: z.object({
    peers: z.record(z.string(), z.number().int().nullable()).describe('by MSP id'),
    replicated: z.number().int().describe('blocks the query replica holds'),
  }),
});

type NetworkView = z.infer<typeof networkView>;

async function chaincodeOf(services: Services): Promise<NetworkView['chaincode']> {
  const name = services.ledger.profile.chaincode;
  try {
    const definition = await chaincodeDefinition(services.ledger);
    return { name, version: definition.version, sequence: definition.sequence, approvals: definition.approvals };
  } catch (err) {
    services.logger.warn({ err }, 'the chaincode definition could not be read');
    return { name, version: null, sequence: null, approvals: {} };
  }
}

/** The network as the network profile describes it, with live heights; no file paths or keys. */
export async function viewNetwork(services: Services): Promise<NetworkView> {
  const { profile } = services.ledger;
  const [heights, chaincode, replicated] = await Promise.all([
    Promise.all(
      profile.organizations.map((o) =>
        chainInfo(services.ledger, o.mspId).then(
          (info) => info.height,
          () => null,
        ),
      ),
    ),
    chaincodeOf(services),
    replicatedHeight(services),
  ]);
  const organisations = profile.organizations.map((o, i) => ({
    name: o.name,
    mspId: o.mspId,
    domain: o.domain,
    peer: { name: o.peer.name, endpoint: o.peer.endpoint, height: heights[i] ?? null },
  }));
  return {
    channel: profile.channel,
    chaincode,
    organisations,
    orderers: profile.orderers.map(({ name, mspId, consenterId, endpoint }) => ({
      name,
      mspId,
      consenterId,
      endpoint,
    })),
    heights: {
      peers: Object.fromEntries(organisations.map((o) => [o.mspId, o.peer.height])),
      replicated: replicated.height,
    },
  };
}
