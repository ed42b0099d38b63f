import type { PgBoss } from 'pg-boss';
import { queueJobs } from './registry';

/**
 * Job queue depth and failures, read from pg-boss's own `queue` table through `getQueues()`: one
 * small statement over a row per queue, whose counts pg-boss's monitor pass keeps (every minute, in
 * worker processes). No count over the job table on a scrape. The answer is kept for STATS_TTL_MS, so
 * several Prometheus servers, or a dashboard's refresh, never add load beyond one read per interval.
 */
export const STATS_TTL_MS = 15_000;

type QueueRow = Awaited<ReturnType<PgBoss['getQueues']>>[number];

const STATES = [
  ['queued', 'queuedCount'],
  ['ready', 'readyCount'],
  ['deferred', 'deferredCount'],
  ['active', 'activeCount'],
  ['failed', 'failedCount'],
] as const satisfies ReadonlyArray<readonly [string, keyof QueueRow]>;

export interface QueueStatsSource {
  read(): Promise<QueueRow[]>;
}

/** The pg-boss of this process, or nothing yet (the engine starts after the metrics are set up). */
export function bossSource(getBoss: () => PgBoss | null): QueueStatsSource {
  return {
    async read() {
      const boss = getBoss();
      return boss ? boss.getQueues() : [];
    },
  };
}

let source: QueueStatsSource | null = null;
let cached: { at: number; rows: QueueRow[] } | null = null;
let pending: Promise<QueueRow[]> | null = null;

/** Sets where the gauges read from; the last app or worker set up in the process wins. */
export function setQueueStatsSource(next: QueueStatsSource | null) {
  source = next;
  cached = null;
}

async function readRows(now: number): Promise<QueueRow[]> {
  if (!source) return [];
  if (cached && now - cached.at < STATS_TTL_MS) return cached.rows;
  // Scrapes that arrive together share one read.
  pending ??= source.read().finally(() => {
    pending = null;
  });
  const rows = await pending;
  cached = { at: now, rows };
  return rows;
}

/** Called by the registry on each scrape: the gauges show the (cached) counts of every queue. */
export async function refreshQueueGauges(now = Date.now()) {
  let rows: QueueRow[];
  try {
    rows = await readRows(now);
  } catch {
    // The database is down or pg-boss is stopping: the scrape still answers, without queue figures.
    queueJobs.reset();
    return;
  }
  queueJobs.reset();
  for (const row of rows) {
    for (const [state, field] of STATES) queueJobs.set({ queue: row.name, state }, Number(row[field] ?? 0));
  }
}
