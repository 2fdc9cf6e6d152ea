// What a bar chart shows, independent of how it is drawn: the chart draws it, and the same numbers are given as a
// table to screen readers.
export interface BarSeries {
  name: string;
  values: readonly number[];
}

export interface BarChartData {
  categories: readonly string[];
  series: readonly BarSeries[];
}

/** Nothing to draw: no category, or every value 0. */
export const isEmptyChart = (data: BarChartData): boolean =>
  data.categories.length === 0 || data.series.every((series) => series.values.every((value) => value === 0));
