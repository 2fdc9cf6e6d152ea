import { expect } from 'chai';
import { newProbeRecord, PROBE_VALUE_MAX_LENGTH, ProbeInputSchema } from '../../src/domain/probe';
import { validate } from '../../src/domain/validation';

const check = (input: unknown) => validate(ProbeInputSchema, input);

describe('probe input', () => {
  it('accepts an id of allowed characters and a short string value', () => {
    expect(check({ id: 'a.B_c-1', value: '' })).to.deep.equal({ ok: true, value: { id: 'a.B_c-1', value: '' } });
  });

  it('names each bad field', () => {
    const result = check({ id: 'has space', value: 7 });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems).to.have.length(2);
    expect(result.problems[0]).to.match(/^id: 1–64 characters/);
    expect(result.problems[1]).to.match(/^value:/);
  });

  it('rejects ids that are empty or longer than 64 characters, and values over the limit', () => {
    expect(check({ id: '', value: 'x' }).ok).to.equal(false);
    expect(check({ id: 'x'.repeat(65), value: 'x' }).ok).to.equal(false);
    expect(check({ id: 'x'.repeat(64), value: 'x'.repeat(PROBE_VALUE_MAX_LENGTH) }).ok).to.equal(true);
    expect(check({ id: 'x', value: 'x'.repeat(PROBE_VALUE_MAX_LENGTH + 1) }).ok).to.equal(false);
  });

  it('rejects unknown fields and anything that is not a plain object', () => {
    expect(check({ id: 'x', value: 'y', extra: 1 }).ok).to.equal(false);
    for (const bad of [null, 'probe', 3, ['id', 'value']]) {
      expect(check(bad).ok).to.equal(false);
    }
  });

  it('builds a record stamped with the transaction time and the signer', () => {
    expect(newProbeRecord({ id: 'p', value: 'v' }, '2026-01-01T00:00:00.000Z', '/CN=user1')).to.deep.equal({
      docType: 'probe',
      id: 'p',
      value: 'v',
      recordedAt: '2026-01-01T00:00:00.000Z',
      recordedBy: '/CN=user1',
    });
  });
});
