/**
 * Someone else's HTML as a DOM, without running anything: linkedom builds the tree and never executes
 * scripts, and the scripts, styles and comments are cut out of the text first (they are most of a
 * portal's bytes and none of its posts). The text is capped before parsing so a 10 MB page costs
 * what a 2 MB one does.
 */

import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { LIMITS, stripUnstorable } from './text';

/** Removes `<tag …>…</tag>` blocks with indexOf (linear, whatever the nesting or missing ends). */
function cutBlocks(html: string, open: string, close: string, keep?: (block: string) => boolean): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) break;
    const next = lower.charCodeAt(start + open.length);
    // "<scripts" or "<style-x" are other tags: keep them and go on.
    if (open !== '<!--' && !(next === 32 || next === 62 || next === 47 || (next >= 9 && next <= 13))) {
      out += html.slice(from, start + open.length);
      from = start + open.length;
      continue;
    }
    const end = lower.indexOf(close, start + open.length);
    const stop = end < 0 ? html.length : end + close.length;
    const block = html.slice(start, stop);
    out += html.slice(from, start);
    if (keep?.(block)) out += block;
    from = stop;
  }
  return out + html.slice(from);
}

const JSON_LD = /^<script[^>]*type\s*=\s*["']?application\/ld\+json/i;

/**
 * HTML ready for the parser: at most LIMITS.html characters, without scripts (JSON-LD kept when
 * asked, it carries publication dates), styles, comments, NUL or lone surrogates.
 */
export function prepareHtml(raw: string, options: { keepJsonLd?: boolean } = {}): string {
  // Cut generously first: the removals below are linear but need not see 50 MB.
  let html = raw.length > LIMITS.html * 4 ? raw.slice(0, LIMITS.html * 4) : raw;
  html = cutBlocks(html, '<!--', '-->');
  html = cutBlocks(
    html,
    '<script',
    '</script>',
    (block) => options.keepJsonLd === true && JSON_LD.test(block),
  );
  html = cutBlocks(html, '<style', '</style>');
  html = cutBlocks(html, '<noscript', '</noscript>');
  if (html.length > LIMITS.html) html = html.slice(0, LIMITS.html);
  return stripUnstorable(html);
}

/** Deeper than any real portal goes; beyond it the tags are dropped and only their text is kept. */
const MAX_NESTING = 200;
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Values arrive undecoded (entities as written), so only the quote that delimits them is escaped. */
function escapeAttribute(value: string): string {
  return value.replace(/"/g, '&quot;');
}

/**
 * The same HTML with its nesting cut at MAX_NESTING: linkedom's tree building slows down with depth
 * (50,000 nested <div>s took seconds), so htmlparser2's tokenizer, which is linear, rewrites the page
 * first, leaving out the tags that would go deeper (their text stays). Pages that are not that deep
 * come out unchanged in meaning.
 */
export function capNesting(html: string, maxDepth = MAX_NESTING): string {
  const parts: string[] = [];
  // One entry per open element: whether its tags were written.
  const open: boolean[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const keep = depth < maxDepth;
        if (keep) {
          let tag = `<${name}`;
          for (const [key, value] of Object.entries(attributes)) tag += ` ${key}="${escapeAttribute(value)}"`;
          parts.push(`${tag}>`);
        }
        if (VOID_ELEMENTS.has(name)) return;
        open.push(keep);
        depth++;
      },
      ontext(text) {
        parts.push(text);
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        const kept = open.pop();
        depth = Math.max(0, depth - 1);
        if (kept) parts.push(`</${name}>`);
      },
      // <!DOCTYPE html> and the like.
      onprocessinginstruction(_name, data) {
        parts.push(`<${data}>`);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('');
}

/**
 * A document with a <body> whatever was given: linkedom leaves a fragment without an <html> root
 * (document.body then throws), so such text is wrapped.
 */
export function loadDocument(raw: string, options: { keepJsonLd?: boolean } = {}): Document {
  const html = capNesting(prepareHtml(raw, options));
  const head = html.slice(0, 4096).toLowerCase();
  const wrapped = head.includes('<html')
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(wrapped).document as unknown as Document;
  if (hasBody(document)) return document;
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`)
    .document as unknown as Document;
}

function hasBody(document: Document): boolean {
  try {
    return document.documentElement?.tagName === 'HTML' && document.body !== null;
  } catch {
    return false;
  }
}

/** An element's text with its white space collapsed (the cleaning and the cap come later). */
export function textOf(node: Element | null | undefined, max = 5_000): string {
  if (!node) return '';
  const text = node.textContent ?? '';
  return (text.length > max ? text.slice(0, max) : text).replace(/\s+/g, ' ').trim();
}

/**
 * `closest` looking at most `maxDepth` ancestors up: on a page of 50,000 nested <div>s the built-in
 * one walks them all for every link.
 */
export function closestWithin(element: Element, selector: string, maxDepth = 12): Element | null {
  let node: Element | null = element;
  for (let depth = 0; node && depth <= maxDepth; depth++, node = node.parentElement) {
    if (node.matches(selector)) return node;
  }
  return null;
}

/** `querySelectorAll` that survives an admin's invalid selector (an empty list then). */
export function selectAll(root: ParentNode, selector: string, max: number): Element[] {
  try {
    const found = root.querySelectorAll(selector);
    const out: Element[] = [];
    for (let i = 0; i < found.length && out.length < max; i++) out.push(found[i]!);
    return out;
  } catch {
    return [];
  }
}

export function selectOne(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The content of the first <meta> whose property or name is one of `names`. */
export function metaContent(document: Document, names: readonly string[]): string | null {
  const metas = document.querySelectorAll('meta');
  for (const name of names) {
    for (let i = 0; i < metas.length && i < 500; i++) {
      const meta = metas[i]!;
      const key = (
        meta.getAttribute('property') ??
        meta.getAttribute('name') ??
        meta.getAttribute('itemprop') ??
        ''
      )
        .trim()
        .toLowerCase();
      if (key === name) {
        const content = meta.getAttribute('content')?.trim();
        if (content) return content;
      }
    }
  }
  return null;
}

/**
 * How many elements the body has and how deep it goes, counting at most `maxElements` (walked
 * without recursion, so a 50,000-deep tree cannot overflow the stack).
 */
export function treeShape(root: Element, maxElements: number): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let node: Element | null = root.firstElementChild;
  if (node) depth = 1;
  while (node && elements < maxElements) {
    elements++;
    if (depth > deepest) deepest = depth;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return { elements, depth: deepest };
}
