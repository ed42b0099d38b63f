import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, '.tmp', 'screenshots');
export const DEMO_PASSWORD = 'LoaSo@2026';

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

/** Debian's Chromium (never a downloaded one). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/**
 * A download's bytes. The run's Chromium is connected to, not launched by this process, so a download
 * has no local path() and is read as a stream.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Connects to the run's Chromium (launched headless by global-setup.ts). */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('e2eBrowserEndpoint'));
}

/** A fresh context (no cookies, no storage) with a Vietnamese browser. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    // The app turns antd's animations off for people who ask for less motion (App.tsx): a click then
    // never lands on a dialog or menu still moving, which matters most when two files run at once.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  // Under `npm run test:clock` the server and this process see the moved day (libfaketime), but
  // Chromium's renderers are started without it: give the pages the same clock, so that the web app's
  // "today" (default periods, date pickers) is the server's.
  if (process.env.LOASO_MOVED_CLOCK === '1') await context.clock.setSystemTime(Date.now());
  const page = await context.newPage();
  recordApiCalls(page);
  return { context, page };
}

type ApiCall = {
  method: string;
  path: string;
  startedAt: number;
  status?: number;
  ms?: number;
  failure?: string;
};
const apiCallsByPage = new WeakMap<Page, ApiCall[]>();

/** Keeps the page's last API calls (with those still unanswered) for a failed test's log. */
function recordApiCalls(page: Page): void {
  const calls: ApiCall[] = [];
  apiCallsByPage.set(page, calls);
  const open = new Map<unknown, ApiCall>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    const call: ApiCall = {
      method: request.method(),
      path: url.pathname + url.search,
      startedAt: Date.now(),
    };
    open.set(request, call);
    calls.push(call);
    if (calls.length > 30) calls.shift();
  });
  const finish = (request: unknown, update: Partial<ApiCall>) => {
    const call = open.get(request);
    if (!call) return;
    open.delete(request);
    Object.assign(call, update, { ms: Date.now() - call.startedAt });
  };
  page.on('response', (response) => finish(response.request(), { status: response.status() }));
  page.on('requestfailed', (request) =>
    finish(request, { failure: request.failure()?.errorText ?? 'failed' }),
  );
}

function describeApiCalls(page: Page): string {
  const calls = apiCallsByPage.get(page) ?? [];
  return calls
    .slice(-12)
    .map((call) => {
      const outcome =
        call.failure ??
        (call.status === undefined
          ? `no answer after ${Date.now() - call.startedAt} ms`
          : `${call.status} in ${call.ms} ms`);
      return `  ${call.method} ${call.path.slice(0, 160)} → ${outcome}`;
    })
    .join('\n');
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Signs in through the API and opens `path`: one page load where the form would take three (the login
 * page, the home it lands on, then `path`), about two seconds of a two-core machine each. For tests
 * about what comes after signing in; the form itself is what `logIn` and most tests go through.
 */
export async function openSignedIn(
  page: Page,
  username: string,
  path: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await signInThroughApi(page, username, password);
  await page.goto(path);
}

/**
 * Signs in through the API without loading a page: the page's context holds the session, for a test
 * that prepares data through the API (`apiAs`) before it opens the page it is about.
 */
export async function signInThroughApi(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const response = await page.request.post('/api/auth/login', { data: { username, password } });
  if (!response.ok())
    throw new Error(`login of ${username}: HTTP ${response.status()} ${await response.text()}`);
}

/**
 * Whole-page pictures as well as the screen: for a person reviewing the pages (E2E_FULL_SCREENSHOTS=1).
 * Left out by default, they took a fair part of the browser tier's time in CI, where nobody looks.
 */
const FULL_PAGE_SCREENSHOTS = process.env.E2E_FULL_SCREENSHOTS === '1';

/**
 * CI keeps no pictures (only the log, where a failed test describes its page), so it takes none but
 * a failed test's: 203 pictures, each with its settling pause, were about 90 s of the browser tier.
 * E2E_SCREENSHOTS=1 takes them in CI as well.
 */
const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
const TAKE_SCREENSHOTS = !IS_CI || process.env.E2E_SCREENSHOTS === '1';

/** Screenshots in .tmp/screenshots to look at after the run: what the screen shows (and the whole page, see above). */
export async function screenshot(
  page: Page,
  name: string,
  options: { always?: boolean } = {},
): Promise<void> {
  // Let loading overlays fade out first; a picture of a spinner shows nothing. Waited for in CI too,
  // so that a test runs the same steps with or without pictures.
  await page
    .waitForFunction(
      () => !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-spin-blur'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  if (!TAKE_SCREENSHOTS && !options.always) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  if (FULL_PAGE_SCREENSHOTS)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-full.png`), fullPage: true });
}

/** How far the page is wider than the screen (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Picks an option of an antd Select (found by its label) and checks that it took: a click that lands
 * while the dropdown is still animating open can be lost, so the pick is retried.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  optionText: string,
  typeFirst?: string,
): Promise<void> {
  const field = select.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]',
  );
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if (!(await dropdown.isVisible())) await select.click();
    if (typeFirst !== undefined && attempt === 1) await select.fill(typeFirst);
    const option = dropdown.getByText(optionText, { exact: true });
    await option.waitFor();
    await page.waitForTimeout(200);
    await option.click();
    const chosen = await field
      .getByText(optionText, { exact: true })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
    if (attempt === 3) throw new Error(`Could not choose "${optionText}"`);
  }
}

/** The page's address, its buttons by accessible name and the start of its visible text: for a failed test's log. */
export async function describePage(page: Page): Promise<string> {
  try {
    const buttons = await page
      .getByRole('button')
      .evaluateAll((nodes) =>
        nodes.slice(0, 40).map((node) => (node.getAttribute('aria-label') ?? node.textContent ?? '').trim()),
      );
    const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 1500));
    // Dialogs, alerts and toasts sit at the end of the body, past the text's cut: print them apart.
    const overlays = await page
      .locator('[role=dialog], [role=alert], .ant-message-notice, .ant-notification-notice')
      .filter({ visible: true })
      .evaluateAll((nodes) =>
        nodes.slice(0, 8).map((node) => (node as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 400)),
      );
    return [
      `Failed on ${page.url()}`,
      `Buttons: ${JSON.stringify(buttons)}`,
      `Dialogs and alerts: ${JSON.stringify(overlays)}`,
      `Last API calls:\n${describeApiCalls(page)}`,
      `Text: ${text}`,
    ].join('\n');
  } catch (error) {
    return `Failed; the page could not be read (${String(error)})`;
  }
}
