// Issuing credits on a programme: recordIssuance's numbering and state rule, and the serials of issued blocks.
import { expect } from 'chai';
import { issueBlock, type CreditBlock } from '../../src/domain/credit-block';
import { allocateUnits } from '../../src/domain/issuance-split';
import {
  authoriseProgramme,
  newProgramme,
  PROGRAMME_STATES,
  recordIssuance,
  type Programme,
} from '../../src/domain/programme';
import type { ProgrammeInput } from '../../src/domain/programme-schema';
import type { Stamp } from '../../src/domain/stamp';
import { programmeInput } from '../support/inputs';
import { CHANGED, CREATED, deepFreeze, programmeIn, registryErrorOf, stampOf } from './domain-fixtures';

/** Programme 356, authorised with serial prefix CA0004-VU-CH-356. */
function authorised(overrides: Partial<ProgrammeInput> = {}): Programme {
  const submitted = newProgramme(programmeInput('P-356', overrides), 'DEV', CREATED);
  const validated: Programme = { ...submitted, state: 'Validated' };
  const input = { externalId: 'P-356', creditIdentifier: 'CA0004', firstTransferringParty: 'CH' };
  return authoriseProgramme(validated, { ...input, article6Authorised: true }, 356, 'VU', CHANGED);
}

/** What the issuance contract does with one issuance: number it, split it, and make a block per proponent. */
function issue(programme: Programme, quantity: number, vintage: number, stamp: Stamp) {
  const { programme: after, firstUnit } = recordIssuance(programme, quantity, stamp);
  const prefix = after.authorisation?.serial;
  if (!prefix) throw new Error('the fixture programme is authorised');
  const blocks: CreditBlock[] = allocateUnits(quantity, after.proponents, firstUnit).map((range) =>
    issueBlock(
      { ...prefix, programmeId: 356, blockStart: range.start, blockEnd: range.end, vintage },
      after.externalId,
      range.companyId,
      stamp,
      `issuance:${stamp.txId}`,
    ),
  );
  return { programme: after, firstUnit, blocks };
}

describe('recordIssuance', () => {
  it('numbers the first issuance from unit 1 and counts what was issued', () => {
    const programme = deepFreeze(authorised());
    const before = JSON.stringify(programme);
    const stamp = stampOf('tx10');
    expect(recordIssuance(programme, 3000, stamp)).to.deep.equal({
      programme: { ...programme, credits: { issued: 3000, nextUnit: 3001 }, updated: stamp },
      firstUnit: 1,
    });
    expect(JSON.stringify(programme)).to.equal(before);
  });

  it('continues the numbering across issuances', () => {
    const first = recordIssuance(authorised(), 3000, stampOf('tx10'));
    const second = recordIssuance(deepFreeze(first.programme), 2000, stampOf('tx11'));
    const third = recordIssuance(second.programme, 1, stampOf('tx12'));
    expect([first.firstUnit, second.firstUnit, third.firstUnit]).to.deep.equal([1, 3001, 5001]);
    expect(third.programme.credits).to.deep.equal({ issued: 5001, nextUnit: 5002 });
    expect(third.programme.updated).to.deep.equal(stampOf('tx12'));
  });

  for (const state of PROGRAMME_STATES.filter((s) => s !== 'Authorised')) {
    it(`refuses to issue on a ${state} programme`, () => {
      // Even a programme that was once authorised (and so has a serial prefix) issues nothing unless Authorised now.
      const programme = deepFreeze({ ...authorised(), state });
      const error = registryErrorOf(() => recordIssuance(programme, 10, CHANGED));
      expect(error).to.deep.equal({
        code: 'INVALID_STATE',
        message: `programme P-356 is ${state}`,
        details: { state },
      });
    });
  }

  it('refuses an Authorised programme that has no authorisation record', () => {
    const error = registryErrorOf(() => recordIssuance(programmeIn('Authorised'), 10, CHANGED));
    expect(error).to.deep.equal({
      code: 'INVALID_STATE',
      message: 'programme P-1 is Authorised',
      details: { state: 'Authorised' },
    });
  });
});

describe('serials of issued blocks', () => {
  it('issues 3000 for 2023, then 2000 for 2024, continuing the unit numbers', () => {
    const first = issue(authorised(), 3000, 2023, stampOf('tx10'));
    expect(first.firstUnit).to.equal(1);
    expect(first.blocks.map((b) => b.serial)).to.deep.equal(['CA0004-VU-CH-356-1-3000-2023']);
    const second = issue(first.programme, 2000, 2024, stampOf('tx11'));
    expect(second.firstUnit).to.equal(3001);
    expect(second.blocks.map((b) => b.serial)).to.deep.equal(['CA0004-VU-CH-356-3001-5000-2024']);
    expect(second.programme.credits).to.deep.equal({ issued: 5000, nextUnit: 5001 });
    expect(second.blocks.map((b) => [b.holder, b.start, b.end, b.quantity, b.vintage, b.state])).to.deep.equal([
      ['DEV', 3001, 5000, 2000, 2024, 'Active'],
    ]);
  });

  it('gives two proponents at 6000 / 4000 bps of a first issuance of 1001 one block each', () => {
    const proponents = [
      { companyId: 'DEV', shareBps: 6000 },
      { companyId: 'DEV2', shareBps: 4000 },
    ];
    const { blocks } = issue(authorised({ proponents }), 1001, 2023, stampOf('tx10'));
    expect(blocks.map((b) => [b.serial, b.holder, b.quantity])).to.deep.equal([
      ['CA0004-VU-CH-356-1-601-2023', 'DEV', 601],
      ['CA0004-VU-CH-356-602-1001-2023', 'DEV2', 400],
    ]);
  });
});
