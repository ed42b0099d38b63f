import {
  ACTIVITY_KIND_LABELS,
  type ActivityKind,
  BROADCAST_SOURCE_LABELS,
  type BroadcastSource,
  GENRE_LABELS,
  type Genre,
} from '../../../shared/activities';
import { foldForSearch } from '../../../shared/text';

/**
 * Labels people write in spreadsheets, read back as codes: "Phóng sự", "phong su" and "phong_su" are
 * the same genre. Matching ignores case and diacritics.
 */
function key(text: string): string {
  return foldForSearch(text.replace(/_/g, ' ')).replace(/\s*;\s*/g, ';');
}

function labelIndex<C extends string>(labels: Record<C, { vi: string; en: string }>): Map<string, C> {
  const index = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as Array<[C, { vi: string; en: string }]>) {
    index.set(key(code), code);
    index.set(key(label.en), code);
    index.set(key(label.vi), code);
  }
  return index;
}

const GENRES_BY_LABEL = labelIndex(GENRE_LABELS);
const SOURCES_BY_LABEL = labelIndex(BROADCAST_SOURCE_LABELS);
const KINDS_BY_LABEL = labelIndex(ACTIVITY_KIND_LABELS);
KINDS_BY_LABEL.set(key('Phát sóng'), 'broadcast');
KINDS_BY_LABEL.set(key('Tin'), 'post');

export function matchGenre(text: string): Genre | null {
  return GENRES_BY_LABEL.get(key(text)) ?? null;
}

export function matchSource(text: string): BroadcastSource | null {
  return SOURCES_BY_LABEL.get(key(text)) ?? null;
}

export function matchKind(text: string): ActivityKind | null {
  return KINDS_BY_LABEL.get(key(text)) ?? null;
}

export interface NamedCode {
  code: string;
  name: string;
}

/** A province's topic or language list, looked up by name or code. */
export class CodeList {
  private readonly byKey = new Map<string, string>();
  readonly codes: ReadonlySet<string>;

  constructor(items: NamedCode[], options: { dropPrefix?: string } = {}) {
    for (const item of items) {
      this.byKey.set(key(item.code), item.code);
      const name = key(item.name);
      if (!this.byKey.has(name)) this.byKey.set(name, item.code);
      // "Xơ Đăng" for "Tiếng Xơ Đăng".
      const prefix = options.dropPrefix ? `${key(options.dropPrefix)} ` : null;
      if (prefix && name.startsWith(prefix) && !this.byKey.has(name.slice(prefix.length))) {
        this.byKey.set(name.slice(prefix.length), item.code);
      }
    }
    this.codes = new Set(items.map((item) => item.code));
  }

  match(text: string): string | null {
    return this.byKey.get(key(text)) ?? null;
  }

  /**
   * Several names separated by ";" or new lines. A name may itself hold a ";" (the D11 policy topic
   * does), so the longest run of pieces that names an item wins.
   */
  matchMany(text: string): { codes: string[]; unknown: string[] } {
    const pieces = text
      .split(/[;\n|]/)
      .map((piece) => piece.trim())
      .filter(Boolean);
    const codes: string[] = [];
    const unknown: string[] = [];
    let i = 0;
    while (i < pieces.length) {
      let matched = false;
      for (let j = pieces.length; j > i; j--) {
        const code = this.match(pieces.slice(i, j).join(';'));
        if (code) {
          if (!codes.includes(code)) codes.push(code);
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) {
        unknown.push(pieces[i]!);
        i++;
      }
    }
    return { codes, unknown };
  }
}
