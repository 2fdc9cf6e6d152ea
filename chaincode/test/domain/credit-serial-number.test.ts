// Credit block serial numbers: formatting, parsing (and every kind of text it refuses), round trips and withRange.
import { expect } from 'chai';
import fc from 'fast-check';
import { formatSerial, parseSerial, withRange, type SerialNumber } from '../../src/domain/serial-number';
import { deepFreeze, registryErrorOf } from './domain-fixtures';

const EXAMPLE: SerialNumber = {
  creditIdentifier: 'CA0004',
  originatingParty: 'VU',
  firstTransferringParty: 'CH',
  programmeId: 356,
  blockStart: 1,
  blockEnd: 3000,
  vintage: 2023,
};

function expectNotASerial(text: string): void {
  const error = registryErrorOf(() => parseSerial(text));
  expect(error).to.deep.equal({
    code: 'INVALID_ARGUMENT',
    message: `serial: ${text} is not a credit block serial number`,
    details: { serial: text },
  });
}

describe('formatSerial', () => {
  it('joins identifier, parties, programme, unit range and vintage with dashes', () => {
    expect(formatSerial(EXAMPLE)).to.equal('CA0004-VU-CH-356-1-3000-2023');
    expect(formatSerial({ ...EXAMPLE, blockStart: 3001, blockEnd: 5000, vintage: 2024 })).to.equal(
      'CA0004-VU-CH-356-3001-5000-2024',
    );
  });
});

describe('parseSerial', () => {
  it('reads every part of a serial, numbers as numbers', () => {
    expect(parseSerial('CA0004-VU-CH-356-1-3000-2023')).to.deep.equal(EXAMPLE);
  });

  // Each case sits at an edge of what the pattern allows.
  const accepted: [string, SerialNumber][] = [
    [
      'AB-KE-XX-1-1-1-1990',
      {
        creditIdentifier: 'AB',
        originatingParty: 'KE',
        firstTransferringParty: 'XX',
        programmeId: 1,
        blockStart: 1,
        blockEnd: 1,
        vintage: 1990,
      },
    ],
    [
      'ABCDEFGHIJ12-KE-CH-7-42-42-2200',
      {
        creditIdentifier: 'ABCDEFGHIJ12',
        originatingParty: 'KE',
        firstTransferringParty: 'CH',
        programmeId: 7,
        blockStart: 42,
        blockEnd: 42,
        vintage: 2200,
      },
    ],
    [
      '12345-KE-CH-9007199254740991-100000000000-9007199254740991-2030',
      {
        creditIdentifier: '12345',
        originatingParty: 'KE',
        firstTransferringParty: 'CH',
        programmeId: 9007199254740991,
        blockStart: 100000000000,
        blockEnd: 9007199254740991,
        vintage: 2030,
      },
    ],
  ];
  for (const [text, serial] of accepted) {
    it(`reads ${text}`, () => {
      expect(parseSerial(text)).to.deep.equal(serial);
      expect(formatSerial(serial)).to.equal(text);
    });
  }

  const refused: [string, string[]][] = [
    [
      'the wrong number of parts',
      [
        '',
        'CA0004',
        'CA0004-VU-CH-356-1-3000',
        'CA0004-VU-CH-356-1-3000-2023-1',
        'CA0004-VU-CH-356-1-2023',
        'VU-CH-356-1-3000-2023',
        'CA0004--VU-CH-356-1-3000-2023',
        'CA0004-VU-CH-356-1-3000-2023-',
      ],
    ],
    [
      'lower-case letters',
      ['ca0004-VU-CH-356-1-3000-2023', 'Ca0004-VU-CH-356-1-3000-2023', 'CA0004-vu-CH-356-1-3000-2023'],
    ],
    ['a credit identifier of 1 or 13 characters', ['C-VU-CH-356-1-3000-2023', 'ABCDEFGHIJ123-VU-CH-356-1-3000-2023']],
    [
      'parties that are not two letters',
      [
        'CA0004-VUT-CH-356-1-3000-2023',
        'CA0004-VU-CHE-356-1-3000-2023',
        'CA0004-V-CH-356-1-3000-2023',
        'CA0004-V1-CH-356-1-3000-2023',
      ],
    ],
    ['a zero number', ['CA0004-VU-CH-0-1-3000-2023', 'CA0004-VU-CH-356-0-3000-2023', 'CA0004-VU-CH-356-0-0-2023']],
    [
      'a number with a leading zero',
      ['CA0004-VU-CH-0356-1-3000-2023', 'CA0004-VU-CH-356-01-3000-2023', 'CA0004-VU-CH-356-1-03000-2023'],
    ],
    ['an end before the start', ['CA0004-VU-CH-356-3000-2999-2023', 'CA0004-VU-CH-356-2-1-2023']],
    [
      'non-numeric parts',
      [
        'CA0004-VU-CH-abc-1-3000-2023',
        'CA0004-VU-CH-356-x-3000-2023',
        'CA0004-VU-CH-356-1-3e3-2023',
        'CA0004-VU-CH-356-1-3000.5-2023',
        'CA0004-VU-CH-356-1-3000-20x3',
        'CA0004-VU-CH-356-+1-3000-2023',
        'CA0004-VU-CH-356-1-3000-2023 ',
        ' CA0004-VU-CH-356-1-3000-2023',
        'CA0004-VU-CH-356-1-3000-2023\n',
      ],
    ],
    ['a vintage that is not four digits', ['CA0004-VU-CH-356-1-3000-23', 'CA0004-VU-CH-356-1-3000-20230']],
    [
      // Beyond 2^53 − 1 a number no longer names one unit exactly.
      'numbers JavaScript cannot carry exactly',
      ['CA0004-VU-CH-9007199254740992-1-3000-2023', 'CA0004-VU-CH-356-1-9007199254740993-2023'],
    ],
  ];
  for (const [why, texts] of refused) {
    it(`refuses ${why}`, () => {
      for (const text of texts) expectNotASerial(text);
    });
  }

  it('round-trips any well-formed serial through format and parse', () => {
    const party = fc.stringMatching(/^[A-Z]{2}$/);
    const serial = fc
      .record({
        creditIdentifier: fc.stringMatching(/^[A-Z0-9]{2,12}$/),
        originatingParty: party,
        firstTransferringParty: party,
        programmeId: fc.integer({ min: 1, max: 1_000_000 }),
        blockStart: fc.integer({ min: 1, max: 200_000_000_000 }),
        length: fc.integer({ min: 1, max: 100_000_000_000 }),
        vintage: fc.integer({ min: 1000, max: 9999 }),
      })
      .map(({ length, ...s }) => ({ ...s, blockEnd: s.blockStart + length - 1 }));
    fc.assert(
      fc.property(serial, (s) => {
        const text = formatSerial(s);
        expect(parseSerial(text)).to.deep.equal(s);
        expect(formatSerial(parseSerial(text))).to.equal(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('withRange', () => {
  it('gives the same prefix and vintage over another unit range, leaving the original alone', () => {
    const original = deepFreeze({ ...EXAMPLE });
    expect(withRange(original, 2001, 3000)).to.deep.equal({ ...EXAMPLE, blockStart: 2001, blockEnd: 3000 });
    expect(formatSerial(withRange(original, 1, 2000))).to.equal('CA0004-VU-CH-356-1-2000-2023');
    expect(original).to.deep.equal(EXAMPLE);
  });
});
