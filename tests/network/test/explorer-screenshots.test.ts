// A full-page screenshot of each main page of the explorer at a desktop's and a phone's width, kept
// as test artifacts in reports/test/screenshots/<page>-<viewport>.png for people to look at. Each
// test also checks what a screenshot cannot be trusted to show by eye on every run: the page drew
// its content and nothing overflows the window sideways (a phone would have to scroll across).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import { expect } from 'chai';
import { openPage, VIEWPORTS } from '../src/browser.ts';
import { explorerFixture } from '../src/explorer-fixture.ts';
import { publicPages, visit, type PageName, type PublicPage } from '../src/explorer-pages.ts';
import { sharedExplorer } from '../src/explorer-server.ts';

const SCREENSHOTS = join(REPO_ROOT, 'reports', 'test', 'screenshots');
const MAIN_PAGES: readonly PageName[] = [
  'home',
  'programmes',
  'programme',
  'credits-lookup',
  'retirements',
  'ledger',
  'block',
  'transaction',
  'network',
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1'), `${file} is a PNG`).to.equal('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('explorer: screenshots of the main pages (reports/test/screenshots)', function () {
  this.timeout(3 * 60_000);
  let base: string;
  let pages: Readonly<Record<PageName, PublicPage>>;

  before(async () => {
    const [explorer, fixture] = await Promise.all([sharedExplorer(), explorerFixture()]);
    base = explorer.url;
    pages = publicPages(fixture);
    // Not emptied first: the portal's journeys keep their screenshots here too; ours are overwritten by name.
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  for (const viewport of VIEWPORTS) {
    for (const name of MAIN_PAGES) {
      it(`${name} at ${viewport.name} width`, async () => {
        const { context, page } = await openPage(viewport);
        try {
          await visit(page, base, pages[name]);
          const file = join(SCREENSHOTS, `${name}-${viewport.name}.png`);
          await page.screenshot({ path: file, fullPage: true });

          const layout = await page.evaluate(() => ({
            pageWidth: document.documentElement.scrollWidth,
            mainText: document.querySelector('main')?.innerText.trim().length ?? 0,
          }));
          const { width, height } = viewport.options.viewport ?? { width: 0, height: 0 };
          expect(layout.mainText, 'text in <main>').to.be.greaterThan(20);
          // A phone browser widens its layout to fit content that overflows, so the window's own width would agree.
          expect(layout.pageWidth, 'page width (no sideways scrolling)').to.be.at.most(width);
          const scale = viewport.options.deviceScaleFactor ?? 1;
          const size = pngSize(file);
          expect(size.width, 'screenshot width').to.equal(width * scale);
          expect(size.height, 'screenshot height').to.be.at.least(height * scale);
        } finally {
          await context.close();
        }
      });
    }
  }
});
