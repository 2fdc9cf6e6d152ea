// The ECharts option of a bar chart, as a pure function of its data: what the chart shows can be tested without
// drawing it.
import type { BarChartData } from './bar-chart-data';
import type { BarChartOption } from './echarts';

/** Colours with at least 4.5:1 contrast on white, and of different lightness, so series differ in grey too. */
export const BAR_COLOURS = ['#1f6f4a', '#b45309', '#1e40af', '#6b21a8'] as const;

export interface BarOptionSettings {
  /** Bars along the horizontal axis: for categories with long names (sectors, states). */
  horizontal?: boolean;
  /** Numbers as the reader writes them. */
  formatNumber: (value: number) => string;
  /** Off when the reader asks for reduced motion. */
  animation?: boolean;
}

export function barOption(data: BarChartData, settings: BarOptionSettings): BarChartOption {
  const { formatNumber } = settings;
  const horizontal = settings.horizontal ?? false;
  const categoryAxis = { type: 'category' as const, data: [...data.categories], axisTick: { alignWithLabel: true } };
  // Credits are whole tonnes and programmes whole numbers: no 0.5 on the scale.
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { formatter: formatNumber } };
  // Each bar says its value, so no one needs to hover (or cannot, on a phone) to read it; a 0 says nothing.
  const label = {
    show: true,
    position: horizontal ? ('right' as const) : ('top' as const),
    formatter: ({ value }: { value?: unknown }) =>
      typeof value === 'number' && value !== 0 ? formatNumber(value) : '',
  };
  return {
    animation: settings.animation ?? true,
    color: [...BAR_COLOURS],
    grid: { left: 8, right: 40, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    // Horizontal bars read top to bottom in the categories' order.
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: data.series.map((series) => ({ type: 'bar', name: series.name, data: [...series.values], label })),
  };
}
