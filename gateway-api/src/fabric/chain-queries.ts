// Questions asked of the peers themselves rather than the replica: a block by number and the chain
// height (system chaincode qscc), and the chaincode's committed definition (_lifecycle). Asked as
// the gateway's service identity of an organisation, on that organisation's own peer.
import type { Network } from '@hyperledger/fabric-gateway';
import { common, peer } from '@hyperledger/fabric-protos';
import { apiErrorFromFabric } from '../http/api-error.ts';
import type { Ledger } from './ledger.ts';

async function evaluateSystem(
  ledger: Ledger,
  mspId: string | undefined,
  contract: 'qscc' | '_lifecycle',
  transaction: string,
  args: (string | Uint8Array)[],
): Promise<Uint8Array> {
  const who = ledger.serviceIdentity(mspId);
  try {
    return await ledger.withNetwork(who, async (network: Network) =>
      network
        .getContract(contract)
        .newProposal(transaction, { arguments: args, endorsingOrganizations: [who.identity.mspId] })
        .evaluate(),
    );
  } catch (err) {
    throw apiErrorFromFabric(err);
  }
}

export interface ChainInfo {
  readonly height: number;
  /** Hex header hash of the latest block. */
  readonly currentBlockHash: string;
}

/** The channel's height on an organisation's peer (the default organisation's when not given). */
export async function chainInfo(ledger: Ledger, mspId?: string): Promise<ChainInfo> {
  const bytes = await evaluateSystem(ledger, mspId, 'qscc', 'GetChainInfo', [ledger.profile.channel]);
  const info = common.BlockchainInfo.deserializeBinary(bytes);
  return { height: info.getHeight(), currentBlockHash: Buffer.from(info.getCurrentblockhash_asU8()).toString('hex') };
}

export async function blockByNumber(ledger: Ledger, blockNumber: number, mspId?: string): Promise<common.Block> {
  const bytes = await evaluateSystem(ledger, mspId, 'qscc', 'GetBlockByNumber', [
    ledger.profile.channel,
    String(blockNumber),
  ]);
  return common.Block.deserializeBinary(bytes);
}

export interface ChaincodeDefinition {
  readonly name: string;
  readonly version: string;
  readonly sequence: number;
  readonly endorsementPlugin: string;
  readonly validationPlugin: string;
  readonly initRequired: boolean;
  /** Which organisations approved the definition. */
  readonly approvals: Readonly<Record<string, boolean>>;
}

/** The registry chaincode's definition as committed on the channel. */
export async function chaincodeDefinition(ledger: Ledger, mspId?: string): Promise<ChaincodeDefinition> {
  const args = new peer.lifecycle.QueryChaincodeDefinitionArgs();
  args.setName(ledger.profile.chaincode);
  const bytes = await evaluateSystem(ledger, mspId, '_lifecycle', 'QueryChaincodeDefinition', [args.serializeBinary()]);
  const result = peer.lifecycle.QueryChaincodeDefinitionResult.deserializeBinary(bytes);
  return {
    name: ledger.profile.chaincode,
    version: result.getVersion(),
    sequence: result.getSequence(),
    endorsementPlugin: result.getEndorsementPlugin(),
    validationPlugin: result.getValidationPlugin(),
    initRequired: result.getInitRequired(),
    approvals: Object.fromEntries(result.toObject().approvalsMap),
  };
}
