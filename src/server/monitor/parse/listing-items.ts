/**
 * One item of an HTML listing: given the block that holds one post (a <li>, a card, a table row) and
 * its link, the title, lead and date the block shows. Shared by the admin's selectors and the
 * automatic layout detection.
 */

import type { DiscoveredItem } from '../contract';
import { parseVietnameseDate } from './dates';
import { closestWithin, selectAll, selectOne, textOf } from './dom';
import { cleanOrNull, cleanText, LIMITS } from './text';

const DATE_HOLDERS =
  '[class*="date"], [class*="Date"], [class*="time"], [class*="ngay"], [class*="publish"], [class*="meta"], [itemprop="datePublished"], .post-on, .posted-on';

const LEAD_HOLDERS =
  '.sapo, .lead, .summary, .desc, .description, .excerpt, .entry-summary, .entry-content, .asset-summary, .tomtat, .mota, .abstract, .news-desc, [class*="sapo"], [class*="summary"], [class*="desc"], p';

const DATE_SHAPE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|tr[uư][oớ]c$/i;

export interface ItemSelectors {
  titleSelector?: string | null;
  dateSelector?: string | null;
  leadSelector?: string | null;
  dateFormat?: string | null;
}

/** The text a post's title is shown in: the heading around the link, the link, its title or image. */
export function anchorTitle(anchor: Element): string {
  const heading = closestWithin(anchor, 'h1, h2, h3, h4, h5, h6', 4);
  const text = textOf(heading && textOf(heading, 600).length < 600 ? heading : anchor, 1_000);
  if (text.length > 0) return text;
  return (
    anchor.getAttribute('title')?.trim() || selectOne(anchor, 'img[alt]')?.getAttribute('alt')?.trim() || ''
  );
}

/** The first date the block shows: <time datetime>, an element whose class says date, or its text. */
export function blockDate(
  block: Element,
  title: string,
  now: Date,
  format: string | null | undefined,
): Date | null {
  for (const time of selectAll(block, 'time[datetime], [itemprop="datePublished"][content]', 3)) {
    const found = parseVietnameseDate(
      time.getAttribute('datetime') ?? time.getAttribute('content') ?? '',
      now,
      null,
    );
    if (found) return found;
  }
  for (const holder of selectAll(block, DATE_HOLDERS, 10)) {
    const found = parseVietnameseDate(textOf(holder, 200), now, format);
    if (found) return found;
  }
  // The block's text without the title, which may itself hold a number that reads like a date.
  const rest = textOf(block, 2_000).replace(title, ' ').slice(0, 600);
  return parseVietnameseDate(rest, now, format) ?? dateAfter(block, now, format);
}

/**
 * The text written just after the block, up to the next link ("<a>…</a> <i>(12/03/2024)</i><p>…"):
 * on broken pages the block may be the bare link while its date and summary sit beside it.
 */
function textsAfter(block: Element): string[] {
  const texts: string[] = [];
  let node = block.nextSibling;
  for (let i = 0; node && i < 6 && texts.length < 4; i++, node = node.nextSibling) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.tagName === 'A' || element.querySelector('a[href]')) break;
      texts.push(textOf(element, LIMITS.lead * 2));
    } else if (node.nodeType === 3) {
      texts.push((node.textContent ?? '').slice(0, 300).replace(/\s+/g, ' ').trim());
    }
  }
  return texts.filter((text) => text !== '');
}

function dateAfter(block: Element, now: Date, format: string | null | undefined): Date | null {
  const text = textsAfter(block).join(' ').slice(0, 400);
  return text ? parseVietnameseDate(text, now, format) : null;
}

/** The summary the block shows under the title, when it has one. */
export function blockLead(block: Element, title: string): string | null {
  for (const holder of selectAll(block, LEAD_HOLDERS, 10)) {
    const link = closestWithin(holder, 'a', 4);
    if (link && textOf(link, 600) === title) continue;
    const text = textOf(holder, LIMITS.lead * 2);
    if (text.length < 20 || text === title || title.includes(text)) continue;
    // "Ngày đăng: 12/03/2024 | Lượt xem: 35" is the date line, not a summary.
    if (text.length < 80 && DATE_SHAPE.test(text)) continue;
    return text;
  }
  if (block.tagName !== 'A') return null;
  return textsAfter(block).find((text) => text.length >= 40 && !DATE_SHAPE.test(text.slice(0, 40))) ?? null;
}

/** An item from its block and link, each field taken by the admin's selector when there is one. */
export function readItem(
  block: Element,
  anchor: Element,
  url: string,
  selectors: ItemSelectors,
  now: Date,
): DiscoveredItem | null {
  const titleNode = selectors.titleSelector ? selectOne(block, selectors.titleSelector) : null;
  const title = cleanText(titleNode ? textOf(titleNode, 1_000) : anchorTitle(anchor), LIMITS.title);
  if (title === '') return null;

  let publishedAt: Date | null;
  if (selectors.dateSelector) {
    const dateNode = selectOne(block, selectors.dateSelector);
    const text =
      dateNode?.getAttribute('datetime') ?? dateNode?.getAttribute('content') ?? textOf(dateNode, 300);
    publishedAt = text ? parseVietnameseDate(text, now, selectors.dateFormat) : null;
  } else {
    publishedAt = blockDate(block, title, now, selectors.dateFormat);
  }

  const leadNode = selectors.leadSelector ? selectOne(block, selectors.leadSelector) : null;
  const lead = cleanOrNull(
    leadNode ? textOf(leadNode, LIMITS.lead * 2) : blockLead(block, title),
    LIMITS.lead,
  );
  return { url, title, lead, publishedAt };
}
