import { describe, expect, it, vi } from 'vitest';
import HomePage from '../src/features/home/HomePage.vue';
import { setLocale } from '../src/i18n';
import { transaction } from './fixtures';
import { emptyStatistics, forestProgramme, solarProgramme, statistics, unplacedProgramme } from './home-fixtures';
import { flushPromises, mountPage, stubApi, withReferenceData, type Answer } from './support';

// The charts' drawing is ECharts' business (and needs a layout jsdom has not); their data is tested on its own.
const chart = vi.hoisted(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }));
vi.mock('../src/shared/charts/echarts', () => ({ createChart: () => chart }));

const unavailable = { status: 503, body: { code: 'REPLICA_UNAVAILABLE', message: 'x', details: {} } };

function registry(answers: { statistics?: Answer; programmes?: Answer; transactions?: Answer } = {}) {
  return stubApi(
    withReferenceData((url) => {
      if (url.pathname.endsWith('/statistics')) return answers.statistics ?? { body: statistics };
      if (url.pathname.endsWith('/programmes'))
        return answers.programmes ?? { body: { items: [solarProgramme, forestProgramme, unplacedProgramme] } };
      return answers.transactions ?? { body: { items: [transaction] } };
    }),
  );
}

/** The page, once its own answers and its lazily loaded charts and map are in. */
async function homePage() {
  const mounted = await mountPage(HomePage, '/');
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
  return mounted;
}

describe('Home page', () => {
  it('shows loading first', async () => {
    stubApi(withReferenceData(() => 'pending'));
    const { wrapper } = await mountPage(HomePage, '/');
    expect(wrapper.text()).toContain('Loading…');
  });

  it('shows the totals: credits in tonnes and acts, programmes, organisations', async () => {
    const requested = registry();
    const { wrapper } = await homePage();
    const figures = wrapper.findAll('.figure').map((figure) => figure.text());
    expect(figures).toEqual([
      'Credits issued26,000 tCO2ein 3 issuances',
      'Credits transferred2,500 tCO2ein 1 transfer',
      'Credits retired2,300 tCO2ein 2 retirements',
      'Programmes72 authorised',
      'Organisations54 active',
    ]);
    expect(wrapper.text()).toContain('Figures as of ledger block 51.');
    expect(requested.find((url) => url.pathname.endsWith('/programmes'))?.searchParams.get('limit')).toBe('200');
    expect(requested.find((url) => url.pathname.endsWith('/transactions'))?.searchParams.get('limit')).toBe('5');
  });

  it('writes the totals in the reader’s language', async () => {
    registry();
    const { wrapper } = await homePage();
    setLocale('fr');
    await flushPromises();
    const issued = wrapper.find('.figure').text().replace(/\s/g, ' ');
    expect(issued).toBe('Crédits émis26 000 tCO2een 3 émissions');
    setLocale('en');
  });

  it('charts credits by year and vintage, programmes by sector and state, each with its numbers as a table', async () => {
    registry();
    const { wrapper } = await homePage();
    const titles = wrapper.findAll('figure figcaption').map((caption) => caption.text());
    expect(titles).toEqual([
      'Credits issued and retired by year',
      'Credits issued and retired by vintage',
      'Programmes by sector',
      'Programmes by state',
    ]);
    const byState = wrapper.findAll('figure')[3];
    expect(byState?.findAll('tbody th').map((cell) => cell.text())).toEqual([
      'Submitted',
      'Validated',
      'Authorised',
      'Suspended',
      'Closed',
      'Rejected',
    ]);
    expect(chart.setOption).toHaveBeenCalledTimes(4);
  });

  it('maps the programmes that have a point, with the same programmes as a list of links', async () => {
    registry();
    const { wrapper } = await homePage();
    expect(wrapper.text()).toContain('(2 on the map)');
    const map = wrapper.find('[role="region"][aria-label="Map of the programmes"]');
    expect(map.exists()).toBe(true);
    expect(map.findAll('.leaflet-overlay-pane path')).toHaveLength(2);
    const links = wrapper.findAll('.map-list a').map((link) => [link.text(), link.attributes('href')]);
    expect(links).toEqual([
      ['Turkana solar mini-grids', '/programmes/KE-SOLAR-001'],
      ['Mau <forest> restoration', '/programmes/KE-FOREST-004'],
    ]);
    expect(wrapper.find('.map-list').text()).toContain('Validated · Forestry');
  });

  it('shows the latest transactions with the ledger page’s own component', async () => {
    registry();
    const { wrapper } = await homePage();
    expect(wrapper.text()).toContain('Latest transactions');
    expect(wrapper.text()).toContain('issuance:IssueCredits');
    expect(wrapper.find('a[href="/ledger"]').exists()).toBe(true);
  });

  it('says when nothing has been recorded yet', async () => {
    registry({
      statistics: { body: emptyStatistics },
      programmes: { body: { items: [] } },
      transactions: { body: { items: [] } },
    });
    const { wrapper } = await homePage();
    expect(wrapper.text()).toContain('Nothing has been recorded in the registry yet.');
    expect(wrapper.text()).toContain('No programme has a location to show yet.');
    expect(wrapper.text()).toContain('No transaction yet.');
    expect(wrapper.find('.figure').exists()).toBe(false);
  });

  it('says when there are programmes but no credits yet', async () => {
    const noCredits = {
      ...statistics,
      statistics: { ...statistics.statistics, credits: emptyStatistics.statistics.credits },
    };
    registry({ statistics: { body: noCredits } });
    const { wrapper } = await homePage();
    expect(wrapper.text()).toContain('No credits have been issued yet.');
    expect(wrapper.findAll('figure figcaption').map((caption) => caption.text())).toEqual([
      'Programmes by sector',
      'Programmes by state',
    ]);
  });

  it('shows each section’s error by its code, with the others still shown', async () => {
    registry({ statistics: unavailable });
    const { wrapper } = await homePage();
    expect(wrapper.text()).toContain('The registry’s records cannot be read at the moment.');
    expect(wrapper.text()).toContain('REPLICA_UNAVAILABLE');
    expect(wrapper.findAll('.map-list a')).toHaveLength(2);
    expect(wrapper.text()).toContain('issuance:IssueCredits');
  });
});
