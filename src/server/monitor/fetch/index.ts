/**
 * The monitor's fetch layer (issue 11): one polite, SSRF-guarded HTTP(S) GET per call. What it
 * guarantees and what it does not: docs/monitor-safety.md.
 */
export type { Accept } from './accept';
export { isNonPublicAddress, type ResolvedAddress, type ResolveHost } from './address-guard';
export {
  createPageFetcher,
  ERROR_PAGE_MAX_BYTES,
  FetchHttpFailure,
  type MonitorFetchedPage,
  type MonitorPageFetcher,
  type PageFetcherDeps,
} from './page-fetcher';
export {
  BOT_PAGE_PATH,
  defaultFetchPolicy,
  MONITOR_PRODUCT,
  MONITOR_USER_AGENT,
  type MonitorFetchPolicy,
  monitorUserAgent,
  monitorVersion,
} from './policy';
