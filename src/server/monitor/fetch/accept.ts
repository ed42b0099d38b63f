/** What a caller asks for: a web page, a feed or sitemap, or anything (evidence files). */
export type Accept = 'html' | 'feed' | 'any';

/** The Accept header sent, so that servers doing content negotiation pick the right thing. */
export const ACCEPT_HEADER: Record<Accept, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  any: '*/*',
};

/** The words naming what was wanted, for the "bad content type" sentence. */
export const ACCEPT_WORDS: Record<Accept, string> = {
  html: 'trang HTML',
  feed: 'tin RSS/Atom, sơ đồ trang (sitemap) hay JSON Feed',
  any: 'nội dung',
};

/**
 * Whether a Content-Type (its essence, lower case) fits. A missing header is let through: the body
 * is still bounded and parse/ decides what it can read; refusing would lose pages of servers that
 * forget the header. Feeds are recognised widely (any XML or JSON type) because portals serve RSS as
 * text/xml, application/xml or application/x-rss+xml about equally often.
 */
export function isAcceptedType(accept: Accept, essence: string | null): boolean {
  if (accept === 'any' || essence === null) return true;
  if (accept === 'html') return essence === 'text/html' || essence === 'application/xhtml+xml';
  return (
    essence === 'text/xml' ||
    essence === 'application/xml' ||
    essence.endsWith('+xml') ||
    essence === 'application/json' ||
    essence.endsWith('+json')
  );
}

/**
 * Whether a body is worth decoding to text. PDFs, images and archives (kept as evidence with accept
 * 'any') get an empty `text` instead of megabytes of U+FFFD; an unknown type is decoded.
 */
export function isTextualType(essence: string | null): boolean {
  if (essence === null) return true;
  return (
    essence.startsWith('text/') ||
    essence.endsWith('/xml') ||
    essence.endsWith('+xml') ||
    essence.endsWith('/json') ||
    essence.endsWith('+json') ||
    essence === 'application/javascript' ||
    essence === 'application/ecmascript'
  );
}
