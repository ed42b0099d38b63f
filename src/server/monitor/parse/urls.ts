/** Addresses found on a page: made absolute, kept to http(s), compared the way people mean them. */

import { urlKey } from '../../../shared/url-key';
import { LIMITS, stripUnstorable } from './text';

/** `href` made absolute against `base`, without its #fragment; null unless http(s). */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const raw = stripUnstorable(href).trim();
  if (raw === '' || raw.startsWith('#') || raw.length > LIMITS.url) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href.normalize('NFC');
}

/** The host without "www." and in lower case; null for text that is not a URL. */
export function siteHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether two addresses are on the same site ("www." or not, http or https). */
export function isSameSite(url: string, base: string): boolean {
  const a = siteHost(url);
  return a !== null && a === siteHost(base);
}

/** The key two spellings of one page share (scheme, "www.", trailing slash, tracking parameters). */
export function sameUrlKey(url: string): string {
  return urlKey(url) ?? url;
}

/**
 * The same key, and percent-encoding read back ("/chuy%E1%BB%83n" and "/chuyển" are one path),
 * lower-cased host and path, for comparing a link with the address an admin typed.
 */
export function looseUrlKey(url: string): string | null {
  const key = urlKey(url);
  if (key === null) return null;
  let decoded = key;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    // A stray "%" stays as written.
  }
  return decoded.normalize('NFC').toLowerCase().replace(/\/+$/, '');
}

/** Words of the last path segment: "/tin-tuc/chuyen-doi-so-xa-a-123.html" → "chuyen doi so xa a". */
export function titleFromUrl(url: string): string {
  let segment = '';
  try {
    const parts = new URL(url).pathname.split('/').filter((part) => part !== '');
    segment = parts[parts.length - 1] ?? '';
    segment = decodeURIComponent(segment);
  } catch {
    // An undecodable segment is used as it is.
  }
  const words = segment
    .replace(/\.(html?|aspx?|php|jsp|vnp)$/i, '')
    .replace(/[-_+]+/g, ' ')
    .replace(/(?:\s|^)(?:\d{3,}|[a-f0-9]{16,})$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return url;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
