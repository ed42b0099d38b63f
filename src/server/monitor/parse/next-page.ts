/**
 * The next page of a listing: rel="next", a "Trang sau" / "Tiếp" / "»" link, or the link to page
 * N+1 (by its number, or by the page parameter of the address: ?page=, ?p=, Liferay's _cur=,
 * /page/N/ of WordPress, /trang-N).
 */

import { foldForSearch } from '../../../shared/text';
import { selectAll, selectOne, textOf } from './dom';
import { isSameSite, resolveUrl, sameUrlKey } from './urls';

const NEXT_WORDS = new Set([
  'trang sau',
  'trang tiep',
  'trang tiep theo',
  'tiep',
  'tiep theo',
  'sau',
  'xem tiep',
  'next',
  'next page',
  '»',
  '›',
  '>',
  '>>',
  '→',
]);

/** Words of a pagination link without marks, arrows kept: "Tiếp »" → "tiep". */
function linkWords(anchor: Element): string {
  const words = foldForSearch(
    textOf(anchor, 200) || anchor.getAttribute('title') || anchor.getAttribute('aria-label') || '',
  );
  if (NEXT_WORDS.has(words)) return words;
  return words.replace(/\s*[»›>→]+\s*$/, '').trim() || words;
}

/** Where the address says which page it is: the parameter or path piece and its number. */
const PAGE_IN_URL: readonly RegExp[] = [
  /[?&](?:page|trang|p|pg|paged|pageindex|pagenumber|pagenum|cur|[\w-]*_cur)=(\d{1,5})(?=&|$)/i,
  /\/(?:page|trang)[/-](\d{1,5})(?=\/|$|\?|\.)/i,
];

export function pageNumberOf(url: string): number | null {
  for (const pattern of PAGE_IN_URL) {
    const match = pattern.exec(url);
    if (match) return Number(match[1]);
  }
  return null;
}

/** Links that are probably pagination (in a .pagination/.pager/.paging box, or anywhere when none). */
function paginationAnchors(document: Document): Element[] {
  const boxes = selectAll(
    document,
    '.pagination, .pager, .paging, .page-numbers, .nav-links, .lfr-pagination, .phantrang, .phan-trang, [class*="paging"], [class*="pagination"], [class*="phantrang"]',
    20,
  );
  const inBoxes = boxes.flatMap((box) => selectAll(box, 'a[href]', 100));
  return inBoxes.length > 0 ? inBoxes : selectAll(document, 'a[href]', 3000);
}

export function findNextPage(
  document: Document,
  pageUrl: string,
  nextSelector?: string | null,
): string | null {
  const self = sameUrlKey(pageUrl);
  const accept = (href: string | null | undefined): string | null => {
    const url = resolveUrl(href, pageUrl);
    return url && isSameSite(url, pageUrl) && sameUrlKey(url) !== self ? url : null;
  };

  if (nextSelector) {
    const chosen = selectOne(document, nextSelector);
    const href =
      chosen?.getAttribute('href') ?? selectOne(chosen ?? document, 'a[href]')?.getAttribute('href');
    const url = chosen ? accept(href) : null;
    if (url) return url;
  }

  const rel = selectOne(document, 'link[rel~="next"][href], a[rel~="next"][href]');
  const relUrl = accept(rel?.getAttribute('href'));
  if (relUrl) return relUrl;

  const anchors = paginationAnchors(document);
  for (const anchor of anchors) {
    if (anchor.classList.contains('next') || NEXT_WORDS.has(linkWords(anchor))) {
      const url = accept(anchor.getAttribute('href'));
      if (url) return url;
    }
  }

  // Page N+1 by number: the current page is in the address, or marked current in the pager.
  const marked = Number(
    textOf(selectOne(document, '.pagination .active, .pager .active, .current, [aria-current="page"]'), 20),
  );
  const current = pageNumberOf(pageUrl) ?? (marked > 0 ? marked : 1);
  const wanted = current + 1;
  for (const anchor of anchors) {
    const url = accept(anchor.getAttribute('href'));
    if (!url) continue;
    const text = textOf(anchor, 40);
    // A short label only: an article's address may carry "?p=2" as its id.
    if (text === String(wanted) || (text.length <= 12 && pageNumberOf(url) === wanted)) return url;
  }
  return null;
}
