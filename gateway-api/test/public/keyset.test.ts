// Keyset pagination: the _find request each page makes (index named, sorted on every index field,
// sort fields bounded past the cursor), and pages walked end to end over an in-memory model of
// CouchDB's collation, so no item is skipped or repeated whatever the ties.
import { expect } from 'chai';
import { encodeCursor } from '../../src/replica/cursor.ts';
import { assertServedByIndex, fieldValue, pageQuery, toPage, type Listing } from '../../src/replica/keyset.ts';

const byTitle: Listing = {
  index: { ddoc: 'programme-state-title', fields: ['type', 'state', 'titleLower', '_id'] },
  type: 'programme',
  equal: { state: 'Authorised' },
  sort: ['titleLower', '_id'],
  order: 'asc',
  filter: { sector: 'Energy' },
};

describe('keyset pagination', () => {
  it('names the index and sorts on all its fields, with the sort fields open on a first page', () => {
    const query = pageQuery(byTitle, 25);
    expect(query.use_index).to.deep.equal(['_design/programme-state-title', 'programme-state-title']);
    expect(query.sort).to.deep.equal([{ type: 'asc' }, { state: 'asc' }, { titleLower: 'asc' }, { _id: 'asc' }]);
    expect(query.limit).to.equal(26);
    expect(query.selector).to.deep.equal({
      type: 'programme',
      state: 'Authorised',
      titleLower: { $gte: null },
      _id: { $gte: null },
      sector: 'Energy',
    });
  });

  it('starts a next page strictly after the cursor, in either order', () => {
    const asc = pageQuery(byTitle, 10, encodeCursor('programme-state-title:asc', ['solar', 'programme:P-2']));
    expect(asc.selector).to.deep.include({
      titleLower: { $gte: 'solar' },
      _id: { $gte: null },
      $not: { titleLower: { $lte: 'solar' }, _id: { $lte: 'programme:P-2' } },
    });
    const descending: Listing = { ...byTitle, order: 'desc' };
    const desc = pageQuery(descending, 10, encodeCursor('programme-state-title:desc', ['solar', 'programme:P-2']));
    expect(desc.sort.every((s) => Object.values(s)[0] === 'desc')).to.equal(true);
    expect(desc.selector).to.deep.include({
      titleLower: { $lte: 'solar' },
      $not: { titleLower: { $gte: 'solar' }, _id: { $gte: 'programme:P-2' } },
    });
    const unique: Listing = {
      ...byTitle,
      index: { ddoc: 'b', fields: ['type', 'number'] },
      equal: {},
      sort: ['number'],
      order: 'desc',
      filter: {},
    };
    // A single unique sort field is bounded inclusively, one more item asked for, and the cursor's own item dropped.
    const afterUnique = pageQuery(unique, 5, encodeCursor('b:desc', [42]));
    expect(afterUnique.selector).to.deep.equal({ type: 'programme', number: { $lte: 42 } });
    expect(afterUnique.limit).to.equal(7);
    const dropped = toPage([{ number: 42 }, { number: 41 }, { number: 40 }], unique, 1, encodeCursor('b:desc', [42]));
    expect(dropped.items).to.deep.equal([{ number: 41 }]);
    expect(dropped.next).to.be.a('string');
  });

  it('refuses a listing its index cannot serve', () => {
    expect(() => {
      assertServedByIndex({ ...byTitle, sort: ['submittedAt', '_id'] });
    }).to.throw(/cannot serve/);
    expect(() => {
      assertServedByIndex({ ...byTitle, filter: { titleLower: 'x' } });
    }).to.throw(/filter field/);
  });

  it('reads nested and missing fields by path', () => {
    expect(fieldValue({ record: { category: 'Voluntary' } }, 'record.category')).to.equal('Voluntary');
    expect(fieldValue({ record: null }, 'record.category')).to.equal(undefined);
  });

  it('walks every item exactly once across pages, with ties on the sort field', () => {
    type Doc = { _id: string; type: string; state: string; titleLower: string; sector: string };
    const docs: Doc[] = [];
    for (let i = 0; i < 37; i++) {
      const sector = i % 4 === 0 ? 'Waste' : 'Energy';
      docs.push({
        _id: `programme:P-${String(i).padStart(2, '0')}`,
        type: 'programme',
        state: 'Authorised',
        titleLower: `t${String(i % 5)}`,
        sector,
      });
    }
    for (const order of ['asc', 'desc'] as const) {
      const listing: Listing = { ...byTitle, order };
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = toPage(runFind(docs, pageQuery(listing, 4, cursor)), listing, 4, cursor);
        seen.push(...page.items.map((d) => d._id));
        cursor = page.next;
        if (cursor === undefined) break;
      }
      const expected = docs
        .filter((d) => d.sector === 'Energy')
        .sort((a, b) => compare([a.titleLower, a._id], [b.titleLower, b._id]) * (order === 'asc' ? 1 : -1))
        .map((d) => d._id);
      expect(seen).to.deep.equal(expected);
    }
  });

  it('walks a list on a single unique sort field exactly once, in either order', () => {
    const docs = Array.from({ length: 23 }, (_, i) => ({
      _id: `ledgerBlock:${String(i)}`,
      type: 'ledgerBlock',
      number: i,
    }));
    for (const order of ['asc', 'desc'] as const) {
      const listing: Listing = {
        index: { ddoc: 'ledgerBlock-number', fields: ['type', 'number'] },
        type: 'ledgerBlock',
        equal: {},
        sort: ['number'],
        order,
      };
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 30 && (pages === 0 || cursor !== undefined); pages++) {
        const page = toPage(runFind(docs, pageQuery(listing, 5, cursor)), listing, 5, cursor);
        seen.push(...page.items.map((d) => d.number));
        cursor = page.next;
      }
      const expected = docs.map((d) => d.number);
      expect(seen).to.deep.equal(order === 'asc' ? expected : expected.reverse());
    }
  });
});

// A small model of Mango's matching over the operators the listings use, with CouchDB's ordering of
// strings and numbers (null lowest).
function compareValue(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return (a as string) < (b as string) ? -1 : 1;
}

function compare(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValue(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return value === condition;
  return Object.entries(condition).every(([op, operand]) => {
    const c = compareValue(value, operand);
    return { $gt: c > 0, $gte: c >= 0, $lt: c < 0, $lte: c <= 0, $eq: c === 0 }[op] ?? false;
  });
}

function matches(doc: Record<string, unknown>, selector: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([field, condition]) =>
    field === '$not' ? !matches(doc, condition as Record<string, unknown>) : matchesCondition(doc[field], condition),
  );
}

function runFind<T extends Record<string, unknown>>(docs: T[], query: ReturnType<typeof pageQuery>): T[] {
  const fields = query.sort.map((s) => Object.keys(s)[0] ?? '');
  const direction = Object.values(query.sort[0] ?? {})[0] === 'desc' ? -1 : 1;
  return docs
    .filter((d) => matches(d, query.selector))
    .sort(
      (a, b) =>
        direction *
        compare(
          fields.map((f) => a[f]),
          fields.map((f) => b[f]),
        ),
    )
    .slice(0, query.limit);
}
