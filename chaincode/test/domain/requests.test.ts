// Transaction request schemas: the programme list's single filter and page bounds, and a few other requests.
import { expect } from 'chai';
import {
  changeRoleRequest,
  listOrganisationsRequest,
  listProgrammesRequest,
  listUsersRequest,
  organisationApprovalRequest,
  organisationDecisionRequest,
} from '../../src/domain/requests';
import { validate } from '../../src/domain/validation';

const listProgrammes = (input: unknown) => validate(listProgrammesRequest, input);

describe('listProgrammesRequest', () => {
  it('defaults to a first page of 50', () => {
    expect(listProgrammes({})).to.deep.equal({ ok: true, value: { pageSize: 50, bookmark: '' } });
  });

  it('takes one filter of state, proponent or certifier', () => {
    for (const filter of [{ state: 'Authorised' }, { proponent: 'DEV' }, { certifier: 'CERT' }]) {
      expect(listProgrammes({ ...filter, bookmark: 'b1' })).to.deep.equal({
        ok: true,
        value: { ...filter, pageSize: 50, bookmark: 'b1' },
      });
    }
  });

  it('refuses more than one filter', () => {
    const problem = 'filter by at most one of state, proponent, certifier';
    for (const filters of [
      { state: 'Authorised', proponent: 'DEV' },
      { state: 'Authorised', certifier: 'CERT' },
      { proponent: 'DEV', certifier: 'CERT' },
      { state: 'Authorised', proponent: 'DEV', certifier: 'CERT' },
    ]) {
      expect(listProgrammes(filters)).to.deep.equal({ ok: false, problems: [problem] });
    }
  });

  it('takes page sizes from 1 to 200', () => {
    for (const pageSize of [1, 200]) {
      expect(listProgrammes({ pageSize })).to.deep.equal({ ok: true, value: { pageSize, bookmark: '' } });
    }
    for (const pageSize of [0, 201, -1, 1.5]) {
      const result = listProgrammes({ pageSize });
      if (result.ok) expect.fail(`pageSize ${String(pageSize)} was accepted`);
      expect(result.problems).to.have.length(1);
      expect(result.problems[0]).to.match(/^pageSize: /);
    }
  });

  it('refuses an unknown state, a malformed company id and unknown fields', () => {
    expect(listProgrammes({ state: 'Issued' }).ok).to.equal(false);
    expect(listProgrammes({ proponent: 'has space' }).ok).to.equal(false);
    expect(listProgrammes({ owner: 'DEV' })).to.deep.equal({ ok: false, problems: ['Unrecognized key: "owner"'] });
  });
});

describe('other list requests', () => {
  it('default to a first page of 50 and bound the page size', () => {
    expect(validate(listOrganisationsRequest, { state: 'Pending' })).to.deep.equal({
      ok: true,
      value: { state: 'Pending', pageSize: 50, bookmark: '' },
    });
    expect(validate(listUsersRequest, { companyId: 'DEV' })).to.deep.equal({
      ok: true,
      value: { companyId: 'DEV', pageSize: 50, bookmark: '' },
    });
    expect(validate(listOrganisationsRequest, { pageSize: 201 }).ok).to.equal(false);
    expect(validate(listUsersRequest, {}).ok).to.equal(false);
  });
});

describe('decision requests', () => {
  it('require a reason of at least 3 characters, trimmed, for a rejection or suspension', () => {
    expect(validate(organisationDecisionRequest, { companyId: 'DEV', reason: '  ok  ' })).to.deep.equal({
      ok: false,
      problems: ['reason: say why (at least 3 characters)'],
    });
    expect(validate(organisationDecisionRequest, { companyId: 'DEV', reason: ' fraud ' })).to.deep.equal({
      ok: true,
      value: { companyId: 'DEV', reason: 'fraud' },
    });
  });

  it('make the reason optional for an approval', () => {
    expect(validate(organisationApprovalRequest, { companyId: 'DEV' })).to.deep.equal({
      ok: true,
      value: { companyId: 'DEV' },
    });
  });

  it('name users by their 64-hex-character id', () => {
    expect(validate(changeRoleRequest, { userId: 'a'.repeat(64), role: 'Manager' }).ok).to.equal(true);
    expect(validate(changeRoleRequest, { userId: 'A'.repeat(64), role: 'Manager' })).to.deep.equal({
      ok: false,
      problems: ['userId: a user id (64 hex characters)'],
    });
    expect(validate(changeRoleRequest, { userId: 'a'.repeat(64), role: 'Owner' }).ok).to.equal(false);
  });
});
