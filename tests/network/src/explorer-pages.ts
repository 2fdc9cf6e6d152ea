// Every public page of the explorer, each at an address showing the fixture's data, with what shows
// it has loaded. Shared by the accessibility and screenshot tests, so both see the same pages.
import type { Locator, Page } from 'playwright-core';
import type { ExplorerFixture } from './explorer-fixture.ts';

export const PAGE_NAMES = [
  'home',
  'programmes',
  'programme',
  'credits-lookup',
  'retirements',
  'ledger',
  'block',
  'transaction',
  'network',
  'not-found',
] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface PublicPage {
  readonly path: string;
  /** Visible once the page shows its data (texts in English, a new visitor's language here). */
  readonly ready: (page: Page) => Locator;
}

export function publicPages(f: ExplorerFixture): Readonly<Record<PageName, PublicPage>> {
  return {
    // The home page is being built; until it exists "/" opens the programmes.
    home: { path: '/', ready: (page) => page.getByRole('main') },
    programmes: { path: '/programmes', ready: (page) => page.getByRole('link', { name: f.title }) },
    programme: {
      path: `/programmes/${f.externalId}`,
      ready: (page) => page.getByRole('heading', { level: 1, name: f.title }),
    },
    'credits-lookup': {
      path: `/credits?serial=${encodeURIComponent(f.serial)}`,
      ready: (page) => page.getByRole('heading', { name: 'Provenance' }),
    },
    retirements: { path: '/retirements', ready: (page) => page.getByRole('cell', { name: f.beneficiary }) },
    ledger: {
      path: '/ledger',
      // Any block: later tests (the portal journey) add blocks, so the fixture's may have left the latest ones.
      ready: (page) => page.getByRole('region', { name: 'Latest blocks' }).getByRole('link', { name: /^\d+$/ }),
    },
    block: { path: `/ledger/blocks/${String(f.issuanceBlock)}`, ready: (page) => page.getByText(/^Verified:/) },
    transaction: {
      path: `/ledger/transactions/${f.issuanceTxId}`,
      ready: (page) => page.getByText('issuance:IssueCredits', { exact: true }),
    },
    network: { path: '/network', ready: (page) => page.getByRole('heading', { name: 'Orderers' }) },
    'not-found': {
      path: '/no-such-page/anywhere',
      ready: (page) => page.getByRole('heading', { level: 1, name: 'Page not found' }),
    },
  };
}

/**
 * Opens a page as a visitor would (a full load, so every address is also tried as a deep link)
 * and waits until its requests have settled and its data shows.
 */
export async function visit(page: Page, base: string, target: PublicPage): Promise<void> {
  const response = await page.goto(`${base}${target.path}`, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`${target.path}: HTTP ${String(response?.status())}`);
  await target.ready(page).first().waitFor({ state: 'visible', timeout: 30_000 });
}
