import { describe, expect, it } from 'vitest';
import type { NetworkView } from '../src/api/types';
import NetworkPage from '../src/features/network/NetworkPage.vue';
import { networkHealth } from '../src/features/network/network-health';
import { flushPromises, mountPage, stubApi, withReferenceData } from './support';

type PeerOrganisation = NetworkView['organisations'][number];

const organisation = (name: string, mspId: string, port: number, height: number | null): PeerOrganisation => ({
  name,
  mspId,
  domain: `${name}.carbon.example`,
  peer: { name: `peer0.${name}`, endpoint: `127.0.0.1:${port}`, height },
});

const view: NetworkView = {
  channel: 'carbon-registry',
  chaincode: {
    name: 'carbon',
    version: 'carbon_0.1.0-bd36fb27e38d',
    sequence: 1,
    approvals: { GovernmentMSP: true, DeveloperMSP: true },
  },
  organisations: [
    organisation('government', 'GovernmentMSP', 7051, 51),
    organisation('developer', 'DeveloperMSP', 11051, 51),
  ],
  orderers: [{ name: 'orderer0.government', mspId: 'GovernmentMSP', consenterId: 1, endpoint: '127.0.0.1:7050' }],
  heights: { peers: { GovernmentMSP: 51, DeveloperMSP: 51 }, replicated: 51 },
};

const withDownPeer: NetworkView = {
  ...view,
  organisations: [
    organisation('government', 'GovernmentMSP', 7051, 53),
    organisation('developer', 'DeveloperMSP', 11051, null),
  ],
  heights: { peers: { GovernmentMSP: 53, DeveloperMSP: null }, replicated: 50 },
};

describe('Network', () => {
  it('judges health from peer answers and the replica’s lag', () => {
    expect(networkHealth(view)).toEqual({ peersUp: 2, peersTotal: 2, ledgerHeight: 51, replicaLag: 0 });
    expect(networkHealth(withDownPeer)).toEqual({ peersUp: 1, peersTotal: 2, ledgerHeight: 53, replicaLag: 3 });
  });

  it('shows loading, then peers, orderers, chaincode and health', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const pending = await mountPage(NetworkPage, '/network');
    expect(pending.wrapper.text()).toContain('Loading…');
    pending.wrapper.unmount();

    stubApi(withReferenceData(() => ({ body: view })));
    const { wrapper } = await mountPage(NetworkPage, '/network');
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('Every peer answers');
    expect(text).toContain('peer0.developer');
    expect(text).toContain('orderer0.government');
    expect(text).toContain('carbon_0.1.0-bd36fb27e38d');
  });

  it('says when a peer does not answer, and shows errors by code', async () => {
    stubApi(withReferenceData(() => ({ body: withDownPeer })));
    const degraded = await mountPage(NetworkPage, '/network');
    await flushPromises();
    expect(degraded.wrapper.text()).toContain('A peer does not answer');
    expect(degraded.wrapper.text()).toContain('No answer');
    degraded.wrapper.unmount();

    stubApi(
      withReferenceData(() => ({ status: 502, body: { code: 'LEDGER_UNAVAILABLE', message: 'x', details: {} } })),
    );
    const failed = await mountPage(NetworkPage, '/network');
    await flushPromises();
    expect(failed.wrapper.text()).toContain('LEDGER_UNAVAILABLE');
  });
});
