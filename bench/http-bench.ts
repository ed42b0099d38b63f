import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { today } from '../src/server/db/repositories/units';
import { SESSION_COOKIE } from '../src/server/plugins/auth';
import { LIST_YEAR } from './activity-operations';
import { type LoadResult, runClosedLoop } from './closed-loop';
import { BENCH_PASSWORD, BENCH_USERS, type NationalDataset } from './generate-national';
import type { LoadJob } from './http-load';
import { installProfiler, type SignedInProfile } from './http-profile';
import { median } from './measure';
import { CHILDREN_SQL } from './raw-queries';
import { captureRouteStatements, replayRouteStatements } from './route-statements';
import type { BenchTarget } from './targets';

export interface HttpSizes {
  concurrency: number;
  warmupRequests: number;
  authenticatedRequests: number;
  bareRequests: number;
  maxSecondsPerRound: number;
  rounds: number;
  /** Signed-in requests sent one at a time with the step timers on (bench/http-profile.ts). */
  profileRequests: number;
}

export interface HttpTargetResult {
  name: string;
  /** Median over the rounds. */
  requestsPerSecond: number;
  roundsPerSecond: number[];
  p50Ms: number;
  p99Ms: number;
  requestsPerRound: number;
  failed: number;
  firstFailure: string | null;
}

/** One signed-in read against the SQL it needs, at the same concurrency. */
export interface SignedInRead {
  /** The route as asked, with what it returned once (checked before timing). */
  product: HttpTargetResult;
  /**
   * The lower bound: the SQL the read needs sent straight to the driver the app uses (the app's
   * `pg.Pool` of 10 connections on PostgreSQL, its PGlite instance on PGlite), as many times as the
   * route is asked, the same number in flight.
   */
  raw: HttpTargetResult;
  /** Statements the route itself sent for one request (0: answered from memory). */
  routeStatements: number;
  /** Statements one unit of the lower bound sends. */
  rawStatements: number;
}

export interface HttpResult {
  concurrency: number;
  reads: SignedInRead[];
  bare: HttpTargetResult;
  plainFastify: HttpTargetResult;
  /** Where one signed-in request spends its time, for the read named here. */
  profile: SignedInProfile;
  profiledRead: string;
}

/** `requests` runs of `work` with `concurrency` in flight, as the HTTP load client runs requests. */
function runRawLoad(
  work: () => Promise<unknown>,
  job: { concurrency: number; requests: number; maxSeconds: number },
): Promise<LoadResult> {
  return runClosedLoop(async () => {
    await work();
    return null;
  }, job);
}

/** The load generator in a child process, one job at a time. */
class LoadClient {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(new URL('./http-load.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: LoadResult | { error: string }) => {
        this.child.off('exit', onExit);
        if ('error' in message) reject(new Error(message.error));
        else resolve(message);
      });
      this.child.send(job);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.send('stop');
    // Belt and braces: a stuck child is killed by its pid, never by name.
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }
}

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** A GET with the session cookie that must answer 200 with JSON. */
async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

interface ReadPlan {
  name: string;
  rawName: string;
  url: string;
  routeStatements: number;
  rawStatements: number;
  raw: () => Promise<unknown>;
}

/**
 * The records list of a unit for a year, first page: the DX office's list of its province, or of one
 * of its communes. Its lower bound is the route's own statements, replayed (bench/route-statements.ts).
 */
async function recordsPlan(target: BenchTarget, url: string, cookie: string, who: string): Promise<ReadPlan> {
  const { statements, answer } = await captureRouteStatements(target.database, () =>
    getJson<{ items: unknown[]; total: number; totalIsAtLeast: boolean }>(url, cookie),
  );
  if (answer.items.length === 0) throw new Error(`${url} listed no records: the bench needs some`);
  const replayed = await replayRouteStatements(target.database, statements);
  if (replayed.join() !== statements.rowCounts.join())
    throw new Error(
      `replaying the statements of ${url} read ${replayed} rows, the route ${statements.rowCounts}`,
    );
  const total = `${answer.totalIsAtLeast ? 'over ' : ''}${answer.total.toLocaleString('en-US')}`;
  return {
    name: `GET /api/activities of ${who}, ${LIST_YEAR}, first 50 of ${total} records`,
    rawName: `the route's own ${statements.calls.length} statements replayed in turn`,
    url,
    routeStatements: statements.calls.length,
    rawStatements: statements.calls.length,
    raw: () => replayRouteStatements(target.database, statements),
  };
}

function jobOf(
  t: { url: string; headers: Record<string, string>; requests: number },
  sizes: HttpSizes,
): LoadJob {
  return {
    url: t.url,
    headers: t.headers,
    concurrency: sizes.concurrency,
    requests: t.requests,
    maxSeconds: sizes.maxSecondsPerRound,
  };
}

function summarize(name: string, results: LoadResult[]): HttpTargetResult {
  return {
    name,
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    roundsPerSecond: results.map((r) => r.requestsPerSecond),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    requestsPerRound: median(results.map((r) => r.completed)),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
  };
}

async function logInForCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USERS.dxOffice, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * Requests per second on the real app (buildApp, as `npm start` builds it, on 127.0.0.1:0), signed in
 * as a province's DX office: the province's children (the tree page), and the records list of the
 * province and of one of its communes, each against the SQL it needs at the same concurrency; and
 * GET /bench/bare on the same server (same plugins and hooks, no session, no database) and a plain
 * Fastify instance for scale.
 */
export async function benchHttp(
  target: BenchTarget,
  dataset: NationalDataset,
  sizes: HttpSizes,
): Promise<HttpResult> {
  const app = await buildApp({
    config: testConfig({
      host: '127.0.0.1',
      port: 0,
      loginRateLimitPerMinute: 10_000,
      checkResponses: false,
    }),
    database: target.database,
  });
  app.get('/bench/bare', { config: { isPublic: true }, schema: { hide: true } }, async () => ({ ok: true }));
  const plain = Fastify({ logger: false });
  plain.get('/bare', async () => ({ ok: true }));
  const profiler = installProfiler(app, target.database);
  let load: LoadClient | undefined;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    await plain.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = baseUrl(app);
    const cookie = await logInForCookie(appUrl);
    const childrenUrl = `${appUrl}/api/units/${dataset.quangNgaiId}/children`;

    // The route must really be guarded and really answer, or the numbers mean nothing.
    const anonymous = await fetch(childrenUrl);
    if (anonymous.status !== 401)
      throw new Error(`children without a session answered ${anonymous.status}, expected 401`);
    const children = await getJson<{ items: Array<{ id: string; name: string }> }>(childrenUrl, cookie);
    // The route's default day, as its handler takes it.
    const childrenParams = [dataset.quangNgaiId, today()];
    const rawChildren = await target.raw.query(CHILDREN_SQL, childrenParams);
    if (rawChildren.length !== children.items.length)
      throw new Error(
        `raw children SQL returned ${rawChildren.length} rows, the route ${children.items.length}`,
      );
    // The commune with the most records of its own that year: with a tenth of the records, some have none.
    const [busiest] = await target.raw.query<{ id: string }>(
      `select unit_id as id from activities
       where unit_id = any($1::uuid[]) and occurred_on between $2::date and $3::date and deleted_at is null
       group by unit_id order by count(*) desc, unit_id limit 1`,
      [children.items.map((child) => child.id), `${LIST_YEAR}-01-01`, `${LIST_YEAR}-12-31`],
    );
    const commune = children.items.find((child) => child.id === busiest?.id);
    if (!commune) throw new Error(`no commune of the province has records in ${LIST_YEAR}`);

    const plans: ReadPlan[] = [
      {
        name: `GET /api/units/:id/children (${children.items.length} units)`,
        rawName: 'its rows in one hand-written statement (CHILDREN_SQL)',
        url: childrenUrl,
        routeStatements: (await captureRouteStatements(target.database, () => getJson(childrenUrl, cookie)))
          .statements.calls.length,
        rawStatements: 1,
        raw: () => target.raw.query(CHILDREN_SQL, childrenParams),
      },
    ];
    // One at a time: a capture records every driver call while it lasts.
    for (const { unitId, who } of [
      { unitId: dataset.quangNgaiId, who: 'the province' },
      { unitId: commune.id, who: `a commune (${commune.name})` },
    ]) {
      const url = `${appUrl}/api/activities?unitId=${unitId}&from=${LIST_YEAR}-01-01&to=${LIST_YEAR}-12-31&limit=50`;
      plans.push(await recordsPlan(target, url, cookie, who));
    }

    const targets = [
      ...plans.map((plan) => ({
        name: `${plan.name}, signed in`,
        url: plan.url,
        headers: { cookie },
        requests: sizes.authenticatedRequests,
      })),
      {
        name: 'GET /bench/bare on the same server (no session)',
        url: `${appUrl}/bench/bare`,
        headers: {},
        requests: sizes.bareRequests,
      },
      {
        name: 'GET /bare on a plain Fastify instance',
        url: `${baseUrl(plain)}/bare`,
        headers: {},
        requests: sizes.bareRequests,
      },
    ];
    load = new LoadClient();
    const client = load;
    const rawJob = {
      concurrency: sizes.concurrency,
      requests: sizes.authenticatedRequests,
      maxSeconds: sizes.maxSecondsPerRound,
    };
    for (const t of targets) await client.run({ ...jobOf(t, sizes), requests: sizes.warmupRequests });
    for (const plan of plans) await runRawLoad(plan.raw, { ...rawJob, requests: sizes.warmupRequests });

    const rawRounds = plans.map(() => [] as LoadResult[]);
    const rounds = targets.map(() => [] as LoadResult[]);
    // Rounds alternate between the targets so that a busy moment of the machine is shared.
    for (let round = 0; round < sizes.rounds; round++) {
      for (const [i, plan] of plans.entries()) {
        rawRounds[i]!.push(await runRawLoad(plan.raw, rawJob));
        rounds[i]!.push(await client.run(jobOf(targets[i]!, sizes)));
      }
      for (let i = plans.length; i < targets.length; i++)
        rounds[i]!.push(await client.run(jobOf(targets[i]!, sizes)));
    }
    // The province's records, one request at a time, so that the steps are not stretched by waiting
    // for other requests.
    const profiledPlan = plans[1]!;
    profiler.start();
    const profiled = await client.run({
      url: profiledPlan.url,
      headers: { cookie },
      concurrency: 1,
      requests: sizes.profileRequests,
      maxSeconds: sizes.maxSecondsPerRound * 3,
    });
    const profile = profiler.stop([profiled.elapsedMs / Math.max(1, profiled.completed)]);
    const summary = targets.map((t, i) => summarize(t.name, rounds[i]!));
    return {
      concurrency: sizes.concurrency,
      reads: plans.map((plan, i) => ({
        product: summary[i]!,
        raw: summarize(`${plan.name}: ${plan.rawName}, straight to the driver`, rawRounds[i]!),
        routeStatements: plan.routeStatements,
        rawStatements: plan.rawStatements,
      })),
      bare: summary[plans.length]!,
      plainFastify: summary[plans.length + 1]!,
      profile,
      profiledRead: profiledPlan.name,
    };
  } finally {
    profiler.remove();
    load?.stop();
    await app.close();
    await plain.close();
  }
}
