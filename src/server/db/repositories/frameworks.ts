import { and, asc, desc, eq, getTableColumns, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { users } from '../schema';
import { frameworks } from '../schema-scoring';

/**
 * Stored framework versions. A row is written once and never updated: a new year's file is a new
 * row, so scores of past periods keep the rules they were computed with.
 */

export type FrameworkRow = typeof frameworks.$inferSelect;
export type NewFramework = typeof frameworks.$inferInsert;

/** A stored version with the account that imported it (null for built-ins and the command line). */
export type FrameworkWithImporter = FrameworkRow & { importedByUsername: string | null };

/** A version without its source text: what lists and version checks need. */
export type FrameworkHeader = Omit<FrameworkRow, 'sourceText'>;

const { sourceText: _sourceText, ...headerColumns } = getTableColumns(frameworks);

export async function insertFramework(q: Queryable, values: NewFramework): Promise<string> {
  const [row] = await q.insert(frameworks).values(values).returning({ id: frameworks.id });
  return row!.id;
}

/**
 * Serialises imports of one framework code until the transaction ends, so two uploads of the same
 * code cannot both pass the version checks.
 */
export async function lockFrameworkCode(q: Queryable, code: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`framework:${code}`}))`);
}

/** Every version of a code, oldest validity first. */
export async function findVersionsOfCode(q: Queryable, code: string): Promise<FrameworkHeader[]> {
  return q
    .select(headerColumns)
    .from(frameworks)
    .where(eq(frameworks.code, code))
    .orderBy(asc(frameworks.validFrom), asc(frameworks.createdAt));
}

/** Every stored version, by code, newest validity first within a code. */
export async function findAllFrameworks(
  q: Queryable,
): Promise<Array<FrameworkHeader & { importedByUsername: string | null }>> {
  return q
    .select({ ...headerColumns, importedByUsername: users.username })
    .from(frameworks)
    .leftJoin(users, eq(users.id, frameworks.importedBy))
    .orderBy(asc(frameworks.code), desc(frameworks.validFrom), desc(frameworks.createdAt));
}

export async function getFrameworkRow(q: Queryable, id: string): Promise<FrameworkWithImporter | undefined> {
  const [row] = await q
    .select({ ...getTableColumns(frameworks), importedByUsername: users.username })
    .from(frameworks)
    .leftJoin(users, eq(users.id, frameworks.importedBy))
    .where(eq(frameworks.id, id));
  return row;
}

/**
 * The version of a code in force for a period: valid on at least one day of it, the latest
 * validFrom winning (a version without validTo gives way to the next one).
 */
export async function findFrameworkInForce(
  q: Queryable,
  code: string,
  period: { from: string; to: string },
): Promise<FrameworkRow | undefined> {
  const [row] = await q
    .select()
    .from(frameworks)
    .where(
      and(
        eq(frameworks.code, code),
        lte(frameworks.validFrom, period.to),
        or(isNull(frameworks.validTo), gte(frameworks.validTo, period.from)),
      ),
    )
    .orderBy(desc(frameworks.validFrom))
    .limit(1);
  return row;
}
