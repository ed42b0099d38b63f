/**
 * The website monitor's parts and how they meet (issue 11). Each part lives in its own folder and
 * exports a function of the type below; the monitor's jobs (src/server/domain/monitor) only go
 * through these types, so each part is tested on its own:
 *
 *   fetch/     one polite, SSRF-guarded HTTP fetch (robots.txt, per-host delay, limits, pinned DNS)
 *   parse/     pure: a listing page → items, an article → text and date, Vietnamese dates, the banner
 *   classify/  pure: title + lead → DX or not, D11 topic, confidence, reasons (model in the repo)
 *   snapshots/ what was received, stored and chained (domain/monitor/store-snapshot.ts writes it)
 */

/** Why a fetch was refused or failed: a stable code, and the Vietnamese sentence the UI shows. */
export type FetchFailureCode =
  | 'invalid_url'
  | 'private_address'
  | 'dns_failed'
  | 'robots_disallowed'
  | 'timeout'
  | 'too_large'
  | 'bad_content_type'
  | 'too_many_redirects'
  | 'http_error'
  | 'network_error';

export class FetchFailure extends Error {
  constructor(
    readonly code: FetchFailureCode,
    message: string,
    /** The HTTP status, for 'http_error'. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

export interface FetchPolicy {
  /** Hosts or IP literals that may be private or loopback ("127.0.0.1" in tests); none otherwise. */
  allowHosts: readonly string[];
  userAgent: string;
  /** Whole request (connect → last byte), milliseconds. */
  timeoutMs: number;
  /** The body is cut off (and the fetch fails 'too_large') beyond this many bytes. */
  maxBytes: number;
  maxRedirects: number;
  /** Pause between two requests to one host when robots.txt gives no Crawl-delay, milliseconds. */
  defaultDelayMs: number;
  /** Never wait longer than this between two requests to one host, whatever robots.txt asks. */
  maxDelayMs: number;
}

/** What the server received: enough to parse it and to keep it as a snapshot. */
export interface FetchedPage {
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  body: Uint8Array;
  /** The body decoded to text with the charset of the header or the page's meta tag (UTF-8 default). */
  text: string;
  fetchedAt: Date;
  /** The address the connection went to (the checked, pinned one). */
  remoteAddress: string;
}

export interface PageFetcher {
  /** Fetches one URL politely (robots.txt, delay per host); throws FetchFailure. */
  fetch(url: string, options?: { accept?: 'html' | 'feed' | 'any' }): Promise<FetchedPage>;
  /** The site's robots.txt text (cached; null when the site has none), for its `Sitemap:` lines. */
  robotsTxt?(url: string): Promise<string | null>;
}

/** Per-site overrides an admin sets (monitor_site_overrides), all optional. */
export interface SiteOverrides {
  listingUrl?: string | null;
  itemSelector?: string | null;
  linkSelector?: string | null;
  titleSelector?: string | null;
  dateSelector?: string | null;
  leadSelector?: string | null;
  nextSelector?: string | null;
  dateFormat?: string | null;
}

/** One post found on a feed, a sitemap or a listing page. */
export interface DiscoveredItem {
  url: string;
  title: string;
  lead: string | null;
  /** Read in Asia/Ho_Chi_Minh; null when the page gives no readable date. */
  publishedAt: Date | null;
}

/** What one listing-like page gave: its items, the next page to read, and how they were found. */
export interface ListingResult {
  items: DiscoveredItem[];
  nextPageUrl: string | null;
  /** 'feed' | 'sitemap' | 'overrides' | the name of the detected layout ('list-with-dates', …). */
  method: string;
}

/** One article page read: its title, lead, main text and publication date. */
export interface ArticleResult {
  title: string | null;
  lead: string | null;
  text: string;
  publishedAt: Date | null;
}

export interface Classification {
  isDx: boolean;
  /** A D11 topic code (src/shared vocabulary), or null when not DX or no topic fits. */
  topic: string | null;
  /** 0–1: how sure the model is of `isDx`. */
  confidence: number;
  /** The terms or features that weighed most, in words ("chuyển đổi số" +2.3). */
  reasons: string[];
}

export type ClassifyItem = (input: { title: string; lead?: string | null }) => Classification;

/** parse/: a feed, sitemap or listing page → its items (and the next page), following the overrides. */
export type ReadListing = (page: FetchedPage, overrides: SiteOverrides, now: Date) => ListingResult;

/** parse/: an article page → title, lead, main text and date (scripts never run: linkedom + Readability). */
export type ReadArticle = (page: FetchedPage, now: Date) => ArticleResult;

/**
 * parse/: where a homepage says its feeds, sitemaps and DX column are ("Chuyển đổi số" links); with
 * the site's robots.txt (PageFetcher's robotsTxt), its `Sitemap:` lines too.
 */
export type FindSources = (
  homepage: FetchedPage,
  robotsTxt?: string | null,
) => {
  feeds: string[];
  sitemaps: string[];
  dxColumns: string[];
};

/** parse/: whether a homepage links to the province portal's DX column (the banner, D9). */
export type FindBannerLink = (
  homepage: FetchedPage,
  targetUrl: string,
) => { found: boolean; href: string | null; text: string | null };

/** snapshots/: keeps what was received, chained; returns the snapshot's id and manifest hash. */
export interface StoredSnapshotRef {
  id: string;
  manifestSha256: string;
}
