import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { languages, topics } from '../schema-activities';

/** The national list plus the province's own additions, active ones only. */
export async function findTopics(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(topics)
    .where(
      and(
        eq(topics.isActive, true),
        provinceId
          ? or(isNull(topics.provinceId), eq(topics.provinceId, provinceId))
          : isNull(topics.provinceId),
      ),
    )
    .orderBy(sql`${topics.provinceId} nulls first`, topics.sortOrder, topics.name);
}

export async function findLanguages(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(languages)
    .where(
      and(
        eq(languages.isActive, true),
        provinceId
          ? or(isNull(languages.provinceId), eq(languages.provinceId, provinceId))
          : isNull(languages.provinceId),
      ),
    )
    .orderBy(sql`${languages.code} = 'vi' desc`, languages.name);
}

export type TopicRow = typeof topics.$inferSelect;
export type LanguageRow = typeof languages.$inferSelect;

/** For the settings page: the national rows and all of the province's own, deactivated ones too. */
export async function findAllTopics(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(topics)
    .where(
      provinceId
        ? or(isNull(topics.provinceId), eq(topics.provinceId, provinceId))
        : isNull(topics.provinceId),
    )
    .orderBy(sql`${topics.provinceId} nulls first`, topics.sortOrder, topics.name);
}

export async function findAllLanguages(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(languages)
    .where(
      provinceId
        ? or(isNull(languages.provinceId), eq(languages.provinceId, provinceId))
        : isNull(languages.provinceId),
    )
    .orderBy(sql`${languages.code} = 'vi' desc`, languages.name);
}

export async function getTopicRow(q: Queryable, id: string): Promise<TopicRow | undefined> {
  const [row] = await q.select().from(topics).where(eq(topics.id, id));
  return row;
}

export async function getLanguageRow(q: Queryable, id: string): Promise<LanguageRow | undefined> {
  const [row] = await q.select().from(languages).where(eq(languages.id, id));
  return row;
}

/** A row with this code on the national list or the province's own (active or not). */
export async function findTopicByCode(
  q: Queryable,
  provinceId: string,
  code: string,
): Promise<TopicRow | undefined> {
  const [row] = await q
    .select()
    .from(topics)
    .where(and(eq(topics.code, code), or(isNull(topics.provinceId), eq(topics.provinceId, provinceId))));
  return row;
}

export async function findLanguageByCode(
  q: Queryable,
  provinceId: string,
  code: string,
): Promise<LanguageRow | undefined> {
  const [row] = await q
    .select()
    .from(languages)
    .where(
      and(eq(languages.code, code), or(isNull(languages.provinceId), eq(languages.provinceId, provinceId))),
    );
  return row;
}

export async function insertTopic(q: Queryable, row: typeof topics.$inferInsert): Promise<TopicRow> {
  const [inserted] = await q.insert(topics).values(row).returning();
  return inserted!;
}

export async function insertLanguage(q: Queryable, row: typeof languages.$inferInsert): Promise<LanguageRow> {
  const [inserted] = await q.insert(languages).values(row).returning();
  return inserted!;
}

export async function updateTopicRow(
  q: Queryable,
  id: string,
  values: Partial<typeof topics.$inferInsert>,
): Promise<TopicRow> {
  const [updated] = await q.update(topics).set(values).where(eq(topics.id, id)).returning();
  return updated!;
}

export async function updateLanguageRow(
  q: Queryable,
  id: string,
  values: Partial<typeof languages.$inferInsert>,
): Promise<LanguageRow> {
  const [updated] = await q.update(languages).set(values).where(eq(languages.id, id)).returning();
  return updated!;
}
