import { eq } from 'drizzle-orm';
import type { FrameworkSpec } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import { frameworks } from '../../db/schema-scoring';
import { notFound } from '../../errors';
import { Lru } from './lru';

/**
 * Framework definitions kept in memory: every board, unit page and dashboard needs its version's
 * definition (tens of kilobytes of JSON), which never changes once stored. A version is written once
 * and never updated (repositories/frameworks.ts; a new file is a new row; drafts live in the browser
 * only), so its id would do as the key. The key also holds the hash of its file, which a row's
 * listing reads anyway: a row whose file was changed by hand (SQL, a restore) is read again rather
 * than served stale. Being immutable, they are kept even while the evaluation cache is switched off
 * (its recounts are of records, not of rules), so that a recount costs the statements it always did.
 */

/** Versions kept, least recently used dropped first: a few per framework code in use. */
const KEPT_DEFINITIONS = 32;

const kept = new Lru<string, FrameworkSpec>(KEPT_DEFINITIONS);

/**
 * Shared by every request that reads the version: frozen, so that code changing it in place fails
 * loudly rather than change the rules of the requests after it.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The definition of a stored version, read from the database once per id and file hash. */
export async function definitionOf(
  q: Queryable,
  version: { id: string; sha256: string },
): Promise<FrameworkSpec> {
  const key = `${version.id}|${version.sha256}`;
  const found = kept.get(key);
  if (found) return found;
  const [row] = await q
    .select({ definition: frameworks.definition })
    .from(frameworks)
    .where(eq(frameworks.id, version.id));
  // Versions are never deleted: only a restore between the two reads could get here.
  if (!row) throw notFound('Phiên bản bộ chỉ số không còn trong cơ sở dữ liệu.');
  const definition = deepFreeze(row.definition);
  kept.set(key, definition);
  return definition;
}
