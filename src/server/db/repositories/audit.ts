import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../../shared/text';
import type { Actor } from '../../domain/actor';
import type { Queryable } from '../client';
import { auditLog } from '../schema';

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function insertAuditEntries(
  q: Queryable,
  actor: Actor,
  entries: AuditEntryInput[],
): Promise<void> {
  // Large imports write thousands of entries: insert in slices to stay under the bind-parameter limit.
  for (let i = 0; i < entries.length; i += 1000) {
    await q.insert(auditLog).values(
      entries.slice(i, i + 1000).map((entry) => ({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        unitId: entry.unitId ?? null,
        summary: entry.summary ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      })),
    );
  }
}

export interface AuditFilter {
  /** null: every entry; otherwise only entries about these units. */
  unitIds: string[] | null;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  unitId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function findAuditEntries(q: Queryable, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.unitIds)
    conditions.push(filter.unitIds.length ? inArray(auditLog.unitId, filter.unitIds) : sql`false`);
  if (filter.actor) conditions.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.action)
    conditions.push(or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${filter.action}.%`))!);
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.unitId) conditions.push(eq(auditLog.unitId, filter.unitId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, total] = await Promise.all([
    q
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    q.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: total[0]?.count ?? 0 };
}
