// One headless Chromium per test run for the explorer's browser tests: Debian's own chromium
// (npm test installs it) driven by playwright-core, which downloads no browser of its own. Kept on
// globalThis like the shared gateway, so the root hooks close the very browser the tests opened.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = (): string => process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface Viewport {
  readonly name: 'desktop' | 'phone';
  readonly options: BrowserContextOptions;
}

export const DESKTOP: Viewport = { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } };
/** A phone's CSS size (390 × 844, an iPhone 12–14) with touch, so the layout is the one phones get. */
export const PHONE: Viewport = {
  name: 'phone',
  options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
export const VIEWPORTS: readonly Viewport[] = [DESKTOP, PHONE];

const SHARED = Symbol.for('carbon-registry.shared-test-browser');
const holder = globalThis as { [SHARED]?: Promise<Browser> | undefined };

export function sharedBrowser(): Promise<Browser> {
  holder[SHARED] ??= launch();
  return holder[SHARED];
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: npm test installs it ('apt-get install chromium'), or set CHROMIUM`);
  }
  // /dev/shm is small in many containers, and Chromium's renderers crash when it fills up.
  return chromium.launch({ executablePath, headless: true, args: ['--disable-dev-shm-usage'] });
}

/**
 * A fresh context (no cookies, no localStorage: a first-time visitor) in English unless told
 * otherwise, and its first page. The caller closes the context.
 */
export async function openPage(
  viewport: Viewport,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({ locale: 'en-GB', ...viewport.options, ...options });
  const page = await context.newPage();
  return { context, page };
}

export async function closeSharedBrowser(): Promise<void> {
  const launching = holder[SHARED];
  if (!launching) return;
  holder[SHARED] = undefined;
  const browser = await launching.catch(() => undefined);
  await browser?.close();
}
