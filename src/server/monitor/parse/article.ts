/**
 * One article page → title, lead, main text and publication date. Nothing on the page runs: linkedom
 * builds the tree (scripts cut out, JSON-LD kept for its date) and Mozilla's Readability finds the
 * main text. The metadata is read before Readability, which rewrites the document as it goes.
 */

import { Readability } from '@mozilla/readability';
import { foldForSearch } from '../../../shared/text';
import type { ArticleResult, FetchedPage, ReadArticle } from '../contract';
import { parseVietnameseDate } from './dates';
import { loadDocument, metaContent, selectAll, selectOne, textOf, treeShape } from './dom';
import { cleanBody, cleanOrNull, LIMITS } from './text';

/** Readability gives up (throws) beyond this many elements; the body's text is used then. */
const MAX_ELEMENTS = 30_000;
/** Real pages nest a few dozen levels; Readability's recursion is left out beyond this. */
const MAX_DEPTH = 150;

const SITE_WORDS =
  /cong thong tin|cong ttdt|ttdt|thong tin dien tu|trang thong tin|trang chu|portal|website|uy ban nhan dan|ubnd/;
const SEPARATORS = /\s+[-|–—:»]{1,2}\s+/;

/** "Xã A đẩy mạnh chuyển đổi số - Cổng TTĐT xã A" → "Xã A đẩy mạnh chuyển đổi số". */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? foldForSearch(siteName) : null;
  const isSite = (part: string) => {
    const folded = foldForSearch(part);
    return (site !== null && folded === site) || SITE_WORDS.test(folded);
  };
  while (parts.length > 1 && isSite(parts[parts.length - 1]!)) parts.pop();
  while (parts.length > 1 && isSite(parts[0]!)) parts.shift();
  return parts.join(' - ');
}

function isSiteName(text: string, siteName: string | null): boolean {
  const folded = foldForSearch(text);
  return (siteName !== null && folded === foldForSearch(siteName)) || SITE_WORDS.test(folded.slice(0, 24));
}

/** Where a headline is, most specific first: a portal's logo is often an <h1> too. */
const TITLE_HOLDERS = [
  '.detail h1, .news-detail h1, .article h1, article h1, main h1',
  '.entry-title, .title-detail, .detail-title, .news-title, .article-title, .post-title, .asset-title',
  'h1',
];

/** The page's headline element: one that reads like a headline and is not the site's name. */
function headline(document: Document, siteName: string | null): Element | null {
  for (const selector of TITLE_HOLDERS) {
    for (const element of selectAll(document.body, selector, 20)) {
      const text = textOf(element, 600);
      if (text.length < 10 || text.length >= 600 || text.split(' ').length < 3) continue;
      if (isSiteName(text, siteName)) continue;
      return element;
    }
  }
  return null;
}

const LEAD_HOLDERS =
  '.sapo, .lead, .summary, .chapeau, .article-sapo, .news-sapo, .detail-sapo, .tomtat, .mota, .desc, .excerpt, .entry-summary, .asset-summary, [class*="sapo"]';
const GENERIC_DESCRIPTION = /^(?:cong thong tin|trang thong tin|website|portal)/;

function usefulDescription(text: string | null, title: string | null): string | null {
  if (!text || text.length < 20) return null;
  if (title && foldForSearch(text) === foldForSearch(title)) return null;
  return GENERIC_DESCRIPTION.test(foldForSearch(text)) ? null : text;
}

/** `datePublished` anywhere in the page's JSON-LD (a @graph, a list, nested), bounded. */
function jsonLdDate(document: Document): string | null {
  for (const script of selectAll(document, 'script[type="application/ld+json"]', 10)) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').slice(0, 200_000));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
      const value = queue.shift();
      if (Array.isArray(value)) queue.push(...value.slice(0, 50));
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.datePublished === 'string') return record.datePublished;
        queue.push(...Object.values(record).slice(0, 50));
      }
    }
  }
  return null;
}

const DATE_HOLDERS =
  '.date, .time, .post-date, .entry-date, .news-date, .detail-date, .publish-date, .ngay-dang, .ngaydang, .metadata-publish-date, [class*="date"], [class*="time"], [class*="ngay"], [class*="meta"]';

/** The date written near the headline: its neighbours, then the box around it. */
function dateNearTitle(document: Document, title: Element | null, now: Date): Date | null {
  const texts: string[] = [];
  if (title) {
    let next = title.nextElementSibling;
    for (let i = 0; next && i < 3; i++, next = next.nextElementSibling) texts.push(textOf(next, 300));
    let previous = title.previousElementSibling;
    for (let i = 0; previous && i < 2; i++, previous = previous.previousElementSibling)
      texts.push(textOf(previous, 300));
    const box = title.parentElement;
    if (box) for (const holder of selectAll(box, DATE_HOLDERS, 5)) texts.push(textOf(holder, 300));
  }
  for (const holder of selectAll(document.body, DATE_HOLDERS, 10)) texts.push(textOf(holder, 300));
  for (const text of texts) {
    const found = text ? parseVietnameseDate(text, now) : null;
    if (found) return found;
  }
  return null;
}

function publicationDate(document: Document, title: Element | null, now: Date): Date | null {
  const declared = [
    metaContent(document, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'pubdate',
      'publishdate',
      'publish-date',
      'dc.date.issued',
      'dc.date',
      'dcterms.created',
      'date',
    ]),
    jsonLdDate(document),
    selectOne(document.body, 'article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const value of declared) {
    const found = value ? parseVietnameseDate(value, now) : null;
    if (found) return found;
  }
  return dateNearTitle(document, title, now);
}

/** The main text: Readability's, or the text of the likeliest content box when it finds none. */
function mainText(document: Document): { text: string; excerpt: string | null } {
  const shape = treeShape(document.body, MAX_ELEMENTS + 1);
  // Readability recurses: a very deep tree overflows its stack after minutes of work.
  const readable = shape.elements <= MAX_ELEMENTS && shape.depth <= MAX_DEPTH;
  try {
    if (!readable) throw new Error('too big for Readability');
    const article = new Readability(document, { maxElemsToParse: MAX_ELEMENTS, charThreshold: 200 }).parse();
    if (article?.textContent && article.textContent.trim().length > 0) {
      return { text: article.textContent, excerpt: article.excerpt ?? null };
    }
  } catch {
    // Too many elements or a tree Readability cannot walk: fall back to the boxes below.
  }
  const box =
    selectOne(
      document.body,
      'article, .detail, .news-detail, .content-detail, .entry-content, .post-content, main',
    ) ?? document.body;
  return { text: box ? (box.textContent ?? '').slice(0, LIMITS.text * 2) : '', excerpt: null };
}

export const readArticle: ReadArticle = (page: FetchedPage, now: Date): ArticleResult => {
  const document = loadDocument(page.text, { keepJsonLd: true });
  const siteName = metaContent(document, ['og:site_name', 'application-name']);
  const titleElement = headline(document, siteName);
  // Some portals give every page the site's name as og:title: the headline is better then.
  const candidates = [
    metaContent(document, ['og:title', 'twitter:title']),
    titleElement ? textOf(titleElement, 1_000) : null,
    textOf(document.querySelector('title'), 1_000),
  ].map((text) => (text ? cleanOrNull(stripSiteName(text, siteName), LIMITS.title) : null));
  const title =
    candidates.find((text) => text !== null && !isSiteName(text, siteName)) ??
    candidates.find(Boolean) ??
    null;

  const leadFromPage =
    usefulDescription(metaContent(document, ['og:description', 'twitter:description']), title) ??
    usefulDescription(metaContent(document, ['description']), title) ??
    usefulDescription(textOf(selectOne(document.body, LEAD_HOLDERS), LIMITS.lead * 2), title);
  const publishedAt = publicationDate(document, titleElement, now);

  const { text, excerpt } = mainText(document);
  const body = cleanBody(text, LIMITS.text);
  const firstParagraph = body.split('\n').find((line) => line.trim().length >= 40) ?? null;
  const lead = cleanOrNull(leadFromPage ?? usefulDescription(excerpt, title) ?? firstParagraph, LIMITS.lead);
  return { title, lead, text: body, publishedAt };
};
