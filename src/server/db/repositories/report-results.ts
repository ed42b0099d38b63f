import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryOne } from '../sql';

/**
 * The SQL behind part I of a report ("Kết quả"): one statement over the source units' records of the
 * period, counted by the rules the live scores count by (db/repositories/scoring.ts), so that a
 * report and a score never disagree:
 *
 * - live: not deleted, not a suspected duplicate (until a person clears the flag), not rejected;
 * - one item once: a translation is a version of the same item, counted only when its original does
 *   not count (deleted, rejected, a duplicate) and no earlier translation of the same original does;
 * - counts by language and the ethnic-language items count every version (a Sedang translation is an
 *   ethnic-language item of its own, D8);
 * - banner checks are not content: they give the banner's status only.
 */

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A row of activities `alias` that counts at all. */
function live(alias: string): SQL {
  const c = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`${c('deleted_at')} is null and ${c('duplicate_of_id')} is null and ${c('review_status')} <> 'rejected'`;
}

/** A translation counts only in place of an original (of the same kind, at any date) that does not. */
const once = sql`(a.translation_of_id is null or (
  not exists (select 1 from activities b where b.id = a.translation_of_id and b.kind = a.kind and ${live('b')})
  and not exists (select 1 from activities b
    where b.translation_of_id = a.translation_of_id and b.id <> a.id and b.kind = a.kind and ${live('b')}
      and (b.occurred_on < a.occurred_on or (b.occurred_on = a.occurred_on and b.id < a.id)))))`;

export interface ReportCountRow {
  key: string | null;
  count: number;
}

export interface ReportChannelRow {
  id: string;
  name: string;
  kind: string;
  count: number;
  seconds: number;
}

export interface ReportDxPostRow {
  date: string;
  title: string;
  url: string | null;
  channelName: string | null;
  channelKind: string | null;
}

export interface ReportResultRows {
  /** Counted items by record kind, with the broadcasts' seconds. */
  kinds: Array<{ kind: string; count: number; seconds: number }>;
  /** Every version in a language other than Vietnamese. */
  ethnicItems: number;
  /** The source units' channels live at some day of the period, with their counted items. */
  channels: ReportChannelRow[];
  genres: ReportCountRow[];
  topics: ReportCountRow[];
  /** Every version by language. */
  languages: ReportCountRow[];
  dxPosts: ReportDxPostRow[];
  dxPostsTotal: number;
  /** Counted broadcasts per day. */
  broadcastDays: Array<{ day: string; count: number; seconds: number }>;
  schedules: Array<{ month: string; status: string; documentNumber: string | null; issuedOn: string | null }>;
  banner: { checkedOn: string; isVerified: boolean | null; targetUrl: string | null } | null;
}

/**
 * Everything part I counts, in one statement (one JSON value per part). `dxPostLimit` bounds the
 * listed DX posts; their total is counted apart. A DX post is a counted post in a DX column (a
 * website column, D1) or carrying a D11 topic (every topic of the list is a DX topic, as for the
 * broadcast schedule's entries).
 */
export async function findReportResultRows(
  q: Queryable,
  options: { sourceIds: readonly string[]; from: string; to: string; dxPostLimit: number },
): Promise<ReportResultRows> {
  const { from, to } = options;
  const ids = uuidArray(options.sourceIds);
  const dxPost = sql`i.kind = 'post' and i.counted and (i.channel_kind = 'website_column' or cardinality(i.topics) > 0)`;
  const row = await queryOne<Record<keyof ReportResultRows, unknown>>(
    q,
    sql`with i as materialized (
        select a.id, a.kind, a.channel_id, a.genre, a.topics, a.language, a.occurred_on, a.occurred_at,
          a.title, a.url, coalesce(a.duration_seconds, 0) as seconds, c.name as channel_name, c.kind as channel_kind,
          ${once} as counted
        from activities a left join channels c on c.id = a.channel_id
        where a.unit_id = any(${ids}) and a.kind <> 'banner'
          and a.occurred_on between ${from}::date and ${to}::date and ${live('a')}
      )
      select
        (select coalesce(json_agg(k), '[]') from (
          select i.kind, count(*)::int as count, coalesce(sum(i.seconds), 0)::int as seconds
          from i where i.counted group by i.kind) k) as kinds,
        (select count(*)::int from i where i.language <> 'vi') as "ethnicItems",
        (select coalesce(json_agg(ch order by ch.kind, ch.name), '[]') from (
          select c.id, c.name, c.kind, count(i.id)::int as count, coalesce(sum(i.seconds), 0)::int as seconds
          from channels c left join i on i.channel_id = c.id and i.counted
          where c.unit_id = any(${ids}) and c.deleted_at is null
            and (c.started_on is null or c.started_on <= ${to}::date)
            and (c.ended_on is null or c.ended_on >= ${from}::date)
          group by c.id, c.name, c.kind
          union all
          select null, null, null, count(*)::int, coalesce(sum(i.seconds), 0)::int
          from i where i.counted and i.channel_id is null having count(*) > 0) ch) as channels,
        (select coalesce(json_agg(g), '[]') from (
          select i.genre as key, count(*)::int as count from i where i.counted group by i.genre) g) as genres,
        (select coalesce(json_agg(t), '[]') from (
          select topic as key, count(*)::int as count from i, unnest(i.topics) as topic
          where i.counted group by topic) t) as topics,
        (select coalesce(json_agg(l), '[]') from (
          select i.language as key, count(*)::int as count from i group by i.language) l) as languages,
        (select coalesce(json_agg(p), '[]') from (
          select i.occurred_on::text as date, i.title, i.url, i.channel_name as "channelName",
            i.channel_kind as "channelKind"
          from i where ${dxPost} order by i.occurred_at desc, i.id limit ${options.dxPostLimit}) p) as "dxPosts",
        (select count(*)::int from i where ${dxPost}) as "dxPostsTotal",
        (select coalesce(json_agg(d), '[]') from (
          select i.occurred_on::text as day, count(*)::int as count, coalesce(sum(i.seconds), 0)::int as seconds
          from i where i.counted and i.kind = 'broadcast' group by i.occurred_on) d) as "broadcastDays",
        (select coalesce(json_agg(s order by s.month, s."documentNumber"), '[]') from (
          select to_char(bs.month, 'YYYY-MM') as month, bs.status, bs.document_number as "documentNumber",
            to_char(bs.issued_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "issuedOn"
          from broadcast_schedules bs
          where bs.unit_id = any(${ids}) and bs.month between date_trunc('month', ${from}::date)::date and ${to}::date) s)
          as schedules,
        (select row_to_json(bn) from (
          select a.occurred_on::text as "checkedOn", a.is_verified as "isVerified", a.target_url as "targetUrl"
          from activities a
          where a.unit_id = any(${ids}) and a.kind = 'banner' and a.occurred_on between ${from}::date and ${to}::date
            and ${live('a')}
          order by a.occurred_at desc, a.id desc limit 1) bn) as banner`,
  );
  if (!row) throw new Error('findReportResultRows: no row');
  return row as unknown as ReportResultRows;
}
