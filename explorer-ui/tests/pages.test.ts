import { describe, expect, it } from 'vitest';
import CreditsPage from '../src/features/credits/CreditsPage.vue';
import ProgrammePage from '../src/features/programme/ProgrammePage.vue';
import ProgrammeListPage from '../src/features/programmes/ProgrammeListPage.vue';
import { block, lookup, notFound, programme, programmeSummary } from './fixtures';
import { flushPromises, mountPage, stubApi, withReferenceData, type Answer } from './support';

const empty = { body: { items: [] } };

describe('Programmes page', () => {
  it('shows loading, then the programmes', async () => {
    let answer: Answer = 'pending';
    stubApi(withReferenceData(() => answer));
    const { wrapper } = await mountPage(ProgrammeListPage, '/programmes');
    expect(wrapper.text()).toContain('Loading…');
    answer = { body: { items: [programmeSummary] } };
    wrapper.unmount();
    const again = await mountPage(ProgrammeListPage, '/programmes?state=Authorised');
    await flushPromises();
    expect(again.wrapper.text()).toContain('Turkana solar mini-grids');
    expect(again.wrapper.text()).toContain('Sunrise Energy');
    expect(again.wrapper.text()).toContain('21,000');
    expect(again.wrapper.find('a[download]').attributes('href')).toContain('state=Authorised');
  });

  it('says when no programme matches', async () => {
    stubApi(withReferenceData(() => empty));
    const { wrapper } = await mountPage(ProgrammeListPage, '/programmes?q=zzz');
    await flushPromises();
    expect(wrapper.text()).toContain('No programme matches these filters.');
  });

  it('shows an API error by its code, translated', async () => {
    stubApi(
      withReferenceData(() => ({ status: 503, body: { code: 'REPLICA_UNAVAILABLE', message: 'x', details: {} } })),
    );
    const { wrapper } = await mountPage(ProgrammeListPage, '/programmes');
    await flushPromises();
    expect(wrapper.text()).toContain('The registry’s records cannot be read at the moment.');
    expect(wrapper.text()).toContain('REPLICA_UNAVAILABLE');
  });
});

describe('Programme page', () => {
  const answers = (url: URL): Answer => {
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/programmes/KE-SOLAR-001') return { body: programme };
    if (path.endsWith('/blocks')) return { body: { items: [block] } };
    return empty;
  };

  it('shows loading first', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const { wrapper } = await mountPage(ProgrammePage, '/programmes/KE-SOLAR-001', { externalId: 'KE-SOLAR-001' });
    expect(wrapper.text()).toContain('Loading…');
  });

  it('shows details, shares, documents with hashes, blocks, and the empty sections', async () => {
    stubApi(withReferenceData(answers));
    const { wrapper } = await mountPage(ProgrammePage, '/programmes/KE-SOLAR-001', { externalId: 'KE-SOLAR-001' });
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('Turkana solar mini-grids');
    expect(text).toContain('AMS-I.L');
    expect(text).toContain('100%');
    expect(text).toContain(programme.documents[0]?.sha256);
    expect(text).toContain(block.serial);
    expect(text).toContain('No monitoring report has been submitted.');
    expect(text).toContain('No credits have been issued.');
    expect(text).toContain('No transaction found.');
    expect(wrapper.find('input[type="file"]').exists()).toBe(true);
  });

  it('shows NOT_FOUND for an unknown programme', async () => {
    stubApi(withReferenceData(() => notFound));
    const { wrapper } = await mountPage(ProgrammePage, '/programmes/NOPE', { externalId: 'NOPE' });
    await flushPromises();
    expect(wrapper.text()).toContain('This record does not exist in the registry.');
  });
});

describe('Credits page', () => {
  it('invites a lookup when nothing is asked', async () => {
    stubApi(withReferenceData(() => empty));
    const { wrapper } = await mountPage(CreditsPage, '/credits');
    await flushPromises();
    expect(wrapper.text()).toContain('Choose an organisation to list the credit blocks it holds.');
  });

  it('shows loading, then the block holding the serial and its provenance', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const pending = await mountPage(CreditsPage, `/credits?serial=${block.serial}`);
    expect(pending.wrapper.text()).toContain('Loading…');
    pending.wrapper.unmount();

    const requested = stubApi(withReferenceData(() => ({ body: lookup })));
    const { wrapper } = await mountPage(CreditsPage, `/credits?serial=${block.serial}`);
    await flushPromises();
    expect(requested.some((url) => url.searchParams.get('serial') === block.serial)).toBe(true);
    const text = wrapper.text();
    expect(text).toContain('The block holding it now');
    expect(text).toContain('Sunrise Energy');
    expect(text).toContain('Issued');
    expect(text).toContain('Transferred');
    expect(text).toContain('Climate Change Directorate');
  });

  it('lists a holder’s blocks, or says there are none', async () => {
    stubApi(
      withReferenceData((url) =>
        url.searchParams.get('holder') === 'DEV-SUNRISE' ? { body: { items: [block] } } : empty,
      ),
    );
    const withBlocks = await mountPage(CreditsPage, '/credits?holder=DEV-SUNRISE');
    await flushPromises();
    expect(withBlocks.wrapper.text()).toContain(block.serial);
    withBlocks.wrapper.unmount();
    const none = await mountPage(CreditsPage, '/credits?holder=GOV-KE');
    await flushPromises();
    expect(none.wrapper.text()).toContain('This organisation holds no credit block in this state.');
  });

  it('shows a lookup error by its code', async () => {
    stubApi(withReferenceData(() => notFound));
    const { wrapper } = await mountPage(CreditsPage, '/credits?programmeId=1&unit=999999');
    await flushPromises();
    expect(wrapper.text()).toContain('This record does not exist in the registry.');
  });
});
