// Contract "system": facts about the running chaincode and the caller, and probe records that
// let operators and tests check the whole endorse–order–commit path.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { chaincodeVersion } from '../version';
import { newProbeRecord, ProbeInputSchema, type ProbeRecord } from '../domain/probe';
import { validate } from '../domain/validation';
import { ErrorCode, RegistryError } from '../errors';
import { KeyPrefix } from '../ledger/keys';
import {
  callerOf,
  emitEvent,
  parseJsonArgument,
  readExisting,
  stateKey,
  txTimestamp,
  writeRecord,
} from '../ledger/transaction';

@Info({ title: 'System', description: 'Chaincode facts, caller identity and network probes' })
export class SystemContract extends Contract {
  constructor() {
    super('system');
  }

  /** The chaincode's name and version, and who is calling (MSP id, certificate subject and issuer). */
  @Transaction(false)
  @Returns('string')
  async GetInfo(ctx: Context): Promise<string> {
    const caller = callerOf(ctx);
    return Promise.resolve(
      JSON.stringify({
        chaincode: 'carbon',
        version: chaincodeVersion(),
        contracts: ['system'],
        caller,
      }),
    );
  }

  /** Writes one probe record: {"id": "...", "value": "..."}. */
  @Transaction()
  @Returns('string')
  async RecordProbe(ctx: Context, probeJson: string): Promise<string> {
    const checked = validate(ProbeInputSchema, parseJsonArgument(probeJson, 'probe'));
    if (!checked.ok) {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, checked.problems.join('; '), { problems: checked.problems });
    }
    const input = checked.value;
    const record = newProbeRecord(input, txTimestamp(ctx), callerOf(ctx).subject);
    await writeRecord(ctx, stateKey(ctx, KeyPrefix.PROBE, input.id), record);
    emitEvent(ctx, 'ProbeRecorded', { id: input.id });
    return JSON.stringify(record);
  }

  @Transaction(false)
  @Returns('string')
  async ReadProbe(ctx: Context, id: string): Promise<string> {
    const record = await readExisting<ProbeRecord>(ctx, stateKey(ctx, KeyPrefix.PROBE, id), 'probe', id);
    return JSON.stringify(record);
  }
}
