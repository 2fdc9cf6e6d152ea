// What must hold of the stored credits at every moment, whatever operations led there: each
// authorised programme's blocks tile its unit numbers 1…issued exactly, every block is well formed
// and named by its own serial, the holder index has one entry per block saying its holder and
// state, every locked block is locked by exactly one pending request or retirement (and each of
// those locks exactly its quantity), and final blocks are never rewritten. Each check returns the
// problems it found, so one failure names every broken invariant at once.
import { BLOCK_STATES, FINAL_STATES, type BlockState, type CreditBlock } from '../../src/domain/credit-block';
import { programmesById, type CreditWorld, type StoredBlock } from './credits-world';

const SEP = '\u0000';
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const PENDING: readonly BlockState[] = ['PendingTransfer', 'PendingRetirement'];

function serialProblems(b: CreditBlock): string[] {
  const s = b.serialNumber;
  const parts = [s.creditIdentifier, s.originatingParty, s.firstTransferringParty, s.programmeId, s.blockStart];
  const formatted = [...parts, s.blockEnd, s.vintage].join('-');
  const fieldsAgree =
    s.programmeId === b.programmeId && s.blockStart === b.start && s.blockEnd === b.end && s.vintage === b.vintage;
  return formatted === b.serial && fieldsAgree ? [] : [`serial ${b.serial} disagrees with its fields`];
}

/** The markers of a lock or a freeze are present exactly while the block is in that state. */
function markerProblems(b: CreditBlock): string[] {
  const problems: string[] = [];
  if (!BLOCK_STATES.includes(b.state)) problems.push(`unknown state ${b.state}`);
  if (PENDING.includes(b.state) !== (b.pendingReference !== undefined)) {
    problems.push(`${b.state} with pendingReference ${String(b.pendingReference)}`);
  }
  if ((b.state === 'Frozen') !== (b.frozenBecause !== undefined)) {
    problems.push(`${b.state} with frozenBecause ${String(b.frozenBecause)}`);
  }
  return problems;
}

/** Whether the range a serial names (…-{programmeId}-{start}-{end}-{vintage}) holds the block's units. */
function rangeHolds(serial: string, b: CreditBlock): boolean {
  const [programmeId, start = NaN, end = NaN] = serial.split('-').slice(-4, -1).map(Number);
  return programmeId === b.programmeId && start <= b.start && b.end <= end;
}

/**
 * The lineage starts with the issuance, and its last step names the block's holder and state and a
 * range holding its units (a split leaves the kept low range's lineage as it was).
 */
function lineageProblems(b: CreditBlock): string[] {
  const last = b.lineage[b.lineage.length - 1];
  const problems: string[] = [];
  if (b.lineage[0]?.action !== 'issue') problems.push('lineage does not start with the issuance');
  if (!last || last.holder !== b.holder || last.state !== b.state || !rangeHolds(last.serial, b)) {
    problems.push(`lineage ends with ${JSON.stringify(last)}`);
  }
  return problems;
}

function blockProblems({ key, block: b }: StoredBlock): string[] {
  const problems = [...serialProblems(b), ...markerProblems(b), ...lineageProblems(b)];
  if (key !== `block/${pad(b.programmeId, 12)}/${pad(b.end, 16)}`) problems.push('stored under another key');
  if (b.quantity !== b.end - b.start + 1 || b.quantity < 1) problems.push(`quantity ${String(b.quantity)}`);
  if (b.holder === '') problems.push('no holder');
  return problems.map((p) => `block ${b.serial}: ${p}`);
}

/** Blocks in end order must run from unit 1 to `issued` with no gap and no overlap. */
function tilingOf(programmeId: number, issued: number, blocks: readonly CreditBlock[]): string[] {
  const problems: string[] = [];
  let next = 1;
  let sum = 0;
  for (const b of blocks) {
    if (b.start !== next) problems.push(`programme ${String(programmeId)}: ${b.serial} starts at ${String(next)}`);
    next = Math.max(next, b.end + 1);
    sum += b.quantity;
  }
  if (next - 1 !== issued) problems.push(`programme ${String(programmeId)}: blocks end at ${String(next - 1)}`);
  if (sum !== issued) problems.push(`programme ${String(programmeId)}: ${String(sum)} units in blocks`);
  return problems;
}

function blocksByProgramme(world: CreditWorld): Map<number, CreditBlock[]> {
  const byProgramme = new Map<number, CreditBlock[]>();
  for (const { block } of world.blocks.values()) {
    byProgramme.set(block.programmeId, [...(byProgramme.get(block.programmeId) ?? []), block]);
  }
  return byProgramme;
}

function tilingProblems(world: CreditWorld): string[] {
  const byProgramme = blocksByProgramme(world);
  const problems: string[] = [];
  for (const [id, programme] of programmesById(world)) {
    const issued = programme.credits?.issued ?? 0;
    if ((programme.credits?.nextUnit ?? 1) !== issued + 1) problems.push(`programme ${String(id)}: nextUnit`);
    problems.push(...tilingOf(id, issued, byProgramme.get(id) ?? []));
    byProgramme.delete(id);
  }
  for (const id of byProgramme.keys()) problems.push(`blocks of programme ${String(id)}, which is not authorised`);
  return problems;
}

function holderIndexProblems(world: CreditWorld): string[] {
  const expected = new Set<string>();
  for (const { block: b } of world.blocks.values()) {
    expected.add([b.holder, b.state, String(b.vintage), pad(b.programmeId, 12), pad(b.end, 16)].join(SEP));
  }
  const actual = new Set(world.holderIndex.map((a) => a.join(SEP)));
  const show = (entry: string) => entry.split(SEP).join('/');
  return [
    ...[...expected].filter((e) => !actual.has(e)).map((e) => `holder index lacks ${show(e)}`),
    ...[...actual].filter((e) => !expected.has(e)).map((e) => `holder index has a stray ${show(e)}`),
  ];
}

interface Lock {
  readonly id: string;
  readonly holder: string;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly pending: boolean;
}

/** A pending lock names current blocks of its holder, locked by it, adding up to its quantity. */
function pendingLockProblems(world: CreditWorld, state: BlockState, lock: Lock): string[] {
  const problems: string[] = [];
  let units = 0;
  for (const serial of lock.serials) {
    const b = world.bySerial.get(serial);
    units += b?.quantity ?? 0;
    if (b?.state !== state || b.pendingReference !== lock.id || b.holder !== lock.holder) {
      problems.push(`${lock.id} names ${serial}, which is ${b ? `${b.holder} ${b.state}` : 'gone'}`);
    }
  }
  if (units !== lock.quantity) problems.push(`${lock.id} locks ${String(units)} of ${String(lock.quantity)}`);
  return problems;
}

/** Both directions: each pending lock names blocks locked by it, each locked block is named by one pending lock. */
function locksOf(world: CreditWorld, state: BlockState, locks: readonly Lock[]): string[] {
  const pending = locks.filter((l) => l.pending);
  const problems = pending.flatMap((lock) => pendingLockProblems(world, state, lock));
  const namedBy = new Map<string, string[]>();
  for (const lock of pending) {
    for (const serial of lock.serials) namedBy.set(serial, [...(namedBy.get(serial) ?? []), lock.id]);
  }
  for (const { block: b } of world.blocks.values()) {
    const ids = namedBy.get(b.serial) ?? [];
    if (b.state === state && (ids.length !== 1 || ids[0] !== b.pendingReference)) {
      problems.push(`${state} block ${b.serial} (by ${String(b.pendingReference)}) is named by [${ids.join()}]`);
    }
  }
  return problems;
}

function lockProblems(world: CreditWorld): string[] {
  const requests = [...world.requests.values()].map((r) => ({
    id: r.requestId,
    holder: r.from,
    quantity: r.quantity,
    serials: r.lockedSerials,
    pending: r.state === 'Pending',
  }));
  const retirements = [...world.retirements.values()].map((r) => ({
    id: r.retirementId,
    holder: r.holder,
    quantity: r.quantity,
    serials: r.serials,
    pending: r.state === 'Pending',
  }));
  return [...locksOf(world, 'PendingTransfer', requests), ...locksOf(world, 'PendingRetirement', retirements)];
}

export function invariantProblems(world: CreditWorld): string[] {
  return [
    ...[...world.blocks.values()].flatMap(blockProblems),
    ...tilingProblems(world),
    ...holderIndexProblems(world),
    ...lockProblems(world),
  ];
}

/** Retired, cancelled and transferred-out blocks stay exactly as they were, byte for byte. */
export function finalBlockProblems(before: CreditWorld, after: CreditWorld): string[] {
  const problems: string[] = [];
  for (const { key, block, bytes } of before.blocks.values()) {
    if (!FINAL_STATES.includes(block.state)) continue;
    const now = after.blocks.get(key);
    if (now?.bytes !== bytes && !now?.bytes.equals(bytes)) {
      problems.push(
        `${block.state} block ${block.serial} became ${now ? `${now.block.serial} ${now.block.state}` : 'gone'}`,
      );
    }
  }
  return problems;
}
