// The point that marks a programme on a map, from the location geometry it was submitted with, and that the public
// programme items carry it.
import { expect } from 'chai';
import { newProgramme } from '../../../chaincode/src/domain/programme.ts';
import type { LedgerRecord, ProgrammeDocument } from '../../src/replica/documents.ts';
import { recordDocument } from '../../src/replica/record-documents.ts';
import { programmeDetailOf, programmeItemOf } from '../../src/routes/public/programme-items.ts';
import { representativePoint, type Position } from '../../src/routes/public/representative-point.ts';
import { programmeInput } from '../support/programme-submission.ts';

const square = (west: number, south: number, size: number): Position[] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describe('representative point of a programme', () => {
  it('is the point itself for a Point', () => {
    expect(representativePoint({ type: 'Point', coordinates: [35.6, 3.1] })).to.deep.equal([35.6, 3.1]);
  });

  it('is the centroid of a Polygon, whichever way its ring winds', () => {
    expect(representativePoint({ type: 'Polygon', coordinates: [square(36, -2, 2)] })).to.deep.equal([37, -1]);
    const clockwise = [...square(36, -2, 2)].reverse();
    expect(representativePoint({ type: 'Polygon', coordinates: [clockwise] })).to.deep.equal([37, -1]);
  });

  it('weighs by area, so an L shape’s point leans to its larger arm, not its bounding box centre', () => {
    const lShape: Position[] = [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    // Arms: [0,3]×[0,1] (area 3, centre 1.5, 0.5) and [0,1]×[1,3] (area 2, centre 0.5, 2): (5.5 / 5, 5.5 / 5).
    expect(representativePoint({ type: 'Polygon', coordinates: [lShape] })).to.deep.equal([1.1, 1.1]);
  });

  it('leaves a polygon’s holes out', () => {
    const withHole = [square(0, 0, 4), square(2, 0, 2)];
    // What remains: [0,2]×[0,4] (area 8, centre 1, 2) and [2,4]×[2,4] (area 4, centre 3, 3).
    const [x, y] = representativePoint({ type: 'Polygon', coordinates: withHole }) ?? [NaN, NaN];
    expect(x).to.be.closeTo(20 / 12, 1e-6);
    expect(y).to.be.closeTo(28 / 12, 1e-6);
  });

  it('weighs the parts of a MultiPolygon by their areas', () => {
    const point = representativePoint({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(10, 0, 3)]],
    });
    // Centres (0.5, 0.5) with area 1 and (11.5, 1.5) with area 9.
    expect(point).to.deep.equal([10.4, 1.4]);
  });

  it('falls back to the bounding box centre of a flat (zero-area) ring', () => {
    const flat: Position[] = [
      [10, 0],
      [14, 2],
      [12, 1],
      [10, 0],
    ];
    expect(representativePoint({ type: 'Polygon', coordinates: [flat] })).to.deep.equal([12, 1]);
  });

  it('rounds to a millionth of a degree, so the same shape always gives the same answer', () => {
    const triangle: Position[] = [
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(representativePoint({ type: 'Polygon', coordinates: [triangle] })).to.deep.equal([0.333333, 0.333333]);
  });

  it('is null for a missing, unknown or malformed geometry', () => {
    for (const geometry of [
      undefined,
      null,
      'Point',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      { type: 'Point', coordinates: ['35', 3] },
      { type: 'Point', coordinates: [Infinity, 3] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [[[0, 0], 'x']] },
      { type: 'MultiPolygon', coordinates: {} },
    ]) {
      expect(representativePoint(geometry), JSON.stringify(geometry)).to.equal(null);
    }
  });

  it('is given in the public programme item and detail, or null when the record has no location', () => {
    const stamp = { at: '2024-01-02T00:00:00Z', txId: 'tx-1', by: { mspId: 'DeveloperMSP', companyId: 'DEV-1' } };
    const area = { type: 'Polygon' as const, coordinates: [square(36, -2, 2)] };
    const input = programmeInput('VCS-9', { location: { country: 'KE', regions: ['Nairobi'], geometry: area } });
    const record = newProgramme(input, 'DEV-1', { ...stamp, by: { ...stamp.by, subject: '/CN=someone' } });
    const replica = { block: 3, txId: 'tx-1', timestamp: stamp.at, previous: null };
    const doc = recordDocument(
      'programme:VCS-9',
      record as unknown as LedgerRecord,
      replica,
      () => 'Energy',
    ) as ProgrammeDocument;

    expect(programmeItemOf(doc).position).to.deep.equal([37, -1]);
    expect(programmeDetailOf(doc).position).to.deep.equal([37, -1]);
    // The replicator makes no document of such a record today; an older stored one must still be listed.
    const { location: _dropped, ...withoutLocation } = record;
    expect(programmeItemOf({ ...doc, record: withoutLocation }).position).to.equal(null);
  });
});
