import { type Browser, chromium } from 'playwright-core';

/**
 * A screenshot of a page the monitor has ALREADY fetched, rendered by Debian's Chromium from the
 * stored bytes — never by letting the browser visit the site. The body is hostile input, so:
 *
 * - Nothing leaves the browser: every request is intercepted and aborted except the one navigation
 *   to the page's own address, which is answered with the stored body (so relative links and the
 *   base URL resolve as on the site, yet no byte is fetched). The answer carries a Content-Security-
 *   Policy of `default-src 'none'` (inline styles and data: images allowed), which also stops what
 *   interception does not see (WebSockets, prefetches); DNS is disabled in the browser as a last net.
 *   A screenshot therefore shows the page without its external images, styles and fonts.
 * - JavaScript is OFF by default. Chromium runs here with --no-sandbox (as in the browser tests), so
 *   a renderer exploit in a hostile page would not be contained; most news pages are rendered on the
 *   server and look right without scripts. `javaScript: true` turns it on for a trusted case; the
 *   network stays blocked either way.
 * - Bounded: one deadline (10 s by default) over launch, render and capture, after which the browser
 *   is killed; the capture is the top 1280×2000 pixels.
 * - A fresh browser per screenshot, no profile, no cookies, service workers blocked.
 */

export interface ScreenshotOptions {
  executablePath?: string;
  timeoutMs?: number;
  javaScript?: boolean;
  width?: number;
  height?: number;
}

export interface PageToRender {
  /** The address the body came from (after redirects): the document's URL in the browser. */
  url: string;
  body: Uint8Array | string;
  contentType: string | null;
}

export class ScreenshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScreenshotError';
  }
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const RENDERABLE = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/xml|application\/xml)\b/i;

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Renders the stored body and returns PNG bytes. */
export async function takeScreenshot(
  page: PageToRender,
  options: ScreenshotOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const width = options.width ?? 1280;
  const height = options.height ?? 2000;
  const javaScript = options.javaScript ?? false;
  let target: string;
  try {
    target = withoutFragment(page.url);
  } catch {
    throw new ScreenshotError(`Địa chỉ trang không hợp lệ: ${page.url}`);
  }
  if (!/^https?:$/.test(new URL(target).protocol))
    throw new ScreenshotError('Chỉ chụp được trang có địa chỉ http hoặc https.');
  const contentType = page.contentType?.trim() || 'text/html; charset=utf-8';
  if (!RENDERABLE.test(contentType))
    throw new ScreenshotError(`Không chụp màn hình được nội dung kiểu ${contentType}.`);

  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  let browser: Browser | null = null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void browser?.close().catch(() => {});
  }, timeoutMs);
  try {
    browser = await chromium.launch({
      executablePath: options.executablePath ?? DEFAULT_CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
      timeout: remaining(),
    });
    if (timedOut) throw new Error('timeout');
    const context = await browser.newContext({
      viewport: { width, height },
      javaScriptEnabled: javaScript,
      serviceWorkers: 'block',
      acceptDownloads: false,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    let served = false;
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (!served && request.isNavigationRequest() && request.url() === target) {
        served = true;
        await route.fulfill({
          status: 200,
          headers: {
            'content-type': contentType,
            'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:${
              javaScript ? "; script-src 'unsafe-inline'" : ''
            }`,
          },
          body: typeof page.body === 'string' ? page.body : Buffer.from(page.body),
        });
        return;
      }
      await route.abort('blockedbyclient');
    });
    const tab = await context.newPage();
    await tab.goto(target, { waitUntil: 'load', timeout: remaining() });
    const png = await tab.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width, height },
      animations: 'disabled',
      timeout: remaining(),
    });
    return new Uint8Array(png);
  } catch (error) {
    if (error instanceof ScreenshotError) throw error;
    if (timedOut) throw new ScreenshotError(`Chụp màn hình quá ${Math.round(timeoutMs / 1000)} giây.`);
    throw new ScreenshotError(`Không chụp được màn hình: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
  }
}
