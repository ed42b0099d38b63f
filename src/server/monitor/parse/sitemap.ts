/**
 * Sitemaps (sitemaps.org, with Google's news and image extensions). A <urlset> lists pages without
 * titles: the title is <news:title> or <image:title> when given, otherwise words made from the URL's
 * last segment, and the method then says 'sitemap:titles-from-url' so nobody mistakes them for the
 * page's own title. A <sitemapindex> lists other sitemaps: they come back as items (method
 * 'sitemap-index') for the caller to read in turn, not as posts.
 */

import { DOMParser } from 'linkedom';
import type { DiscoveredItem, FetchedPage, ListingResult } from '../contract';
import { parseVietnameseDate } from './dates';
import { rootElementName } from './feed';
import { cleanOrNull, cleanText, LIMITS, stripUnstorable } from './text';
import { isSameSite, resolveUrl, sameUrlKey, titleFromUrl } from './urls';

export function looksLikeSitemap(page: FetchedPage): boolean {
  const root = rootElementName(page.text);
  return root === 'urlset' || root === 'sitemapindex';
}

/**
 * The text of the first descendant named one of `names` ("loc", "lastmod"; "*:title" for a title in
 * any extension, whatever prefix the site gave the namespace).
 */
function childText(entry: Element, names: readonly string[]): string | null {
  const all = descendants(entry, 200);
  for (const name of names) {
    const [wantPrefix, wantLocal] = name.includes(':') ? name.split(':') : ['', name];
    for (let i = 0; i < all.length; i++) {
      const tag = all[i]!.tagName.toLowerCase();
      const colon = tag.indexOf(':');
      const prefix = colon < 0 ? '' : tag.slice(0, colon);
      const local = colon < 0 ? tag : tag.slice(colon + 1);
      if (local !== wantLocal) continue;
      if (wantPrefix === '*' ? prefix === '' : prefix !== '') continue;
      const text = all[i]!.textContent?.trim();
      if (text) return text;
    }
  }
  return null;
}

/**
 * An element's descendants in document order, at most `max` (linkedom's XML documents do not answer
 * getElementsByTagName, so the tree is walked by hand).
 */
function descendants(root: Element, max: number): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [...Array.from(root.children)].reverse();
  while (stack.length > 0 && out.length < max) {
    const element = stack.pop()!;
    out.push(element);
    const children = Array.from(element.children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function localName(element: Element): string {
  return element.tagName.toLowerCase().replace(/^.*:/, '');
}

export function readSitemap(page: FetchedPage, now: Date): ListingResult {
  const xml = stripUnstorable(page.text.slice(0, LIMITS.xml));
  let document: Document;
  try {
    document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    return { items: [], nextPageUrl: null, method: 'sitemap-unreadable' };
  }
  const root = document.documentElement;
  const isIndex = root ? localName(root) === 'sitemapindex' : false;
  const entries = root
    ? Array.from(root.children).filter((child) => localName(child) === (isIndex ? 'sitemap' : 'url'))
    : [];
  const items: DiscoveredItem[] = [];
  const seen = new Set<string>();
  let titlesFromUrl = false;
  for (let i = 0; i < entries.length && items.length < LIMITS.items; i++) {
    const entry = entries[i]!;
    const url = resolveUrl(childText(entry, ['loc']), page.finalUrl);
    // The protocol allows only the sitemap's own site; anything else is not this site's post.
    if (!url || !isSameSite(url, page.finalUrl)) continue;
    const key = sameUrlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const given = cleanOrNull(childText(entry, ['*:title']), LIMITS.title);
    if (!given && !isIndex) titlesFromUrl = true;
    const date = childText(entry, ['*:publication_date', 'lastmod']);
    items.push({
      url,
      title: given ?? cleanText(titleFromUrl(url), LIMITS.title),
      lead: null,
      publishedAt: date ? parseVietnameseDate(date, now) : null,
    });
  }
  const method = isIndex ? 'sitemap-index' : titlesFromUrl ? 'sitemap:titles-from-url' : 'sitemap';
  return { items, nextPageUrl: null, method };
}
