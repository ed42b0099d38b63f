/**
 * Whether a homepage links to the province portal's DX column (D9): a text link, a banner image in a
 * link, or an image-map area. Addresses are compared as people mean them: http or https, with or
 * without "www.", a trailing slash, percent-encoded or not; a link deeper under the target's path
 * (the column's own sub-page) counts too.
 */

import type { FetchedPage, FindBannerLink } from '../contract';
import { loadDocument, selectAll, selectOne, textOf } from './dom';
import { cleanOrNull, LIMITS } from './text';
import { looseUrlKey, resolveUrl } from './urls';

function withoutQuery(key: string): string {
  return key.replace(/\?.*$/, '').replace(/\/+$/, '');
}

function linkText(element: Element): string | null {
  const text =
    textOf(element, 1_000) ||
    element.getAttribute('title') ||
    element.getAttribute('alt') ||
    element.getAttribute('aria-label') ||
    selectOne(element, 'img[alt]')?.getAttribute('alt') ||
    selectOne(element, 'img[title]')?.getAttribute('title') ||
    null;
  return cleanOrNull(text, LIMITS.title);
}

export const findBannerLink: FindBannerLink = (homepage: FetchedPage, targetUrl: string) => {
  const target = looseUrlKey(targetUrl);
  if (target === null) return { found: false, href: null, text: null };
  const targetPath = withoutQuery(target);
  const document = loadDocument(homepage.text);
  let prefixMatch: { href: string; text: string | null } | null = null;
  for (const element of selectAll(document.body, 'a[href], area[href]', 10_000)) {
    const href = resolveUrl(element.getAttribute('href'), homepage.finalUrl);
    const key = href ? looseUrlKey(href) : null;
    if (!href || key === null) continue;
    if (key === target) return { found: true, href, text: linkText(element) };
    if (
      !prefixMatch &&
      (withoutQuery(key) === targetPath || withoutQuery(key).startsWith(`${targetPath}/`))
    ) {
      prefixMatch = { href, text: linkText(element) };
    }
  }
  return prefixMatch ? { found: true, ...prefixMatch } : { found: false, href: null, text: null };
};
