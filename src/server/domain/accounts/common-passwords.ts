import fs from 'node:fs';
import path from 'node:path';
import { foldForSearch } from '../../../shared/text';
import { PROJECT_ROOT } from '../../paths';

/**
 * The lists of common passwords shipped in data/ (see the head of each file for where they come from):
 * read once, on the first password set, never fetched at run time.
 */
interface CommonPasswords {
  passwords: Set<string>;
  words: Set<string>;
  family: Set<string>;
  given: Set<string>;
}

let lists: CommonPasswords | undefined;

function readLines(name: string): string[] {
  return fs
    .readFileSync(path.join(PROJECT_ROOT, 'data', name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function loadLists(): CommonPasswords {
  if (lists) return lists;
  const loaded: CommonPasswords = {
    passwords: new Set(readLines('common-passwords.txt').map((line) => line.toLowerCase())),
    words: new Set(),
    family: new Set(),
    given: new Set(),
  };
  let section: keyof CommonPasswords = 'passwords';
  for (const line of readLines('common-passwords-vi.txt')) {
    const header = /^\[(passwords|words|family|given)\]$/.exec(line);
    if (header) section = header[1] as keyof CommonPasswords;
    else loaded[section].add(foldForSearch(line));
  }
  lists = loaded;
  return loaded;
}

/** Whether `letters` is `count` or fewer words of `first` then `rest` (first word from `first`). */
function splitsInto(letters: string, first: Set<string>, rest: Set<string>, count: number): boolean {
  if (count === 0) return false;
  for (let end = 1; end <= letters.length; end++) {
    if (!first.has(letters.slice(0, end))) continue;
    if (end === letters.length) return true;
    if (splitsInto(letters.slice(end), rest, rest, count - 1)) return true;
  }
  return false;
}

/**
 * Whether a password is one people commonly pick: on the shipped lists as it is (without case and
 * Vietnamese accents), or, once digits, spaces and symbols are taken away, one or two listed words
 * ("Matkhau@123", "QuangNgai2025"), a Vietnamese name ("nguyenvanan1990"), or a common run of digits
 * with a letter or two ("123456a@").
 */
export function isCommonPassword(password: string): boolean {
  const { passwords, words, family, given } = loadLists();
  const folded = foldForSearch(password).replace(/\s+/g, '');
  if (passwords.has(password.toLowerCase()) || passwords.has(folded)) return true;
  const letters = folded.replace(/[^a-z]/g, '');
  if (letters.length <= 2 && passwords.has(folded.replace(/[^0-9]/g, ''))) return true;
  if (splitsInto(letters, words, words, 2)) return true;
  return splitsInto(letters, family, given, 3);
}
