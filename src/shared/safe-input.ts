/**
 * The one rule for text and dates that come from outside (JSON bodies, query strings, form fields,
 * spreadsheet cells, file names): every way in checks it, so a hostile value gets a 400 naming the
 * field instead of reaching the database and failing there.
 *
 * - NUL (U+0000): PostgreSQL's text type cannot hold it.
 * - A lone UTF-16 surrogate ("\ud800"): not text at all; it cannot be written as UTF-8.
 * - A day outside 1900–2999: PostgreSQL has no year 0, no record of this work is that old, and a
 *   publication may be scheduled far ahead but not past the year 2999.
 */

export const SANE_YEARS = { from: 1900, to: 2999 } as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored, in Vietnamese, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'Không được chứa ký tự NUL (\\u0000).';
  if (LONE_SURROGATE.test(value)) return 'Chứa ký tự Unicode không hợp lệ (nửa cặp surrogate).';
  return null;
}

/** A day (yyyy-MM-dd, or the start of an ISO date-time) whose year is within SANE_YEARS. */
export function isSaneYear(year: number): boolean {
  return year >= SANE_YEARS.from && year <= SANE_YEARS.to;
}

export const SANE_DAY_MESSAGE = `Ngày phải nằm trong khoảng năm ${SANE_YEARS.from}–${SANE_YEARS.to}.`;

const DATE_SHAPED = /^([+-]?\d{4,6})-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Why a value that is written as a date (yyyy-MM-dd or an ISO date-time, nothing else) cannot be
 * one, or null. Text that is not shaped like a date is left to its schema.
 */
export function dateProblem(value: string): string | null {
  const match = DATE_SHAPED.exec(value);
  if (!match) return null;
  return isSaneYear(Number(match[1])) ? null : SANE_DAY_MESSAGE;
}

/** The first unsafe string inside a JSON-like value, with its path ("items.0.title"), or null. */
export function findUnsafeInput(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const message = textProblem(value) ?? dateProblem(value);
    return message ? { path: path.join('.'), message } : null;
  }
  // Bodies are at most 2 MB; the depth bound keeps a deeply nested one from exhausting the stack.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, child] of Object.entries(value)) {
    const keyMessage = textProblem(key);
    if (keyMessage) return { path: [...path, key].join('.'), message: keyMessage };
    const found = findUnsafeInput(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Explicit-direction controls (U+202A–U+202E, U+2066–U+2069) reorder what follows them on screen:
 * "hoso\u202Efdp.exe" shows as "hosoexe.pdf". Vietnamese text never needs them.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}
