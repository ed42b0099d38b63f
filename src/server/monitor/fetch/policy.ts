import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../paths';
import type { FetchPolicy } from '../contract';

/**
 * The product token robots.txt groups are matched on ("User-agent: LoaSo-monitor", any case: robots
 * parsers compare the token without its version, ignoring case).
 */
export const MONITOR_PRODUCT = 'LoaSo-monitor';

/** The page on an install that tells a webmaster what the bot is and how to limit it (routes/bot-page.ts). */
export const BOT_PAGE_PATH = '/bot';

/** The version of this build (package.json), named in the user agent. */
export function monitorVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : '0';
  } catch {
    return '0';
  }
}

/**
 * `LoaSo-monitor/<version> (+<public URL>/bot)`: the address is this install's own page about the
 * bot, so a site's webmaster reaches the people who run it. Without PUBLIC_URL there is no such page
 * to point to, and naming someone else's address would be worse than none. The URL is written as the
 * URL parser spells it (punycode, percent-encoding): HTTP headers are Latin-1.
 */
export function monitorUserAgent(options: { version?: string; publicUrl?: string | null } = {}): string {
  const product = `${MONITOR_PRODUCT}/${options.version ?? monitorVersion()}`;
  if (!options.publicUrl) return product;
  const page = new URL(options.publicUrl);
  page.pathname = `${page.pathname.replace(/\/+$/, '')}${BOT_PAGE_PATH}`;
  page.search = '';
  page.hash = '';
  return `${product} (+${page.href})`;
}

/** The user agent of an install without PUBLIC_URL (tests, development). */
export const MONITOR_USER_AGENT = monitorUserAgent();

/** The monitor's fetch policy: the contract's, plus a limit on the whole fetch. */
export interface MonitorFetchPolicy extends FetchPolicy {
  /**
   * The whole fetch, milliseconds: every hop's DNS lookup, robots.txt, request and body together
   * (the politeness pauses between requests to a host are not counted). `timeoutMs` bounds one
   * request; without this, a server answering each request just inside it — a body trickled a byte
   * at a time, a chain of slow redirects — could hold a worker for many times that.
   */
  totalTimeoutMs: number;
}

/**
 * The monitor's defaults: 15 s per request and 30 s per fetch, 5 MB per page, 5 redirects, 1 s
 * between pages of a host.
 */
export function defaultFetchPolicy(
  allowHosts: readonly string[] = [],
  overrides: Partial<Omit<MonitorFetchPolicy, 'allowHosts'>> = {},
): MonitorFetchPolicy {
  return {
    allowHosts,
    userAgent: MONITOR_USER_AGENT,
    timeoutMs: 15_000,
    totalTimeoutMs: 30_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    defaultDelayMs: 1_000,
    maxDelayMs: 30_000,
    ...overrides,
  };
}
