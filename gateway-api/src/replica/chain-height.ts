// The channel height on an organisation's peer (qscc GetChainInfo), read with the gateway's own
// service identity: what the replica's lag is measured against.
import { common } from '@hyperledger/fabric-protos';
import type { Ledger } from '../fabric/ledger.ts';

export async function peerChainHeight(ledger: Ledger, mspId?: string): Promise<number> {
  const identity = ledger.serviceIdentity(mspId);
  return ledger.withNetwork(identity, async (network) => {
    const proposal = network.getContract('qscc').newProposal('GetChainInfo', {
      arguments: [network.getName()],
      endorsingOrganizations: [identity.identity.mspId],
    });
    return common.BlockchainInfo.deserializeBinary(await proposal.evaluate()).getHeight();
  });
}
