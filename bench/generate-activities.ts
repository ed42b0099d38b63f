import { DEFAULT_TOPICS } from '../src/shared/activities';
import { addDays } from '../src/shared/dates';
import { foldForSearch } from '../src/shared/text';
import { timeOnce } from './measure';
import type { RawSql } from './targets';

/** Five years of records: former communes before the 2025 merges, current ones after. */
export const ACTIVITY_START = '2021-07-01';
export const ACTIVITY_END = '2026-06-30';
const CHANNELS_START = '2021-01-01';
const FULL_SIZES = { posts: 500_000, broadcasts: 1_300_000 };
/** Rows per INSERT: the event loop turns between statements (Ctrl-C, watchdog) and no statement runs for minutes. */
const CHUNK = 250_000;

export interface ActivityDataset {
  channels: number;
  posts: number;
  broadcasts: number;
  timings: { channelsMs: number; activitiesMs: number; indexesMs: number };
}

const POST_TITLES = [
  'Hướng dẫn người dân cài đặt và sử dụng ứng dụng VNeID mức độ 2',
  'Tổ công nghệ số cộng đồng hỗ trợ bà con đăng ký dịch vụ công trực tuyến',
  'Thanh toán không dùng tiền mặt tại chợ truyền thống',
  'Đưa nông sản địa phương lên sàn thương mại điện tử',
  'Cảnh giác với thủ đoạn lừa đảo qua mạng xã hội',
  'Kết quả thực hiện Đề án 06 trên địa bàn',
  'Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10',
  'Chữ ký số cá nhân: lợi ích và cách đăng ký',
];
const BROADCAST_TITLES = [
  'Chuyên mục Chuyển đổi số: chính quyền số gần dân',
  'Bản tin chuyển đổi số: kỹ năng số cho người dân',
  'Câu chuyện truyền thanh: mô hình hay về kinh tế số',
  'Thông báo lịch hỗ trợ cài đặt dịch vụ công trực tuyến',
  'Phóng sự: thương mại điện tử giúp tiêu thụ nông sản',
  'Pháp luật về giao dịch điện tử và dữ liệu cá nhân',
];
const ETHNIC_LANGUAGES = ['sed', 'bdq', 'jra', 'hre', 'cua', 'cmo', 'rad', 'kpm'];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** Titles are "<template> số <n>": the search text is the folded template plus the same suffix. */
function titleArrays(templates: string[]): { titles: string; folded: string } {
  for (const title of templates) {
    if (foldForSearch(`${title} số 12`) !== `${foldForSearch(title)} so 12`)
      throw new Error(`title template folds unevenly: ${title}`);
  }
  return { titles: sqlArray(templates), folded: sqlArray(templates.map(foldForSearch)) };
}

/** A deterministic number in [0, 1) from an integer expression and a salt. */
const rand = (expr: string, salt: number) =>
  `((hashint8((${expr})::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648)`;

/**
 * One INSERT … SELECT for rows first..last of a kind. Each row draws a day uniformly over the five
 * years, then a unit of the period's pool (former communes before 01/07/2025, current ones after)
 * skewed by u³ towards the front of the pool, which is ordered by a hash of the code: a few units
 * very busy, most sparse, busy ones in every province.
 */
function insertChunkSql(
  kind: 'post' | 'broadcast',
  first: number,
  last: number,
  span: { start: string; end: string } = { start: ACTIVITY_START, end: ACTIVITY_END },
  pendingFrom = pendingFromFor(ACTIVITY_END),
): string {
  const isPost = kind === 'post';
  const { titles, folded } = titleArrays(isPost ? POST_TITLES : BROADCAST_TITLES);
  const genres = isPost
    ? "array['tin','bai','anh','video','infographic']"
    : "array['tin','bai','phong_su','cau_chuyen','thong_bao']";
  const topicCodes = sqlArray(DEFAULT_TOPICS.map((t) => t.code));
  const days = `('${span.end}'::date - '${span.start}'::date + 1)`;
  return `
with sizes as (
  select count(*) filter (where is_former)::int as former, count(*) filter (where not is_former)::int as current from bench_unit_pool
), draws as (
  select i, '${span.start}'::date + floor(${rand('i', 1)} * ${days})::int as day,
    ${rand('i', 2)} as u, (360 + floor(${rand('i', 3)} * 960))::int as minute_of_day,
    floor(${rand('i', 4)} * 1000)::int as roll
  from generate_series(${first}, ${last}) as i
), placed as (
  select d.*, p.unit_id, p.code, p.${isPost ? 'website_id' : 'radio_id'} as channel_id, p.radio_name,
    ((d.day + d.minute_of_day * interval '1 minute') - interval '7 hours') at time zone 'UTC' as occurred_at
  from draws d cross join sizes s
  join bench_unit_pool p on p.is_former = (d.day < '2025-07-01'::date)
    and p.idx = floor(power(d.u, 3) * case when d.day < '2025-07-01'::date then s.former else s.current end)::int
)
insert into activities (kind, unit_id, channel_id, occurred_at, occurred_on, title, search_text, url, url_key, genre,
  topics, language, author, programme, duration_seconds, source, provenance, recorded_at, review_status, reviewed_at,
  created_at, updated_at)
select '${kind}', unit_id, channel_id, occurred_at, day,
  (${titles})[1 + i % ${isPost ? POST_TITLES.length : BROADCAST_TITLES.length}] || ' số ' || i,
  (${folded})[1 + i % ${isPost ? POST_TITLES.length : BROADCAST_TITLES.length}] || ' so ' || i,
  ${isPost ? `'https://' || code || '.gov.vn/chuyen-doi-so/tin-' || i, code || '.gov.vn/chuyen-doi-so/tin-' || i` : 'null, null'},
  (${genres})[1 + roll % 5],
  case when roll % 3 = 0 then array[(${topicCodes})[1 + roll % 6], (${topicCodes})[1 + (roll / 7) % 6]]
       else array[(${topicCodes})[1 + roll % 6]] end,
  case when roll < 920 then 'vi' else (${sqlArray(ETHNIC_LANGUAGES)})[1 + roll % ${ETHNIC_LANGUAGES.length}] end,
  ${isPost ? "case when roll % 4 = 0 then null else 'Ban biên tập' end" : 'null'},
  ${isPost ? 'null' : 'radio_name'},
  ${isPost ? 'null' : '(3 + roll % 13) * 60'},
  ${isPost ? 'null' : "(array['own','own','own','province_source','relay'])[1 + roll % 5]"},
  case when roll < 600 then 'import' when roll < 950 then 'form' else 'api' end,
  occurred_at + (roll % 72) * interval '1 hour',
  case when day < '${pendingFrom}'::date then 'accepted' else 'pending' end,
  case when day < '${pendingFrom}'::date then occurred_at + interval '10 days' end,
  occurred_at + (roll % 72) * interval '1 hour', occurred_at + (roll % 72) * interval '1 hour'
from placed`;
}

/**
 * Records of the dataset's last 90 days wait for review, older ones were accepted: reviewers keep up,
 * a season behind (01/04/2026 for the five years ending 30/06/2026).
 */
const PENDING_DAYS = 90;
function pendingFromFor(lastDay: string): string {
  return addDays(lastDay, -PENDING_DAYS);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const FIVE_YEARS_DAYS = dayNumber(ACTIVITY_END) - dayNumber(ACTIVITY_START) + 1;

/**
 * The days after ACTIVITY_END up to `until` (the deadline rush's day), or null when there are none.
 * The rush runs on the real day: in December, a dataset that stopped at the end of June left every
 * list's newest records five months old, which no province in a December rush has.
 */
function recentSpan(until: string | undefined): { start: string; end: string; days: number } | null {
  if (!until || until <= ACTIVITY_END) return null;
  return { start: addDays(ACTIVITY_END, 1), end: until, days: dayNumber(until) - dayNumber(ACTIVITY_END) };
}

/**
 * Channels (a website DX column and a radio DX programme per commune, former communes' ending with
 * the 2025 merges) and records (five years, and with `until` the days after them up to that day, at
 * the same density), all in set-based SQL: nothing row by row from Node. The indexes of
 * activities are dropped for the load and rebuilt from their own definitions afterwards.
 */
export async function generateActivities(
  raw: RawSql,
  options: { quick: boolean; until?: string },
): Promise<ActivityDataset> {
  const scale = options.quick ? 0.1 : 1;
  const posts = Math.round(FULL_SIZES.posts * scale);
  const broadcasts = Math.round(FULL_SIZES.broadcasts * scale);
  const recent = recentSpan(options.until);
  const pendingFrom = pendingFromFor(recent?.end ?? ACTIVITY_END);

  const channelsMs = await timeOnce(async () => {
    await raw.query(`create table bench_unit_pool as
      select (row_number() over (partition by u.valid_to is not null order by md5(u.code)) - 1)::int as idx,
        u.valid_to is not null as is_former, u.id as unit_id, u.code, u.name,
        gen_random_uuid() as website_id, gen_random_uuid() as radio_id,
        'Chương trình Chuyển đổi số ' || u.name as radio_name
      from units u
      where u.code is not null and u.parent_id is not null
        and ((u.valid_to is null and u.kind <> 'former_district') or (u.kind = 'commune' and u.valid_to is not null))`);
    await raw.query('create index bench_unit_pool_idx on bench_unit_pool (is_former, idx)');
    await raw.query('analyze bench_unit_pool');
    await raw.query(`insert into channels (id, unit_id, kind, platform, name, url, started_on, ended_on)
      select website_id, unit_id, 'website_column', 'website', 'Chuyên mục Chuyển đổi số',
        'https://' || code || '.gov.vn/chuyen-doi-so', '${CHANNELS_START}'::date,
        case when is_former then '2025-06-30'::date end from bench_unit_pool
      union all
      select radio_id, unit_id, 'radio_programme', 'radio', radio_name, null, '${CHANNELS_START}'::date,
        case when is_former then '2025-06-30'::date end from bench_unit_pool`);
  });

  const indexes = await raw.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where tablename = 'activities' and indexname not like '%pkey'`,
  );
  for (const index of indexes) await raw.query(`drop index ${index.name}`);
  const activitiesMs = await timeOnce(async () => {
    for (const [kind, count] of [
      ['post', posts],
      ['broadcast', broadcasts],
    ] as const) {
      for (let first = 1; first <= count; first += CHUNK)
        await raw.query(
          insertChunkSql(kind, first, Math.min(count, first + CHUNK - 1), undefined, pendingFrom),
        );
      // The months up to `until` at the same daily density, numbered after the five years' rows.
      const extra = recent ? Math.round((count * recent.days) / FIVE_YEARS_DAYS) : 0;
      for (let first = count + 1; recent && first <= count + extra; first += CHUNK)
        await raw.query(
          insertChunkSql(kind, first, Math.min(count + extra, first + CHUNK - 1), recent, pendingFrom),
        );
    }
  });
  const indexesMs = await timeOnce(async () => {
    for (const index of indexes) await raw.query(index.definition);
    await raw.query('drop table bench_unit_pool');
  });
  const [counts] = await raw.query<{ channels: number; posts: number; broadcasts: number }>(
    `select (select count(*)::int from channels) as channels,
      count(*) filter (where kind = 'post')::int as posts, count(*) filter (where kind = 'broadcast')::int as broadcasts
     from activities`,
  );
  return { ...counts!, timings: { channelsMs, activitiesMs, indexesMs } };
}
