// What the portal's browser journeys do again and again: sign a person in through the sign-in page, pick an option
// of a PrimeVue select (a combobox named by its label), upload a document through a file field and read the SHA-256
// the page computed, read the transaction id an action's result shows, and keep a screenshot of a page with its
// axe-core results.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, type Violation } from './axe.ts';

export const SCREENSHOTS = join(REPO_ROOT, 'reports', 'test', 'screenshots');

/** What axe-core found on each portal page the journey kept, by step: checked all at once at the journey's end. */
export const portalAxeResults = new Map<string, Violation[]>();
const TX_ID = /^[0-9a-f]{64}$/;

export interface UploadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

export const sha256Of = (buffer: Buffer): string => createHash('sha256').update(buffer).digest('hex');

/** A small file that starts like a PDF, different for every name, so each upload is its own document. */
export function pdfLike(name: string): UploadFile {
  const buffer = Buffer.from(
    `%PDF-1.4\n% ${name} ${new Date().toISOString()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
  return { name, mimeType: 'application/pdf', buffer };
}

/** Signs in through the sign-in page and waits for the page it leads to (`path`, under /portal). */
export async function signIn(page: Page, base: string, who: { email: string; password: string }, path: string) {
  await page.goto(`${base}/sign-in?redirect=${encodeURIComponent(path)}`, { waitUntil: 'networkidle' });
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'E-mail address' }).waitFor();
  if (!portalAxeResults.has('sign-in')) portalAxeResults.set('sign-in', await axeViolations(page));
  await main.getByRole('textbox', { name: 'E-mail address' }).fill(who.email);
  await main.getByLabel('Password', { exact: true }).fill(who.password);
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.waitForURL((url) => url.pathname === path);
}

/** Opens the combobox named `name` and picks the option whose label is (or matches) `option`. */
export async function choose(scope: Page | Locator, name: string | RegExp, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name, exact: typeof name === 'string' }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/**
 * Puts `file` in the file field labelled `label` within `scope`, checks the SHA-256 the page shows before sending
 * is the file's own, uploads it and waits until the registry says it stored it. Returns the hash shown.
 */
export async function uploadDocument(scope: Page | Locator, label: RegExp, file: UploadFile): Promise<string> {
  await scope.getByLabel(label).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
  const computed = scope.getByText(`SHA-256 of ${file.name} (`).locator('xpath=..');
  const shown = (await computed.locator('code').innerText()).trim();
  if (shown !== sha256Of(file.buffer)) {
    throw new Error(`the page shows SHA-256 ${shown} for ${file.name}, not ${sha256Of(file.buffer)}`);
  }
  await scope.getByRole('button', { name: `Upload ${file.name}` }).click();
  await scope.getByText(/^Uploaded: the registry stored the file under this SHA-256/).waitFor();
  return shown;
}

/** Confirms the open dialog with the button named `confirm`. */
export async function confirmDialog(page: Page, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The transaction id the action's result shows (a link to its ledger page), once it shows one. */
export async function shownTransaction(page: Page): Promise<string> {
  const link = page.getByRole('link', { name: TX_ID });
  await link.waitFor({ timeout: 60_000 });
  const txId = (await link.innerText()).trim();
  const href = await link.getAttribute('href');
  if (!TX_ID.test(txId) || href !== `/ledger/transactions/${txId}`) {
    throw new Error(`the action's result shows ${JSON.stringify(txId)}, linked to ${String(href)}`);
  }
  return txId;
}

/** A full-page screenshot in reports/test/screenshots/portal-<step>.png. */
/** Keeps the page as it is now: a full-page screenshot, and its axe-core violations (forms, dialogs' results). */
export async function screenshot(page: Page, step: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `portal-${step}.png`), fullPage: true });
  portalAxeResults.set(step, await axeViolations(page));
}
