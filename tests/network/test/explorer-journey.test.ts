// A visitor's journey through the explorer in headless Chromium, on data made through the API in
// the suite's real network: browse the programmes, open one, look up a credit's serial and read its
// provenance, verify a ledger block, then switch to French and keep it across a reload. Each step
// goes through the page as a visitor would, by links, fields and buttons named as they read.
import { expect } from 'chai';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { apiBase } from '../src/api-gateway.ts';
import { DESKTOP, openPage } from '../src/browser.ts';
import { explorerFixture, type ExplorerFixture } from '../src/explorer-fixture.ts';
import { sharedExplorer } from '../src/explorer-server.ts';
import { waitFor } from '../src/network-control.ts';

const ACTION_LABELS: Readonly<Record<string, string>> = {
  issue: 'Issued',
  split: 'Split',
  transfer: 'Transferred',
  retire: 'Retired',
};

/** Visible text, whitespace collapsed. */
async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('explorer: a visitor’s journey', function () {
  this.timeout(3 * 60_000);
  let f: ExplorerFixture;
  let base: string;
  let context: BrowserContext | undefined;
  let page: Page;

  const nav = (name: string): Locator =>
    page.getByRole('navigation', { name: /main navigation|navigation principale/i }).getByRole('link', { name });

  /** Searches the programmes for the fixture's, and waits until the list shows it alone. */
  async function searchProgrammes(label: string): Promise<Locator> {
    await page.getByRole('searchbox', { name: label }).fill(f.externalId);
    await page.getByRole('button', { name: label, exact: true }).click();
    await waitFor('the list to show only the programme searched for', 30_000, async () => {
      const rows = page.getByRole('row');
      const only = (await rows.count()) === 2 && (await rows.nth(1).innerText()).includes(f.externalId);
      return only ? true : undefined;
    });
    return page.getByRole('row').filter({ hasText: f.externalId });
  }

  before(async () => {
    const [explorer, fixture] = await Promise.all([sharedExplorer(), explorerFixture()]);
    [f, base] = [fixture, explorer.url];
    ({ context, page } = await openPage(DESKTOP));
  });

  after(async () => {
    await context?.close();
  });

  it('browses the programmes and opens one', async () => {
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await nav('Programmes').click();
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();

    const row = await searchProgrammes('Search');
    expect(new URL(page.url()).searchParams.get('q')).to.equal(f.externalId);
    expect(await text(row)).to.include('12,500').and.include('Authorised');

    await row.getByRole('link', { name: f.title }).click();
    await page.getByRole('heading', { level: 1, name: f.title }).waitFor();
    expect(new URL(page.url()).pathname).to.equal(`/programmes/${f.externalId}`);
    const issuances = page.getByRole('region', { name: 'Issuances' });
    expect(await text(issuances.getByRole('row').nth(1))).to.include('12,500');
  });

  it('looks up a serial and sees its provenance, step by step', async () => {
    await nav('Credits').click();
    await page.getByRole('textbox', { name: 'Serial number' }).fill(f.serial);
    await page.getByRole('button', { name: 'Look up' }).click();

    const result = page.getByRole('region', { name: 'The block holding it now' });
    expect(await text(result)).to.include(f.serial).and.include('1,500 tCO2e');
    const expected = await fetch(`${await apiBase()}/credit-blocks/lookup?serial=${encodeURIComponent(f.serial)}`);
    const { provenance } = (await expected.json()) as { provenance: { action: string; txId: string }[] };
    expect(provenance.map((step) => step.action)).to.include.members(['issue', 'transfer']);

    const steps = result.getByRole('listitem');
    await steps.first().waitFor();
    expect(await steps.count()).to.equal(provenance.length);
    for (const [index, step] of provenance.entries()) {
      const label = ACTION_LABELS[step.action] ?? step.action;
      expect(await text(steps.nth(index)), `step ${String(index + 1)}`).to.include(label);
    }
    expect(await steps.first().getByRole('link').getAttribute('href')).to.equal(
      `/ledger/transactions/${f.issuanceTxId}`,
    );
  });

  it('opens the issuance’s block from the ledger and sees it verified', async () => {
    await nav('Ledger').click();
    const latest = page.getByRole('region', { name: 'Latest blocks' });
    await latest.getByRole('link', { name: String(f.issuanceBlock), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Block ${String(f.issuanceBlock)}` }).waitFor();
    const verification = page.getByRole('region', { name: 'Verification' });
    await verification.getByText(/^Verified:/).waitFor();
    const checks = await text(verification);
    expect(checks).to.match(/^Verification Verified: the gateway recomputed/);
    expect(checks.match(/\bmatches\b/g), 'data hash, previous hash and replica checks').to.have.length(3);
  });

  it('switches to French: texts and numbers in French, kept after a reload', async () => {
    const language = page.getByRole('combobox', { name: 'Language' });
    // axe does not read a select's shown value; the header's white text once made it invisible on white.
    const [colour, background] = await language.evaluate((select) => {
      const style = getComputedStyle(select);
      return [style.color, style.backgroundColor];
    });
    expect(colour, 'the language select’s text colour against its background').to.not.equal(background);
    await language.selectOption('fr');
    await page.getByRole('heading', { level: 1, name: `Bloc ${String(f.issuanceBlock)}` }).waitFor();
    expect(await text(page.getByRole('region', { name: 'Vérification' }))).to.match(/Vérifié\s*:/);
    expect(await page.locator('html').getAttribute('lang')).to.equal('fr');

    await nav('Programmes').click();
    const row = await searchProgrammes('Rechercher');
    const frenchRow = async (): Promise<string> => text(row);
    await page.getByRole('columnheader', { name: 'Crédits émis' }).waitFor();
    // French groups thousands with a (narrow) no-break space: 12 500, not 12,500.
    expect(await frenchRow()).to.match(/\b12[\u202f\u00a0 ]500\b/).and.include('Autorisé');

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('columnheader', { name: 'Crédits émis' }).waitFor();
    expect(await frenchRow()).to.match(/\b12[\u202f\u00a0 ]500\b/);
    expect(await nav('Crédits').isVisible()).to.equal(true);
    expect(await page.locator('html').getAttribute('lang')).to.equal('fr');
    expect(await page.getByRole('combobox', { name: 'Langue' }).inputValue()).to.equal('fr');
  });
});
