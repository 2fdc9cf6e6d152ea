// Accessibility of every public page of the explorer, served by vite preview against the shared test
// gateway and opened in headless Chromium at a desktop's and a phone's width: axe-core finds no
// serious or critical violation. A table of every violation's count by impact, page by page, is
// printed at the end (and kept in reports/test/axe-summary.txt), whether or not the tests passed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import { expect } from 'chai';
import { axeViolations, countByImpact, describeViolations, IMPACTS, isBlocking, type Violation } from '../src/axe.ts';
import { openPage, VIEWPORTS } from '../src/browser.ts';
import { explorerFixture } from '../src/explorer-fixture.ts';
import { PAGE_NAMES, publicPages, visit, type PageName, type PublicPage } from '../src/explorer-pages.ts';
import { sharedExplorer } from '../src/explorer-server.ts';

interface Audit {
  readonly page: PageName;
  readonly viewport: string;
  readonly violations: readonly Violation[];
}

describe('explorer: accessibility of every public page (axe-core, desktop and phone)', function () {
  this.timeout(3 * 60_000);
  const audits: Audit[] = [];
  let base: string;
  let pages: Readonly<Record<PageName, PublicPage>>;

  before(async () => {
    const [explorer, fixture] = await Promise.all([sharedExplorer(), explorerFixture()]);
    base = explorer.url;
    pages = publicPages(fixture);
  });

  after(() => {
    if (audits.length > 0) printSummary(audits);
  });

  for (const viewport of VIEWPORTS) {
    for (const name of PAGE_NAMES) {
      it(`${name}: no serious or critical violation at ${viewport.name} width`, async () => {
        const { context, page } = await openPage(viewport);
        try {
          await visit(page, base, pages[name]);
          const violations = await axeViolations(page);
          audits.push({ page: name, viewport: viewport.name, violations });
          const blocking = violations.filter(isBlocking);
          expect(
            blocking.map((v) => v.id),
            `${pages[name].path}:\n${describeViolations(blocking)}`,
          ).to.deep.equal([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

function printSummary(audits: readonly Audit[]): void {
  const header = ['page', 'viewport', ...IMPACTS, 'rules'];
  const rows = audits.map(({ page, viewport, violations }) => {
    const counts = countByImpact(violations);
    return [page, viewport, ...IMPACTS.map((impact) => String(counts[impact])), violations.map((v) => v.id).join(' ')];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const table = [line(header), ...rows.map(line)].join('\n');
  const reports = join(REPO_ROOT, 'reports', 'test');
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'axe-summary.txt'), `${table}\n`);
  writeFileSync(join(reports, 'axe-violations.json'), JSON.stringify(audits, null, 2));
  process.stdout.write(`\n    axe-core violations by impact (each rule once per page):\n${table.replace(/^/gm, '    ')}\n`);
}
