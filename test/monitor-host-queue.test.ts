import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { queueChecks } from '../src/server/domain/monitor/queue-checks';
import type { JobEngine } from '../src/server/jobs/engine';
import { QUEUES } from '../src/server/jobs/queues';
import { createTestDatabase } from './support/database';
import { createUnit } from './support/factories';
import { startTestEngine } from './support/jobs';
import { addDxChannel } from './support/scoring-records';
import { TEST_DB } from './support/test-env';

/**
 * Issue 11: "one worker per site at a time" across machines. A column check and a banner check of
 * one host must never be active together, whichever worker takes them; checks of other hosts go on.
 * Two workers are two pg-boss instances on PostgreSQL (two machines sharing the database); PGlite
 * has one connection, so there the second worker is the same instance fetching again — the rule is
 * the database's (pg-boss's unique index on active singleton keys) either way.
 */

let database: Database;
let engine: JobEngine;
let otherWorker: PgBoss;

const NOW = new Date('2025-11-20T03:00:00Z');
/** Every queue the monitor's checks go to, whatever their names. */
const CHECK_QUEUES = QUEUES.map((queue) => queue.name).filter((name) => name.startsWith('monitor.check'));

beforeAll(async () => {
  database = await createTestDatabase();
  engine = await startTestEngine(database, { work: false });
  if (TEST_DB === 'postgres') {
    otherWorker = new PgBoss({
      connectionString: database.databaseUrl!,
      supervise: false,
      schedule: false,
      max: 2,
    });
    await otherWorker.start();
  } else {
    otherWorker = engine.boss;
  }
});

afterAll(async () => {
  if (otherWorker !== engine.boss) await otherWorker.stop({ graceful: false, close: true });
  await engine.stop();
  await database.close();
});

async function siteWithColumn(host: string) {
  const unitId = await createUnit(database.db, { kind: 'commune' });
  const channelId = await addDxChannel(database.db, unitId, 'website_column', '2022-06-01');
  return { unitId, channelId, url: `https://${host}/chuyen-doi-so` };
}

/** What one worker takes: up to ten jobs from every check queue, as `<host>:<kind>`. */
async function take(boss: PgBoss, hostOf: Map<string, string>) {
  const taken: { queue: string; id: string; label: string }[] = [];
  for (const queue of CHECK_QUEUES) {
    for (const job of await boss.fetch<{ checkId: string }>(queue, { batchSize: 10 })) {
      taken.push({ queue, id: job.id, label: hostOf.get(job.data.checkId)! });
    }
  }
  return taken;
}

describe('checks of one host across workers', () => {
  it('never lets the column check and the banner check of one host run at once', async () => {
    const oanh = await siteWithColumn('www.xa-oanh.gov.vn');
    const phu = await siteWithColumn('xa-phu.gov.vn');
    const rows = await database.db.transaction((tx) =>
      queueChecks(
        tx,
        [
          { ...oanh, kind: 'column', url: oanh.url },
          { ...oanh, kind: 'banner', url: 'https://xa-oanh.gov.vn/' },
          { ...phu, kind: 'column', url: phu.url },
        ],
        { trigger: 'schedule', requestedBy: null, now: NOW },
      ),
    );
    const hostOf = new Map(
      rows.map((row, i) => [row.id, `${['xa-oanh', 'xa-oanh', 'xa-phu'][i]}:${row.kind}`]),
    );

    // Worker 1 takes one check per host: the other check of xa-oanh waits.
    const first = await take(engine.boss, hostOf);
    expect(first.map((job) => job.label.split(':')[0]).sort()).toEqual(['xa-oanh', 'xa-phu']);
    // Worker 2, at the same moment, gets nothing: xa-oanh is busy, xa-phu has nothing else queued.
    expect(await take(otherWorker, hostOf)).toEqual([]);

    // Once xa-oanh's first check is done, worker 2 takes its other check.
    const oanhFirst = first.find((job) => job.label.startsWith('xa-oanh'))!;
    await engine.boss.complete(oanhFirst.queue, oanhFirst.id);
    const second = await take(otherWorker, hostOf);
    expect(second.map((job) => job.label)).toEqual([
      oanhFirst.label.endsWith(':column') ? 'xa-oanh:banner' : 'xa-oanh:column',
    ]);
    expect(await take(engine.boss, hostOf)).toEqual([]);
  });
});
