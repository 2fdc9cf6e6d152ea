// Reconcile, called through the contract on the ledger as a client would, must find nothing wrong,
// and must agree with the units by state counted straight from the stored blocks: a reconciliation
// that passed while miscounting would hide exactly the losses it exists to reveal.
import { BLOCK_STATES } from '../../src/domain/credit-block';
import type { FakeCaller, FakeLedger } from '../support/fake-ledger';
import { contracts } from '../support/registry-fixture';
import { programmesById, type CreditWorld } from './credits-world';

interface ReconcileAnswer {
  readonly discrepancies: number;
  readonly programmes: readonly {
    readonly programmeId: number;
    readonly issued: number;
    readonly unitsByState: Readonly<Record<string, number>>;
    readonly discrepancies: number;
  }[];
}

function storedUnits(world: CreditWorld): Map<string, number> {
  const units = new Map<string, number>();
  for (const { block } of world.blocks.values()) {
    const key = `${String(block.programmeId)} ${block.state}`;
    units.set(key, (units.get(key) ?? 0) + block.quantity);
  }
  return units;
}

export async function reconcileProblems(ledger: FakeLedger, reader: FakeCaller, world: CreditWorld): Promise<string[]> {
  const answer = JSON.parse(
    await ledger.invoke(reader, (ctx) => contracts.credit.Reconcile(ctx, '{}')),
  ) as ReconcileAnswer;
  const programmes = programmesById(world);
  const units = storedUnits(world);
  const problems: string[] = [];
  if (answer.discrepancies !== 0) problems.push(`Reconcile found ${String(answer.discrepancies)} discrepancies`);
  if (answer.programmes.length !== programmes.size)
    problems.push(`Reconcile covered ${String(answer.programmes.length)} programmes`);
  for (const report of answer.programmes) {
    const id = report.programmeId;
    if (report.discrepancies !== 0) problems.push(`Reconcile of programme ${String(id)}: ${JSON.stringify(report)}`);
    const issued = programmes.get(id)?.credits?.issued ?? 0;
    const miscounted = [
      ...(report.issued === issued ? [] : ['issued']),
      ...BLOCK_STATES.filter((s) => report.unitsByState[s] !== (units.get(`${String(id)} ${s}`) ?? 0)),
    ];
    if (miscounted.length > 0) {
      problems.push(`Reconcile of programme ${String(id)} miscounts ${miscounted.join()}: ${JSON.stringify(report)}`);
    }
  }
  return problems;
}
