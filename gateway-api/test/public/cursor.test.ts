// Page cursors: opaque, bound to their listing, refused with 400 INVALID_ARGUMENT when tampered with.
import { expect } from 'chai';
import { ApiError } from '../../src/http/api-error.ts';
import { decodeCursor, encodeCursor } from '../../src/replica/cursor.ts';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('page cursors', () => {
  it('round-trip the sort key of the last item, URL-safe', () => {
    const cursor = encodeCursor('programme-title:asc', ['solar – ünicode', 'programme:P/1']);
    expect(cursor).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'programme-title:asc', 2)).to.deep.equal(['solar – ünicode', 'programme:P/1']);
    expect(decodeCursor(encodeCursor('x:desc', [null, 7]), 'x:desc', 2)).to.deep.equal([null, 7]);
  });

  it('refuse a cursor of another listing or sort order', () => {
    const cursor = encodeCursor('programme-title:asc', ['a', 'b']);
    const err = refusal(() => decodeCursor(cursor, 'programme-title:desc', 2));
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('INVALID_ARGUMENT');
    expect(err.message).to.match(/another list/);
  });

  it('refuse garbage, a key of the wrong length and non-scalar key parts', () => {
    const cases = [
      'not a cursor!',
      'x'.repeat(501),
      Buffer.from('{"l":"a:asc"').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      encodeCursor('a:asc', ['only one']),
      Buffer.from(JSON.stringify({ l: 'a:asc', k: [{ $gt: 1 }, 'x'] })).toString('base64url'),
      Buffer.from(JSON.stringify({ l: 'a:asc', k: [true, 'x'] })).toString('base64url'),
    ];
    for (const cursor of cases) {
      const err = refusal(() => decodeCursor(cursor, 'a:asc', 2));
      expect(err.status, cursor).to.equal(400);
      expect(err.code).to.equal('INVALID_ARGUMENT');
    }
  });
});
