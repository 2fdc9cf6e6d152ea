import { describe, expect, it } from 'vitest';
import { retirementFiltersFromQuery, retirementQuery } from '../src/features/retirements/retirement-filters';
import RetirementsPage from '../src/features/retirements/RetirementsPage.vue';
import { retirement } from './fixtures';
import { flushPromises, mountPage, stubApi, withReferenceData } from './support';

describe('Retirement register', () => {
  it('keeps valid filters from the URL and drops the rest', () => {
    const filters = retirementFiltersFromQuery({
      holder: 'DEV-SUNRISE',
      state: 'Bogus',
      category: 'VoluntaryCancellation',
    });
    expect(filters).toEqual({ holder: 'DEV-SUNRISE', state: undefined, category: 'VoluntaryCancellation' });
    expect(retirementQuery(filters)).toEqual({ holder: 'DEV-SUNRISE', category: 'VoluntaryCancellation' });
  });

  it('shows loading first', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const { wrapper } = await mountPage(RetirementsPage, '/retirements');
    expect(wrapper.text()).toContain('Loading…');
  });

  it('lists retirements with beneficiary, reason, quantity and serials, filtered by the URL', async () => {
    const requested = stubApi(withReferenceData(() => ({ body: { items: [retirement] } })));
    const { wrapper } = await mountPage(RetirementsPage, '/retirements?state=Retired');
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('Republic of Kenya');
    expect(text).toContain('Towards the nationally determined contribution');
    expect(text).toContain('1,500');
    expect(text).toContain(retirement.serials[0]);
    expect(requested.find((url) => url.pathname === '/api/v1/retirements')?.searchParams.get('state')).toBe('Retired');
    const csv = new URL(wrapper.find('a[download]').attributes('href') ?? '');
    expect([csv.searchParams.get('state'), csv.searchParams.get('format')]).toEqual(['Retired', 'csv']);
  });

  it('says when nothing matches, and shows errors by code', async () => {
    stubApi(withReferenceData(() => ({ body: { items: [] } })));
    const empty = await mountPage(RetirementsPage, '/retirements?category=VoluntaryCancellation');
    await flushPromises();
    expect(empty.wrapper.text()).toContain('No retirement matches these filters.');
    empty.wrapper.unmount();

    stubApi(withReferenceData(() => 'network-error'));
    const failed = await mountPage(RetirementsPage, '/retirements');
    await flushPromises();
    expect(failed.wrapper.text()).toContain('The registry could not be reached.');
    expect(failed.wrapper.text()).toContain('NETWORK_ERROR');
  });
});
