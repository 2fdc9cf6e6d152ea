// Accessibility checks with axe-core, injected into the page from the package's own axe.min.js
// (@axe-core/playwright would do this, but it needs Node 22). Every rule axe runs by default is
// run; only serious and critical violations fail a test, the others are counted for the summary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Violation = Result;
export type Impact = NonNullable<ImpactValue>;
export const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];
const BLOCKING: readonly Impact[] = ['critical', 'serious'];

export const isBlocking = (violation: Violation): boolean => BLOCKING.some((impact) => impact === violation.impact);

/** Every axe violation on the page as it is now. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Injected on each call: a page that navigated has lost the script.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } }).axe.run({
      resultTypes: ['violations'],
    }),
  );
  return results.violations;
}

/** The violations of impact serious or critical: those a page must not have. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  return (await axeViolations(page)).filter(isBlocking);
}

/** Counts by impact, e.g. { critical: 0, serious: 1, moderate: 2, minor: 0 } (each violation once, whatever its node count). */
export function countByImpact(violations: readonly Violation[]): Record<Impact, number> {
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) if (v.impact) counts[v.impact] += 1;
  return counts;
}

/** One line per violation and element, to say in a failure what is wrong and where. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((node) => `[${v.impact ?? '?'}] ${v.id}: ${v.help} — ${node.target.join(' ')}\n    ${node.html}`),
    )
    .join('\n');
}
