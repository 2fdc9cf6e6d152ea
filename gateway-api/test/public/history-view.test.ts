// A record's history from the transactions view: the key range latest first, and pages that drop
// the cursor's own row and continue exactly after it.
import { expect } from 'chai';
import { HISTORY_MAP, historyPage, historyViewQuery, type HistoryRow } from '../../src/replica/history-view.ts';

interface Tx {
  txId: string;
  type: string;
  block: number;
  index: number;
  records: string[];
}

/** The view as CouchDB builds it: the map function run over every document, rows sorted by key. */
function buildView(docs: Tx[]): HistoryRow<Tx>[] {
  const rows: HistoryRow<Tx>[] = [];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the view's own source, run as CouchDB runs it
  const map = new Function('emit', `return ${HISTORY_MAP}`) as (emit: (key: unknown[]) => void) => (doc: Tx) => void;
  for (const doc of docs) map((key) => rows.push({ key, doc }))(doc);
  const compare = (a: readonly unknown[], b: readonly unknown[]): number => {
    for (let i = 0; i < 3; i++) {
      const [x, y] = [a[i], b[i]];
      if (x !== y) return typeof x === 'string' ? (x < (y as string) ? -1 : 1) : (x as number) - (y as number);
    }
    return 0;
  };
  return rows.sort((a, b) => compare(a.key, b.key));
}

/** A descending view query's rows: keys from startkey down to endkey ({} above every number). */
function query(rows: HistoryRow<Tx>[], q: ReturnType<typeof historyViewQuery>): HistoryRow<Tx>[] {
  const [recordId, block, index] = q.startkey as [string, number | object, number?];
  return [...rows]
    .reverse()
    .filter((r) => r.key[0] === recordId)
    .filter(
      (r) =>
        typeof block === 'object' ||
        (r.key[1] as number) < block ||
        (r.key[1] === block && (r.key[2] as number) <= (index ?? Infinity)),
    )
    .slice(0, q.limit);
}

describe('record history view', () => {
  const docs: Tx[] = [];
  for (let b = 1; b <= 9; b++) {
    for (let i = 0; i < 3; i++)
      docs.push({
        txId: `t${String(b)}-${String(i)}`,
        type: 'transaction',
        block: b,
        index: i,
        records: i === 1 ? ['programme:Q'] : ['programme:P', 'creditBlock:1'],
      });
  }
  docs.push({ txId: 'other', type: 'ledgerBlock', block: 5, index: 0, records: ['programme:P'] });
  const rows = buildView(docs);

  it('indexes each transaction under every record it wrote, and nothing else', () => {
    expect(rows.filter((r) => r.key[0] === 'programme:P')).to.have.length(18);
    expect(rows.filter((r) => r.key[0] === 'creditBlock:1')).to.have.length(18);
    expect(rows.some((r) => r.doc?.txId === 'other')).to.equal(false);
  });

  it('reads a record’s key range from its end, latest first', () => {
    expect(historyViewQuery('programme:P', 5)).to.deep.equal({
      startkey: ['programme:P', {}],
      endkey: ['programme:P'],
      descending: true,
      include_docs: true,
      limit: 6,
    });
  });

  it('walks the history page by page, each transaction once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20 && (pages === 0 || cursor !== undefined); pages++) {
      const q = historyViewQuery('programme:P', 4, cursor);
      const page = historyPage(query(rows, q), 4, cursor);
      seen.push(...page.items.map((d) => d.txId));
      cursor = page.next;
    }
    const expected = docs
      .filter((d) => d.type === 'transaction' && d.records.includes('programme:P'))
      .map((d) => d.txId)
      .reverse();
    expect(seen).to.deep.equal(expected);
  });
});
