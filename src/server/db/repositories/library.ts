import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { LibraryItemKind } from '../../../shared/activities';
import { escapeLike, foldForSearch } from '../../../shared/text';
import type { Queryable } from '../client';
import { units, users } from '../schema';
import { libraryItems, storedFiles } from '../schema-activities';
import { queryRows } from '../sql';
import { toTextArray } from './activities';
import type { StoredFileRow } from './evidence';

export type LibraryItemRow = typeof libraryItems.$inferSelect;
export type NewLibraryItem = typeof libraryItems.$inferInsert;

export async function insertLibraryItem(q: Queryable, row: NewLibraryItem): Promise<string> {
  const [inserted] = await q.insert(libraryItems).values(row).returning({ id: libraryItems.id });
  return inserted!.id;
}

export async function getLibraryItemRow(q: Queryable, id: string): Promise<LibraryItemRow | undefined> {
  const [row] = await q
    .select()
    .from(libraryItems)
    .where(and(eq(libraryItems.id, id), isNull(libraryItems.deletedAt)));
  return row;
}

/** Locks an item for the rest of the transaction: two translations into one language cannot both pass the check. */
export async function lockLibraryItem(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`select id from library_items where id = ${id} for update`);
}

export async function updateLibraryItemRow(
  q: Queryable,
  id: string,
  values: Partial<NewLibraryItem>,
): Promise<void> {
  await q
    .update(libraryItems)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(libraryItems.id, id));
}

/** Live translations of the items, oldest first. */
export async function findTranslationRows(q: Queryable, originalIds: string[]) {
  if (originalIds.length === 0) return [];
  return q
    .select({ item: libraryItems, file: storedFiles })
    .from(libraryItems)
    .leftJoin(storedFiles, eq(storedFiles.id, libraryItems.fileId))
    .where(and(inArray(libraryItems.translationOfId, originalIds), isNull(libraryItems.deletedAt)))
    .orderBy(libraryItems.createdAt, libraryItems.id);
}

/** The live items (published or not) that use a stored file. */
export async function findLibraryItemsOfFile(q: Queryable, fileId: string): Promise<LibraryItemRow[]> {
  return q
    .select()
    .from(libraryItems)
    .where(and(eq(libraryItems.fileId, fileId), isNull(libraryItems.deletedAt)));
}

/**
 * How often each item is used: live records and broadcast schedule entries naming it. One grouped
 * query for a whole page of items.
 */
export async function countLibraryUsage(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const list = toTextArray(ids);
  const rows = await queryRows<{ id: string; uses: number }>(
    q,
    sql`select library_item_id as id, count(*)::int as uses from (
          select library_item_id from activities where library_item_id = any(${list}::uuid[]) and deleted_at is null
          union all
          select library_item_id from broadcast_schedule_entries where library_item_id = any(${list}::uuid[])
        ) uses group by library_item_id`,
  );
  return new Map(rows.map((row) => [row.id, Number(row.uses)]));
}

/** The languages each item has been translated into, in one grouped query. */
export async function findTranslationLanguages(q: Queryable, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; languages: string[] }>(
    q,
    sql`select translation_of_id as id, array_agg(language order by language) as languages from library_items
        where translation_of_id = any(${toTextArray(ids)}::uuid[]) and deleted_at is null group by translation_of_id`,
  );
  return new Map(rows.map((row) => [row.id, row.languages]));
}

export interface LibraryFilter {
  /** Only items owned by these units; null: any owner. */
  ownerIds: string[] | null;
  /** Drafts of these owners may be listed; null: of any owner. */
  draftOwnerIds: string[] | null;
  kind?: LibraryItemKind;
  text?: string;
  topic?: string;
  language?: string;
  draft?: boolean;
}

function libraryConditions(filter: LibraryFilter): SQL {
  const li = libraryItems;
  const conditions: SQL[] = [sql`${li.translationOfId} is null`, sql`${li.deletedAt} is null`];
  if (filter.ownerIds) conditions.push(sql`${li.ownerUnitId} = any(${toTextArray(filter.ownerIds)}::uuid[])`);
  const isPublished = sql`(${li.publishedAt} is not null and ${li.publishedAt} <= now())`;
  const draftAllowed =
    filter.draftOwnerIds === null
      ? sql`true`
      : sql`${li.ownerUnitId} = any(${toTextArray(filter.draftOwnerIds)}::uuid[])`;
  if (filter.draft === true) conditions.push(sql`not ${isPublished}`, draftAllowed);
  else if (filter.draft === false) conditions.push(isPublished);
  else conditions.push(sql`(${isPublished} or ${draftAllowed})`);
  if (filter.kind) conditions.push(sql`${li.kind} = ${filter.kind}`);
  if (filter.topic) conditions.push(sql`${li.topics} @> array[${filter.topic}]::text[]`);
  if (filter.language) {
    conditions.push(
      sql`(${li.language} = ${filter.language} or exists (select 1 from library_items t
            where t.translation_of_id = ${li.id} and t.deleted_at is null and t.language = ${filter.language}))`,
    );
  }
  for (const word of foldForSearch(filter.text ?? '')
    .split(' ')
    .filter(Boolean)) {
    conditions.push(sql`${li.searchText} like ${`%${escapeLike(word)}%`}`);
  }
  return sql.join(conditions, sql` and `);
}

export interface LibraryItemView {
  item: LibraryItemRow;
  ownerUnitName: string;
  createdByName: string | null;
  file: StoredFileRow | null;
}

function viewQuery(q: Queryable) {
  return q
    .select({
      item: libraryItems,
      ownerUnitName: units.name,
      createdByName: users.fullName,
      file: storedFiles,
    })
    .from(libraryItems)
    .innerJoin(units, eq(units.id, libraryItems.ownerUnitId))
    .leftJoin(users, eq(users.id, libraryItems.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, libraryItems.fileId));
}

export async function getLibraryItemView(q: Queryable, id: string): Promise<LibraryItemView | undefined> {
  const [row] = await viewQuery(q).where(and(eq(libraryItems.id, id), isNull(libraryItems.deletedAt)));
  return row;
}

/** Newest publications first; drafts (no date) at the top for the publishers who see them. */
export async function findLibraryPage(
  q: Queryable,
  filter: LibraryFilter,
  page: { limit: number; offset: number },
) {
  const where = libraryConditions(filter);
  const rows = await viewQuery(q)
    .where(where)
    .orderBy(
      sql`${libraryItems.publishedAt} desc nulls first`,
      desc(libraryItems.createdAt),
      desc(libraryItems.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await q.select({ total: sql<number>`count(*)::int` }).from(libraryItems).where(where);
  return { rows, total: Number(count?.total ?? 0) };
}
