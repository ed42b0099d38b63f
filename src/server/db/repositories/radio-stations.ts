import { and, eq, isNull, sql } from 'drizzle-orm';
import type { BroadcastSource, Provenance } from '../../../shared/activities';
import type { Queryable } from '../client';
import { radioStations } from '../schema-monitor';
import { queryOne, queryRows } from '../sql';
import { toTextArray } from './activities';

export type RadioStationRow = typeof radioStations.$inferSelect;
export type NewRadioStation = typeof radioStations.$inferInsert;

export interface RadioStationView {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  channelId: string;
  channelName: string;
  tokenPrefix: string;
  lastPushAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  broadcastCount: number;
}

/** The external source of what a station sent: its records are recognised by it and their own ids. */
export function radioSource(stationId: string): string {
  return `radio:${stationId}`;
}

const viewColumns = sql`s.id, s.code, s.name, s.unit_id as "unitId", u.name as "unitName",
  s.channel_id as "channelId", c.name as "channelName", s.token_prefix as "tokenPrefix",
  s.last_push_at as "lastPushAt", s.revoked_at as "revokedAt", s.created_at as "createdAt",
  cu.full_name as "createdByName",
  (select count(*)::int from activities a
     where a.external_source = 'radio:' || s.id::text and a.external_id is not null
       and a.deleted_at is null) as "broadcastCount"`;
const viewFrom = sql`radio_stations s join units u on u.id = s.unit_id join channels c on c.id = s.channel_id
  left join users cu on cu.id = s.created_by`;

/** Timestamps come back as text from raw queries on one driver and as Dates on the other. */
function withDates(row: RadioStationView): RadioStationView {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    ...row,
    lastPushAt: date(row.lastPushAt),
    revokedAt: date(row.revokedAt),
    createdAt: new Date(row.createdAt),
  };
}

/** Stations of these units, live ones first, then by code. */
export async function findRadioStationViews(q: Queryable, unitIds: string[]): Promise<RadioStationView[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<RadioStationView>(
    q,
    sql`select ${viewColumns} from ${viewFrom}
        where s.unit_id = any(${toTextArray(unitIds)}::uuid[])
        order by s.revoked_at is not null, s.code, s.created_at desc`,
  );
  return rows.map(withDates);
}

export async function getRadioStationView(q: Queryable, id: string): Promise<RadioStationView | undefined> {
  const row = await queryOne<RadioStationView>(
    q,
    sql`select ${viewColumns} from ${viewFrom} where s.id = ${id}`,
  );
  return row && withDates(row);
}

export async function getRadioStationRow(q: Queryable, id: string): Promise<RadioStationRow | undefined> {
  const [row] = await q.select().from(radioStations).where(eq(radioStations.id, id));
  return row;
}

/** The live station holding a token (by its hash); a revoked one holds none. */
export async function findStationByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<RadioStationRow | undefined> {
  const [row] = await q
    .select()
    .from(radioStations)
    .where(and(eq(radioStations.tokenHash, tokenHash), isNull(radioStations.revokedAt)));
  return row;
}

/** A live station with this code (codes are unique among live stations). */
export async function findLiveStationByCode(
  q: Queryable,
  code: string,
): Promise<RadioStationRow | undefined> {
  const [row] = await q
    .select()
    .from(radioStations)
    .where(and(eq(radioStations.code, code), isNull(radioStations.revokedAt)));
  return row;
}

export async function insertRadioStation(q: Queryable, row: NewRadioStation): Promise<string> {
  const [created] = await q.insert(radioStations).values(row).returning({ id: radioStations.id });
  return created!.id;
}

export async function updateRadioStationToken(
  q: Queryable,
  id: string,
  token: { tokenHash: string; tokenPrefix: string },
): Promise<void> {
  await q.update(radioStations).set(token).where(eq(radioStations.id, id));
}

export async function markRadioStationRevoked(q: Queryable, id: string, revokedAt: Date): Promise<void> {
  await q.update(radioStations).set({ revokedAt }).where(eq(radioStations.id, id));
}

export async function touchRadioStationPush(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(radioStations).set({ lastPushAt: at }).where(eq(radioStations.id, id));
}

/**
 * Serialises the writes of one station's records: two pushes of the same items at once would both see
 * them missing and the second would fail on the unique (external_source, external_id) index.
 */
export async function lockRadioStation(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`radio:${id}`}))`);
}

/** What a station already sent, by its external ids: deleted records too (an id may have several, one live at most). */
export interface ReceivedItem {
  id: string;
  externalId: string;
  occurredAt: Date;
  title: string;
  programme: string | null;
  durationSeconds: number | null;
  source: string | null;
  language: string;
  topics: string[];
  deletedAt: Date | null;
}

export async function findReceivedItems(
  q: Queryable,
  externalSource: string,
  externalIds: string[],
): Promise<ReceivedItem[]> {
  if (externalIds.length === 0) return [];
  const rows = await queryRows<ReceivedItem>(
    q,
    sql`select a.id, a.external_id as "externalId", a.occurred_at as "occurredAt", a.title, a.programme,
          a.duration_seconds as "durationSeconds", a.source, a.language, a.topics, a.deleted_at as "deletedAt"
        from activities a
        where a.external_source = ${externalSource}
          and a.external_id = any(${toTextArray(externalIds)}::text[])`,
  );
  return rows.map((row) => ({
    ...row,
    occurredAt: new Date(row.occurredAt),
    deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt),
  }));
}

export interface ReceivedRecordView {
  id: string;
  externalId: string;
  occurredAt: Date;
  occurredOn: string;
  title: string;
  programme: string | null;
  durationSeconds: number | null;
  source: BroadcastSource | null;
  provenance: Provenance;
  recordedAt: Date;
  isFlagged: boolean;
  isDeleted: boolean;
}

/** The latest records a station sent (pushed or uploaded), newest first. */
export async function findLatestReceived(
  q: Queryable,
  externalSource: string,
  limit: number,
): Promise<ReceivedRecordView[]> {
  const rows = await queryRows<ReceivedRecordView>(
    q,
    sql`select a.id, a.external_id as "externalId", a.occurred_at as "occurredAt",
          a.occurred_on::text as "occurredOn", a.title, a.programme, a.duration_seconds as "durationSeconds",
          a.source, a.provenance, a.recorded_at as "recordedAt",
          a.duplicate_of_id is not null as "isFlagged", a.deleted_at is not null as "isDeleted"
        from activities a
        where a.external_source = ${externalSource} and a.external_id is not null
        order by a.recorded_at desc, a.occurred_at desc
        limit ${limit}`,
  );
  return rows.map((row) => ({
    ...row,
    occurredAt: new Date(row.occurredAt),
    recordedAt: new Date(row.recordedAt),
  }));
}
