import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { type Database, openDatabase } from '../src/server/db/client';
import { today } from '../src/server/db/repositories/units';
import { PROJECT_ROOT } from '../src/server/paths';
import { SESSION_COOKIE } from '../src/server/plugins/auth';
import { addDays } from '../src/shared/dates';
import { onCleanup } from './cleanup';
import { ACTIVITY_END, ACTIVITY_START, generateActivities } from './generate-activities';
import { BENCH_PASSWORD, generateNational } from './generate-national';
import { describeMachine, type Machine } from './report';
import { KIND_LABELS, nextRequest, RUSH_KINDS, type RushKind, type UserState } from './rush-mix';
import { runPacedUsers } from './rush-pacer';
import { createRushPeople } from './rush-setup';
import { type BenchTarget, rawSqlOf } from './targets';

/**
 * Issue 12, item 2: the deadline rush. The national dataset, the real server (src/server/main.ts,
 * ROLE=all, as `npm start` runs it) in a child process of its own, and autocannon in this process:
 * one connection per signed-in user, each with its own session cookie and CSRF token, drawing
 * requests from its role's mix (bench/rush-mix.ts) for a fixed time. Afterwards every write the
 * server acknowledged (a 2xx POST and the id it returned) is looked up in the database.
 */

export interface RushOptions {
  users: number;
  seconds: number;
  quick: boolean;
  /**
   * At most this many requests a second per user (autocannon's connectionRate), or none: each user
   * sends its next request as soon as the last is answered (a stress test, not a person's pace).
   */
  ratePerUser: number | null;
  /**
   * A person's pace instead: each user waits this many seconds on average (exponential) between an
   * answer and its next request (bench/rush-pacer.ts). Overrides ratePerUser.
   */
  meanThinkSeconds: number | null;
  /**
   * Seconds of load before the measured window: the users arrive and the server's caches fill, as
   * they are on a server that has run all day. Its answers are reported apart, errors included.
   */
  warmupSeconds: number;
  log: (line: string) => void;
}

export interface KindResult {
  kind: RushKind;
  requests: number;
  byStatus: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface SlowAnswer {
  latencyMs: number;
  /** Seconds after the rush began that the request was sent. */
  atSeconds: number;
  role: string;
  request: string;
}

const SLOWEST_KEPT = 12;

export interface RushResult {
  label: string;
  kind: 'pglite' | 'postgres';
  machine: Machine;
  users: number;
  ratePerUser: number | null;
  meanThinkSeconds: number | null;
  /** With a think time: the requests a second the users would send were every answer instant. */
  offeredPerSecond: number | null;
  roles: Record<string, number>;
  seconds: number;
  loadBefore: number[];
  loadAfter: number[];
  setupSeconds: number;
  /** The records the rush starts from: how many, and the days they span. */
  dataset: { records: number; from: string; to: string };
  loginSeconds: number;
  total: KindResult;
  kinds: KindResult[];
  requestsPerSecond: number;
  /** Timeouts and connection errors reported by autocannon (no status at all). */
  timeouts: number;
  connectionErrors: number;
  autocannonP99: number;
  records: { acknowledged: number; found: number; extraStored: number };
  /** The first answer other than 2xx of each kind, to say why. */
  firstErrors: Record<string, string>;
  submissions: { acknowledged: number; found: number };
  reportVersions: { acknowledged: number; found: number };
  slowest: SlowAnswer[];
  /** The warm-up before the measured window (none when warmupSeconds is 0). */
  warmup: { seconds: number; result: KindResult } | null;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function summarise(kind: RushKind, latencies: number[], byStatus: Record<string, number>): KindResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    kind,
    requests: sorted.length,
    byStatus,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** A small deterministic generator: the same run draws the same mix. */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The real server entry in a child process; resolves with its port once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF_DIR: a V8 CPU profile of the server, written when it stops (where its time goes).
      ...(process.env.BENCH_CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
        : []),
      // BENCH_SERVER_TRACE_GC=<file>: V8's line per garbage collection (and the server's output) there.
      ...(process.env.BENCH_SERVER_TRACE_GC ? ['--trace-gc'] : []),
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'src', 'server', 'main.ts'),
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (process.env.BENCH_SERVER_TRACE_GC)
    child.stdout!.pipe(fs.createWriteStream(process.env.BENCH_SERVER_TRACE_GC));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${output}`)), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${output}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
  });
}

/** SIGTERM (the server closes its pool and pg-boss), SIGKILL after 20 s; by pid, never by name. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function logIn(base: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`login of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login set no session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0]!, csrfToken };
}

function headersOf(state: UserState, hasBody: boolean): Record<string, string> {
  return {
    cookie: state.cookie,
    'x-csrf-token': state.csrfToken,
    ...(hasBody ? { 'content-type': 'application/json' } : { 'accept-encoding': 'gzip, deflate, br' }),
  };
}

export async function benchRush(target: BenchTarget, options: RushOptions): Promise<RushResult> {
  const { log } = options;
  const machine = describeMachine();
  const setupStarted = performance.now();
  log(`${target.label}: generating the national dataset…`);
  await generateNational(target.database.db);
  // Records up to yesterday: a rush comes after months of work, not after a five-month gap.
  const recordsUntil = addDays(today(), -1);
  const generated = await generateActivities(target.raw, { quick: options.quick, until: recordsUntil });
  const dataset = {
    records: generated.posts + generated.broadcasts,
    from: ACTIVITY_START,
    to: recordsUntil > ACTIVITY_END ? recordsUntil : ACTIVITY_END,
  };
  // The load leaves a score note per unit and INSERT statement; a running server merges them every ten
  // minutes (scoring.merge-changes). Merged first, the rush starts from the state of a server that has
  // been running, instead of meeting the first merge's recount of every unit in the middle of it.
  await target.raw.query('select merge_score_changes()');
  await target.raw.query('vacuum analyze');
  log(`${target.label}: ${options.users} users with grants, annual report types…`);
  const people = await createRushPeople(target.database.db, target.raw, options.users);
  const year = people.today.slice(0, 4);
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  // PGlite is one process's database: the bench lets go of it while the server runs, then reopens it.
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    ROLE: 'all',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    WEB_DIR: 'none',
    // Every user signs in from 127.0.0.1 within seconds: the per-address login limit would refuse them.
    LOGIN_RATE_LIMIT: '10000',
    METRICS_PORT: '',
    METRICS_TOKEN: '',
    BACKUP_DIR: '',
  };
  let pgliteDir: string | null = null;
  if (target.kind === 'postgres') {
    if (!target.database.databaseUrl) throw new Error('PostgreSQL target without a URL');
    env.DATABASE_URL = target.database.databaseUrl;
  } else {
    const dataDir = (target.database.pglite as { dataDir?: string } | undefined)?.dataDir;
    if (!dataDir) throw new Error('PGlite target without a data dir');
    pgliteDir = path.dirname(dataDir);
    env.DATABASE_URL = '';
    env.DATA_DIR = pgliteDir;
    await target.database.close();
  }

  log(`${target.label}: starting the server (src/server/main.ts, ROLE=all) in a child process…`);
  const { child, port } = await startServer(env);
  const unregister = onCleanup(() => stopServer(child));
  const base = `http://127.0.0.1:${port}`;
  const states: UserState[] = [];
  const latencies = new Map<RushKind, number[]>(RUSH_KINDS.map((k) => [k, []]));
  const warmupLatencies: number[] = [];
  const warmupStatuses: Record<string, number> = {};
  const statuses = new Map<RushKind, Record<string, number>>(RUSH_KINDS.map((k) => [k, {}]));
  const firstErrors = new Map<RushKind, string>();
  const acknowledgedRecords: string[] = [];
  // The slowest answers, with who asked and when: what a stall was waiting behind.
  const slowest: SlowAnswer[] = [];
  const noteSlow = (answer: SlowAnswer) => {
    if (slowest.length >= SLOWEST_KEPT && answer.latencyMs <= slowest.at(-1)!.latencyMs) return;
    slowest.push(answer);
    slowest.sort((a, b) => b.latencyMs - a.latencyMs);
    if (slowest.length > SLOWEST_KEPT) slowest.pop();
  };
  let rushStarted = performance.now();
  const acknowledgedSubmissions: string[] = [];
  const acknowledgedVersions: string[] = [];
  let loginSeconds = 0;
  let timeouts = 0;
  let connectionErrors = 0;
  let autocannonP99 = Number.NaN;
  let offeredPerSecond: number | null = null;
  let elapsedSeconds = options.seconds;
  const loadBefore = os.loadavg();
  try {
    const loginStarted = performance.now();
    for (let i = 0; i < people.users.length; i += 8) {
      const batch = people.users.slice(i, i + 8);
      const sessions = await Promise.all(batch.map((user) => logIn(base, user.username)));
      for (const [j, user] of batch.entries()) {
        states.push({
          user,
          ...sessions[j]!,
          sent: 0,
          kind: 'home',
          sentAt: 0,
          sentPath: '',
          periodId: null,
          reportId: null,
          reportStatus: null,
          isSubmitting: false,
        });
      }
    }
    loginSeconds = (performance.now() - loginStarted) / 1000;
    log(
      `${target.label}: ${states.length} sessions in ${loginSeconds.toFixed(1)} s; checking every kind once…`,
    );
    const random = createRandom(20261206);
    const tag = Date.now().toString(36);
    const requestOptions = { year, today: people.today, tag };

    // Every kind must answer 200 once before the clock starts, or the figures would time error pages.
    const smoke = new Set<RushKind>();
    for (const state of states) {
      for (let tries = 0; tries < 40 && smoke.size < RUSH_KINDS.length; tries++) {
        const request = nextRequest(state, random, requestOptions);
        if (smoke.has(state.kind) || request.method === 'POST') continue;
        const response = await fetch(`${base}${request.path}`, { headers: headersOf(state, false) });
        if (response.status !== 200)
          throw new Error(
            `${request.path} as ${state.user.username}: ${response.status} ${await response.text()}`,
          );
        await response.arrayBuffer();
        smoke.add(state.kind);
      }
    }

    const onResponse = (state: UserState, status: number, body: string) => {
      const kind = state.kind;
      const latency = performance.now() - state.sentAt;
      const atSeconds = (state.sentAt - rushStarted) / 1000;
      const isWarmup = atSeconds < options.warmupSeconds;
      if (isWarmup) warmupLatencies.push(latency);
      else {
        latencies.get(kind)!.push(latency);
        noteSlow({ latencyMs: latency, atSeconds, role: state.user.role, request: state.sentPath });
      }
      const counts = isWarmup ? warmupStatuses : statuses.get(kind)!;
      counts[status] = (counts[status] ?? 0) + 1;
      if (status < 200 || status >= 300) {
        if (!firstErrors.has(kind)) firstErrors.set(kind, `${status} ${body.slice(0, 300)}`);
        return;
      }
      if (kind === 'record-entry') acknowledgedRecords.push((JSON.parse(body) as { id: string }).id);
      else if (kind === 'report-write') {
        const report = JSON.parse(body) as { id: string; status: string };
        if (state.isSubmitting) acknowledgedSubmissions.push(report.id);
        else if (state.reportId !== report.id) acknowledgedVersions.push(report.id);
        state.reportId = report.id;
        state.reportStatus = report.status;
      } else if (kind === 'report-read' && !state.periodId && state.user.role === 'unit_head') {
        const { items } = JSON.parse(body) as {
          items: Array<{
            isExpected: boolean;
            reportId: string | null;
            reportStatus: string | null;
            period: { id: string; periodFrom: string };
          }>;
        };
        const item = items
          .filter((i) => i.isExpected && i.period.periodFrom <= people.today)
          .sort((a, b) => b.period.periodFrom.localeCompare(a.period.periodFrom))[0];
        if (item) {
          state.periodId = item.period.id;
          state.reportId = item.reportId;
          state.reportStatus = item.reportStatus;
        }
      }
    };

    // The user's next request from its role's mix, stamped with when and what was sent.
    const sendNext = (state: UserState) => {
      const next = nextRequest(state, random, requestOptions);
      state.sentAt = performance.now();
      state.sentPath = `${next.method} ${next.path}`;
      return {
        method: next.method,
        path: next.path,
        headers: headersOf(state, next.body !== undefined),
        ...(next.body !== undefined ? { body: JSON.stringify(next.body) } : {}),
      };
    };

    log(
      `${target.label}: the rush: ${states.length} users for ${options.warmupSeconds ? `${options.warmupSeconds} s of warm-up and ` : ''}${options.seconds} s…`,
    );
    rushStarted = performance.now();
    if (options.meanThinkSeconds) {
      const outcome = await runPacedUsers({
        base,
        users: states,
        seconds: options.warmupSeconds + options.seconds,
        meanThinkSeconds: options.meanThinkSeconds,
        random,
        nextRequest: sendNext,
        onResponse: (state, status, body) => onResponse(state, status, body),
      });
      elapsedSeconds = outcome.elapsedSeconds - options.warmupSeconds;
      timeouts = outcome.timeouts;
      connectionErrors = outcome.connectionErrors;
      offeredPerSecond = outcome.offeredPerSecond;
    } else {
      let connection = 0;
      const started = performance.now();
      const instance = autocannon({
        url: base,
        connections: states.length,
        ...(options.ratePerUser ? { connectionRate: options.ratePerUser } : {}),
        duration: options.warmupSeconds + options.seconds,
        // Longer than the run: a request that times out is sent again on a new connection while the
        // server still works on the first, which only adds load; a slow answer is measured as slow.
        timeout: Math.max(30, options.seconds),
        requests: [
          {
            setupRequest: (request, context) => {
              // autocannon builds the first request before setupClient gives the connection its user;
              // setupClient builds it again once the user is known.
              const index = (context as { user?: number }).user;
              if (index === undefined) return { ...request, method: 'GET', path: '/api/health' };
              return { ...request, ...sendNext(states[index]!) };
            },
            onResponse: (status, body, context) => {
              onResponse(states[(context as { user: number }).user]!, status, body);
            },
          },
        ],
        // One user per connection: the context autocannon resets after each request carries only its index.
        setupClient: (client) => {
          const iterator = (
            client as unknown as {
              requestIterator: { initialContext: object; resetContext(): void; rebuildRequest(): void };
            }
          ).requestIterator;
          iterator.initialContext = { user: connection++ % states.length };
          iterator.resetContext();
          iterator.rebuildRequest();
        },
      });
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        instance.once('done', resolve);
        instance.once('error', reject);
      });
      elapsedSeconds = (performance.now() - started) / 1000 - options.warmupSeconds;
      timeouts = result.timeouts;
      // autocannon counts a timeout among its errors too.
      connectionErrors = Math.max(0, result.errors - result.timeouts);
      autocannonP99 = result.latency.p99;
    }
  } finally {
    await stopServer(child);
    unregister();
  }
  const loadAfter = os.loadavg();

  log(`${target.label}: looking up every acknowledged write…`);
  let verify: { database: Database; close(): Promise<void> } = {
    database: target.database,
    close: async () => {},
  };
  if (pgliteDir) {
    const reopened = await openDatabase({ databaseUrl: null, dataDir: pgliteDir });
    verify = { database: reopened, close: () => reopened.close() };
  }
  let records: RushResult['records'];
  let submissions: RushResult['submissions'];
  let reportVersions: RushResult['reportVersions'];
  try {
    const raw = rawSqlOf(verify.database);
    const [found] = await raw.query<{ n: number }>(
      'select count(*)::int as n from activities where id = any($1::uuid[]) and deleted_at is null',
      [acknowledgedRecords],
    );
    const [stored] = await raw.query<{ n: number }>(
      `select count(*)::int as n from activities where title like 'Tin chuyển đổi số cao điểm %'`,
    );
    const [submitted] = await raw.query<{ n: number }>(
      `select count(*)::int as n from reports where id = any($1::uuid[]) and submitted_at is not null
         and status in ('submitted', 'superseded')`,
      [acknowledgedSubmissions],
    );
    const [versions] = await raw.query<{ n: number }>(
      'select count(*)::int as n from reports where id = any($1::uuid[])',
      [acknowledgedVersions],
    );
    records = {
      acknowledged: acknowledgedRecords.length,
      found: found?.n ?? 0,
      extraStored: (stored?.n ?? 0) - (found?.n ?? 0),
    };
    submissions = { acknowledged: acknowledgedSubmissions.length, found: submitted?.n ?? 0 };
    reportVersions = { acknowledged: acknowledgedVersions.length, found: versions?.n ?? 0 };
  } finally {
    await verify.close();
  }

  const kinds = RUSH_KINDS.map((kind) => summarise(kind, latencies.get(kind)!, statuses.get(kind)!)).filter(
    (k) => k.requests > 0,
  );
  const allStatuses: Record<string, number> = {};
  for (const k of kinds)
    for (const [s, n] of Object.entries(k.byStatus)) allStatuses[s] = (allStatuses[s] ?? 0) + n;
  const total = summarise(
    'home',
    RUSH_KINDS.flatMap((kind) => latencies.get(kind)!),
    allStatuses,
  );
  const roles: Record<string, number> = {};
  for (const user of people.users) roles[user.role] = (roles[user.role] ?? 0) + 1;
  return {
    label: target.label,
    kind: target.kind,
    machine,
    users: states.length,
    ratePerUser: options.meanThinkSeconds ? null : options.ratePerUser,
    meanThinkSeconds: options.meanThinkSeconds,
    offeredPerSecond,
    roles,
    seconds: elapsedSeconds,
    loadBefore,
    loadAfter,
    setupSeconds,
    dataset,
    loginSeconds,
    total,
    kinds,
    requestsPerSecond: total.requests / elapsedSeconds,
    timeouts,
    connectionErrors,
    autocannonP99,
    records,
    firstErrors: Object.fromEntries(firstErrors),
    submissions,
    reportVersions,
    slowest,
    warmup: options.warmupSeconds
      ? { seconds: options.warmupSeconds, result: summarise('home', warmupLatencies, warmupStatuses) }
      : null,
  };
}

export { KIND_LABELS };
