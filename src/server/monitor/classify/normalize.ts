/**
 * Vietnamese text → the features the DX classifier weighs. Everything is compared accent-folded
 * ("chuyển đổi số" and "chuyen doi so" are one feature), because titles reach us both ways: from
 * RSS feeds with diacritics, from URL slugs and old portals without. The original (accented) words
 * are kept beside the folded ones so the reasons can quote the text as the person wrote it.
 */

/** One syllable of the input: as written (NFC, lower case) and accent-folded. */
export interface Syllable {
  text: string;
  folded: string;
}

/** Lower case without diacritics; đ → d (NFD does not decompose đ, so it is mapped by hand). */
export function foldAccents(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Numbers say little about the topic and would each be a feature of their own: one token for all. */
const NUMBER = '#';

/** Splits into syllables (Vietnamese writes one syllable per space-separated word). */
export function syllables(text: string): Syllable[] {
  const lowered = text.normalize('NFC').toLowerCase();
  const out: Syllable[] = [];
  for (const match of lowered.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const folded = /^\p{N}+$/u.test(word) ? NUMBER : foldAccents(word);
    out.push({ text: word, folded });
  }
  return out;
}

/** A feature the model weighs: a folded syllable or two neighbouring ones, and how the input wrote it. */
export interface Feature {
  key: string;
  display: string;
}

/**
 * Folded syllables and folded syllable bigrams, each counted once per item (a title and its lead
 * repeat their words; counting presence keeps long leads from drowning the title). Bigrams carry
 * most of the meaning: "số" alone is a number, "chuyển đổi số" is the topic.
 */
export function features(...texts: string[]): Feature[] {
  const seen = new Map<string, string>();
  // Each text on its own, so no bigram joins the title's last word to the lead's first.
  for (const text of texts) {
    const words = syllables(text);
    words.forEach((word, index) => {
      if (!seen.has(word.folded)) seen.set(word.folded, word.text);
      const next = words[index + 1];
      if (next) {
        const key = `${word.folded} ${next.folded}`;
        if (!seen.has(key)) seen.set(key, `${word.text} ${next.text}`);
      }
    });
  }
  return [...seen].map(([key, display]) => ({ key, display }));
}
