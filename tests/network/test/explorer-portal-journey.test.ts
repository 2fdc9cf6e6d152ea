// A programme's whole life through the explorer's signed-in portal, in headless Chromium against the suite's real
// network: a developer registers it (its design document uploaded, the SHA-256 shown first), its certifier validates
// it, the government authorises it, the developer reports a monitoring period, the certifier verifies it, the
// government issues the credits, the developer sends some to another organisation, which retires part of them, and a
// visitor finds the retirement in the public register. Each person signs in through the sign-in page in their own
// browser context; each action's result shows its transaction, and the public API agrees with what was done.
import { expect } from 'chai';
import { countByImpact, describeViolations, IMPACTS, isBlocking } from '../src/axe.ts';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ApiScenario, type Person } from '../src/api-scenario.ts';
import { DESKTOP, openPage } from '../src/browser.ts';
import { sharedExplorer } from '../src/explorer-server.ts';
import { waitFor } from '../src/network-control.ts';
import {
  choose,
  confirmDialog,
  pdfLike,
  portalAxeResults,
  screenshot,
  sha256Of,
  shownTransaction,
  signIn,
  uploadDocument,
} from '../src/portal-browser.ts';

const CLAIMED = 5_000;
const ISSUED = 5_000;
const TRANSFERRED = 1_200;
const RETIRED = 300;

interface ProgrammeItem {
  state: string;
  programmeId?: number;
  documents?: { type: string; sha256: string }[];
}

interface BlockItem {
  serial: string;
  quantity: number;
  holder: string;
}

const documentsOf = (programme: ProgrammeItem) =>
  (programme.documents ?? []).map(({ type, sha256 }) => ({ type, sha256 }));
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Visible text, whitespace collapsed. */
async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('explorer: a programme’s life through the portal', function () {
  this.timeout(4 * 60_000);
  let s: ApiScenario;
  let base: string;
  let developer: Person;
  let certifier: Person;
  let buyer: Person;
  let externalId: string;
  let title: string;
  let beneficiary: string;
  let receivedSerial: string;
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();

  /** The person's page, signed in through the sign-in page the first time, then taken to `path`. */
  async function portalAs(who: Person, path: string): Promise<Page> {
    let page = pages.get(who.email);
    if (!page) {
      const opened = await openPage(DESKTOP);
      contexts.push(opened.context);
      page = opened.page;
      await signIn(page, base, who, path);
      pages.set(who.email, page);
    } else {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    }
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** The transaction, once the replica holds it (as every public read is from the replica). */
  async function replicated(txId: string): Promise<{ function: string | null; valid: boolean }> {
    return waitFor(`transaction ${txId} in the replica`, 60_000, async () =>
      s.anonymous.get<{ function: string | null; valid: boolean }>(`/transactions/${txId}`),
    );
  }

  /** The article of the work queue named by the programme's title. */
  const item = (page: Page): Locator => page.getByRole('article', { name: new RegExp(escaped(title)) });

  before(async function () {
    this.timeout(5 * 60_000);
    const explorer = await sharedExplorer();
    base = explorer.url;
    s = await ApiScenario.open();
    const certifierOrg = await s.registered('Certifier', s.companyId('CRT'));
    certifier = await s.person(certifierOrg, 'Manager');
    developer = await s.person(await s.developer(s.companyId('DEV')), 'Manager');
    buyer = await s.person(await s.developer(s.companyId('BUY')), 'Manager');
    externalId = `PORTAL-${s.run}`;
    title = `Kakamega biogas digesters ${s.run}`;
    beneficiary = `Eldoret Schools Trust ${s.run}`;
  });

  after(async () => {
    for (const context of contexts) await context.close();
  });

  it('1. the developer registers a programme, its design document uploaded and hashed in the browser', async () => {
    const page = await portalAs(developer, '/portal/programmes/register');
    await page.getByRole('heading', { level: 1, name: 'Register a programme' }).waitFor();
    const form = page.getByRole('main');

    await form.getByRole('textbox', { name: /^Programme id/ }).fill(externalId);
    await form.getByRole('textbox', { name: /^Title/ }).fill(title);
    await form.getByRole('textbox', { name: /^Description/ }).fill('Household biogas digesters replacing firewood.');
    await choose(form, 'Sector', 'Energy');
    await form.getByRole('spinbutton', { name: /^Sectoral scope/ }).fill('1');
    await choose(form, 'Type of mitigation', 'Solar');
    await form.getByRole('textbox', { name: /^Methodology/ }).fill('AMS-I.L');
    await form.getByLabel(/^Start date/).fill('2024-01-01');
    await form.getByLabel(/^End date/).fill('2034-12-31');
    await form.getByLabel(/^Crediting period: start/).fill('2024-01-01');
    await form.getByLabel(/^Crediting period: end/).fill('2030-12-31');
    expect(await form.getByRole('textbox', { name: /^Country/ }).inputValue()).to.equal(s.country);
    await form.getByRole('textbox', { name: /^Regions/ }).fill('Kakamega');
    await form.getByRole('radio', { name: 'A point' }).check();
    await form.getByRole('spinbutton', { name: /^Longitude/ }).fill('34.75');
    await form.getByRole('spinbutton', { name: /^Latitude/ }).fill('0.28');
    // The developer's own organisation is the first proponent, with the whole share.
    const proponent = form.getByRole('group', { name: 'Proponent 1' });
    const company = proponent.getByRole('combobox', { name: 'Programme developer' });
    // Named once the organisations are loaded.
    await company.filter({ hasText: `${developer.user.companyId} Ltd` }).waitFor();
    expect(await text(company)).to.equal(`${developer.user.companyId} Ltd`);
    expect(await proponent.getByRole('spinbutton', { name: /^Share/ }).inputValue()).to.equal('100');
    await form.getByRole('spinbutton', { name: /^Cost/ }).fill('250000');
    await form.getByRole('spinbutton', { name: /^Estimated credits per year/ }).fill('12000');
    await form.getByRole('spinbutton', { name: /^Estimated credits in total/ }).fill('84000');
    expect(await form.getByRole('checkbox', { name: 'CO2', exact: true }).isChecked()).to.equal(true);
    await form.getByRole('checkbox', { name: 'CH4', exact: true }).check();
    await form.getByRole('checkbox', { name: `${certifier.user.companyId} Ltd` }).check();

    const design = pdfLike(`design-${s.run}.pdf`);
    const shown = await uploadDocument(form, /^Project design document/, design);
    expect(shown).to.equal(sha256Of(design.buffer));

    await form.getByRole('button', { name: 'Register the programme' }).click();
    const txId = await shownTransaction(page);
    await page.getByText(`Programme “${title}” registered.`).waitFor();
    await screenshot(page, 'register-programme');

    expect((await replicated(txId)).function).to.equal('programme:SubmitProgramme');
    const programme = await s.anonymous.get<ProgrammeItem>(`/programmes/${externalId}`);
    expect(programme.state).to.equal('Submitted');
    expect(documentsOf(programme)).to.deep.include({ type: 'ProjectDesignDocument', sha256: shown });
  });

  it('2. the certifier validates it with a validation report', async () => {
    const page = await portalAs(certifier, '/portal/programmes/validation');
    const article = item(page);
    await article.getByRole('button', { name: 'Validate', exact: true }).click();
    const report = pdfLike(`validation-${s.run}.pdf`);
    const shown = await uploadDocument(article, /^Validation report/, report);
    await screenshot(page, 'validation-queue');
    await article.getByRole('button', { name: 'Validate the programme' }).click();
    await confirmDialog(page, 'Yes, validate');
    const txId = await shownTransaction(page);

    expect((await replicated(txId)).function).to.equal('programme:ValidateProgramme');
    const programme = await s.anonymous.get<ProgrammeItem>(`/programmes/${externalId}`);
    expect(programme.state).to.equal('Validated');
    expect(documentsOf(programme)).to.deep.include({ type: 'ValidationReport', sha256: shown });
  });

  it('3. the government authorises it', async () => {
    const page = await portalAs(s.government.admin, '/portal/programmes/decisions');
    const article = item(page);
    await article.getByRole('button', { name: 'Authorise', exact: true }).click();
    await article.getByRole('textbox', { name: /^Credit identifier/ }).fill('CA0004');
    await screenshot(page, 'programme-decisions');
    await article.getByRole('button', { name: 'Authorise the programme' }).click();
    await confirmDialog(page, 'Yes, authorise');
    const txId = await shownTransaction(page);

    expect((await replicated(txId)).function).to.equal('programme:AuthoriseProgramme');
    const programme = await s.anonymous.get<ProgrammeItem>(`/programmes/${externalId}`);
    expect(programme.state).to.equal('Authorised');
    expect(programme.programmeId).to.be.a('number');
  });

  it('4. the developer submits a monitoring report', async () => {
    const page = await portalAs(developer, '/portal/programmes/monitoring');
    const form = page.getByRole('main');
    await choose(form, 'Programme', `${title} (${externalId})`);
    await form.getByLabel(/^Period start/).fill('2024-01-01');
    await form.getByLabel(/^Period end/).fill('2024-12-31');
    await form.getByRole('spinbutton', { name: /^Reductions claimed/ }).fill(String(CLAIMED));
    await uploadDocument(form, /^Monitoring report/, pdfLike(`monitoring-${s.run}.pdf`));
    await form.getByRole('button', { name: 'Submit the monitoring report' }).click();
    const txId = await shownTransaction(page);
    await page.getByText(`Monitoring report of “${title}” submitted as round 1.`).waitFor();
    await screenshot(page, 'submit-monitoring');

    expect((await replicated(txId)).function).to.equal('monitoring:SubmitMonitoringReport');
  });

  it('5. the certifier verifies the reductions', async () => {
    const page = await portalAs(certifier, '/portal/programmes/verification');
    const article = item(page);
    await article.getByRole('button', { name: 'Verify', exact: true }).click();
    await article.getByRole('spinbutton', { name: /^Verified reductions/ }).fill(String(CLAIMED));
    await uploadDocument(article, /^Verification report/, pdfLike(`verification-${s.run}.pdf`));
    await screenshot(page, 'verification-queue');
    await article.getByRole('button', { name: 'Verify the reductions' }).click();
    await confirmDialog(page, 'Yes, verify');
    const txId = await shownTransaction(page);

    expect((await replicated(txId)).function).to.equal('monitoring:VerifyMonitoringReport');
    const rounds = await s.anonymous.get<{ items: { round: number; state: string }[] }>(
      `/programmes/${externalId}/monitoring-rounds`,
    );
    expect(rounds.items).to.have.length(1);
    expect(rounds.items[0]).to.include({ round: 1, state: 'Verified' });
  });

  it('6. the government issues the credits', async () => {
    const page = await portalAs(s.government.admin, '/portal/programmes/issuance');
    const article = item(page);
    await article.getByRole('button', { name: 'Issue credits', exact: true }).click();
    await article.getByRole('spinbutton', { name: /^Credits to issue/ }).fill(String(ISSUED));
    await screenshot(page, 'issue-credits');
    await article.getByRole('button', { name: 'Issue the credits' }).click();
    await confirmDialog(page, 'Yes, issue');
    const txId = await shownTransaction(page);

    expect((await replicated(txId)).function).to.equal('issuance:IssueCredits');
    const issuances = await s.anonymous.get<{ items: { txId: string; quantity: number }[] }>(
      `/programmes/${externalId}/issuances`,
    );
    expect(issuances.items).to.have.length(1);
    expect(issuances.items[0]).to.include({ txId, quantity: ISSUED });
  });

  it('7. the developer sends part of the issued block to another organisation', async () => {
    const held = await s.anonymous.get<{ items: BlockItem[] }>(
      `/credit-blocks?holder=${developer.user.companyId}&state=Active`,
    );
    expect(held.items.map((b) => b.quantity)).to.deep.equal([ISSUED]);
    const serial = held.items[0]?.serial ?? '';

    const page = await portalAs(developer, '/portal/credits');
    await screenshot(page, 'holdings');
    await page.getByRole('link', { name: `Transfer credits from block ${serial}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Transfer credits' }).waitFor();
    const form = page.getByRole('main');
    // The block followed from the holdings is chosen once the organisation's blocks are loaded.
    await form.getByRole('combobox', { name: 'Credit block' }).filter({ hasText: serial }).waitFor();
    await choose(form, 'Receiving organisation', `${buyer.user.companyId} Ltd`);
    await form.getByRole('textbox', { name: /^Quantity \(tCO2e\)/ }).fill(String(TRANSFERRED));
    await form.getByRole('button', { name: 'Send credits' }).click();
    await confirmDialog(page, 'Send');
    const txId = await shownTransaction(page);
    await screenshot(page, 'transfer');

    expect((await replicated(txId)).function).to.equal('transfer:SendCredits');
    const received = await s.anonymous.get<{ items: BlockItem[] }>(
      `/credit-blocks?holder=${buyer.user.companyId}&state=Active`,
    );
    expect(received.items.map((b) => b.quantity)).to.deep.equal([TRANSFERRED]);
    receivedSerial = received.items[0]?.serial ?? '';
  });

  it('8. the receiving organisation retires some of them for a beneficiary', async () => {
    const page = await portalAs(buyer, '/portal/credits');
    await page.getByRole('link', { name: `Retire credits from block ${receivedSerial}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Retire credits' }).waitFor();
    const form = page.getByRole('main');
    await form.getByRole('combobox', { name: 'Credit block' }).filter({ hasText: receivedSerial }).waitFor();
    await form.getByRole('textbox', { name: /^Quantity \(tCO2e\)/ }).fill(String(RETIRED));
    await form.getByRole('textbox', { name: /^Beneficiary/ }).fill(beneficiary);
    await choose(form, 'Purpose', 'Voluntary cancellation');
    await form.getByRole('button', { name: 'Retire credits', exact: true }).click();
    await confirmDialog(page, 'Retire');
    const txId = await shownTransaction(page);

    expect((await replicated(txId)).function).to.equal('retirement:RetireCredits');
    const register = await s.anonymous.get<{ items: { beneficiary: string; quantity: number; state: string }[] }>(
      `/retirements?holder=${buyer.user.companyId}`,
    );
    expect(register.items).to.have.length(1);
    expect(register.items[0]).to.include({ beneficiary, quantity: RETIRED, state: 'Retired' });
    // The page lists the organisation's retirements again once the replica holds the new one.
    const own = page.getByRole('region', { name: 'Our retirements' });
    await own.getByRole('cell', { name: beneficiary, exact: true }).waitFor();
    await screenshot(page, 'retire');
  });

  it('9. a visitor finds the retirement in the public register', async () => {
    const { context, page } = await openPage(DESKTOP);
    contexts.push(context);
    await page.goto(`${base}/retirements`, { waitUntil: 'networkidle' });
    // Not signed in: the header offers to.
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: beneficiary, exact: true }) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim());
    expect(cells).to.include.members([beneficiary, 'Voluntary cancellation', String(RETIRED)]);
    expect(cells).to.include(`${buyer.user.companyId} Ltd`);
    await screenshot(page, 'public-retirements');
  });

  it('has no serious or critical axe-core violation on any portal page it went through', function () {
    if (portalAxeResults.size === 0) this.skip();
    const rows = [...portalAxeResults].map(([step, violations]) => {
      const counts = countByImpact(violations);
      return [step, ...IMPACTS.map((impact) => String(counts[impact])), violations.map((v) => v.id).join(' ')];
    });
    const table = [['portal page', ...IMPACTS, 'rules'], ...rows];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
    console.log(`\n${table.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n')}\n`);
    const blocking = [...portalAxeResults.values()].flat().filter(isBlocking);
    expect(blocking, describeViolations(blocking)).to.deep.equal([]);
  });
});
