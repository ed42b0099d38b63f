import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Db } from '../src/server/db/client';
import { insertCheck, upsertMonitorSettings } from '../src/server/db/repositories/monitor';
import { findAllCurrentUnitsWithCode } from '../src/server/db/repositories/units';
import { channels } from '../src/server/db/schema-activities';
import { checkBanner } from '../src/server/domain/monitor/check-banner';
import { checkColumn } from '../src/server/domain/monitor/check-column';
import type { MonitorDeps } from '../src/server/domain/monitor/deps';
import { linkSnapshotToActivity } from '../src/server/domain/monitor/snapshots/link-snapshot-to-activity';
import { storeSnapshot } from '../src/server/domain/monitor/snapshots/store-snapshot';
import { importUnits } from '../src/server/domain/units/import-units';
import { classifyItem, REVIEW_BAND } from '../src/server/monitor/classify';
import { parseLabelled } from '../src/server/monitor/classify/dataset';
import { createPageFetcher, defaultFetchPolicy, type ResolveHost } from '../src/server/monitor/fetch';
import { findBannerLink, findSources, readArticle, readListing } from '../src/server/monitor/parse';
import { PROJECT_ROOT } from '../src/server/paths';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import { todayVn } from '../src/shared/dates';
import { onCleanup } from './cleanup';
import { NATIONAL_LIST_FILE, REORG_DATE } from './generate-national';
import {
  BENCH_DOMAIN,
  type BenchSite,
  LISTING_PATH,
  PAGES_PER_SITE,
  pageUrlsOf,
  provincePortalColumn,
  type SiteServerSetup,
  siteHost,
} from './monitor-sites';
import type { RawSql } from './targets';

/**
 * The website monitor at national scale (issue 11 item 10): one fixture portal per current commune,
 * served on loopback by a child process, each under its own host name; a full check of every site
 * through the product's own check functions (checkBanner + checkColumn, what the pg-boss jobs run)
 * with the real fetcher, parsers, classifier and snapshot store, writing to the database; beside it,
 * a plain undici fetch of the same pages at the same concurrency as the lower bound. Method and
 * figures: docs/benchmarks.md, "Issue 11: the website monitor".
 */

export interface MonitorSizes {
  /** How many commune portals (all 3,321 in a full run). */
  sites: number;
  /** Checks in flight per queue (column, banner), as the worker's job slots. */
  concurrency: number;
}

export interface MonitorBenchResult {
  sites: number;
  concurrency: number;
  monitor: {
    seconds: number;
    /** Pages the checks fetched (pages_fetched of every check row), robots.txt not counted. */
    pages: number;
    pagesPerSecond: number;
    requestsServed: number;
    peakRssMiB: number;
    startRssMiB: number;
    checks: { succeeded: number; failed: number; firstError: string | null };
    rows: { posts: number; banners: number; verifiedBanners: number; items: number; snapshots: number };
    itemStates: Record<string, number>;
  };
  plain: {
    seconds: number;
    pages: number;
    pagesPerSecond: number;
    peakRssMiB: number;
    startRssMiB: number;
    failed: number;
  };
  setupSeconds: number;
  classifier: { items: number; runs: number; itemsPerSecond: number; microsPerItem: number };
  /** What the run should have produced, to compare with `monitor.rows`. */
  expected: { pages: number; posts: number; banners: number; verifiedBanners: number; items: number };
}

const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);

/** The fixture sites' server, in a child process: started once, stopped by stop() or the cleanup. */
class SiteServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(setup: SiteServerSetup): Promise<{ server: SiteServer; unregister: () => void }> {
    const child = fork(new URL('./monitor-site-server.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    // However the run ends, the child goes: by its pid, never by name.
    const unregister = onCleanup(async () => {
      child.kill('SIGKILL');
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`fixture site server exited (${code})`)));
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.send({ setup });
    });
    return { server: new SiteServer(child, port), unregister };
  }

  async served(): Promise<number> {
    const reply = once(this.child, 'message') as Promise<[{ served: number }]>;
    this.child.send('count');
    return (await reply)[0].served;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    if (this.child.connected) this.child.send('stop');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** Samples the process's resident memory every 50 ms until stopped; answers the peak. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** Runs `work` on every item with `concurrency` slots, in order of the list. */
async function inSlots<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * The bench's DNS: every *.bench.test name is the loopback server, any other name fails. It goes
 * through the fetcher's existing `lookup` seam; the SSRF guard still checks the answer, and lets
 * 127.0.0.1 through only because the bench's policy lists it, as MONITOR_ALLOW_HOSTS does in tests.
 */
const benchLookup: ResolveHost = async (hostname) => {
  if (hostname.endsWith(`.${BENCH_DOMAIN}`)) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`bench: ${hostname} is not a bench site`), { code: 'ENOTFOUND' });
};

/** The parts installMonitor wires in production, with the bench's DNS and no pause between pages. */
function benchDeps(): MonitorDeps {
  return {
    // defaultDelayMs 0: the 1 s pause between two pages of a host is waiting, not work; the
    // benchmark measures the work and the doc works out what the pause adds (see the method).
    fetcher: createPageFetcher(defaultFetchPolicy(['127.0.0.1'], { defaultDelayMs: 0 }), {
      lookup: benchLookup,
    }),
    readListing,
    readArticle,
    findSources,
    findBannerLink,
    classify: classifyItem,
    reviewBand: REVIEW_BAND.max,
    storeSnapshot: (q, fileStore, page, options) => storeSnapshot(q, fileStore, page, options),
    linkSnapshotToActivity: async (q, snapshotId, activityId) => {
      await linkSnapshotToActivity(q, snapshotId, activityId);
    },
    now: () => new Date(),
  };
}

interface SitePlan {
  site: BenchSite;
  unitId: string;
  provinceId: string;
}

/** The current communes, spread evenly over the country when fewer than all are asked for. */
async function planSites(db: Db, count: number): Promise<SitePlan[]> {
  const current = await findAllCurrentUnitsWithCode(db);
  const provinces = new Map(current.filter((u) => u.parentId === null).map((u) => [u.id, u.name]));
  const communes = current
    .filter((unit) => unit.parentId !== null && provinces.has(unit.parentId))
    .sort((a, b) => a.code!.localeCompare(b.code!));
  const step = communes.length / Math.min(count, communes.length);
  return Array.from({ length: Math.min(count, communes.length) }, (_, i) => {
    const unit = communes[Math.floor(i * step)]!;
    const provinceName = provinces.get(unit.parentId!)!;
    return {
      unitId: unit.id,
      provinceId: unit.parentId!,
      site: {
        host: siteHost(i),
        communeName: unit.name,
        provinceName,
        bannerTarget: provincePortalColumn(provinceName),
      },
    };
  });
}

/**
 * The official list: ../shared/data beside the checkout, or two levels up from a git worktree
 * (/work/wt/<name>), where the workspace's shared folder is not a sibling.
 */
function nationalListFile(): string {
  const fromWorktree = path.resolve(
    PROJECT_ROOT,
    '..',
    '..',
    'shared',
    'data',
    path.basename(NATIONAL_LIST_FILE),
  );
  return fs.existsSync(NATIONAL_LIST_FILE) || !fs.existsSync(fromWorktree)
    ? NATIONAL_LIST_FILE
    : fromWorktree;
}

/** Classifier throughput over the labelled set (data/classifier), repeated for about a second. */
function benchClassifier(): MonitorBenchResult['classifier'] {
  const file = path.join(PROJECT_ROOT, 'data', 'classifier', 'labelled.jsonl');
  const items = parseLabelled(fs.readFileSync(file, 'utf8'), file);
  for (const item of items) classifyItem({ title: item.title, lead: item.lead ?? null }); // warm-up
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < 1000 || runs < 3) {
    for (const item of items) classifyItem({ title: item.title, lead: item.lead ?? null });
    runs += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const itemsPerSecond = (items.length * runs) / seconds;
  return { items: items.length, runs, itemsPerSecond, microsPerItem: 1e6 / itemsPerSecond };
}

export async function benchMonitor(
  database: { db: Db; raw: RawSql },
  sizes: MonitorSizes,
  log: (line: string) => void,
): Promise<MonitorBenchResult> {
  const { db, raw } = database;
  const setupStarted = performance.now();
  const today = todayVn(new Date());
  await importUnits({
    db,
    actor: { userId: null, label: 'bench' },
    fileName: path.basename(NATIONAL_LIST_FILE),
    content: fs.readFileSync(nationalListFile()),
    effectiveDate: REORG_DATE,
  });
  const plans = await planSites(db, sizes.sites);
  const setup: SiteServerSetup = { sites: plans.map((plan) => plan.site), today };
  const { server, unregister } = await SiteServer.start(setup);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-bench-monitor-'));
  const removeDataDir = onCleanup(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const plainAgent = new Agent({
    connect: { lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) },
  });
  try {
    const origin = (host: string) => `http://${host}:${server.port}`;
    // Channels, the provinces' banner targets and the queued checks, as the hourly schedule leaves them.
    const checks = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(channels)
        .values(
          plans.map((plan) => ({
            unitId: plan.unitId,
            kind: 'website_column' as const,
            platform: 'website' as const,
            name: 'Chuyên mục Chuyển đổi số',
            url: `${origin(plan.site.host)}${LISTING_PATH}`,
            startedOn: '2021-01-01',
          })),
        )
        .returning({ id: channels.id });
      const provinceTargets = new Map(plans.map((plan) => [plan.provinceId, plan.site.bannerTarget]));
      for (const [provinceId, bannerTargetUrl] of provinceTargets)
        await upsertMonitorSettings(tx, provinceId, { bannerTargetUrl });
      const rows: Array<{ banner: string; column: string }> = [];
      for (const [i, plan] of plans.entries()) {
        const base = {
          channelId: inserted[i]!.id,
          unitId: plan.unitId,
          trigger: 'schedule',
          queuedAt: new Date(),
        };
        const banner = await insertCheck(tx, { ...base, kind: 'banner', status: 'queued' });
        const column = await insertCheck(tx, { ...base, kind: 'column', status: 'queued' });
        rows.push({ banner: banner.id, column: column.id });
      }
      return rows;
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // The plain fetch goes first, so that its memory is not measured on top of the checks' heap.
    log(`monitor: plain fetch of the same pages at the same concurrency…`);
    const sitesPages = plans.map((plan) => pageUrlsOf(plan.site, origin, today));
    let plainPages = 0;
    let plainFailed = 0;
    const get = async (url: string) => {
      try {
        const response = await undiciFetch(url, { dispatcher: plainAgent });
        await response.text();
        if (response.status === 200) plainPages += 1;
        else plainFailed += 1;
      } catch {
        plainFailed += 1;
      }
    };
    const plainStartRss = process.memoryUsage().rss;
    const plainRss = sampleRss();
    const plainStarted = performance.now();
    await Promise.all([
      inSlots(sitesPages, sizes.concurrency, async ([homepage]) => get(homepage!)),
      inSlots(sitesPages, sizes.concurrency, async ([, ...column]) => {
        for (const url of column) await get(url);
      }),
    ]);
    const plainSeconds = (performance.now() - plainStarted) / 1000;
    const plainPeak = plainRss.stop();

    log(
      `monitor: full check of ${plans.length} sites, ${sizes.concurrency} column + ${sizes.concurrency} banner checks at a time…`,
    );
    const deps = benchDeps();
    const fileStore = createLocalFileStore(dataDir);
    const startRss = process.memoryUsage().rss;
    const servedBefore = await server.served();
    const monitorRss = sampleRss();
    const monitorStarted = performance.now();
    let done = 0;
    const progress = setInterval(() => log(`monitor: ${done} of ${plans.length * 2} checks done`), 30_000);
    try {
      // The worker runs the two queues side by side, each with its own job slots.
      await Promise.all([
        inSlots(checks, sizes.concurrency, async ({ banner }) => {
          await checkBanner({ db, fileStore, checkId: banner, deps });
          done += 1;
        }),
        inSlots(checks, sizes.concurrency, async ({ column }) => {
          await checkColumn({ db, fileStore, checkId: column, deps });
          done += 1;
        }),
      ]);
    } finally {
      clearInterval(progress);
    }
    const monitorSeconds = (performance.now() - monitorStarted) / 1000;
    const monitorPeak = monitorRss.stop();
    const requestsServed = (await server.served()) - servedBefore;

    const [outcome] = await raw.query<{
      succeeded: number;
      failed: number;
      pages: number;
      first_error: string | null;
    }>(
      `select count(*) filter (where status = 'succeeded')::int as succeeded,
        count(*) filter (where status <> 'succeeded')::int as failed,
        coalesce(sum(pages_fetched), 0)::int as pages,
        min(error_code || ': ' || error_message) as first_error
      from monitor_checks`,
    );
    const [rows] = await raw.query<MonitorBenchResult['monitor']['rows']>(
      `select (select count(*) from activities where provenance = 'monitor' and kind = 'post')::int as posts,
        (select count(*) from activities where provenance = 'monitor' and kind = 'banner')::int as banners,
        (select count(*) from activities where provenance = 'monitor' and kind = 'banner' and is_verified)::int as "verifiedBanners",
        (select count(*) from monitor_items)::int as items,
        (select count(*) from monitor_snapshots)::int as snapshots`,
    );
    const states = await raw.query<{ state: string; count: number }>(
      'select state, count(*)::int as count from monitor_items group by state order by state',
    );

    log('monitor: classifier throughput…');
    const classifier = benchClassifier();
    const monitorPages = outcome!.pages;
    return {
      sites: plans.length,
      concurrency: sizes.concurrency,
      monitor: {
        seconds: monitorSeconds,
        pages: monitorPages,
        pagesPerSecond: monitorPages / monitorSeconds,
        requestsServed,
        peakRssMiB: mib(monitorPeak),
        startRssMiB: mib(startRss),
        checks: { succeeded: outcome!.succeeded, failed: outcome!.failed, firstError: outcome!.first_error },
        rows: rows!,
        itemStates: Object.fromEntries(states.map((row) => [row.state, row.count])),
      },
      plain: {
        seconds: plainSeconds,
        pages: plainPages,
        pagesPerSecond: plainPages / plainSeconds,
        peakRssMiB: mib(plainPeak),
        startRssMiB: mib(plainStartRss),
        failed: plainFailed,
      },
      setupSeconds,
      classifier,
      expected: {
        pages: plans.length * PAGES_PER_SITE,
        posts: plans.length * 16,
        banners: plans.length,
        verifiedBanners: plans.filter((_, i) => i % 10 !== 9).length,
        items: plans.length * 20,
      },
    };
  } finally {
    await plainAgent.close().catch(() => undefined);
    await server.stop();
    unregister();
    fs.rmSync(dataDir, { recursive: true, force: true });
    removeDataDir();
  }
}
