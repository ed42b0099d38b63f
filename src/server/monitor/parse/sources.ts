/**
 * What a homepage says about where its posts are: the feeds it declares, the sitemaps it links (and
 * those its robots.txt lists), and its "Chuyển đổi số" column (a menu entry or a box title, matched
 * without diacritics or case).
 */

import robotsParser from 'robots-parser';
import { foldForSearch } from '../../../shared/text';
import type { FetchedPage, FindSources } from '../contract';
import { loadDocument, selectAll, textOf } from './dom';
import { isSameSite, resolveUrl, sameUrlKey } from './urls';

const FEED_TYPES = /rss|atom|feed\+json|rdf/i;
const FEED_HREF =
  /\.rss(?:$|\?)|\/rss(?:\/|\.xml|\.aspx?|$)|\/feed\/?(?:$|\?)|[?&]feed=(?:rss|atom)|atom\.xml|feed\.xml/i;
const SITEMAP_HREF = /sitemap[\w.-]*\.xml(?:\.gz)?(?:$|\?)/i;
export const DX_TEXT = /chuyen doi so|(?:^|\W)cds(?:\W|$)/;
export const DX_HREF = /chuyen-?doi-?so|chuyendoiso|(?:^|[/_=-])cds(?:[/_.?&-]|$)/;
/** A column's link reads like a section name, not a post ("Xã A đẩy mạnh chuyển đổi số trong …"). */
const MAX_COLUMN_WORDS = 8;

function unique(urls: (string | null)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const url of urls) {
    if (!url) continue;
    const key = sameUrlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(url);
  }
  return out.slice(0, 50);
}

/** At most this many `Sitemap:` lines are taken from a robots.txt (some list one per section or day). */
const MAX_ROBOTS_SITEMAPS = 20;

/**
 * The `Sitemap:` lines of the site's robots.txt (sitemaps.org: absolute URLs, any host), first:
 * the owner's own list of where the pages are. Only http(s) addresses; relative ones are read
 * against the robots.txt's address, as lenient crawlers do (resolveUrl drops other schemes).
 */
function robotsSitemaps(robotsTxt: string | null | undefined, base: string): string[] {
  if (!robotsTxt) return [];
  const robotsUrl = new URL('/robots.txt', base).href;
  return robotsParser(robotsUrl, robotsTxt)
    .getSitemaps()
    .map((href) => resolveUrl(href, robotsUrl))
    .filter((url): url is string => url !== null)
    .slice(0, MAX_ROBOTS_SITEMAPS);
}

export const findSources: FindSources = (homepage: FetchedPage, robotsTxt?: string | null) => {
  const document = loadDocument(homepage.text);
  const base = homepage.finalUrl;
  const feeds: (string | null)[] = [];
  const sitemaps: (string | null)[] = [...robotsSitemaps(robotsTxt, base)];
  const dxColumns: (string | null)[] = [];

  for (const link of selectAll(document, 'link[rel][href]', 200)) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = link.getAttribute('type') ?? '';
    if (rel.includes('alternate') && FEED_TYPES.test(type))
      feeds.push(resolveUrl(link.getAttribute('href'), base));
    if (rel.includes('sitemap')) sitemaps.push(resolveUrl(link.getAttribute('href'), base));
  }
  for (const anchor of selectAll(document.body, 'a[href]', 5_000)) {
    const url = resolveUrl(anchor.getAttribute('href'), base);
    if (!url) continue;
    if (FEED_HREF.test(url)) feeds.push(url);
    if (SITEMAP_HREF.test(url)) sitemaps.push(url);
    if (!isSameSite(url, base)) continue;
    const text = foldForSearch(textOf(anchor, 300) || anchor.getAttribute('title') || '');
    const path = foldForSearch(decodeSafely(new URL(url).pathname + new URL(url).search));
    const shortText = text.split(' ').length <= MAX_COLUMN_WORDS;
    if ((shortText && DX_TEXT.test(text)) || (DX_HREF.test(path) && (shortText || text === '')))
      dxColumns.push(url);
  }
  return { feeds: unique(feeds), sitemaps: unique(sitemaps), dxColumns: unique(dxColumns) };
};

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
