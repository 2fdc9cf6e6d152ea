// The only door to ECharts: registering just the bar chart, its grid and the SVG renderer keeps the library to the
// part the explorer draws with, and only pages with charts import this module. Values are written on the bars and
// the legend is HTML (BarChart.vue), which spares ECharts' tooltip and legend (a third of its weight here) and reads
// the same on a touch screen as with a mouse.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, SVGRenderer]);

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/** A chart drawn as SVG in the element: crisp at any zoom, and only the SVG renderer is registered. */
export function createChart(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'svg' });
}

export type { EChartsType };
