import { expect } from 'chai';
import { ApiError } from '../../src/http/api-error.ts';
import { apiPage, decodeCursor, encodeCursor, ledgerPageRequest } from '../../src/routes/ledger-pages.ts';
import { mayListRequestsOf, mayReadRequest } from '../../src/routes/transfer-parties.ts';

describe('ledger pages', () => {
  it('carries a bookmark with NUL separators through an opaque, URL-safe cursor', () => {
    const bookmark = '\u0000transferRequest~party\u0000DEV-1\u0000Pending\u0000ab/cd+ef';
    const cursor = encodeCursor(bookmark);
    expect(cursor).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).to.equal(bookmark);
  });

  it('refuses a cursor that is not one it made', () => {
    for (const cursor of ['+++', 'abc=', 'a b']) {
      expect(() => decodeCursor(cursor), cursor)
        .to.throw(ApiError)
        .with.property('status', 400);
    }
  });

  it('maps the API page query to the chaincode’s, and back', () => {
    expect(ledgerPageRequest({ limit: 7 })).to.deep.equal({ pageSize: 7, bookmark: '' });
    expect(ledgerPageRequest({ limit: 7, cursor: encodeCursor('k') })).to.deep.equal({ pageSize: 7, bookmark: 'k' });
    expect(apiPage({ records: [1, 2], fetchedRecordsCount: 2, bookmark: '' })).to.deep.equal({ items: [1, 2] });
    expect(apiPage({ records: [1], fetchedRecordsCount: 1, bookmark: 'k' })).to.deep.equal({
      items: [1],
      next: encodeCursor('k'),
    });
  });
});

describe('who sees a transfer request', () => {
  const request = { from: 'HOLDER', to: 'RECEIVER', requestedBy: 'GOV' };

  it('its holder, receiver, requester and the government; nobody else', () => {
    for (const company of ['HOLDER', 'RECEIVER', 'GOV'])
      expect(mayReadRequest(request, company, 'GOV'), company).to.equal(true);
    expect(mayReadRequest({ ...request, requestedBy: 'RECEIVER' }, 'GOV', 'GOV')).to.equal(true);
    expect(mayReadRequest(request, 'STRANGER', 'GOV')).to.equal(false);
  });

  it('a company’s list: its own people, or the government', () => {
    expect(mayListRequestsOf('A', 'A', 'GOV')).to.equal(true);
    expect(mayListRequestsOf('A', 'GOV', 'GOV')).to.equal(true);
    expect(mayListRequestsOf('A', 'B', 'GOV')).to.equal(false);
  });
});
