import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { EvidenceKind } from '../../../shared/activities';
import { escapeLike, foldForSearch } from '../../../shared/text';
import type { Queryable } from '../client';
import { units, users } from '../schema';
import {
  activities,
  broadcastSchedules,
  channels,
  evidence,
  evidenceLinks,
  storedFiles,
} from '../schema-activities';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

export type StoredFileRow = typeof storedFiles.$inferSelect;
export type NewStoredFile = typeof storedFiles.$inferInsert;
export type EvidenceRow = typeof evidence.$inferSelect;
export type NewEvidence = typeof evidence.$inferInsert;
export type EvidenceLinkRow = typeof evidenceLinks.$inferSelect;

export async function insertStoredFile(q: Queryable, row: NewStoredFile): Promise<StoredFileRow> {
  const [inserted] = await q.insert(storedFiles).values(row).returning();
  return inserted!;
}

export async function getStoredFile(q: Queryable, id: string): Promise<StoredFileRow | undefined> {
  const [row] = await q.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** The units of the evidence items (any version) that use a stored file. */
export async function findEvidenceUnitsOfFile(q: Queryable, fileId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ unitId: evidence.unitId })
    .from(evidence)
    .where(eq(evidence.fileId, fileId));
  return rows.map((row) => row.unitId);
}

export async function insertEvidence(q: Queryable, row: NewEvidence): Promise<string> {
  const [inserted] = await q.insert(evidence).values(row).returning({ id: evidence.id });
  return inserted!.id;
}

export async function getEvidenceRow(q: Queryable, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await q.select().from(evidence).where(eq(evidence.id, id));
  return row;
}

/**
 * Marks the current version as replaced. The only change ever made to an evidence row; returns
 * false when another request replaced it first.
 */
export async function supersedeEvidence(q: Queryable, id: string): Promise<boolean> {
  const rows = await q
    .update(evidence)
    .set({ isCurrent: false })
    .where(and(eq(evidence.id, id), eq(evidence.isCurrent, true)))
    .returning({ id: evidence.id });
  return rows.length === 1;
}

/** Every version of the item holding this one: older ones through previous_version_id, newer ones back. */
export async function findEvidenceChainIds(q: Queryable, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`with recursive older(id, prev) as (
          select id, previous_version_id from evidence where id = ${id}
          union all
          select e.id, e.previous_version_id from older o join evidence e on e.id = o.prev
        ), newer(id) as (
          select id from evidence where id = ${id}
          union all
          select e.id from newer n join evidence e on e.previous_version_id = n.id
        )
        select id from older union select id from newer`,
  );
  return rows.map((row) => row.id);
}

/** The current version of the item holding this one. */
export async function findCurrentVersion(q: Queryable, id: string): Promise<EvidenceRow | undefined> {
  const ids = await findEvidenceChainIds(q, id);
  const [row] = await q
    .select()
    .from(evidence)
    .where(and(inArray(evidence.id, ids), eq(evidence.isCurrent, true)));
  return row;
}

export interface EvidenceView {
  id: string;
  unitId: string;
  unitName: string;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  documentNumber: string | null;
  documentDate: string | null;
  issuingBody: string | null;
  summary: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  capturedAt: Date;
  source: string;
  scheduleId: string | null;
  previousVersionId: string | null;
  isCurrent: boolean;
  isPublic: boolean;
  versionNumber: number;
  linkCount: number;
  createdAt: Date;
  createdByName: string | null;
  file: StoredFileRow | null;
}

const viewColumns = {
  evidence,
  unitName: units.name,
  createdByName: users.fullName,
  file: storedFiles,
  linkCount: sql<number>`(select count(*)::int from evidence_links l where l.evidence_id = ${evidence.id})`,
};

type ViewRow = {
  evidence: EvidenceRow;
  unitName: string;
  createdByName: string | null;
  file: StoredFileRow | null;
  linkCount: number;
};

function viewQuery(q: Queryable) {
  return q
    .select(viewColumns)
    .from(evidence)
    .innerJoin(units, eq(units.id, evidence.unitId))
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId));
}

/** Each version's position in its chain (1 for the first), for a page of items in one query. */
async function findVersionNumbers(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; n: number }>(
    q,
    sql`with recursive chain(id, prev, n) as (
          select id, previous_version_id, 1 from evidence where id = any(${toTextArray(ids)}::uuid[])
          union all
          select c.id, e.previous_version_id, c.n + 1 from chain c join evidence e on e.id = c.prev
        )
        select id, max(n)::int as n from chain group by id`,
  );
  return new Map(rows.map((row) => [row.id, Number(row.n)]));
}

async function toViews(q: Queryable, rows: ViewRow[]): Promise<EvidenceView[]> {
  const numbers = await findVersionNumbers(
    q,
    rows.map((row) => row.evidence.id),
  );
  return rows.map(({ evidence: e, unitName, createdByName, file, linkCount }) => ({
    id: e.id,
    unitId: e.unitId,
    unitName,
    kind: e.kind as EvidenceView['kind'],
    title: e.title,
    url: e.url,
    documentNumber: e.documentNumber,
    documentDate: e.documentDate,
    issuingBody: e.issuingBody,
    summary: e.summary,
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    capturedAt: e.capturedAt,
    source: e.source,
    scheduleId: e.scheduleId,
    previousVersionId: e.previousVersionId,
    isCurrent: e.isCurrent,
    isPublic: e.isPublic,
    versionNumber: numbers.get(e.id) ?? 1,
    linkCount: Number(linkCount),
    createdAt: e.createdAt,
    createdByName,
    file,
  }));
}

export async function findEvidenceViews(q: Queryable, ids: string[]): Promise<EvidenceView[]> {
  if (ids.length === 0) return [];
  const rows = await viewQuery(q)
    .where(inArray(evidence.id, ids))
    .orderBy(desc(evidence.createdAt), desc(evidence.id));
  return toViews(q, rows);
}

/**
 * Diacritic folding inside SQL, the same as foldForSearch: Vietnamese letters (both cases, since
 * lower() leaves non-ASCII letters alone under the C locale) mapped to their base letter.
 */
const FOLD_FROM = (() => {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const marks = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = new Set<string>(['đ', 'Đ']);
  for (const base of bases) {
    for (const mark of marks) {
      const letter = `${base}${mark}`.normalize('NFC');
      letters.add(letter);
      letters.add(letter.toUpperCase());
    }
  }
  return [...letters].join('');
})();
const FOLD_TO = [...FOLD_FROM].map((letter) => foldForSearch(letter)).join('');

export function folded(expression: SQL): SQL {
  return sql`translate(lower(${expression}), ${FOLD_FROM}, ${FOLD_TO})`;
}

export interface EvidenceFilter {
  unitIds: string[];
  kind?: EvidenceKind;
  from?: string;
  to?: string;
  text?: string;
  allVersions?: boolean;
}

function evidenceConditions(filter: EvidenceFilter): SQL {
  const conditions: SQL[] = [sql`${evidence.unitId} = any(${toTextArray(filter.unitIds)}::uuid[])`];
  if (!filter.allVersions) conditions.push(sql`${evidence.isCurrent}`);
  if (filter.kind) conditions.push(sql`${evidence.kind} = ${filter.kind}`);
  // An item without a stated period proves the day of its document, or the day it was captured.
  const start = sql`coalesce(${evidence.periodFrom}, ${evidence.documentDate}, (${evidence.capturedAt} at time zone 'Asia/Ho_Chi_Minh')::date)`;
  const end = sql`coalesce(${evidence.periodTo}, ${evidence.periodFrom}, ${evidence.documentDate}, (${evidence.capturedAt} at time zone 'Asia/Ho_Chi_Minh')::date)`;
  if (filter.from) conditions.push(sql`${end} >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`${start} <= ${filter.to}::date`);
  const haystack = folded(
    sql`concat_ws(' ', ${evidence.title}, ${evidence.summary}, ${evidence.documentNumber}, ${evidence.issuingBody}, ${evidence.url}, ${storedFiles.originalName})`,
  );
  for (const word of foldForSearch(filter.text ?? '')
    .split(' ')
    .filter(Boolean)) {
    conditions.push(sql`${haystack} like ${`%${escapeLike(word)}%`}`);
  }
  return sql.join(conditions, sql` and `);
}

export async function findEvidencePage(
  q: Queryable,
  filter: EvidenceFilter,
  page: { limit: number; offset: number },
) {
  const where = evidenceConditions(filter);
  const rows = await viewQuery(q)
    .where(where)
    .orderBy(desc(evidence.createdAt), desc(evidence.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await q
    .select({ total: sql<number>`count(*)::int` })
    .from(evidence)
    .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId))
    .where(where);
  return { items: await toViews(q, rows), total: Number(count?.total ?? 0) };
}

export interface EvidenceLinkView {
  id: string;
  evidenceId: string;
  targetType: 'activity' | 'criterion';
  targetId: string;
  targetTitle: string | null;
  targetOccurredOn: string | null;
  createdAt: Date;
}

export async function findLinksOfEvidence(q: Queryable, evidenceId: string): Promise<EvidenceLinkView[]> {
  const rows = await q
    .select({ link: evidenceLinks, title: activities.title, occurredOn: activities.occurredOn })
    .from(evidenceLinks)
    .leftJoin(
      activities,
      and(eq(evidenceLinks.targetType, 'activity'), eq(activities.id, evidenceLinks.targetId)),
    )
    .where(eq(evidenceLinks.evidenceId, evidenceId))
    .orderBy(evidenceLinks.createdAt, evidenceLinks.id);
  return rows.map(({ link, title, occurredOn }) => ({
    id: link.id,
    evidenceId: link.evidenceId,
    targetType: link.targetType as EvidenceLinkView['targetType'],
    targetId: link.targetId,
    targetTitle: title,
    targetOccurredOn: occurredOn,
    createdAt: link.createdAt,
  }));
}

export async function getEvidenceLink(q: Queryable, id: string): Promise<EvidenceLinkRow | undefined> {
  const [row] = await q.select().from(evidenceLinks).where(eq(evidenceLinks.id, id));
  return row;
}

export async function findEvidenceLink(
  q: Queryable,
  evidenceId: string,
  targetType: string,
  targetId: string,
) {
  const [row] = await q
    .select()
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.evidenceId, evidenceId),
        eq(evidenceLinks.targetType, targetType),
        eq(evidenceLinks.targetId, targetId),
      ),
    );
  return row;
}

export async function insertEvidenceLink(
  q: Queryable,
  row: typeof evidenceLinks.$inferInsert,
): Promise<EvidenceLinkRow> {
  const [inserted] = await q.insert(evidenceLinks).values(row).returning();
  return inserted!;
}

/** A new version proves what the old one proved: its links are carried over (the old ones stay as history). */
export async function copyEvidenceLinks(
  q: Queryable,
  fromId: string,
  toId: string,
  createdBy: string | null,
): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into evidence_links (evidence_id, target_type, target_id, created_by)
        select ${toId}, target_type, target_id, ${createdBy} from evidence_links where evidence_id = ${fromId}
        on conflict do nothing returning id`,
  );
  return rows.length;
}

export async function deleteEvidenceLink(q: Queryable, id: string): Promise<void> {
  await q.delete(evidenceLinks).where(eq(evidenceLinks.id, id));
}

/** The current versions of the evidence linked to a target, with the link's id. */
export async function findEvidenceOfTarget(q: Queryable, targetType: string, targetId: string) {
  const rows = await q
    .select({ ...viewColumns, linkId: evidenceLinks.id })
    .from(evidenceLinks)
    .innerJoin(evidence, eq(evidence.id, evidenceLinks.evidenceId))
    .innerJoin(units, eq(units.id, evidence.unitId))
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId))
    .where(
      and(
        eq(evidenceLinks.targetType, targetType),
        eq(evidenceLinks.targetId, targetId),
        eq(evidence.isCurrent, true),
      ),
    )
    .orderBy(evidenceLinks.createdAt, evidenceLinks.id);
  const views = await toViews(q, rows);
  return views.map((view, i) => ({ ...view, linkId: rows[i]!.linkId }));
}

/** The item freezing an issued schedule's document, if one was made already (there is at most one). */
export async function findScheduleEvidence(
  q: Queryable,
  scheduleId: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await q.select().from(evidence).where(eq(evidence.scheduleId, scheduleId));
  return row;
}

export interface IssuedScheduleRow {
  id: string;
  unitId: string;
  unitName: string;
  month: string;
  documentNumber: string | null;
  issuedAt: Date | null;
  channelName: string;
  channelKind: string;
  stationName: string | null;
  evidenceId: string | null;
}

/** The issued schedules of the units, newest month first, with the item freezing each one if there is one. */
export async function findIssuedSchedules(q: Queryable, unitIds: string[]): Promise<IssuedScheduleRow[]> {
  if (unitIds.length === 0) return [];
  return q
    .select({
      id: broadcastSchedules.id,
      unitId: broadcastSchedules.unitId,
      unitName: units.name,
      month: broadcastSchedules.month,
      documentNumber: broadcastSchedules.documentNumber,
      issuedAt: broadcastSchedules.issuedAt,
      channelName: channels.name,
      channelKind: channels.kind,
      stationName: channels.stationName,
      evidenceId: evidence.id,
    })
    .from(broadcastSchedules)
    .innerJoin(channels, eq(channels.id, broadcastSchedules.channelId))
    .innerJoin(units, eq(units.id, broadcastSchedules.unitId))
    .leftJoin(evidence, eq(evidence.scheduleId, broadcastSchedules.id))
    .where(and(inArray(broadcastSchedules.unitId, unitIds), eq(broadcastSchedules.status, 'issued')))
    .orderBy(desc(broadcastSchedules.month), channels.name);
}
