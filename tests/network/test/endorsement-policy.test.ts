// Under the chaincode's MAJORITY endorsement policy, one organisation cannot write alone: a
// transaction endorsed by a single peer is invalidated at commit and changes nothing.
import { expect } from 'chai';
import { chaincodeErrorOf } from '@carbon-registry/fabric-client';
import { peer } from '@hyperledger/fabric-protos';
import { evaluateOnOwnPeer, openSession, uniqueId, type OrgSession } from '../src/registry-client.ts';

describe('the MAJORITY endorsement policy', () => {
  let government: OrgSession;
  before(() => {
    government = openSession('GovernmentMSP');
  });
  after(() => {
    government.connection.close();
  });

  it('rejects at commit a transaction endorsed by GovernmentMSP alone (ENDORSEMENT_POLICY_FAILURE)', async () => {
    const id = uniqueId('single-org');
    const proposal = government.contract.newProposal('system:RecordProbe', {
      arguments: [JSON.stringify({ id, value: 'should not commit' })],
      endorsingOrganizations: ['GovernmentMSP'],
    });
    const transaction = await proposal.endorse();
    const submitted = await transaction.submit();
    const status = await submitted.getStatus();

    expect(status.successful).to.equal(false);
    expect(status.code).to.equal(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);

    let caught: unknown;
    try {
      await evaluateOnOwnPeer(government, 'system:ReadProbe', id);
    } catch (err) {
      caught = err;
    }
    expect(chaincodeErrorOf(caught)?.code, 'the invalid transaction must leave no probe').to.equal('NOT_FOUND');
  });

  it('commits the same transaction endorsed by GovernmentMSP and CertifierMSP (a majority)', async () => {
    const id = uniqueId('two-orgs');
    const proposal = government.contract.newProposal('system:RecordProbe', {
      arguments: [JSON.stringify({ id, value: 'majority' })],
      endorsingOrganizations: ['GovernmentMSP', 'CertifierMSP'],
    });
    const submitted = await (await proposal.endorse()).submit();
    const status = await submitted.getStatus();
    expect(status.successful).to.equal(true);
    expect(JSON.parse(await evaluateOnOwnPeer(government, 'system:ReadProbe', id))).to.include({ id });
  });
});
