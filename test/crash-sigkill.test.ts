import { createHash, randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/server/db/client';
import { channels } from '../src/server/db/schema-activities';
import { queryRows } from '../src/server/db/sql';
import { defineReportType } from '../src/server/domain/reports/define-report-type';
import type { Principal } from '../src/server/policies/principal';
import { addDays } from '../src/shared/dates';
import {
  CrashClient,
  type CrashSite,
  killServer,
  type ServerProcess,
  seededRandom,
  startCrashSite,
  startServer,
  stopServer,
} from './support/crash-server';
import { createUnit, createUser, TEST_ACTOR, TEST_PASSWORD } from './support/factories';
import { addDxChannel } from './support/scoring-records';
import { databaseUrlFor, POSTGRES_ADMIN_URL, TEST_DB } from './support/test-env';

/**
 * Issue 12 item 4: the real server (ROLE=all, so the job worker runs in it) takes a mix of writes
 * over HTTP — records, spreadsheet imports of a few hundred rows, report submissions, evidence
 * uploads, website checks against a local site — and is killed with SIGKILL at a random moment.
 * Started again on the same data it must open the database (migrations run), keep every write it
 * acknowledged (a 2xx received before the kill), hold no half-applied import, keep every stored
 * file with its SHA-256, and work the job queue again (a check queued before the kill completes
 * after it). CRASH_ROUNDS rounds (3 by default; 20 by hand), CRASH_SEED replays a run.
 */

const ROUNDS = Number(process.env.CRASH_ROUNDS || 3);
const SEED = Number(process.env.CRASH_SEED || randomInt(1, 2 ** 31));
const START_TIMEOUT_MS = 180_000;
/** Each round's check uses its own loopback address (see startCrashSite). */
const SITE_HOSTS = Array.from({ length: ROUNDS }, (_, round) => `127.0.0.${2 + (round % 250)}`);
const COMMUNE_CODE = `CRASH${randomBytes(2).toString('hex').toUpperCase()}`;
const RECORD_CHANNEL = 'Trang Facebook của xã (thử sập)';
const TERMINAL = new Set(['succeeded', 'failed']);

interface Acknowledged {
  records: string[];
  batches: Array<{ batchId: string; prefix: string; rows: number }>;
  periods: string[];
  submittedReports: string[];
  evidence: Array<{ id: string; sha256: string }>;
  checks: string[];
}

interface Attempts {
  /** Every import sent, answered or not: all its rows or none may be stored. */
  imports: Array<{ prefix: string; rows: number }>;
  /** Answers other than 2xx: none expected. */
  refused: string[];
}

interface RoundFigures {
  round: number;
  killAfterMs: number;
  inFlight: string[];
  acknowledged: number;
  lost: number;
  importsSent: number;
  checksFinishedBeforeKill: number;
  checksResumed: number;
  checksOrphaned: number;
  restartMs: number;
}

describe.skipIf(process.platform !== 'linux')(`the server killed with SIGKILL (${TEST_DB})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-crash-'));
  const databaseName = `loaso_crash_${randomBytes(6).toString('hex')}`;
  const databaseUrl = TEST_DB === 'postgres' ? databaseUrlFor(databaseName) : '';
  const random = seededRandom(SEED);
  let site: CrashSite;
  let server: ServerProcess | null = null;
  let communeId = '';
  let recordChannelId = '';
  let reportTypeId = '';
  const checkChannels: string[] = [];
  const figures: RoundFigures[] = [];

  const serverEnv = () => ({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ROLE: 'all',
    SEED_DEMO: 'false',
    MONITOR_ALLOW_HOSTS: SITE_HOSTS.join(','),
  });

  async function openData(): Promise<Database> {
    return TEST_DB === 'postgres'
      ? openDatabase({ databaseUrl, dataDir: null })
      : openDatabase({ databaseUrl: null, dataDir });
  }

  beforeAll(async () => {
    console.info(
      `crash test: seed ${SEED} (CRASH_SEED=${SEED} replays it), ${ROUNDS} rounds on ${TEST_DB}, data in ${dataDir}`,
    );
    site = await startCrashSite(SITE_HOSTS);
    if (TEST_DB === 'postgres') {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${databaseName}`);
      await admin.end();
    }
    // The people, units and channels the writes need, made before the server first starts.
    const database = await openData();
    try {
      await database.migrate();
      const db = database.db;
      const provinceId = await createUnit(db, {
        kind: 'province',
        name: 'Tỉnh Thử Sập',
        validFrom: '2020-01-01',
      });
      communeId = await createUnit(db, {
        code: COMMUNE_CODE,
        name: 'Xã Thử Sập',
        parentId: provinceId,
        validFrom: '2020-01-01',
      });
      recordChannelId = await addDxChannel(db, communeId, 'social_page', '2022-01-01', RECORD_CHANNEL);
      for (const host of SITE_HOSTS) {
        const channelId = await addDxChannel(
          db,
          communeId,
          'website_column',
          '2022-01-01',
          `Chuyên mục ${host}`,
        );
        await db
          .update(channels)
          .set({ url: site.columnUrl(host) })
          .where(sql`${channels.id} = ${channelId}`);
        checkChannels.push(channelId);
      }
      await createUser(db, [{ role: 'unit_officer', unitId: communeId }], 'crash.officer');
      await createUser(db, [{ role: 'unit_head', unitId: communeId }], 'crash.head');
      await createUser(db, [{ role: 'dx_office', unitId: provinceId }], 'crash.office');
      const admin: Principal = {
        userId: '',
        username: 'test',
        grants: [{ id: 'g', role: 'system_admin', unitId: null }],
      };
      const type = await defineReportType({
        db,
        principal: admin,
        actor: TEST_ACTOR,
        ownerUnitId: provinceId,
        input: { kind: 'ad_hoc', name: 'Báo cáo đột xuất (thử sập)' },
        today: '2026-01-15',
      });
      reportTypeId = type.id;
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    if (server) await killServer(server);
    await site?.stop();
    if (TEST_DB === 'postgres') {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (figures.length) console.info(summary());
  }, 60_000);

  function summary(): string {
    const total = (pick: (f: RoundFigures) => number) => figures.reduce((sum, f) => sum + pick(f), 0);
    const lines = figures.map(
      (f) =>
        `  round ${f.round}: killed after ${f.killAfterMs} ms during [${f.inFlight.join(', ') || 'nothing'}]; ` +
        `${f.acknowledged} acknowledged, ${f.lost} lost; imports sent ${f.importsSent}; checks done before ${f.checksFinishedBeforeKill}, ` +
        `resumed ${f.checksResumed}, orphaned ${f.checksOrphaned}; restart ${f.restartMs} ms`,
    );
    return [
      `crash test on ${TEST_DB}, seed ${SEED}: ${figures.length} rounds, ${total((f) => f.acknowledged)} acknowledged writes checked, ` +
        `${total((f) => f.lost)} lost, ${total((f) => f.importsSent)} imports sent, checks resumed after restart ${total((f) => f.checksResumed)}, ` +
        `orphaned until expiry ${total((f) => f.checksOrphaned)}`,
      ...lines,
    ].join('\n');
  }

  /** The writes of one round, each loop going on until its request gets no answer (the kill). */
  async function driveWrites(
    base: string,
    round: number,
    killAfterMs: number,
    acked: Acknowledged,
    tried: Attempts,
  ) {
    const logIn = (name: string) => CrashClient.logIn(base, name, TEST_PASSWORD);
    const [officer, head, office] = [
      await logIn('crash.officer'),
      await logIn('crash.head'),
      await logIn('crash.office'),
    ];
    const inFlight = new Set<string>();
    // The clock starts once signed in: the kill falls among the writes, not the logins.
    const started = Date.now();
    const killAt = started + killAfterMs;
    const until = () => Date.now() < killAt + 10_000;
    /** Sends one write; true when acknowledged, false when refused, throws when the server is gone. */
    async function write<T>(
      label: string,
      send: () => Promise<{ status: number; body: T }>,
      onAck: (body: T) => void,
    ) {
      inFlight.add(label);
      try {
        const answer = await send();
        if (answer.status >= 200 && answer.status < 300) onAck(answer.body);
        else tried.refused.push(`${label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return answer.status < 300;
      } finally {
        inFlight.delete(label);
      }
    }
    const loop = async (body: (n: number) => Promise<unknown>) => {
      try {
        for (let n = 0; until(); n += 1) await body(n);
      } catch {
        // No answer: the server is gone.
      }
    };

    const records = loop((n) =>
      write(
        'record',
        () =>
          officer.send<{ id: string }>('POST', '/api/activities', {
            kind: 'post',
            unitId: communeId,
            channelId: recordChannelId,
            ...recordBody(round, n),
          }),
        (body) => acked.records.push(body.id),
      ),
    );
    const imports = loop(async (n) => {
      const rows = 200 + Math.floor(random() * 200);
      const prefix = `Sập r${round} nhập ${n} dòng`;
      tried.imports.push({ prefix, rows });
      await write(
        'import',
        () =>
          officer.send<{ batchId: string }>(
            'POST',
            `/api/activity-files/import?kind=post&fileName=sap-${round}-${n}.csv`,
            importFile(prefix, rows, round, n),
            'application/octet-stream',
          ),
        (body) => acked.batches.push({ batchId: body.batchId, prefix, rows }),
      );
    });
    const reports = loop(async (n) => {
      let periodId = '';
      const opened = await write(
        'report period',
        () =>
          office.send<{ id: string }>('POST', `/api/report-types/${reportTypeId}/periods`, {
            label: `Kỳ thử sập ${round}-${n}`,
            // A type's periods differ by their days: one day each, counted from 2000.
            periodFrom: addDays('2000-01-01', round * 1000 + n),
            periodTo: addDays('2000-01-01', round * 1000 + n),
            dueOn: '2999-12-31',
          }),
        (body) => {
          periodId = body.id;
          acked.periods.push(body.id);
        },
      );
      if (!opened) return;
      let reportId = '';
      await write(
        'report draft',
        () =>
          officer.send<{ id: string }>('POST', `/api/report-periods/${periodId}/units/${communeId}/report`),
        (body) => {
          reportId = body.id;
        },
      );
      if (!reportId) return;
      await write(
        'report ready',
        () => officer.send('POST', `/api/reports/${reportId}/ready`),
        () => {},
      );
      await write(
        'report approval',
        () => head.send('POST', `/api/reports/${reportId}/approve`, {}),
        () => {},
      );
      await write(
        'report submission',
        () => head.send('POST', `/api/reports/${reportId}/submit`),
        () => acked.submittedReports.push(reportId),
      );
    });
    const uploads = loop(async (n) => {
      const content = Buffer.from(
        `%PDF-1.4\n% thử sập ${round}-${n} ${randomBytes(2048).toString('hex')}\n%%EOF\n`,
      );
      const sha256 = createHash('sha256').update(content).digest('hex');
      const form = new FormData();
      form.append('title', `Minh chứng thử sập ${round}-${n}`);
      form.append(
        'file',
        new Blob([new Uint8Array(content)], { type: 'application/pdf' }),
        `minh-chung-${n}.pdf`,
      );
      await write(
        'evidence upload',
        () => officer.send<{ id: string }>('POST', `/api/units/${communeId}/evidence`, form),
        (body) => acked.evidence.push({ id: body.id, sha256 }),
      );
    });
    // The website check is asked for at a random moment before the kill, so that it is sometimes
    // done, sometimes running and sometimes still queued when the process dies.
    const check = (async () => {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, (killAt - started) * (0.3 + 0.7 * random()))),
      );
      try {
        await write(
          'website check',
          () =>
            officer.send<{ checks: Array<{ id: string }> }>(
              'POST',
              `/api/units/${communeId}/monitor/checks`,
              {
                channelId: checkChannels[round],
                kinds: ['column'],
              },
            ),
          (body) => acked.checks.push(...body.checks.map((c) => c.id)),
        );
      } catch {
        // Killed before the answer.
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killAt - Date.now())));
    const during = [...inFlight];
    return { during, done: Promise.all([records, imports, reports, uploads, check]) };
  }

  it(
    `keeps every acknowledged write through ${ROUNDS} SIGKILLs`,
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        server = await startServer(serverEnv(), START_TIMEOUT_MS);
        const acked: Acknowledged = {
          records: [],
          batches: [],
          periods: [],
          submittedReports: [],
          evidence: [],
          checks: [],
        };
        const tried: Attempts = { imports: [], refused: [] };
        const killAfterMs = 500 + Math.floor(random() * 8_000);
        const drive = await driveWrites(server.url, round, killAfterMs, acked, tried);
        await killServer(server);
        const killedAt = new Date();
        await drive.done;

        // Started again on the same data: the database opens and the migrations run.
        const restarting = Date.now();
        server = await startServer(serverEnv(), START_TIMEOUT_MS);
        const restartMs = Date.now() - restarting;
        // The queue goes on: every acknowledged check ends, unless its job was taken by the dead
        // process (then pg-boss gives it to a worker again when it expires).
        const officer = await CrashClient.logIn(server.url, 'crash.officer', TEST_PASSWORD);
        const deadline = Date.now() + 90_000;
        for (;;) {
          const states = await Promise.all(
            acked.checks.map(async (id) => {
              const answer = await officer.send<{ status: string; startedAt: string | null }>(
                'GET',
                `/api/monitor/checks/${id}`,
              );
              const started = answer.body.startedAt ? new Date(answer.body.startedAt) : null;
              return TERMINAL.has(answer.body.status) || (started !== null && started < killedAt);
            }),
          );
          if (states.every(Boolean) || Date.now() > deadline) break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        await stopServer(server);
        server = null;

        const checked = await verify(acked, tried, killedAt);
        expect(tried.refused, 'writes refused by the server').toEqual([]);
        figures.push({
          round,
          killAfterMs,
          inFlight: drive.during,
          acknowledged:
            acked.records.length +
            acked.batches.length +
            acked.periods.length +
            acked.submittedReports.length +
            acked.evidence.length +
            acked.checks.length,
          lost: checked.lost,
          importsSent: tried.imports.length,
          checksFinishedBeforeKill: checked.checksBefore,
          checksResumed: checked.checksResumed,
          checksOrphaned: checked.checksOrphaned,
          restartMs,
        });
        console.info(summary().split('\n').at(-1));
        expect(checked.lost, `round ${round} (seed ${SEED}): ${checked.problems.join('; ')}`).toBe(0);
        expect(checked.problems, `round ${round} (seed ${SEED})`).toEqual([]);
      }
    },
    ROUNDS * 420_000,
  );

  /** Reads the data with the server stopped; answers what is missing or inconsistent. */
  async function verify(acked: Acknowledged, tried: Attempts, killedAt: Date) {
    const problems: string[] = [];
    let lost = 0;
    const database = await openData();
    try {
      const q = <T>(query: SQL) => queryRows<T>(database.db, query);
      const idList = (ids: string[]) =>
        sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        );
      const present = async (table: string, ids: string[], where = sql`true`) => {
        if (!ids.length) return;
        const rows = await q<{ id: string }>(
          sql`select id from ${sql.identifier(table)} where id in (${idList(ids)}) and ${where}`,
        );
        const found = new Set(rows.map((row) => row.id));
        const missing = ids.filter((id) => !found.has(id));
        lost += missing.length;
        if (missing.length)
          problems.push(`${table}: ${missing.length} acknowledged rows missing (${missing[0]})`);
      };
      await present('activities', acked.records, sql`deleted_at is null`);
      await present('report_periods', acked.periods);
      await present('reports', acked.submittedReports, sql`status = 'submitted'`);
      await present(
        'evidence',
        acked.evidence.map((e) => e.id),
        sql`file_id is not null`,
      );
      await present('monitor_checks', acked.checks);
      await present(
        'import_batches',
        acked.batches.map((b) => b.batchId),
      );

      // No import half-applied: per batch, its records are all there; per file sent, all rows or none.
      for (const batch of acked.batches) {
        const [row] = await q<{ n: number }>(
          sql`select count(*)::int as n from activities where import_batch_id = ${batch.batchId}::uuid`,
        );
        if (row!.n !== batch.rows) {
          lost += batch.rows - row!.n;
          problems.push(`import ${batch.prefix}: ${row!.n} of ${batch.rows} rows stored`);
        }
      }
      for (const sent of tried.imports) {
        const [row] = await q<{ n: number }>(
          sql`select count(*)::int as n from activities where title like ${`${sent.prefix} %`}`,
        );
        if (row!.n !== 0 && row!.n !== sent.rows)
          problems.push(`import ${sent.prefix} half-applied: ${row!.n} of ${sent.rows}`);
      }
      const batches = await q<{ id: string; stored: number; n: number }>(
        sql`select b.id, b.stored_count as stored, (select count(*)::int from activities a where a.import_batch_id = b.id) as n
            from import_batches b`,
      );
      for (const batch of batches)
        if (batch.n !== batch.stored)
          problems.push(`batch ${batch.id}: ${batch.n} records, ${batch.stored} stored`);

      // Every stored file is on disk with the hash its row names; acknowledged uploads with theirs.
      const files = await q<{ id: string; sha256: string; storage_key: string }>(
        sql`select id, sha256, storage_key from stored_files`,
      );
      for (const file of files) {
        const where = path.join(dataDir, 'files', ...file.storage_key.split('/'));
        if (!fs.existsSync(where)) {
          lost += 1;
          problems.push(`file ${file.id} missing at ${where}`);
          continue;
        }
        const hash = createHash('sha256').update(fs.readFileSync(where)).digest('hex');
        if (hash !== file.sha256) problems.push(`file ${file.id}: SHA-256 ${hash}, row says ${file.sha256}`);
      }
      if (acked.evidence.length) {
        const rows = await q<{ id: string; sha256: string }>(
          sql`select e.id, f.sha256 from evidence e join stored_files f on f.id = e.file_id where e.id in (${idList(acked.evidence.map((e) => e.id))})`,
        );
        const hashes = new Map(rows.map((row) => [row.id, row.sha256]));
        for (const upload of acked.evidence)
          if (hashes.get(upload.id) !== upload.sha256)
            problems.push(`evidence ${upload.id}: not the uploaded bytes`);
      }

      // The job queue: a check ended, or its job is the dead process's, active since before the kill.
      let checksBefore = 0;
      let checksResumed = 0;
      let checksOrphaned = 0;
      for (const id of acked.checks) {
        const [check] = await q<{
          status: string;
          started_at: Date | string | null;
          finished_at: Date | string | null;
        }>(sql`select status, started_at, finished_at from monitor_checks where id = ${id}::uuid`);
        if (!check) continue;
        const finished = check.finished_at ? new Date(check.finished_at) : null;
        if (TERMINAL.has(check.status) && finished) {
          if (finished < killedAt) checksBefore += 1;
          else checksResumed += 1;
          continue;
        }
        const [job] = await q<{ state: string; started_on: Date | string | null }>(
          sql`select state, started_on from pgboss.job where name = 'monitor.check' and data->>'checkId' = ${id}`,
        );
        if (job?.state === 'active' && job.started_on && new Date(job.started_on) < killedAt)
          checksOrphaned += 1;
        else problems.push(`check ${id}: ${check.status}, job ${job?.state ?? 'missing'} after the restart`);
      }
      return { lost, problems, checksBefore, checksResumed, checksOrphaned };
    } finally {
      await database.close();
    }
  }
});

/** A record typed in the form: unique title and address, a day of early 2026. */
function recordBody(round: number, n: number) {
  return {
    occurredOn: `2026-0${1 + (n % 3)}-${String(1 + (n % 28)).padStart(2, '0')}`,
    occurredTime: '08:30',
    title: `Sập r${round} tin ${n}`,
    url: `https://xa-thu-sap.gov.vn/tin/r${round}-${n}`,
    genre: 'tin',
    topics: ['policy'],
  };
}

/** A CSV of the post template with `rows` unique rows for the commune's Facebook page. */
function importFile(prefix: string, rows: number, round: number, n: number): Buffer {
  const header =
    'Mã đơn vị;Kênh;Ngày đăng (dd/MM/yyyy);Giờ;Tiêu đề;Đường dẫn;Thể loại;Chủ đề;Ngôn ngữ;Tác giả';
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 3)}/2026`;
    return `${COMMUNE_CODE};${RECORD_CHANNEL};${day};09:00;${prefix} ${i};https://xa-thu-sap.gov.vn/nhap/r${round}-${n}-${i};;;;`;
  });
  return Buffer.from(`\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`);
}
