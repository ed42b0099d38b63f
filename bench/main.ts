import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/server/paths';
import { benchActivityImport, benchActivityQueries } from './activity-operations';
import { runCleanups } from './cleanup';
import { benchDashboard } from './dashboard-operations';
import { benchImport, benchQueries, type RunSizes } from './db-operations';
import { generateActivities } from './generate-activities';
import { generateNational } from './generate-national';
import { benchHome } from './home-operations';
import { benchHttp, type HttpSizes } from './http-bench';
import { benchMonitor, type MonitorBenchResult } from './monitor-operations';
import { isMonitorComplete, monitorMarkdown, printMonitor } from './monitor-report';
import { benchReminders } from './reminder-operations';
import {
  describeMachine,
  httpMarkdown,
  markdownSection,
  printHttp,
  printReport,
  type TargetReport,
  writeSection,
} from './report';
import { benchReportDocuments } from './report-documents';
import { benchRush } from './rush-load';
import { printRush, rushMarkdown } from './rush-report';
import { benchScoring } from './scoring-operations';
import { type BenchTarget, isPostgresReachable, openPgliteTarget, openPostgresTarget } from './targets';

/**
 * `npm run bench [-- --db=pglite|postgres|all] [--only=monitor|rush|http] [--rush-users=N] [--rush-seconds=N] [--rush-rate=N] [--rush-think=S] [--rush-warmup=S] [--monitor-sites=N] [--monitor-concurrency=N] [--quick] [--no-docs] [--no-analyze] [--no-monitor]`
 *
 * Without options: PGlite, then PostgreSQL if a server answers at BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres). With DATABASE_URL set: PostgreSQL on that server only.
 * On PostgreSQL the bench creates databases named loaso_bench_<pid>… and drops them at the end.
 * Results go to the console and into docs/benchmarks.md between the markers of each database.
 */

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DOCS_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
const RELIABILITY_FILE = path.join(PROJECT_ROOT, 'docs', 'reliability.md');
/** The whole run stops by itself after this, cleaning up what it created. */
const WATCHDOG_MINUTES = 35;
/**
 * More for the monitor benchmark per database: 73,000 pages through the checks, at the 10–50 pages/s
 * a loaded or idle 2-core machine gives on PGlite (docs/benchmarks.md, issue 11).
 */
const MONITOR_WATCHDOG_MINUTES = 90;

/** The 100,000-row records import is heavy: run twice in full runs, once in quick ones. */
const FULL: { db: RunSizes; http: HttpSizes; activityImportRuns: number } = {
  activityImportRuns: 2,
  db: { queryWarmup: 5, queryRuns: 31, importRuns: 5, maxSecondsPerOperation: 20 },
  http: {
    concurrency: 16,
    warmupRequests: 300,
    authenticatedRequests: 2000,
    bareRequests: 10_000,
    maxSecondsPerRound: 10,
    rounds: 3,
    profileRequests: 300,
  },
};
const QUICK: { db: RunSizes; http: HttpSizes; activityImportRuns: number } = {
  activityImportRuns: 1,
  db: { queryWarmup: 1, queryRuns: 5, importRuns: 2, maxSecondsPerOperation: 5 },
  http: {
    concurrency: 16,
    warmupRequests: 50,
    authenticatedRequests: 300,
    bareRequests: 1000,
    maxSecondsPerRound: 5,
    rounds: 1,
    profileRequests: 100,
  },
};

interface Options {
  databases: Array<'pglite' | 'postgres'>;
  /** Set when PostgreSQL was asked for explicitly: unreachable is then an error, not a skip. */
  postgresRequired: boolean;
  postgresUrl: string;
  quick: boolean;
  writeDocs: boolean;
  /** Skip ANALYZE after generating, to see what the planner does without statistics. */
  analyze: boolean;
  /** Run the website monitor benchmark only (bench/monitor-operations.ts). */
  onlyMonitor: boolean;
  /** Checks in flight per monitor queue; 1 is what a worker runs today (pg-boss's default). */
  monitorConcurrency: number;
  /** Commune portals checked (a partial national run when fewer than 3,321). */
  monitorSites: number;
  /** Leave the website monitor out (it takes most of an hour on the full national set). */
  skipMonitor: boolean;
  /** Run the deadline-rush load test only (bench/rush-load.ts). */
  onlyRush: boolean;
  /** Run the HTTP requests only, on the national unit dataset without the records (quicker). */
  onlyHttp: boolean;
  /** Concurrent users of the rush; default 300 on PostgreSQL, 50 on PGlite. */
  rushUsers: number | null;
  rushSeconds: number;
  /** Requests a second per rush user at most (--rush-rate); none: back to back. */
  rushRate: number | null;
  /** Mean seconds a rush user thinks between answer and next request (--rush-think); overrides the rate. */
  rushThink: number | null;
  /** Seconds of rush before the measured window (--rush-warmup); default 0. */
  rushWarmup: number;
}

/** Commune portals checked: every current commune, or 200 spread over the country in a quick run. */
const MONITOR_SITES = { full: 3321, quick: 200 };

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  for (const arg of argv) {
    if (
      !/^--(db=(pglite|postgres|all)|only=(monitor|rush|http)|(monitor-(concurrency|sites)|rush-(users|seconds|rate|think|warmup))=[1-9]\d*|quick|no-docs|no-analyze|no-monitor|help)$/.test(
        arg,
      )
    )
      throw new Error(`unknown option ${arg}; see --help`);
  }
  const databaseUrl = process.env.DATABASE_URL || '';
  const db = value('db') ?? (databaseUrl ? 'postgres' : 'all');
  return {
    databases: db === 'all' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'],
    postgresRequired: db === 'postgres',
    postgresUrl: databaseUrl || process.env.BENCH_DATABASE_URL || DEFAULT_POSTGRES_URL,
    quick: flag('quick'),
    writeDocs: !flag('no-docs') && !flag('no-analyze'),
    analyze: !flag('no-analyze'),
    onlyMonitor: value('only') === 'monitor',
    onlyRush: value('only') === 'rush',
    skipMonitor: flag('no-monitor'),
    onlyHttp: value('only') === 'http',
    rushUsers: value('rush-users') ? Number(value('rush-users')) : null,
    rushSeconds: Number(value('rush-seconds') ?? 60),
    rushRate: value('rush-rate') ? Number(value('rush-rate')) : null,
    rushThink: value('rush-think') ? Number(value('rush-think')) : null,
    rushWarmup: Number(value('rush-warmup') ?? 0),
    // As a worker runs them: MONITOR_CONCURRENCY's default.
    monitorConcurrency: Number(value('monitor-concurrency') ?? 8),
    monitorSites: Number(
      value('monitor-sites') ?? (flag('quick') ? MONITOR_SITES.quick : MONITOR_SITES.full),
    ),
  };
}

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function benchTarget(
  open: () => Promise<BenchTarget>,
  options: Options,
  withDocuments: boolean,
): Promise<TargetReport> {
  const sizes = options.quick ? QUICK : FULL;
  const started = performance.now();
  const machine = describeMachine();
  const target = await open();
  try {
    log(`${target.label}: generating the national dataset…`);
    const dataset = await generateNational(target.database.db);
    // PGlite has no autovacuum daemon, and the PostgreSQL server may have it off or not yet run:
    // without statistics the planner guesses, so every run measures with fresh ones.
    if (options.analyze) await target.raw.query('analyze');
    log(`${target.label}: generating channels, posts and broadcasts${options.quick ? ' (a tenth)' : ''}…`);
    const activities = await generateActivities(target.raw, { quick: options.quick });
    // VACUUM too: it sets the visibility map that lets the scoring indexes answer without the table
    // (what autovacuum does on a PostgreSQL server after a bulk load; PGlite has no autovacuum).
    if (options.analyze) await target.raw.query('vacuum analyze');
    log(`${target.label}: import of the official list on fresh databases…`);
    const importResult = await benchImport(target, sizes.db);
    log(`${target.label}: subtree, roll-up and lineage queries…`);
    const queries = await benchQueries(target, dataset, sizes.db);
    log(`${target.label}: records list and weekly calendar queries…`);
    const activityQueries = await benchActivityQueries(target, dataset, sizes.db);
    log(`${target.label}: live scoreboards (a province, the country)…`);
    const scoring = await benchScoring(target, sizes.db);
    log(`${target.label}: province dashboard…`);
    const dashboard = await benchDashboard(target, sizes.db);
    log(`${target.label}: role homes (DX office of the province, officer of a commune)…`);
    const home = await benchHome(target, sizes.db);
    log(`${target.label}: deadline reminder fan-out to every commune-level unit…`);
    const reminders = await benchReminders(target, options.quick ? 1 : 3);
    log(`${target.label}: import of a 100,000-row broadcast spreadsheet (${sizes.activityImportRuns}×)…`);
    const activityImport = await benchActivityImport(target, sizes.activityImportRuns);
    log(`${target.label}: HTTP requests per second…`);
    const http = await benchHttp(target, dataset, sizes.http);
    // The report documents do not touch the database: measured once per run, with the first target.
    let documents: TargetReport['documents'];
    if (withDocuments) {
      log('annual DOCX and XLSX annex of a province, evidence ZIP of 1,000 files…');
      documents = await benchReportDocuments({ runs: options.quick ? 2 : 5 });
    }
    return {
      kind: target.kind,
      label: target.label,
      machine,
      dataset,
      activities,
      activityImport,
      operations: [
        importResult,
        ...queries,
        activityImport,
        ...activityQueries,
        ...scoring,
        ...dashboard,
        ...home,
        ...reminders,
      ],
      http,
      ...(documents ? { documents } : {}),
      totalSeconds: (performance.now() - started) / 1000,
      mode: `${options.quick ? 'quick' : 'full'}${options.analyze ? '' : ', without ANALYZE'}`,
    };
  } finally {
    await target.close();
  }
}

/** The monitor benchmark on a fresh database of its own (the national one is closed by then). */
async function benchMonitorTarget(
  open: () => Promise<BenchTarget>,
  options: Options,
): Promise<{ result: MonitorBenchResult; section: string; label: string }> {
  const machine = describeMachine();
  const started = performance.now();
  const target = await open();
  try {
    const result = await benchMonitor(
      { db: target.database.db, raw: target.raw },
      {
        sites: options.monitorSites,
        concurrency: options.monitorConcurrency,
      },
      (line) => log(`${target.label}: ${line}`),
    );
    const scale =
      result.sites < MONITOR_SITES.full
        ? `partial run, ${result.sites} of ${MONITOR_SITES.full} sites`
        : 'full run';
    const mode = `${options.quick ? 'quick run' : scale}, ${Math.round((performance.now() - started) / 1000)} s in all`;
    return {
      result,
      label: target.label,
      section: monitorMarkdown(result, { label: target.label, machine, mode }),
    };
  } finally {
    await target.close();
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(
      'npm run bench [-- --db=pglite|postgres|all] [--only=monitor|rush|http] [--rush-users=N] [--rush-seconds=N] [--rush-rate=N] [--rush-think=S] [--rush-warmup=S] [--monitor-sites=N] [--monitor-concurrency=N] [--quick] [--no-docs] [--no-analyze] [--no-monitor]\nEnv: DATABASE_URL (PostgreSQL only, on that server), BENCH_DATABASE_URL (where to look for PostgreSQL by default).',
    );
    return 0;
  }
  const options = parseOptions(argv);
  const plan: Array<{ kind: 'pglite' | 'postgres'; open: () => Promise<BenchTarget> }> = [];
  if (options.databases.includes('pglite')) plan.push({ kind: 'pglite', open: openPgliteTarget });
  let skipped = '';
  if (options.databases.includes('postgres')) {
    const redacted = options.postgresUrl.replace(/\/\/[^@/]*@/, '//…@');
    const reachable = await isPostgresReachable(options.postgresUrl);
    if (reachable === true)
      plan.push({ kind: 'postgres', open: () => openPostgresTarget(options.postgresUrl) });
    else if (options.postgresRequired)
      throw new Error(`PostgreSQL at ${redacted} is not reachable: ${reachable}`);
    else skipped = `PostgreSQL at ${redacted} not reachable (${reachable}): skipped`;
  }
  log(
    `databases: ${plan.map((p) => p.kind).join(' + ')}${skipped ? `; ${skipped}` : ''}${options.quick ? ' (quick run)' : ''}`,
  );

  if (options.onlyRush) return runRush(plan, options);
  if (options.onlyHttp) return runHttpOnly(plan, options);

  const reports: TargetReport[] = [];
  const monitors: Array<{
    kind: 'pglite' | 'postgres';
    label: string;
    result: MonitorBenchResult;
    section: string;
  }> = [];
  for (const item of plan) {
    if (!options.onlyMonitor) {
      const report = await benchTarget(item.open, options, reports.length === 0);
      printReport(report);
      reports.push(report);
    }
    if (options.skipMonitor) continue;
    const monitor = await benchMonitorTarget(item.open, options);
    printMonitor(monitor.result, monitor.label);
    monitors.push({ kind: item.kind, ...monitor });
  }
  if (options.writeDocs && !options.quick) {
    for (const monitor of monitors) writeSection(DOCS_FILE, `monitor-${monitor.kind}`, monitor.section);
    for (const report of reports) writeSection(DOCS_FILE, report.kind, markdownSection(report));
    log(
      `results written to ${path.relative(process.cwd(), DOCS_FILE)} (${[...reports.map((r) => r.kind), ...monitors.map((m) => `monitor-${m.kind}`)].join(', ')})`,
    );
  } else {
    log('docs/benchmarks.md left as it was (quick run, --no-docs or --no-analyze)');
  }
  log(`ran on: ${monitors.map((m) => m.label).join('; ')}${skipped ? `; ${skipped}` : ''}`);
  const isDifferent =
    reports.some((report) => report.operations.some((op) => !op.isSameAsRaw)) ||
    monitors.some((monitor) => !isMonitorComplete(monitor.result));
  return isDifferent ? 2 : 0;
}

/**
 * The HTTP requests alone: the national unit dataset (seconds to generate) with a tenth of the
 * records, enough for the records list to have pages. Written between the http-<database> markers of
 * benchmarks.md.
 */
async function runHttpOnly(
  plan: Array<{ kind: 'pglite' | 'postgres'; open: () => Promise<BenchTarget> }>,
  options: Options,
): Promise<number> {
  const sizes = options.quick ? QUICK : FULL;
  let failed = false;
  for (const item of plan) {
    const machine = describeMachine();
    const target = await item.open();
    try {
      log(`${target.label}: generating the national dataset…`);
      const dataset = await generateNational(target.database.db);
      log(`${target.label}: generating a tenth of the channels, posts and broadcasts…`);
      const activities = await generateActivities(target.raw, { quick: true });
      if (options.analyze) await target.raw.query('vacuum analyze');
      log(`${target.label}: HTTP requests per second…`);
      const http = await benchHttp(target, dataset, sizes.http);
      const records = `${(activities.posts + activities.broadcasts).toLocaleString('en-US')} posts and broadcasts`;
      const command = `npm run bench -- --only=http --db=${item.kind}${options.quick ? ' --quick' : ''}`;
      printHttp(http, target.label);
      failed ||= http.reads.some((read) => read.product.failed + read.raw.failed > 0);
      if (options.writeDocs && !options.quick) {
        writeSection(
          DOCS_FILE,
          `http-${item.kind}`,
          httpMarkdown(http, { label: target.label, machine, command, records }),
        );
        log(`results written to docs/benchmarks.md (http-${item.kind})`);
      }
    } finally {
      await target.close();
    }
  }
  return failed ? 2 : 0;
}

/** Issue 12's deadline rush on each database of the plan, written to benchmarks.md and reliability.md. */
async function runRush(
  plan: Array<{ kind: 'pglite' | 'postgres'; open: () => Promise<BenchTarget> }>,
  options: Options,
): Promise<number> {
  let failed = false;
  for (const item of plan) {
    const users = options.rushUsers ?? (item.kind === 'postgres' ? 300 : 50);
    const target = await item.open();
    try {
      const result = await benchRush(target, {
        users,
        seconds: options.rushSeconds,
        quick: options.quick,
        ratePerUser: options.rushRate,
        meanThinkSeconds: options.rushThink,
        warmupSeconds: options.rushWarmup,
        log,
      });
      const command = `npm run bench -- --only=rush --db=${item.kind} --rush-users=${users} --rush-seconds=${options.rushSeconds}${options.rushRate ? ` --rush-rate=${options.rushRate}` : ''}${options.rushThink ? ` --rush-think=${options.rushThink}` : ''}${options.rushWarmup ? ` --rush-warmup=${options.rushWarmup}` : ''}${options.quick ? ' --quick' : ''}`;
      printRush(result, command);
      const lost =
        result.records.found < result.records.acknowledged ||
        result.submissions.found < result.submissions.acknowledged ||
        result.reportVersions.found < result.reportVersions.acknowledged;
      failed ||= lost;
      if (options.writeDocs && !options.quick) {
        const section = rushMarkdown(result, command);
        // Runs at a person's pace (think time), at one request a second per user, and back to back
        // (stress) are kept side by side.
        const suffix = options.rushThink ? '-think' : options.rushRate ? '-paced' : '';
        writeSection(DOCS_FILE, `rush-${item.kind}${suffix}`, section);
        writeSection(RELIABILITY_FILE, `load-${item.kind}${suffix}`, section.replace(/^#### /, '### '));
        log(`results written to docs/benchmarks.md and docs/reliability.md (rush-${item.kind}${suffix})`);
      }
    } finally {
      await target.close();
    }
  }
  return failed ? 2 : 0;
}

let isStopping = false;

/** Ends the run once: the first reason wins, and the exit waits for every cleanup. */
function stop(code: number, message?: string): void {
  if (isStopping) return;
  isStopping = true;
  if (message) console.error(message);
  void runCleanups().finally(() => process.exit(code));
}

const watchdogMinutes =
  WATCHDOG_MINUTES +
  MONITOR_WATCHDOG_MINUTES * (process.argv.some((arg) => /^--db=(pglite|postgres)$/.test(arg)) ? 1 : 2);
const watchdog = setTimeout(
  () => stop(1, `bench: still running after ${watchdogMinutes} minutes; stopping.`),
  watchdogMinutes * 60_000,
);
watchdog.unref();

// An error thrown from an event emitter (a dropped connection, a dead child) bypasses main()'s catch:
// clean up anyway, so that no database or temp dir is left behind.
process.on('uncaughtException', (error) => stop(1, `bench failed: ${error.stack ?? error.message}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stop(130, `bench: ${signal}, cleaning up…`));
}

main().then(
  (code) => stop(code),
  (error: Error) => stop(1, `bench failed: ${error.stack ?? error.message}`),
);
