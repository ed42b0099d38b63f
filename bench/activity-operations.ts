import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { findActivities } from '../src/server/db/repositories/activities';
import { getCalendar } from '../src/server/domain/activities/get-calendar';
import { importActivities } from '../src/server/domain/activity-import/import-activities';
import type { Actor } from '../src/server/domain/actor';
import { findRollupIds } from '../src/server/domain/units/unit-scope';
import type { Principal } from '../src/server/policies/principal';
import { DEFAULT_TOPICS } from '../src/shared/activities';
import { addDays, vnInstant } from '../src/shared/dates';
import { foldForSearch } from '../src/shared/text';
import { type OperationResult, queryOperation, type RunSizes } from './db-operations';
import type { NationalDataset } from './generate-national';
import { summarize } from './measure';
import {
  ACTIVITY_IMPORT_SQL,
  ACTIVITY_LIST_SQL,
  BATCH_DIGEST_SQL,
  WEEKLY_BROADCASTS_SQL,
} from './raw-queries';
import type { BenchTarget } from './targets';

const BENCH_ACTOR: Actor = { userId: null, label: 'bench' };
const ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'bench',
  grants: [{ id: 'bench', role: 'system_admin', unitId: null }],
};
export const LIST_YEAR = 2025;
export const CALENDAR_YEAR = 2024;
const IMPORT_ROWS = 100_000;
const IMPORT_FIRST_DAY = '2025-07-01';

/** Records of a province for a year, and one unit's broadcasts per ISO week for a year. */
export async function benchActivityQueries(
  target: BenchTarget,
  dataset: NationalDataset,
  sizes: RunSizes,
): Promise<OperationResult[]> {
  const { db } = target.database;
  const { raw } = target;
  const from = `${LIST_YEAR}-01-01`;
  const to = `${LIST_YEAR}-12-31`;
  const list = await queryOperation({
    name: `Records of Quảng Ngãi in ${LIST_YEAR}, first page of 50 + total (findRollupIds + findActivities)`,
    product: async () => {
      const unitIds = await findRollupIds(db, [dataset.quangNgaiId]);
      const page = await findActivities(
        db,
        { unitIds, from, to },
        {
          limit: 50,
          offset: 0,
          // The exact total, as the raw SQL counts it (the list route stops counting at 1,000).
          countCap: Number.MAX_SAFE_INTEGER,
        },
      );
      return [...page.items.map((item, i) => `${i}|${item.id}|${item.unitName}`), `total|${page.total}`];
    },
    raw: async () => {
      const rows = await raw.query<{ id: string; unitName: string; total: number }>(ACTIVITY_LIST_SQL, [
        dataset.quangNgaiId,
        from,
        to,
      ]);
      return [...rows.map((row, i) => `${i}|${row.id}|${row.unitName}`), `total|${rows[0]?.total ?? 0}`];
    },
    productKey: (key) => key,
    rawKey: (key) => key,
    sizes,
  });

  // The busiest unit's year: the worst case of the calendar's aggregate.
  const [busiest] = await raw.query<{ id: string; name: string; count: number }>(
    `select a.unit_id as id, u.name, count(*)::int as count from activities a join units u on u.id = a.unit_id
     where a.kind = 'broadcast' and a.occurred_on between $1::date and $2::date
     group by a.unit_id, u.name order by count(*) desc, a.unit_id limit 1`,
    [`${CALENDAR_YEAR}-01-01`, `${CALENDAR_YEAR}-12-31`],
  );
  if (!busiest) throw new Error(`no broadcasts in ${CALENDAR_YEAR}`);
  const calendar = await queryOperation({
    name: `Broadcasts per ISO week of ${busiest.name} in ${CALENDAR_YEAR}, the busiest unit, ${busiest.count.toLocaleString('en-US')} broadcasts (getCalendar)`,
    product: async () => {
      const result = await getCalendar({ db, principal: ADMIN, unitId: busiest.id, year: CALENDAR_YEAR });
      const broadcasts = result.kinds.find((kind) => kind.kind === 'broadcast')!;
      return broadcasts.cells.flatMap((cell, i) =>
        cell.count ? [`${result.weeks[i]!.monday}|${cell.count}`] : [],
      );
    },
    raw: async () => {
      // ISO year 2024 runs from Monday 01/01/2024 to Sunday 29/12/2024.
      const rows = await raw.query<{ monday: string; count: number }>(WEEKLY_BROADCASTS_SQL, [
        busiest.id,
        `${CALENDAR_YEAR}-01-01`,
        `${CALENDAR_YEAR}-12-29`,
      ]);
      return rows.map((row) => `${row.monday}|${row.count}`);
    },
    productKey: (key) => key,
    rawKey: (key) => key,
    sizes,
  });
  return [list, calendar];
}

interface ImportRow {
  unitId: string;
  code: string;
  channelId: string;
  channelName: string;
  day: string;
  time: string;
  title: string;
  minutes: number;
  topic: (typeof DEFAULT_TOPICS)[number];
}

async function buildImportRows(target: BenchTarget): Promise<ImportRow[]> {
  const programmes = await target.raw.query<{
    unitId: string;
    code: string;
    channelId: string;
    channelName: string;
  }>(
    `select u.id as "unitId", u.code, c.id as "channelId", c.name as "channelName"
     from channels c join units u on u.id = c.unit_id
     where c.kind = 'radio_programme' and c.ended_on is null and u.valid_to is null and u.code is not null
     order by u.code`,
  );
  return Array.from({ length: IMPORT_ROWS }, (_, i) => {
    const programme = programmes[i % programmes.length]!;
    return {
      ...programme,
      day: addDays(IMPORT_FIRST_DAY, (i * 7) % 365),
      time: `${String(6 + (i % 12)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      title: `Bản tin chuyển đổi số nhập từ tệp, kỳ ${i + 1}`,
      minutes: 5 + (i % 11),
      topic: DEFAULT_TOPICS[i % DEFAULT_TOPICS.length]!,
    };
  });
}

/** The spreadsheet an officer would fill from the broadcast template, dates typed as dd/MM/yyyy text. */
async function buildWorkbook(rows: ImportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lượt phát sóng');
  sheet.addRow([
    'Mã đơn vị',
    'Chương trình',
    'Ngày phát',
    'Giờ phát',
    'Tiêu đề',
    'Thời lượng (phút)',
    'Thể loại',
    'Chủ đề',
    'Ngôn ngữ',
    'Nguồn',
  ]);
  for (const row of rows) {
    const [y, m, d] = row.day.split('-');
    sheet.addRow([
      row.code,
      row.channelName,
      `${d}/${m}/${y}`,
      row.time,
      row.title,
      row.minutes,
      'Tin',
      row.topic.vi,
      'Tiếng Việt',
      'Tự sản xuất',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows as the product stores them, for the raw INSERT … SELECT FROM json_to_recordset. */
function preparedJson(rows: ImportRow[], batchId: string): string {
  return JSON.stringify(
    rows.map((row) => ({
      unit_id: row.unitId,
      channel_id: row.channelId,
      occurred_at: vnInstant(row.day, row.time).toISOString(),
      occurred_on: row.day,
      title: row.title,
      search_text: foldForSearch(row.title),
      genre: 'tin',
      topics: [row.topic.code],
      programme: row.channelName,
      duration_seconds: row.minutes * 60,
      import_batch_id: batchId,
    })),
  );
}

/**
 * Samples the process's resident memory every 50 ms: the peak, and the peak minus the level at the
 * start. The second can read near 0 when an earlier step (building the workbook) left the heap
 * grown, so both are reported.
 */
function watchMemory(): () => { peak: number; aboveStart: number } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peak, aboveStart: peak - baseline };
  };
}

export interface ActivityImportResult extends OperationResult {
  fileBytes: number;
  buildMs: number;
  rowsPerSecond: number;
  rawRowsPerSecond: number;
  /** Per run: peak resident memory, and that peak above the level at the start of the import. */
  peakMemoryMiB: Array<{ peak: number; aboveStart: number }>;
}

/**
 * A 100,000-row broadcast workbook through importActivities into the national database, against one
 * INSERT … SELECT FROM json_to_recordset of the same rows as the product prepares them. Each run's
 * rows are deleted afterwards (outside the timing), so every run starts from the same database.
 */
export async function benchActivityImport(target: BenchTarget, runs: number): Promise<ActivityImportResult> {
  const { db } = target.database;
  const { raw } = target;
  const buildStart = performance.now();
  const rows = await buildImportRows(target);
  const content = await buildWorkbook(rows);
  const buildMs = performance.now() - buildStart;

  const samples: { product: number[]; raw: number[] } = { product: [], raw: [] };
  const digests: { product: string[]; raw: string[] } = { product: [], raw: [] };
  const peakMemoryMiB: Array<{ peak: number; aboveStart: number }> = [];
  const digestOf = async (batchId: string) => {
    const [row] = await raw.query<{ count: number; digest: string }>(BATCH_DIGEST_SQL, [batchId]);
    return `${row!.count} rows, ${row!.digest?.slice(0, 8)}`;
  };
  const removeBatch = (batchId: string) =>
    raw.query('delete from activities where import_batch_id = $1::uuid', [batchId]);
  for (let i = 0; i < runs; i++) {
    const stopWatching = watchMemory();
    const start = performance.now();
    const result = await importActivities({
      db,
      principal: ADMIN,
      actor: BENCH_ACTOR,
      recordedBy: null,
      kind: 'broadcast',
      fileName: 'bench-phat-song.xlsx',
      content,
      // The same workbook every run: its rows are removed between runs, but the batch's hash stays,
      // and a person re-importing a file answers the "already imported" question the same way.
      confirmReimport: true,
    });
    samples.product.push(performance.now() - start);
    const memory = stopWatching();
    peakMemoryMiB.push({ peak: memory.peak / 1024 ** 2, aboveStart: memory.aboveStart / 1024 ** 2 });
    digests.product.push(await digestOf(result.batchId));
    await removeBatch(result.batchId);

    const rawBatch = randomUUID();
    const json = preparedJson(rows, rawBatch);
    const rawStart = performance.now();
    await raw.query(ACTIVITY_IMPORT_SQL, [json]);
    samples.raw.push(performance.now() - rawStart);
    digests.raw.push(await digestOf(rawBatch));
    await removeBatch(rawBatch);
  }
  const all = [...digests.product, ...digests.raw];
  const isSame = all.every((digest) => digest === all[0]) && all[0]!.startsWith(`${IMPORT_ROWS} rows`);
  const product = summarize(samples.product);
  const rawTiming = summarize(samples.raw);
  return {
    name: `Import of a ${IMPORT_ROWS.toLocaleString('en-US')}-row broadcast XLSX (importActivities)`,
    product,
    raw: rawTiming,
    rows: IMPORT_ROWS,
    isSameAsRaw: isSame,
    ...(isSame
      ? {}
      : { mismatch: `per run, product: ${digests.product.join('; ')}; raw: ${digests.raw.join('; ')}` }),
    fileBytes: content.length,
    buildMs,
    rowsPerSecond: IMPORT_ROWS / (product.medianMs / 1000),
    rawRowsPerSecond: IMPORT_ROWS / (rawTiming.medianMs / 1000),
    peakMemoryMiB,
  };
}
