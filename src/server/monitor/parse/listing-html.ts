/**
 * An HTML listing page → its posts. With the admin's selectors when given; otherwise the layouts of
 * common Vietnamese portal software are tried by name (Liferay's asset publisher on the provinces'
 * "Cổng thông tin điện tử", WordPress, the news lists of VNPT/Viettel portal products), and then a
 * generic detector: the repeated blocks that each hold one link to a post of this site (list items,
 * cards, table rows), outside menus, headers and footers, the group with the most posts and dates
 * winning. Everything is bounded: at most LIMITS.items items and a few thousand links looked at.
 *
 * A new commune's column often holds one post, and one block repeats nothing: when no group of two
 * is found, a single post is taken if the page is clearly a listing — one block of a known layout,
 * or the one block with a post link, a title and a date, or the only post link of a page that names
 * itself the DX column — and not an article (a page with a long text of its own, or og:type article).
 */

import { foldForSearch } from '../../../shared/text';
import type { DiscoveredItem, FetchedPage, ListingResult, SiteOverrides } from '../contract';
import { closestWithin, loadDocument, selectAll, textOf } from './dom';
import { anchorTitle, type ItemSelectors, readItem } from './listing-items';
import { findNextPage } from './next-page';
import { DX_HREF, DX_TEXT } from './sources';
import { LIMITS } from './text';
import { isSameSite, resolveUrl, sameUrlKey } from './urls';

const MAX_ANCHORS = 3_000;
const MAX_DEPTH = 25;
const MIN_TITLE = 12;

/** Named layouts: a selector for one post's block. Tried in order; the first with 2+ posts wins. */
const KNOWN_LAYOUTS: readonly { name: string; item: string }[] = [
  { name: 'liferay-asset-publisher', item: '.asset-abstract, .asset-full-content' },
  { name: 'wordpress', item: 'article.post, article.hentry, article.type-post' },
  {
    name: 'portal-news-list',
    item: '.news-item, .item-news, .tin-item, .list-news > li, .news-list > li, .danh-sach-tin > li, .box-tin-tuc .item',
  },
];

const MENU_TOKEN =
  /^(?:(?:main|top|primary|mega|sub|dropdown|site|left|right|footer|header)[-_]?)?(?:menu|nav|navbar|navigation|menubar)(?:[-_](?:top|main|bar|left|right|wrap|wrapper|container|list|items?))?$|^(?:breadcrumbs?|pagination|pager|paging|phantrang|copyright|social|share|sharing|lang|languages)$/i;
const CHROME_TOKEN =
  /^(?:header|footer|site-header|site-footer|top-header|main-header|page-footer|main-footer|topbar|top-bar)$/i;
const ASSET = /\.(?:jpe?g|png|gif|webp|svg|ico|css|js|zip|rar|7z|mp3|mp4)(?:$|\?)/i;

function tokens(element: Element): string[] {
  const id = element.getAttribute('id') ?? '';
  const classes = element.getAttribute('class') ?? '';
  return `${id} ${classes}`.split(/\s+/).filter((token) => token !== '');
}

/** Whether a link sits in a menu, or in the page's header or footer (not an article's own). */
function isInPageChrome(anchor: Element): boolean {
  let chrome = false;
  let node: Element | null = anchor.parentElement;
  for (let depth = 0; node && depth < MAX_DEPTH * 2; depth++, node = node.parentElement) {
    const tag = node.tagName;
    if (tag === 'BODY' || tag === 'HTML') break;
    const role = node.getAttribute('role') ?? '';
    if (tag === 'NAV' || tag === 'MENU' || /^(?:navigation|menu|menubar)$/.test(role)) return true;
    const own = tokens(node);
    if (own.some((token) => MENU_TOKEN.test(token))) return true;
    // <header class="entry-header"> inside an <article> is the post's title, not the page's header.
    if (tag === 'ARTICLE') return false;
    if (tag === 'HEADER' || tag === 'FOOTER' || role === 'banner' || role === 'contentinfo') chrome = true;
    if (own.some((token) => CHROME_TOKEN.test(token))) chrome = true;
  }
  return chrome;
}

interface Candidate {
  anchor: Element;
  url: string;
  key: string;
  title: string;
  order: number;
  chain: Element[];
}

/** Links to posts of this site with a title-like text, in document order. */
function candidateLinks(document: Document, page: FetchedPage): Candidate[] {
  const self = sameUrlKey(page.finalUrl);
  const anchors = selectAll(document.body, 'a[href]', MAX_ANCHORS);
  const out: Candidate[] = [];
  for (const [order, anchor] of anchors.entries()) {
    const url = resolveUrl(anchor.getAttribute('href'), page.finalUrl);
    if (!url || !isSameSite(url, page.finalUrl) || ASSET.test(url)) continue;
    const key = sameUrlKey(url);
    if (key === self || new URL(url).pathname.replace(/\/+$/, '') === '') continue;
    const title = anchorTitle(anchor);
    if (title.length < MIN_TITLE || title.split(' ').length < 3) continue;
    if (isInPageChrome(anchor)) continue;
    const chain: Element[] = [];
    for (let node = anchor.parentElement; node && chain.length < MAX_DEPTH; node = node.parentElement) {
      if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
      chain.push(node);
    }
    out.push({ anchor, url, key, title, order, chain });
  }
  return out;
}

/** A block's shape: its tag and classes without numbers and states ("item odd item-3" → "LI.item"). */
function signature(element: Element | null): string {
  if (!element) return '';
  const classes = (element.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter(
      (token) => token !== '' && !/\d|^(?:odd|even|first|last|active|current|selected|hot|new)$/i.test(token),
    )
    .sort();
  return [element.tagName, ...classes].join('.');
}

interface Group {
  blocks: { block: Element; candidate: Candidate }[];
  /** The element holding the group: the blocks' parent, or their common ancestor for a loose group. */
  parent: Element | null;
  loose: boolean;
}

/**
 * Each post's block is the highest ancestor of its link that holds no link to another post. Blocks
 * of the same shape under the same grandparent (so rows of a card grid join) form a group; and, for
 * broken pages where every unclosed block swallows the next, blocks of the same shape path anywhere
 * form a looser group (scored a little lower).
 */
function groupBlocks(candidates: Candidate[]): { groups: Group[]; blockOf: Map<string, Element> } {
  const keysUnder = new Map<Element, Set<string>>();
  for (const candidate of candidates) {
    for (const node of [candidate.anchor, ...candidate.chain]) {
      const keys = keysUnder.get(node) ?? new Set<string>();
      keysUnder.set(node, keys);
      if (keys.size < 2) keys.add(candidate.key);
    }
  }
  const tight = new Map<string, Group>();
  const loose = new Map<string, Group>();
  const ids = new Map<Element, number>();
  const idOf = (element: Element | null): number => {
    if (!element) return 0;
    const id = ids.get(element) ?? ids.size + 1;
    ids.set(element, id);
    return id;
  };
  const add = (groups: Map<string, Group>, key: string, entry: Group['blocks'][number], loosely: boolean) => {
    const group = groups.get(key) ?? { blocks: [], parent: entry.block.parentElement, loose: loosely };
    groups.set(key, group);
    group.blocks.push(entry);
  };
  const seenBlocks = new Set<Element>();
  const blockOf = new Map<string, Element>();
  for (const candidate of candidates) {
    let block: Element = candidate.anchor;
    for (const node of candidate.chain) {
      if ((keysUnder.get(node)?.size ?? 0) > 1) break;
      block = node;
    }
    if (!blockOf.has(candidate.key)) blockOf.set(candidate.key, block);
    if (seenBlocks.has(block)) continue;
    seenBlocks.add(block);
    const parent = block.parentElement;
    const shape = `${signature(parent)}|${signature(block)}`;
    add(tight, `${idOf(parent?.parentElement ?? null)}|${shape}`, { block, candidate }, false);
    add(loose, `${signature(parent?.parentElement ?? null)}|${shape}`, { block, candidate }, true);
  }
  const looseGroups = [...loose.values()].filter((group) => {
    // Only worth a look when it joins blocks the tight grouping kept apart.
    group.parent = commonAncestor(group.blocks.map(({ candidate }) => candidate.chain));
    return group.blocks.length >= 2;
  });
  return { groups: [...tight.values(), ...looseGroups], blockOf };
}

/** The deepest element all chains (anchor's ancestors, nearest first) share. */
function commonAncestor(chains: Element[][]): Element | null {
  const [first, ...rest] = chains;
  if (!first) return null;
  const others = rest.map((chain) => new Set(chain));
  return first.find((node) => others.every((set) => set.has(node))) ?? null;
}

const SIDE_TOKEN =
  /sidebar|side-bar|aside|widget|col-right|right-col|tin-?khac|related|lien-?quan|xem-?nhieu|most|hot-?news/i;

function isAside(element: Element | null): boolean {
  let node = element;
  for (let depth = 0; node && depth < 12; depth++, node = node.parentElement) {
    if (node.tagName === 'ASIDE' || tokens(node).some((token) => SIDE_TOKEN.test(token))) return true;
  }
  return false;
}

function layoutName(blocks: Element[], datedShare: number): string {
  const tag = blocks[0]?.tagName ?? '';
  const withImages = blocks.filter((block) => block.querySelector('img') !== null).length;
  const shape =
    tag === 'TR'
      ? 'table'
      : tag === 'LI' || tag === 'DT' || tag === 'DD'
        ? 'list'
        : withImages * 2 >= blocks.length
          ? 'cards'
          : 'blocks';
  return datedShare >= 0.5 ? `${shape}-with-dates` : shape;
}

function dedupe(items: DiscoveredItem[]): DiscoveredItem[] {
  const seen = new Set<string>();
  const out: DiscoveredItem[] = [];
  for (const item of items) {
    const key = sameUrlKey(item.url);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length >= LIMITS.items) break;
  }
  return out;
}

/** Items from blocks chosen by a selector: the block's post link is its longest same-site link. */
function itemsFromBlocks(
  blocks: Element[],
  page: FetchedPage,
  selectors: ItemSelectors & { linkSelector?: string | null },
  now: Date,
): DiscoveredItem[] {
  const items: DiscoveredItem[] = [];
  for (const block of blocks) {
    if (items.length >= LIMITS.items) break;
    const links = selectors.linkSelector
      ? selectAll(block, selectors.linkSelector, 5)
      : block.tagName === 'A'
        ? [block]
        : selectAll(block, 'a[href]', 50);
    let best: { anchor: Element; url: string; length: number } | null = null;
    for (const anchor of links) {
      const href = anchor.getAttribute('href') ?? anchor.querySelector('a[href]')?.getAttribute('href');
      const url = resolveUrl(href, page.finalUrl);
      if (!url || !isSameSite(url, page.finalUrl) || ASSET.test(url)) continue;
      const length = anchorTitle(anchor).length;
      if (!best || length > best.length) best = { anchor, url, length };
    }
    if (!best) continue;
    const item = readItem(block, best.anchor, best.url, selectors, now);
    if (item) items.push(item);
  }
  return dedupe(items);
}

/** Items from the admin's link selector alone: each link's parent is its block. */
function itemsFromLinks(
  links: Element[],
  page: FetchedPage,
  selectors: ItemSelectors,
  now: Date,
): DiscoveredItem[] {
  const items: DiscoveredItem[] = [];
  for (const anchor of links) {
    if (items.length >= LIMITS.items) break;
    const url = resolveUrl(anchor.getAttribute('href'), page.finalUrl);
    if (!url || !isSameSite(url, page.finalUrl)) continue;
    const item = readItem(anchor.parentElement ?? anchor, anchor, url, selectors, now);
    if (item) items.push(item);
  }
  return dedupe(items);
}

const DATE_HINT =
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d+\s*(?:phút|giờ|ngày|phut|gio|ngay)\s*(?:trước|truoc)|h[oô]m (?:nay|qua)|\d{1,2}\s*th[aá]ng\s*\d{1,2}/i;

/**
 * One candidate per post, in page order, its link chosen for the title: the one in a heading, else
 * the one with the longest text of its own (a picture's alt text is a caption, not the title).
 */
function bestAnchorPerPost(candidates: Candidate[]): Candidate[] {
  const rank = (candidate: Candidate) =>
    (closestWithin(candidate.anchor, 'h1, h2, h3, h4, h5, h6', 4) ? 10_000 : 0) +
    textOf(candidate.anchor, 1_000).length;
  const best = new Map<string, Candidate>();
  const firstOrder = new Map<string, number>();
  for (const candidate of candidates) {
    if (!firstOrder.has(candidate.key)) firstOrder.set(candidate.key, candidate.order);
    const current = best.get(candidate.key);
    if (!current || rank(candidate) > rank(current)) best.set(candidate.key, candidate);
  }
  return [...best.values()].sort((a, b) => firstOrder.get(a.key)! - firstOrder.get(b.key)!);
}

function detect(document: Document, page: FetchedPage, selectors: ItemSelectors, now: Date) {
  let singleKnown: { block: Element; method: string } | null = null;
  for (const layout of KNOWN_LAYOUTS) {
    const blocks = selectAll(document.body, layout.item, LIMITS.items * 2).filter(
      (block) => !isInPageChrome(block) && !isAside(block),
    );
    if (blocks.length === 1 && !singleKnown) singleKnown = { block: blocks[0]!, method: layout.name };
    if (blocks.length < 2) continue;
    const items = itemsFromBlocks(blocks, page, selectors, now);
    if (items.length >= 2) return { items, method: layout.name };
  }

  const candidates = candidateLinks(document, page);
  let best: { group: Group; score: number } | null = null;
  const { groups, blockOf } = groupBlocks(candidates);
  for (const group of groups) {
    if (group.blocks.length < 2) continue;
    const dated = group.blocks.filter(
      ({ block, candidate }) =>
        block.querySelector('time') !== null ||
        DATE_HINT.test(textOf(block, 800).replace(candidate.title, '')),
    ).length;
    const meanTitle =
      group.blocks.reduce((sum, { candidate }) => sum + Math.min(candidate.title.length, 120), 0) /
      group.blocks.length;
    let score = group.blocks.length + 2 * dated + (meanTitle >= 30 ? group.blocks.length * 0.5 : 0);
    if (isAside(group.parent)) score *= 0.4;
    if (group.loose) score *= 0.8;
    if (!best || score > best.score) best = { group, score };
  }
  if (!best) return detectSingle(document, page, candidates, singleKnown, selectors, now);

  // A featured post above the list (the newest one, shown big) sits just outside the group: widen to
  // the ancestors that add only a few more posts.
  const inGroup = new Set(best.group.blocks.map(({ candidate }) => candidate.key));
  let container = best.group.parent;
  for (let step = 0; container && step < 3; step++) {
    const parent: Element | null = container.parentElement;
    if (!parent || parent.tagName === 'BODY') break;
    const inside = new Set(candidates.filter((c) => c.chain.includes(parent)).map((c) => c.key));
    if (inside.size - inGroup.size > 3 || isAside(parent)) break;
    container = parent;
  }
  const chosen = candidates.filter(
    (candidate) => inGroup.has(candidate.key) || (container !== null && candidate.chain.includes(container)),
  );
  const items: DiscoveredItem[] = [];
  for (const candidate of bestAnchorPerPost(chosen)) {
    const block = blockOf.get(candidate.key) ?? candidate.anchor;
    const item = readItem(block, candidate.anchor, candidate.url, selectors, now);
    if (item) items.push(item);
  }
  const deduped = dedupe(items);
  const datedShare = deduped.filter((item) => item.publishedAt).length / Math.max(deduped.length, 1);
  return {
    items: deduped,
    method: layoutName(
      best.group.blocks.map(({ block }) => block),
      datedShare,
    ),
  };
}

/** A single post's block holds a title, a date and a lead, not an article. */
const MAX_SINGLE_BLOCK_TEXT = 1_200;
/** More text than this outside the post's block (paragraphs, not menus or footers): an article page. */
const MAX_TEXT_OUTSIDE = 1_000;
/** Levels above a link looked at for the block that shows its date. */
const SINGLE_BLOCK_DEPTH = 6;

const longerThan = (element: Element, max: number) => textOf(element, max * 4).length > max;

function showsDate(block: Element, title: string): boolean {
  return block.querySelector('time') !== null || DATE_HINT.test(textOf(block, 800).replace(title, ''));
}

/** The nearest block around a post link that shows a date and is no bigger than one post's summary. */
function datedBlock(candidate: Candidate): Element | null {
  for (const node of [candidate.anchor, ...candidate.chain.slice(0, SINGLE_BLOCK_DEPTH)]) {
    if (longerThan(node, MAX_SINGLE_BLOCK_TEXT)) return null;
    if (showsDate(node, candidate.title)) return node;
  }
  return null;
}

/** The largest block within a few levels of a link that is still no bigger than one post's summary. */
function summaryBlock(candidate: Candidate): Element {
  let block: Element = candidate.anchor;
  for (const node of candidate.chain.slice(0, 4)) {
    if (longerThan(node, MAX_SINGLE_BLOCK_TEXT)) break;
    block = node;
  }
  return block;
}

/** An article (or any page of prose) rather than a list: og:type article, or much text beside the block. */
function looksLikeArticle(document: Document, block: Element): boolean {
  const type = document.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/article/i.test(type)) return true;
  let outside = 0;
  for (const paragraph of selectAll(document.body, 'p, blockquote, pre, td', 2_000)) {
    if (block.contains(paragraph) || paragraph.contains(block) || isInPageChrome(paragraph)) continue;
    if (paragraph.querySelector('p, td')) continue; // counted through its own paragraphs
    outside += textOf(paragraph, 4_000).length;
    if (outside > MAX_TEXT_OUTSIDE) return true;
  }
  return false;
}

/** Whether the page names itself the DX column: its address, or a short title or heading saying so. */
function isDxColumnPage(document: Document, page: FetchedPage): boolean {
  const path = new URL(page.finalUrl).pathname;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: the raw path is read instead
  }
  if (DX_HREF.test(foldForSearch(decoded))) return true;
  const headings = [
    document.querySelector('title'),
    ...selectAll(document.body, 'h1, h2, [class*="breadcrumb"] li:last-child, [class*="title"]', 30),
  ];
  return headings.some((heading) => {
    if (!heading || isInPageChrome(heading) || isAside(heading)) return false;
    const text = foldForSearch(textOf(heading, 300));
    return text.split(' ').length <= 12 && DX_TEXT.test(text);
  });
}

/**
 * One post, when no repeated blocks were found (see the file's comment). Never on an article page:
 * its inline links and "related" box would otherwise read as a one-post list.
 */
function detectSingle(
  document: Document,
  page: FetchedPage,
  candidates: Candidate[],
  known: { block: Element; method: string } | null,
  selectors: ItemSelectors,
  now: Date,
): { items: DiscoveredItem[]; method: string } {
  const none = { items: [], method: 'none' };
  const fits = (block: Element) =>
    !longerThan(block, MAX_SINGLE_BLOCK_TEXT) && !looksLikeArticle(document, block);
  const single = (block: Element, anchor: Element, url: string, method: string) => {
    const item = fits(block) ? readItem(block, anchor, url, selectors, now) : null;
    return item ? { items: [item], method } : none;
  };
  if (known && fits(known.block)) {
    const [item] = itemsFromBlocks([known.block], page, selectors, now);
    if (item) return { items: [item], method: `single-${known.method}` };
  }
  const posts = bestAnchorPerPost(candidates.filter((candidate) => !isAside(candidate.anchor)));
  const dated = posts.flatMap((candidate) => {
    const block = datedBlock(candidate);
    return block ? [{ candidate, block }] : [];
  });
  if (dated.length === 1) {
    const { candidate, block } = dated[0]!;
    return single(block, candidate.anchor, candidate.url, `single-${layoutName([block], 1)}`);
  }
  if (dated.length === 0 && posts.length === 1 && isDxColumnPage(document, page)) {
    const candidate = posts[0]!;
    const block = summaryBlock(candidate);
    return single(block, candidate.anchor, candidate.url, `single-${layoutName([block], 0)}`);
  }
  return none;
}

export function readHtmlListing(page: FetchedPage, overrides: SiteOverrides, now: Date): ListingResult {
  const document = loadDocument(page.text);
  const selectors: ItemSelectors = {
    titleSelector: overrides.titleSelector,
    dateSelector: overrides.dateSelector,
    leadSelector: overrides.leadSelector,
    dateFormat: overrides.dateFormat,
  };
  const nextPageUrl = findNextPage(document, page.finalUrl, overrides.nextSelector);

  if (overrides.itemSelector || overrides.linkSelector) {
    const items = overrides.itemSelector
      ? itemsFromBlocks(
          selectAll(document.body, overrides.itemSelector, LIMITS.items * 2),
          page,
          { ...selectors, linkSelector: overrides.linkSelector },
          now,
        )
      : itemsFromLinks(
          selectAll(document.body, overrides.linkSelector!, LIMITS.items * 2),
          page,
          selectors,
          now,
        );
    if (items.length > 0) return { items, nextPageUrl, method: 'overrides' };
    // The site changed under the admin's selectors: still read it, and say so.
    const detected = detect(document, page, selectors, now);
    return { items: detected.items, nextPageUrl, method: `overrides-matched-nothing:${detected.method}` };
  }
  const detected = detect(document, page, selectors, now);
  return { items: detected.items, nextPageUrl, method: detected.method };
}
