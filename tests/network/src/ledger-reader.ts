// Reads the ledger directly, beside the API under test: registry records as the chaincode returns
// them, and who signed a committed transaction (qscc GetTransactionByID → the creator's certificate
// → the on-chain user id, computed by the chaincode's own function).
import { chaincodeErrorOf } from '@carbon-registry/fabric-client';
import { common, msp, peer } from '@hyperledger/fabric-protos';
import { identityFromCertificate, userIdOf } from '../../../chaincode/src/domain/identity.ts';
import { evaluateOnOwnPeer, openSession, profile, type OrgSession } from './registry-client.ts';

export interface TransactionCreator {
  readonly mspId: string;
  readonly userId: string;
  readonly subject: string;
  readonly valid: boolean;
}

export class LedgerReader {
  readonly #session: OrgSession;

  /** Reads through `mspId`'s peer as its User1, which reads but never signs registry writes. */
  constructor(mspId = 'GovernmentMSP') {
    this.#session = openSession(mspId);
  }

  close(): void {
    this.#session.connection.close();
  }

  /** A record as the chaincode answers it; undefined when the chaincode says NOT_FOUND. */
  async record<T = Record<string, unknown>>(transaction: string, ...args: string[]): Promise<T | undefined> {
    try {
      return JSON.parse(await evaluateOnOwnPeer(this.#session, transaction, ...args)) as T;
    } catch (err) {
      if (chaincodeErrorOf(err)?.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  }

  /** Who signed a committed transaction, and whether it was valid. */
  async creatorOf(transactionId: string): Promise<TransactionCreator> {
    const { channel } = profile();
    const qscc = this.#session.connection.gateway.getNetwork(channel).getContract('qscc');
    const bytes = await qscc
      .newProposal('GetTransactionByID', {
        arguments: [channel, transactionId],
        endorsingOrganizations: [this.#session.mspId],
      })
      .evaluate();
    const processed = peer.ProcessedTransaction.deserializeBinary(bytes);
    const envelope = processed.getTransactionenvelope();
    if (!envelope) throw new Error(`transaction ${transactionId} has no envelope`);
    const header = common.Payload.deserializeBinary(envelope.getPayload_asU8()).getHeader();
    if (!header) throw new Error(`transaction ${transactionId} has no header`);
    const creator = msp.SerializedIdentity.deserializeBinary(
      common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8()).getCreator_asU8(),
    );
    const certificate = Buffer.from(creator.getIdBytes_asU8()).toString('utf8');
    const { subject, issuer } = identityFromCertificate(certificate);
    const mspId = creator.getMspid();
    return {
      mspId,
      subject,
      userId: userIdOf({ mspId, subject, issuer }),
      valid: processed.getValidationcode() === peer.TxValidationCode.VALID,
    };
  }
}
