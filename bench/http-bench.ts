import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { today } from '../src/server/db/repositories/units';
import { SESSION_COOKIE } from '../src/server/plugins/auth';
import { type LoadResult, runClosedLoop } from './closed-loop';
import { BENCH_PASSWORD, BENCH_USERS, type NationalDataset } from './generate-national';
import type { LoadJob } from './http-load';
import { installProfiler, type SignedInProfile } from './http-profile';
import { median } from './measure';
import { CHILDREN_SQL } from './raw-queries';
import type { BenchTarget, RawSql } from './targets';

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

export interface HttpResult {
  concurrency: number;
  authenticated: HttpTargetResult;
  bare: HttpTargetResult;
  plainFastify: HttpTargetResult;
  /**
   * The lower bound of the authenticated route: the SQL it needs (CHILDREN_SQL, the same rows) sent
   * straight to the driver, as many statements as requests, the same number in flight, through the
   * same pool (PostgreSQL) or the same PGlite instance the app uses.
   */
  rawSql: HttpTargetResult;
  /** Where one signed-in request spends its time. */
  profile: SignedInProfile;
  /** What the authenticated route returned once, checked before timing. */
  childrenReturned: number;
}

/** `requests` statements with `concurrency` in flight, as the HTTP load client runs requests. */
function runRawLoad(
  raw: RawSql,
  text: string,
  params: unknown[],
  job: { concurrency: number; requests: number; maxSeconds: number },
): Promise<LoadResult> {
  return runClosedLoop(async () => {
    await raw.query(text, params);
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
 * Requests per second on the real app (buildApp, as `npm start` builds it, on 127.0.0.1:0): an
 * authenticated GET of a province's children as its DX office, against GET /bench/bare on the same
 * server (same plugins and hooks, no session, no database), and a plain Fastify instance for scale.
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
    const signedIn = await fetch(childrenUrl, { headers: { cookie } });
    if (signedIn.status !== 200)
      throw new Error(`children with a session answered ${signedIn.status}: ${await signedIn.text()}`);
    const childrenReturned = ((await signedIn.json()) as { items: unknown[] }).items.length;
    // The route's default day, as its handler takes it.
    const rawParams = [dataset.quangNgaiId, today()];
    const rawRows = await target.raw.query(CHILDREN_SQL, rawParams);
    if (rawRows.length !== childrenReturned)
      throw new Error(`raw children SQL returned ${rawRows.length} rows, the route ${childrenReturned}`);

    const targets: Array<{ name: string; url: string; headers: Record<string, string>; requests: number }> = [
      {
        name: `GET /api/units/:id/children (signed in, ${childrenReturned} units)`,
        url: childrenUrl,
        headers: { cookie },
        requests: sizes.authenticatedRequests,
      },
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
    for (const t of targets) {
      await client.run({
        url: t.url,
        headers: t.headers,
        concurrency: sizes.concurrency,
        requests: sizes.warmupRequests,
        maxSeconds: sizes.maxSecondsPerRound,
      });
    }
    const rawJob = {
      concurrency: sizes.concurrency,
      requests: sizes.authenticatedRequests,
      maxSeconds: sizes.maxSecondsPerRound,
    };
    await runRawLoad(target.raw, CHILDREN_SQL, rawParams, { ...rawJob, requests: sizes.warmupRequests });
    const rawRounds: LoadResult[] = [];
    const rounds = targets.map(() => [] as LoadResult[]);
    // Rounds alternate between the targets so that a busy moment of the machine is shared.
    for (let round = 0; round < sizes.rounds; round++) {
      rawRounds.push(await runRawLoad(target.raw, CHILDREN_SQL, rawParams, rawJob));
      for (const [i, t] of targets.entries()) {
        rounds[i]!.push(
          await client.run({
            url: t.url,
            headers: t.headers,
            concurrency: sizes.concurrency,
            requests: t.requests,
            maxSeconds: sizes.maxSecondsPerRound,
          }),
        );
      }
    }
    // One request at a time, so that the steps are not stretched by waiting for other requests.
    profiler.start();
    const profiled = await client.run({
      url: childrenUrl,
      headers: { cookie },
      concurrency: 1,
      requests: sizes.profileRequests,
      maxSeconds: sizes.maxSecondsPerRound * 3,
    });
    const profile = profiler.stop([profiled.elapsedMs / Math.max(1, profiled.completed)]);
    const summarize = (name: string, results: LoadResult[]): HttpTargetResult => ({
      name,
      requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
      roundsPerSecond: results.map((r) => r.requestsPerSecond),
      p50Ms: median(results.map((r) => r.p50Ms)),
      p99Ms: median(results.map((r) => r.p99Ms)),
      requestsPerRound: median(results.map((r) => r.completed)),
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
    });
    const summary = targets.map((t, i) => summarize(t.name, rounds[i]!));
    return {
      concurrency: sizes.concurrency,
      authenticated: summary[0]!,
      bare: summary[1]!,
      plainFastify: summary[2]!,
      rawSql: summarize(
        `children SQL straight to the driver, ${sizes.concurrency} in flight (the lower bound)`,
        rawRounds,
      ),
      profile,
      childrenReturned,
    };
  } finally {
    profiler.remove();
    load?.stop();
    await app.close();
    await plain.close();
  }
}
