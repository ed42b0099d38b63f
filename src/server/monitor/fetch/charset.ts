import { MIMEType } from 'node:util';

/**
 * Bytes → text the way a browser would pick the encoding (WHATWG "encoding sniffing", shortened):
 * a byte-order mark, else the Content-Type charset, else a <meta charset> / <meta http-equiv> or an
 * XML declaration in the first bytes, else UTF-8. TextDecoder knows every WHATWG label, including
 * windows-1258 (Vietnamese); a label it does not know (TCVN3, VNI, made-up names) falls back to
 * UTF-8 and says so in `note`. The text is NFC-normalised: windows-1258 and some Vietnamese input
 * methods give decomposed tone marks ("e" + U+0301), which would not match the same word typed NFC.
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'default';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used ("utf-8", "windows-1258", …). */
  charset: string;
  source: CharsetSource;
  /** Set when the declared charset was unknown and UTF-8 was used instead. */
  note: string | null;
}

/** How far into the body a meta tag is looked for (WHATWG says 1024; some portals put long scripts first). */
const SNIFF_BYTES = 4096;

export interface ParsedContentType {
  /** "text/html", lower case, without parameters. */
  essence: string;
  charset: string | null;
}

export function parseContentType(header: string | null): ParsedContentType | null {
  if (!header) return null;
  try {
    const type = new MIMEType(header);
    return { essence: type.essence, charset: type.params.get('charset') };
  } catch {
    // A malformed header ("text/html;;charset") still says what it is before the first ';'.
    const essence = header.split(';')[0]?.trim().toLowerCase() ?? '';
    const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(header)?.[1] ?? null;
    return essence ? { essence, charset } : null;
  }
}

export function decodeText(bytes: Uint8Array, headerCharset: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return finish(bytes, bom, 'bom', null);
  const candidates: [string | null, CharsetSource][] = [[headerCharset, 'header'], ...sniffDeclared(bytes)];
  // An unknown label is skipped (as WHATWG does) in case a later declaration names a known one.
  let unknown: string | null = null;
  for (const [label, source] of candidates) {
    if (!label) continue;
    const decoder = decoderFor(label, source);
    if (decoder) return finish(bytes, decoder, source, null);
    unknown ??= label;
  }
  return finish(
    bytes,
    'utf-8',
    'default',
    unknown ? `bảng mã "${unknown}" không được hỗ trợ, đã đọc như UTF-8` : null,
  );
}

function finish(bytes: Uint8Array, charset: string, source: CharsetSource, note: string | null): DecodedText {
  // fatal: false: a wrong byte becomes U+FFFD instead of losing the whole page.
  const text = new TextDecoder(charset, { fatal: false }).decode(bytes).normalize('NFC');
  return { text, charset, source, note };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
function decoderFor(label: string, source: CharsetSource): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  // A page cannot declare UTF-16 in its own ASCII bytes; WHATWG reads such a meta as UTF-8.
  if ((source === 'meta' || source === 'xml') && name.startsWith('utf-16')) return 'utf-8';
  return name;
}

/** <meta charset="x">, <meta http-equiv="Content-Type" content="…; charset=x">, <?xml … encoding="x"?>. */
function sniffDeclared(bytes: Uint8Array): [string | null, CharsetSource][] {
  // latin1 maps every byte to one char, so the ASCII of the tags reads the same whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? null;
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
  return [
    [xml, 'xml'],
    [meta, 'meta'],
  ];
}
