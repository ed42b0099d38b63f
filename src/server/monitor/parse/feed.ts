/**
 * RSS, Atom, RDF and JSON feeds through feedsmith, which is forgiving of the broken feeds small
 * portals serve (wrong case, missing fields, odd namespaces) and does not expand DOCTYPE entities.
 */

import { parseFeed } from 'feedsmith';
import type { DiscoveredItem, FetchedPage, ListingResult } from '../contract';
import { parseVietnameseDate } from './dates';
import { loadDocument } from './dom';
import { cleanOrNull, cleanText, LIMITS } from './text';
import { resolveUrl, sameUrlKey } from './urls';

/** The first element name of an XML text (after the prolog, comments and a DOCTYPE). */
export function rootElementName(text: string): string | null {
  const head = text.slice(0, 4096);
  const match = /<([A-Za-z][\w:.-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''));
  return match ? match[1]!.toLowerCase() : null;
}

/** Whether the page is a feed, by its content type or its first element. */
export function looksLikeFeed(page: FetchedPage): boolean {
  const type = (page.contentType ?? '').toLowerCase();
  if (/(rss|atom|rdf|feed)\+xml|application\/feed\+json/.test(type)) return true;
  const head = page.text.slice(0, 2048).trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/i.test(head);
  const root = rootElementName(page.text);
  return root === 'rss' || root === 'feed' || root === 'rdf:rdf';
}

type Candidate = { link?: string; title?: string; lead?: string; date?: string };

/** The items of any feed format, as plain fields. */
function candidates(text: string): { items: Candidate[]; next: string | undefined } {
  const head = text.trimStart();
  const { format, feed } = parseFeed(head.startsWith('{') ? JSON.parse(head) : head, {
    maxItems: LIMITS.items,
  });
  switch (format) {
    case 'rss':
      return {
        items: (feed.items ?? []).map((item) => ({
          link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          title: item.title ?? item.dc?.titles?.[0],
          lead: item.description ?? item.dc?.descriptions?.[0],
          date: item.pubDate ?? item.dc?.dates?.[0],
        })),
        next: feed.atom?.links?.find((link) => link.rel === 'next')?.href,
      };
    case 'atom':
      return {
        items: (feed.entries ?? []).map((entry) => ({
          link: (entry.links?.find((link) => !link.rel || link.rel === 'alternate') ?? entry.links?.[0])
            ?.href,
          title: entry.title?.value,
          lead: entry.summary?.value ?? entry.content?.value,
          date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
        })),
        next: feed.links?.find((link) => link.rel === 'next')?.href,
      };
    case 'rdf':
      return {
        items: (feed.items ?? []).map((item) => ({
          link: item.link,
          title: item.title,
          lead: item.description ?? item.dc?.descriptions?.[0],
          date: item.dc?.dates?.[0],
        })),
        next: undefined,
      };
    case 'json':
      return {
        items: (feed.items ?? []).map((item) => ({
          link: item.url ?? item.external_url,
          title: item.title,
          lead: item.summary ?? item.content_text ?? item.content_html,
          date: item.date_published ?? item.date_modified,
        })),
        next: undefined,
      };
  }
}

/** A feed's description is often HTML (escaped or in CDATA): its text only. */
function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const slice = html.slice(0, LIMITS.lead * 8);
  return loadDocument(slice).body.textContent ?? '';
}

export function readFeed(page: FetchedPage, now: Date): ListingResult {
  let parsed: ReturnType<typeof candidates>;
  try {
    parsed = candidates(page.text.slice(0, LIMITS.xml));
  } catch {
    return { items: [], nextPageUrl: null, method: 'feed-unreadable' };
  }
  const items: DiscoveredItem[] = [];
  const seen = new Set<string>();
  for (const candidate of parsed.items) {
    if (items.length >= LIMITS.items) break;
    const url = resolveUrl(candidate.link, page.finalUrl);
    if (!url) continue;
    const key = sameUrlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const lead = candidate.lead ? cleanOrNull(plainText(candidate.lead), LIMITS.lead) : null;
    const title = cleanText(candidate.title ? plainText(candidate.title) : '', LIMITS.title) || (lead ?? url);
    items.push({
      url,
      title: cleanText(title, LIMITS.title),
      lead,
      publishedAt: candidate.date ? parseVietnameseDate(candidate.date, now) : null,
    });
  }
  return { items, nextPageUrl: resolveUrl(parsed.next, page.finalUrl), method: 'feed' };
}
