import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { languages, topics } from '../schema-activities';

/** The national list plus the province's own additions, active ones only. */
export async function findTopics(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(topics)
    .where(and(eq(topics.isActive, true), provinceId ? or(isNull(topics.provinceId), eq(topics.provinceId, provinceId)) : isNull(topics.provinceId)))
    .orderBy(sql`${topics.provinceId} nulls first`, topics.sortOrder, topics.name);
}

export async function findLanguages(q: Queryable, provinceId: string | null) {
  return q
    .select()
    .from(languages)
    .where(
      and(eq(languages.isActive, true), provinceId ? or(isNull(languages.provinceId), eq(languages.provinceId, provinceId)) : isNull(languages.provinceId)),
    )
    .orderBy(sql`${languages.code} = 'vi' desc`, languages.name);
}
