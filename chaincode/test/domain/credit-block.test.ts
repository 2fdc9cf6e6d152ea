// Credit blocks: issuance, splitting at every edge, which states may move (assertMovable), and applyToBlock.
import { expect } from 'chai';
import {
  applyToBlock,
  assertMovable,
  BLOCK_STATES,
  FINAL_STATES,
  issueBlock,
  splitBlock,
  type BlockState,
  type CreditBlock,
  type LineageEntry,
} from '../../src/domain/credit-block';
import type { SerialNumber } from '../../src/domain/serial-number';
import type { Stamp } from '../../src/domain/stamp';
import { RegistryError } from '../../src/errors';
import { CHANGED, CREATED, deepFreeze, registryErrorOf, stampOf } from './domain-fixtures';

const SERIAL: SerialNumber = {
  creditIdentifier: 'CA0004',
  originatingParty: 'VU',
  firstTransferringParty: 'CH',
  programmeId: 356,
  blockStart: 1,
  blockEnd: 3000,
  vintage: 2023,
};

function blockOver(blockStart: number, blockEnd: number): CreditBlock {
  return issueBlock({ ...SERIAL, blockStart, blockEnd }, 'P-356', 'DEV', CREATED, 'issuance:tx01');
}

function splitEntry(serial: string, stamp: Stamp, holder = 'DEV', state: BlockState = 'Active'): LineageEntry {
  return { action: 'split', serial, holder, state, txId: stamp.txId, at: stamp.at, by: stamp.by };
}

/** Start, end and quantity of a block, which must always agree. */
function range(block: CreditBlock | undefined): [number, number, number] | undefined {
  if (!block) return undefined;
  expect(block.quantity).to.equal(block.end - block.start + 1);
  expect([block.serialNumber.blockStart, block.serialNumber.blockEnd]).to.deep.equal([block.start, block.end]);
  return [block.start, block.end, block.quantity];
}

describe('block states', () => {
  it('has exactly the seven states, three of them final', () => {
    expect([...BLOCK_STATES]).to.deep.equal([
      'Active',
      'Frozen',
      'PendingTransfer',
      'PendingRetirement',
      'Retired',
      'Cancelled',
      'TransferredOut',
    ]);
    expect([...FINAL_STATES]).to.deep.equal(['Retired', 'Cancelled', 'TransferredOut']);
  });
});

describe('issueBlock', () => {
  it('makes an Active block of the serial’s unit range, its issuance the first lineage entry', () => {
    const serial = deepFreeze({ ...SERIAL });
    expect(issueBlock(serial, 'P-356', 'DEV', CREATED, 'issuance:tx01')).to.deep.equal({
      docType: 'creditBlock',
      serial: 'CA0004-VU-CH-356-1-3000-2023',
      serialNumber: SERIAL,
      programmeId: 356,
      externalId: 'P-356',
      vintage: 2023,
      start: 1,
      end: 3000,
      quantity: 3000,
      holder: 'DEV',
      state: 'Active',
      lineage: [
        {
          action: 'issue',
          serial: 'CA0004-VU-CH-356-1-3000-2023',
          holder: 'DEV',
          state: 'Active',
          txId: 'tx01',
          at: CREATED.at,
          by: CREATED.by,
          reference: 'issuance:tx01',
        },
      ],
      updated: CREATED,
    });
  });

  it('counts a one-unit block as 1', () => {
    const block = blockOver(3001, 3001);
    expect([block.serial, block.quantity]).to.deep.equal(['CA0004-VU-CH-356-3001-3001-2023', 1]);
  });
});

describe('splitBlock', () => {
  it('keeps CA0004-VU-CH-356-1-2000-2023 and moves CA0004-VU-CH-356-2001-3000-2023 when 1000 split off', () => {
    const block = deepFreeze(blockOver(1, 3000));
    const before = JSON.stringify(block);
    const { kept, moved } = splitBlock(block, 1000, CHANGED);
    expect(kept).to.deep.equal({
      ...block,
      serial: 'CA0004-VU-CH-356-1-2000-2023',
      serialNumber: { ...SERIAL, blockEnd: 2000 },
      start: 1,
      end: 2000,
      quantity: 2000,
      lineage: block.lineage,
      updated: CHANGED,
    });
    expect(moved).to.deep.equal({
      ...block,
      serial: 'CA0004-VU-CH-356-2001-3000-2023',
      serialNumber: { ...SERIAL, blockStart: 2001 },
      start: 2001,
      end: 3000,
      quantity: 1000,
      lineage: [...block.lineage, splitEntry('CA0004-VU-CH-356-2001-3000-2023', CHANGED)],
      updated: CHANGED,
    });
    expect(JSON.stringify(block)).to.equal(before);
  });

  // [block start, block end, units moved, kept range, moved range]
  const edges: [string, number, number, number, [number, number, number] | undefined, [number, number, number]][] = [
    ['1 unit off the top', 1, 3000, 1, [1, 2999, 2999], [3000, 3000, 1]],
    ['all but 1 unit', 1, 3000, 2999, [1, 1, 1], [2, 3000, 2999]],
    ['half a block that does not start at 1', 3001, 5000, 1000, [3001, 4000, 1000], [4001, 5000, 1000]],
    ['1 unit of a 2-unit block', 41, 42, 1, [41, 41, 1], [42, 42, 1]],
    ['the whole block', 1, 3000, 3000, undefined, [1, 3000, 3000]],
    ['1 unit off a 1-unit block', 7, 7, 1, undefined, [7, 7, 1]],
  ];
  for (const [name, start, end, quantity, keptRange, movedRange] of edges) {
    it(`splits ${name}`, () => {
      const split = splitBlock(deepFreeze(blockOver(start, end)), quantity, CHANGED);
      expect(range(split.kept)).to.deep.equal(keptRange);
      expect(range(split.moved)).to.deep.equal(movedRange);
    });
  }

  it('moves the whole block as it is, with no kept part and no split in its lineage', () => {
    for (const block of [deepFreeze(blockOver(1, 3000)), deepFreeze(blockOver(7, 7))]) {
      const split = splitBlock(block, block.quantity, CHANGED);
      expect(Object.keys(split)).to.deep.equal(['moved']);
      expect(split.moved).to.equal(block);
    }
  });

  it('leaves the kept half its lineage as it was, and gives the moved half the lineage plus one split entry', () => {
    const transferred = applyToBlock(
      blockOver(1, 10),
      'transfer',
      { holder: 'DEV2', state: 'Active' },
      stampOf('tx05'),
    );
    const block = deepFreeze(transferred);
    const stamp = stampOf('tx09');
    const { kept, moved } = splitBlock(block, 4, stamp);
    expect(block.lineage.map((l) => l.action)).to.deep.equal(['issue', 'transfer']);
    expect(kept?.lineage).to.deep.equal(block.lineage);
    expect(moved.lineage).to.deep.equal([...block.lineage, splitEntry('CA0004-VU-CH-356-7-10-2023', stamp, 'DEV2')]);
    expect([kept?.holder, moved.holder]).to.deep.equal(['DEV2', 'DEV2']);
  });

  it('splits a block that is already a split part again, from its current serial', () => {
    const { kept } = splitBlock(blockOver(1, 3000), 1000, stampOf('tx03'));
    if (!kept) throw new Error('a partial split keeps a part');
    const again = splitBlock(deepFreeze(kept), 500, stampOf('tx04'));
    expect([again.kept?.serial, again.moved.serial]).to.deep.equal([
      'CA0004-VU-CH-356-1-1500-2023',
      'CA0004-VU-CH-356-1501-2000-2023',
    ]);
    // The kept part's units never moved, so only the latest split (of the moved part) is new.
    expect(again.moved.lineage.map((l) => [l.action, l.serial])).to.deep.equal([
      ['issue', 'CA0004-VU-CH-356-1-3000-2023'],
      ['split', 'CA0004-VU-CH-356-1501-2000-2023'],
    ]);
  });

  it('keeps the state and why it was frozen in both halves', () => {
    const frozen = applyToBlock(
      blockOver(1, 10),
      'freeze',
      { state: 'Frozen', frozenBecause: 'GovernmentOrder' },
      CREATED,
    );
    const { kept, moved } = splitBlock(deepFreeze(frozen), 3, CHANGED);
    for (const half of [kept, moved]) {
      expect([half?.state, half?.frozenBecause, half?.lineage.at(-1)?.state]).to.deep.equal([
        'Frozen',
        'GovernmentOrder',
        'Frozen',
      ]);
    }
  });

  it('gives every possible split of a 10-unit block a low kept part and a high moved part that add up to 10', () => {
    const block = deepFreeze(blockOver(11, 20));
    for (let quantity = 1; quantity < 10; quantity++) {
      const { kept, moved } = splitBlock(block, quantity, CHANGED);
      // Units 11…20: the holder keeps 11…(20 − q), the q units (21 − q)…20 move.
      expect(range(kept)).to.deep.equal([11, 20 - quantity, 10 - quantity]);
      expect(range(moved)).to.deep.equal([21 - quantity, 20, quantity]);
    }
  });

  for (const quantity of [0, -1, -3000, 1.5, 0.5, 2999.5, 9007199254740992]) {
    it(`refuses to split off ${String(quantity)} units`, () => {
      const error = registryErrorOf(() => splitBlock(deepFreeze(blockOver(1, 3000)), quantity, CHANGED));
      expect(error).to.deep.equal({
        code: 'INVALID_ARGUMENT',
        message: 'quantity: a whole number of at least 1',
        details: { quantity },
      });
    });
  }

  it('refuses a quantity that is not a finite number', () => {
    // JSON has no NaN or Infinity, so only the error's code is compared here.
    for (const quantity of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => splitBlock(blockOver(1, 3000), quantity, CHANGED))
        .to.throw(RegistryError)
        .with.property('code', 'INVALID_ARGUMENT');
    }
  });

  for (const [start, end, quantity] of [
    [1, 3000, 3001],
    [7, 7, 2],
    [3001, 5000, 1_000_000],
  ] as const) {
    it(`refuses to split ${String(quantity)} units off a block of ${String(end - start + 1)}`, () => {
      const block = deepFreeze(blockOver(start, end));
      const error = registryErrorOf(() => splitBlock(block, quantity, CHANGED));
      expect(error).to.deep.equal({
        code: 'INSUFFICIENT_CREDITS',
        message: `block ${block.serial} holds ${String(end - start + 1)} units`,
        details: { serial: block.serial, available: end - start + 1, requested: quantity },
      });
    });
  }
});

describe('assertMovable', () => {
  const block = (state: BlockState) => deepFreeze({ ...blockOver(1, 3000), state });
  const SERIAL_TEXT = 'CA0004-VU-CH-356-1-3000-2023';

  it('lets Active units move', () => {
    expect(() => {
      assertMovable(block('Active'));
    }).to.not.throw();
  });

  it('refuses Frozen units with FROZEN', () => {
    const error = registryErrorOf(() => {
      assertMovable(block('Frozen'));
    });
    expect(error).to.deep.equal({
      code: 'FROZEN',
      message: `block ${SERIAL_TEXT} is frozen`,
      details: { serial: SERIAL_TEXT },
    });
  });

  for (const state of ['Retired', 'Cancelled', 'TransferredOut'] as const) {
    it(`refuses ${state} units with ALREADY_RETIRED`, () => {
      const error = registryErrorOf(() => {
        assertMovable(block(state));
      });
      expect(error).to.deep.equal({
        code: 'ALREADY_RETIRED',
        message: `block ${SERIAL_TEXT} is ${state} and never moves again`,
        details: { serial: SERIAL_TEXT, state },
      });
    });
  }

  for (const state of ['PendingTransfer', 'PendingRetirement'] as const) {
    it(`refuses ${state} units with INVALID_STATE`, () => {
      const error = registryErrorOf(() => {
        assertMovable(block(state));
      });
      expect(error).to.deep.equal({
        code: 'INVALID_STATE',
        message: `block ${SERIAL_TEXT} is ${state}`,
        details: { serial: SERIAL_TEXT, state },
      });
    });
  }
});

describe('applyToBlock', () => {
  const stamp = stampOf('tx07');

  it('moves a block to a new holder, recording the step and its reference in the lineage', () => {
    const block = deepFreeze(blockOver(1, 3000));
    const before = JSON.stringify(block);
    expect(applyToBlock(block, 'transfer', { holder: 'DEV2', state: 'Active' }, stamp, 'request:R1')).to.deep.equal({
      ...block,
      holder: 'DEV2',
      updated: stamp,
      lineage: [
        ...block.lineage,
        {
          action: 'transfer',
          serial: 'CA0004-VU-CH-356-1-3000-2023',
          holder: 'DEV2',
          state: 'Active',
          txId: 'tx07',
          at: stamp.at,
          by: stamp.by,
          reference: 'request:R1',
        },
      ],
    });
    expect(JSON.stringify(block)).to.equal(before);
  });

  it('locks a block for a request and unlocks it again, dropping the pending reference', () => {
    const locked = applyToBlock(
      deepFreeze(blockOver(1, 10)),
      'lock',
      { state: 'PendingTransfer', pendingReference: 'request:R1' },
      stamp,
    );
    expect([locked.holder, locked.state, locked.pendingReference]).to.deep.equal([
      'DEV',
      'PendingTransfer',
      'request:R1',
    ]);
    expect(locked.lineage.at(-1)).to.deep.equal({
      action: 'lock',
      serial: 'CA0004-VU-CH-356-1-10-2023',
      holder: 'DEV',
      state: 'PendingTransfer',
      txId: 'tx07',
      at: stamp.at,
      by: stamp.by,
    });
    const unlocked = applyToBlock(deepFreeze(locked), 'unlock', { state: 'Active' }, CHANGED);
    expect(unlocked.state).to.equal('Active');
    expect(unlocked).to.not.have.property('pendingReference');
    expect(unlocked.lineage.map((l) => [l.action, l.state])).to.deep.equal([
      ['issue', 'Active'],
      ['lock', 'PendingTransfer'],
      ['unlock', 'Active'],
    ]);
  });

  it('freezes a block with its reason and drops the reason when unfrozen', () => {
    const frozen = applyToBlock(
      deepFreeze(blockOver(1, 10)),
      'freeze',
      { state: 'Frozen', frozenBecause: 'OrganisationSuspended' },
      stamp,
    );
    expect([frozen.state, frozen.frozenBecause]).to.deep.equal(['Frozen', 'OrganisationSuspended']);
    const unfrozen = applyToBlock(deepFreeze(frozen), 'unfreeze', { state: 'Active' }, CHANGED);
    expect(unfrozen).to.not.have.property('frozenBecause');
    expect(unfrozen.updated).to.deep.equal(CHANGED);
  });

  it('retires a locked block for good, the final step naming the retirement', () => {
    const locked = applyToBlock(
      blockOver(1, 10),
      'retire-request',
      { state: 'PendingRetirement', pendingReference: 'retirement:T1' },
      stamp,
    );
    const retired = applyToBlock(deepFreeze(locked), 'retire', { state: 'Retired' }, CHANGED, 'retirement:T1');
    expect(retired).to.not.have.property('pendingReference');
    expect(retired.lineage.at(-1)).to.include({ action: 'retire', state: 'Retired', reference: 'retirement:T1' });
    expect(() => {
      assertMovable(retired);
    }).to.throw(RegistryError, 'ALREADY_RETIRED');
  });
});
