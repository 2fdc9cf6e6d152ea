// A large synthetic replica for the API benchmark: 10⁴ programmes and 10⁵ credit blocks written as
// ledger blocks of world-state writes and applied by the replicator's own BlockApplier, so the
// documents, indexes and statistics are exactly those the replicator makes from a real ledger.
import type { CreditBlock } from '../../chaincode/src/domain/credit-block.ts';
import type { Programme } from '../../chaincode/src/domain/programme.ts';
import { PROGRAMME_STATES } from '../../chaincode/src/domain/programme.ts';
import { SECTORS } from '../../chaincode/src/domain/programme-schema.ts';
import { formatSerial } from '../../chaincode/src/domain/serial-number.ts';
import { BlockApplier } from '../../gateway-api/src/replica/block-applier.ts';
import type { DecodedBlock, DecodedTransaction, DecodedWrite } from '../../gateway-api/src/replica/block-decoder.ts';
import type { ReplicaStore } from '../../gateway-api/src/replica/replica-store.ts';
import { sampleProgramme } from '../../tests/network/src/registry-setup.ts';

const COUNTRY = 'KE';
const stamp = (at: string, txId: string) => ({
  at,
  txId,
  by: { mspId: 'GovernmentMSP', subject: 'CN=bench', companyId: 'GOV-KE' },
});
const proponentOf = (i: number) => `DEV-${String(i % 200).padStart(3, '0')}`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function programmeRecord(i: number): Programme {
  const externalId = `BENCH-${pad(i, 6)}`;
  const state = PROGRAMME_STATES[i % PROGRAMME_STATES.length] ?? 'Submitted';
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  const { designDocument: _omitted, ...input } = sampleProgramme(
    externalId,
    COUNTRY,
    [{ companyId: proponentOf(i), shareBps: 10000 }],
    'VVB-BENCH',
  );
  const programmeId = i + 1;
  return {
    ...input,
    description: '',
    title: `Programme ${String(i)} ${['solar', 'wind', 'cookstoves', 'forest', 'biogas'][i % 5] ?? ''}`,
    sector: SECTORS[i % SECTORS.length] ?? 'Energy',
    location: { country: COUNTRY, regions: ['Nairobi'], geometry: { type: 'Point', coordinates: [36.8, -1.3] } },
    docType: 'programme',
    submittedBy: proponentOf(i),
    state,
    stateHistory: [{ state: 'Submitted', action: 'submit', at, txId: `tx-p${String(i)}`, by: stamp(at, '').by }],
    documents: [],
    ...(state === 'Authorised' || state === 'Suspended' || state === 'Closed'
      ? {
          authorisation: {
            programmeId,
            serial: {
              creditIdentifier: 'CA0004',
              originatingParty: COUNTRY,
              firstTransferringParty: COUNTRY,
              prefix: `CA0004-${COUNTRY}-${COUNTRY}-${String(programmeId)}`,
            },
            article6Authorised: false,
            authorised: stamp(at, `tx-a${String(i)}`),
          },
        }
      : {}),
    created: stamp(at, `tx-p${String(i)}`),
    updated: stamp(at, `tx-p${String(i)}`),
  } as Programme;
}

/** Block `j` of `count`, spread over the first programmes: 10 blocks of 1000 units each per programme. */
export function creditBlockRecord(j: number): CreditBlock {
  const programmeId = Math.floor(j / 10) + 1;
  const start = (j % 10) * 1000 + 1;
  const end = start + 999;
  const vintage = 2020 + (j % 5);
  const serialNumber = {
    creditIdentifier: 'CA0004',
    originatingParty: COUNTRY,
    firstTransferringParty: COUNTRY,
    programmeId,
    blockStart: start,
    blockEnd: end,
    vintage,
  };
  const serial = formatSerial(serialNumber);
  const at = new Date(Date.UTC(2025, 0, 1) + j * 1000).toISOString();
  return {
    docType: 'creditBlock',
    serial,
    serialNumber,
    programmeId,
    externalId: `BENCH-${pad(programmeId - 1, 6)}`,
    vintage,
    start,
    end,
    quantity: 1000,
    holder: proponentOf(j),
    state: j % 7 === 0 ? 'Retired' : 'Active',
    lineage: [
      {
        action: 'issue',
        serial,
        holder: proponentOf(j),
        state: 'Active',
        txId: `tx-b${String(j)}`,
        at,
        by: stamp(at, '').by,
      },
    ],
    updated: stamp(at, `tx-b${String(j)}`),
  };
}

const programmeKey = (externalId: string) => `\u0000programme\u0000${externalId}\u0000`;
const blockKey = (b: CreditBlock) => `block/${pad(b.programmeId, 12)}/${pad(b.end, 16)}`;

function transaction(index: number, txId: string, fn: string, writes: DecodedWrite[]): DecodedTransaction {
  return {
    index,
    txId,
    headerType: 'ENDORSER_TRANSACTION',
    timestamp: new Date().toISOString(),
    mspId: 'GovernmentMSP',
    creatorCertificate: null,
    function: fn,
    endorsers: ['CertifierMSP', 'GovernmentMSP'],
    validationCode: 0,
    validationCodeName: 'VALID',
    valid: true,
    writes,
    event: null,
  };
}

/** Writes `programmes` programmes and `blocks` credit blocks into the replica; prints progress. */
export async function seedReplica(
  store: ReplicaStore,
  programmes: number,
  blocks: number,
  say: (t: string) => void,
): Promise<void> {
  const applier = new BlockApplier(store);
  let next = await applier.resume();
  const perBlock = 500;
  const apply = async (fn: string, writes: DecodedWrite[]) => {
    const txs = writes.map((w, i) => transaction(i, `bench-${String(next)}-${String(i)}`, fn, [w]));
    const block: DecodedBlock = {
      number: next,
      dataHash: '',
      previousHash: '',
      timestamp: new Date().toISOString(),
      transactions: txs,
    };
    await applier.apply(block);
    next += 1;
  };
  for (let i = 0; i < programmes; i += perBlock) {
    const writes = Array.from({ length: Math.min(perBlock, programmes - i) }, (_, k) => {
      const record = programmeRecord(i + k);
      return { key: programmeKey(record.externalId), isDelete: false, value: JSON.stringify(record) };
    });
    await apply('programme:SubmitProgramme', writes);
    say(`    programmes ${String(Math.min(i + perBlock, programmes))}/${String(programmes)}`);
  }
  for (let j = 0; j < blocks; j += perBlock) {
    const writes = Array.from({ length: Math.min(perBlock, blocks - j) }, (_, k) => {
      const record = creditBlockRecord(j + k);
      return { key: blockKey(record), isDelete: false, value: JSON.stringify(record) };
    });
    await apply('issuance:IssueCredits', writes);
    if ((j + perBlock) % 10_000 === 0 || j + perBlock >= blocks)
      say(`    credit blocks ${String(Math.min(j + perBlock, blocks))}/${String(blocks)}`);
  }
}
