/**
 * Text taken from someone else's web page: it may hold NUL, half surrogate pairs, decomposed tone
 * marks and megabytes of white space. Every string this folder returns goes through `cleanText`, so
 * what reaches the database is NFC, storable and of a bounded length.
 */

import { normalizeText } from '../../../shared/text';

/** How long the fields of a found item may be; longer text is cut (at a word when one is near). */
export const LIMITS = {
  title: 500,
  lead: 2_000,
  /** An article's main text. */
  text: 200_000,
  url: 2_000,
  /** Items kept from one listing page, feed or sitemap. */
  items: 500,
  /** Characters of HTML handed to the DOM parser (after scripts and styles are dropped). */
  html: 2_000_000,
  /** Characters of a feed or sitemap handed to the XML parsers. */
  xml: 5_000_000,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const NUL_AND_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops NUL, other C0 controls and lone surrogates; keeps tabs and line breaks. */
export function stripUnstorable(value: string): string {
  return value.replace(NUL_AND_CONTROLS, '').replace(LONE_SURROGATES, '');
}

/**
 * NFC, one line, controls and lone surrogates removed, at most `max` characters. The input is cut
 * before normalising (a few times `max`) so a 10 MB text node costs no more than a short one.
 */
export function cleanText(value: string | null | undefined, max: number): string {
  if (!value) return '';
  const head = value.length > max * 4 + 64 ? value.slice(0, max * 4 + 64) : value;
  const text = normalizeText(stripUnstorable(head));
  return truncate(text, max);
}

/** `cleanText`, or null when nothing is left. */
export function cleanOrNull(value: string | null | undefined, max: number): string | null {
  const text = cleanText(value, max);
  return text === '' ? null : text;
}

/** Cuts at the last space in the final tenth when there is one, and ends with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const atWord = space > max * 0.9 ? cut.slice(0, space) : cut;
  return `${dropTrailingHighSurrogate(atWord)}…`;
}

function dropTrailingHighSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * Multi-line text (an article's body): NFC, controls removed, runs of blank lines and spaces
 * collapsed, paragraphs kept.
 */
export function cleanBody(value: string | null | undefined, max: number): string {
  if (!value) return '';
  const head = value.length > max * 2 ? value.slice(0, max * 2) : value;
  const text = stripUnstorable(head)
    .normalize('NFC')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return truncate(text, max);
}
