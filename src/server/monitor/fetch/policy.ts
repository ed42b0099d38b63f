import type { FetchPolicy } from '../contract';

/**
 * The product token robots.txt groups are matched on ("User-agent: LoaSo-Monitor"), then a page that
 * tells a site's webmaster who is reading and why. The address is the project's public page; change
 * it here (or pass `userAgent`) when the deployment has its own. HTTP headers are Latin-1, hence no
 * Vietnamese diacritics.
 */
export const MONITOR_USER_AGENT =
  'LoaSo-Monitor/1.0 (+https://github.com/loa-so/loa-so; theo doi chuyen doi so)';

/** The monitor's defaults: 15 s per request, 5 MB per page, 5 redirects, 1 s between pages of a host. */
export function defaultFetchPolicy(
  allowHosts: readonly string[] = [],
  overrides: Partial<Omit<FetchPolicy, 'allowHosts'>> = {},
): FetchPolicy {
  return {
    allowHosts,
    userAgent: MONITOR_USER_AGENT,
    timeoutMs: 15_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    defaultDelayMs: 1_000,
    maxDelayMs: 30_000,
    ...overrides,
  };
}
