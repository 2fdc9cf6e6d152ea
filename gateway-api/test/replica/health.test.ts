import { expect } from 'chai';
import { healthReport } from '../../src/replica/health.ts';

const replicator = { enabled: true, running: true };

describe('GET /health report', () => {
  it('is ok with the lag between the peer and the replica', () => {
    const { httpStatus, report } = healthReport({
      peerHeight: 42,
      replicatedHeight: 40,
      couchdbReachable: true,
      replicator,
    });
    expect(httpStatus).to.equal(200);
    expect(report).to.deep.equal({
      status: 'ok',
      peerHeight: 42,
      replicatedHeight: 40,
      lag: 2,
      couchdb: 'ok',
      replicator,
    });
  });

  it('is degraded (503) when the peer cannot be reached', () => {
    const { httpStatus, report } = healthReport({
      peerHeight: null,
      replicatedHeight: 40,
      couchdbReachable: true,
      replicator,
    });
    expect(httpStatus).to.equal(503);
    expect(report).to.include({ status: 'degraded', lag: null, couchdb: 'ok' });
  });

  it('is degraded (503) when CouchDB cannot be reached', () => {
    const { httpStatus, report } = healthReport({
      peerHeight: 42,
      replicatedHeight: null,
      couchdbReachable: false,
      replicator,
    });
    expect(httpStatus).to.equal(503);
    expect(report).to.include({ status: 'degraded', couchdb: 'unreachable', replicatedHeight: null, lag: null });
  });

  it('never reports a negative lag (the peer height is read after the replica moved on)', () => {
    expect(
      healthReport({ peerHeight: 40, replicatedHeight: 41, couchdbReachable: true, replicator }).report.lag,
    ).to.equal(0);
  });
});
