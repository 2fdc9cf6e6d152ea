import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../src/i18n';
import BarChart from '../src/shared/charts/BarChart.vue';
import { isEmptyChart } from '../src/shared/charts/bar-chart-data';
import { barOption } from '../src/shared/charts/bar-option';
import type { BarChartOption } from '../src/shared/charts/echarts';
import { PROGRAMME_STATE_ORDER, countsBy, creditsBy } from '../src/features/home/statistics-charts';
import { statistics } from './home-fixtures';

// ECharts draws on a canvas or SVG that jsdom cannot lay out; the chart component is checked for what it hands over.
const chart = vi.hoisted(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }));
const createChart = vi.hoisted(() => vi.fn(() => chart));
vi.mock('../src/shared/charts/echarts', () => ({ createChart }));

const credits = statistics.statistics.credits;
const names = { issued: 'Issued', retired: 'Retired' };

describe('Home page charts as data', () => {
  it('puts issued and retired credits side by side for every year either has, oldest first', () => {
    expect(creditsBy(credits, 'byYear', names)).toEqual({
      categories: ['2025', '2026'],
      series: [
        { name: 'Issued', values: [5000, 21000] },
        { name: 'Retired', values: [0, 2300] },
      ],
    });
    expect(creditsBy(credits, 'byVintage', names).categories).toEqual(['2023', '2024', '2025']);
  });

  it('orders programme states along their lifecycle and sectors by size, with translated labels', () => {
    const { byState, bySector } = statistics.statistics.programmes;
    const states = countsBy(byState, 'Programmes', (key) => `«${key}»`, PROGRAMME_STATE_ORDER);
    expect(states.categories).toEqual([
      '«Submitted»',
      '«Validated»',
      '«Authorised»',
      '«Suspended»',
      '«Closed»',
      '«Rejected»',
    ]);
    expect(states.series).toEqual([{ name: 'Programmes', values: [1, 1, 2, 1, 1, 1] }]);

    const sectors = countsBy({ ...bySector, Health: 0 }, 'Programmes', (key) => key);
    expect(sectors.categories).toEqual(['Energy', 'Agriculture', 'Forestry', 'Waste']);
    expect(sectors.series[0]?.values).toEqual([4, 1, 1, 1]);
  });

  it('keeps a state it does not know, after the known ones', () => {
    expect(countsBy({ Archived: 3, Submitted: 1 }, 'n', (key) => key, PROGRAMME_STATE_ORDER).categories).toEqual([
      'Submitted',
      'Archived',
    ]);
  });

  it('knows a chart with nothing to draw', () => {
    expect(isEmptyChart({ categories: [], series: [] })).toBe(true);
    expect(isEmptyChart({ categories: ['2024'], series: [{ name: 'n', values: [0] }] })).toBe(true);
    expect(isEmptyChart({ categories: ['2024'], series: [{ name: 'n', values: [3] }] })).toBe(false);
  });
});

describe('bar chart option', () => {
  const data = creditsBy(credits, 'byYear', names);
  const format = (value: number) => `#${String(value)}`;
  type Label = { position: string; formatter: (params: { value: unknown }) => string };
  const labelOf = (option: BarChartOption): Label => (option.series as { label: Label }[])[0]?.label as Label;

  it('draws one bar series per series, categories along the bottom, each bar labelled with its value', () => {
    const option = barOption(data, { formatNumber: format });
    expect(option.series).toMatchObject([
      { type: 'bar', name: 'Issued', data: [5000, 21000] },
      { type: 'bar', name: 'Retired', data: [0, 2300] },
    ]);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2025', '2026'] });
    expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 1, axisLabel: { formatter: format } });
    const label = labelOf(option);
    expect(label.position).toBe('top');
    expect([label.formatter({ value: 21000 }), label.formatter({ value: 0 })]).toEqual(['#21000', '']);
  });

  it('turns to horizontal bars, first category on top, labels at the end of the bars', () => {
    const option = barOption(
      { categories: ['Energy', 'Waste'], series: [{ name: 'n', values: [4, 1] }] },
      { horizontal: true, formatNumber: format, animation: false },
    );
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Energy', 'Waste'], inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value' });
    expect(option.animation).toBe(false);
    expect(labelOf(option).position).toBe('right');
  });
});

describe('BarChart', () => {
  const data = creditsBy(credits, 'byYear', names);
  const lastOption = (): BarChartOption => chart.setOption.mock.calls.at(-1)?.[0] as BarChartOption;
  const axisLabel = (option: BarChartOption, value: number): string =>
    (option.yAxis as { axisLabel: { formatter: (n: number) => string } }).axisLabel.formatter(value);

  it('hands ECharts its series, gives screen readers the numbers as a table, and disposes of the chart', async () => {
    setLocale('en');
    const wrapper = mount(BarChart, {
      props: { title: 'Credits by year', categoryLabel: 'Year', data },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    expect(createChart).toHaveBeenCalledWith(wrapper.find('.bar-chart-canvas').element);
    expect(lastOption().series).toMatchObject([
      { type: 'bar', name: 'Issued', data: [5000, 21000] },
      { type: 'bar', name: 'Retired', data: [0, 2300] },
    ]);
    expect(wrapper.find('.bar-chart-canvas').attributes('aria-hidden')).toBe('true');
    expect(wrapper.findAll('.bar-chart-legend li').map((item) => item.text())).toEqual(['Issued', 'Retired']);
    expect(wrapper.find('figure').attributes('aria-labelledby')).toBe(wrapper.find('figcaption').attributes('id'));
    const rows = wrapper.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['2025', '5,000', '0'],
      ['2026', '21,000', '2,300'],
    ]);
    expect(axisLabel(lastOption(), 21000)).toBe('21,000');

    setLocale('fr');
    await flushPromises();
    expect(axisLabel(lastOption(), 21000).replace(/\s/g, ' ')).toBe('21 000');
    expect(wrapper.find('tbody td').text().replace(/\s/g, ' ')).toBe('5 000');

    await wrapper.setProps({ data: { categories: ['2027'], series: [{ name: 'Issued', values: [7] }] } });
    expect(lastOption().series).toMatchObject([{ type: 'bar', name: 'Issued', data: [7] }]);
    expect(wrapper.find('.bar-chart-legend').exists()).toBe(false);

    wrapper.unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
    setLocale('en');
  });
});
