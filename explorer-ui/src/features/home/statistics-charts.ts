// The Home page's charts as data, from the registry's statistics: pure, so what each chart says is tested without
// drawing it. Labels come translated from the caller.
import type { paths } from '../../api/schema';
import type { BarChartData } from '../../shared/charts/bar-chart-data';

export type RegistryStatistics = paths['/statistics']['get']['responses'][200]['content']['application/json'];
type Counts = Readonly<Record<string, number>>;
type Credits = RegistryStatistics['statistics']['credits'];

/** Programme states in the order of their lifecycle, so the chart reads as the programmes move through it. */
export const PROGRAMME_STATE_ORDER = ['Submitted', 'Validated', 'Authorised', 'Suspended', 'Closed', 'Rejected'];

/** Issued and retired credits per year or per vintage: every year either has, oldest first. */
export function creditsBy(
  credits: Credits,
  by: 'byYear' | 'byVintage',
  names: { issued: string; retired: string },
): BarChartData {
  const issued = credits.issued[by];
  const retired = credits.retired[by];
  const years = [...new Set([...Object.keys(issued), ...Object.keys(retired)])].sort();
  return {
    categories: years,
    series: [
      { name: names.issued, values: years.map((year) => issued[year] ?? 0) },
      { name: names.retired, values: years.map((year) => retired[year] ?? 0) },
    ],
  };
}

/**
 * One count per category, with their translated labels: in the given order when there is one (states, with
 * unknown ones after it), else the largest first.
 */
export function countsBy(counts: Counts, name: string, label: (key: string) => string, order?: string[]): BarChartData {
  const keys = Object.keys(counts).filter((key) => (counts[key] ?? 0) > 0);
  const rank = (key: string): number => {
    const at = order?.indexOf(key) ?? -1;
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  const sorted = order
    ? keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    : keys.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  return { categories: sorted.map(label), series: [{ name, values: sorted.map((key) => counts[key] ?? 0) }] };
}
