import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../src/server/config';
import { countEmailDelivery, countRemindersWritten, observeMonitorCheck } from '../src/server/metrics/hooks';
import { routeLabel } from '../src/server/metrics/plugin';
import { refreshQueueGauges, STATS_TTL_MS, setQueueStatsSource } from '../src/server/metrics/queue-gauges';
import { registry } from '../src/server/metrics/registry';
import { startMetricsServer } from '../src/server/metrics/server';
import { createAppOn, createTestApp, type TestContext } from './support/app';
import { silentLog } from './support/jobs';

const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one series in the exposition text, or 0 when it is absent. */
function seriesValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

// The registry is the process's own: test files that ran earlier in the same worker (the unit tiers
// do not isolate files) counted into it. Each test counts from zero.
beforeEach(() => registry.resetMetrics());

describe('/metrics on the main port', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ metrics: { token: TOKEN, port: null, host: '127.0.0.1' } });
  });
  afterAll(() => ctx.close());

  const scrape = () =>
    ctx.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

  it('refuses a request without the token or with another one', async () => {
    const none = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body).not.toContain('loaso_');
    const wrong = await ctx.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const basic = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: TOKEN } });
    expect(basic.statusCode).toBe(401);
  });

  it('counts requests by route pattern and status class, never by raw URL', async () => {
    const id = randomUUID();
    const before = (await scrape()).body;
    const series = 'loaso_http_requests_total{method="GET",route="/api/units/:unitId",status_class="4xx"}';
    for (let i = 0; i < 3; i++) await ctx.app.inject({ method: 'GET', url: `/api/units/${id}` });
    await ctx.app.inject({ method: 'GET', url: `/api/no-such-route/${id}` });
    await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    expect(seriesValue(text, series) - seriesValue(before, series)).toBe(3);
    expect(text).toContain('route="unmatched",status_class="4xx"');
    expect(text).toContain('loaso_http_requests_total{method="GET",route="/api/health",status_class="2xx"}');
    expect(text).toContain(
      'loaso_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health",status_class="2xx"}',
    );
    expect(text).not.toContain(id);
  });

  it('gives the queue depths from pg-boss and the process metrics', async () => {
    const text = (await scrape()).body;
    expect(text).toContain('loaso_job_queue_jobs{queue="notifications.deliver-email",state="queued"} 0');
    expect(text).toContain('loaso_job_queue_jobs{queue="notifications.deliver-email.dead",state="queued"} 0');
    expect(text).toContain('loaso_job_queue_jobs{queue="backups.scheduled",state="failed"} 0');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('names the request in X-Request-Id', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Taken from the client only behind a trusted proxy.
    const given = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc123' },
    });
    expect(given.headers['x-request-id']).not.toBe('abc123');
  });

  it('is absent without a token (the default)', async () => {
    const app = await createAppOn(ctx.database);
    try {
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('loaso_');
    } finally {
      await app.close();
    }
  });
});

describe('the metrics listener of its own (METRICS_PORT)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  async function withServer(token: string | null, run: (base: string) => Promise<void>) {
    const config = testConfig({ metrics: { token, port: 0, host: '127.0.0.1' } });
    const jobs = { boss: null } as unknown as Parameters<typeof startMetricsServer>[0]['jobs'];
    const server = await startMetricsServer({ config, jobs, log: silentLog });
    try {
      await run(`http://127.0.0.1:${server!.port}`);
    } finally {
      await server!.stop();
      setQueueStatsSource(null);
    }
  }

  it('serves /metrics only, on its loopback address', async () => {
    await withServer(null, async (base) => {
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('# TYPE loaso_jobs_total counter');
      expect((await fetch(`${base}/api/health`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    });
  });

  it('asks for the token too when one is set', async () => {
    await withServer(TOKEN, async (base) => {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
    });
  });

  it('is not started without a port', async () => {
    const server = await startMetricsServer({
      config: testConfig(),
      jobs: { boss: null } as unknown as Parameters<typeof startMetricsServer>[0]['jobs'],
      log: silentLog,
    });
    expect(server).toBeNull();
  });
});

describe('routeLabel', () => {
  const request = (url: string | undefined, is404 = false) => ({ is404, routeOptions: { url } });
  it('keeps API and public patterns, and folds files, client-side routes and unknown paths', () => {
    expect(routeLabel(request('/api/units/:unitId'), 200)).toBe('/api/units/:unitId');
    expect(routeLabel(request('/public/:code'), 404)).toBe('/public/:code');
    expect(routeLabel(request('/assets/index-3f2a.js'), 200)).toBe('static');
    expect(routeLabel(request(undefined, true), 200)).toBe('static');
    expect(routeLabel(request(undefined, true), 404)).toBe('unmatched');
    expect(routeLabel(request('/api/x', true), 404)).toBe('unmatched');
  });
});

describe('metrics settings', () => {
  it('are off by default', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, port: null, host: '127.0.0.1' });
  });

  it('refuse a short token and a public address without a token', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_HOST/);
    expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '203.0.113.5' })).toThrow(/METRICS_HOST/);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.7' }).metrics.port).toBe(9464);
    expect(
      loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }).metrics,
    ).toEqual({
      token: TOKEN,
      port: 9464,
      host: '0.0.0.0',
    });
  });
});

describe('domain hooks', () => {
  const text = () => registry.metrics();

  it('count monitor checks by outcome and the items they found', async () => {
    const check = { kind: 'column', status: 'succeeded', itemsFound: 12, itemsNew: 3, bannerFound: null };
    expect(observeMonitorCheck(check)).toBe(check);
    observeMonitorCheck({
      kind: 'banner',
      status: 'succeeded',
      itemsFound: 0,
      itemsNew: 0,
      bannerFound: false,
    });
    observeMonitorCheck({ kind: 'banner', status: 'failed', itemsFound: 0, itemsNew: 0, bannerFound: null });
    const out = await text();
    expect(seriesValue(out, 'loaso_monitor_checks_total{kind="column",outcome="succeeded"}')).toBe(1);
    expect(seriesValue(out, 'loaso_monitor_checks_total{kind="banner",outcome="banner_missing"}')).toBe(1);
    expect(seriesValue(out, 'loaso_monitor_checks_total{kind="banner",outcome="failed"}')).toBe(1);
    expect(seriesValue(out, 'loaso_monitor_items_found_total{kind="column"}')).toBe(12);
    expect(seriesValue(out, 'loaso_monitor_items_new_total{kind="column"}')).toBe(3);
  });

  it('count the reminder rows written, not those already stored', async () => {
    const offered = [
      { kind: 'reminder.due_soon', recipientId: 'u1', unitId: 'a', channel: 'in_app' },
      { kind: 'reminder.due_soon', recipientId: 'u1', unitId: 'a', channel: 'email' },
      { kind: 'reminder.overdue_summary', recipientId: 'u2', unitId: 'p', channel: 'in_app' },
      { kind: 'reminder.overdue_summary', recipientId: 'u2', unitId: 'p', channel: 'email' },
    ];
    countRemindersWritten(offered, [
      { recipientId: 'u1', unitId: 'a', channel: 'in_app' },
      { recipientId: 'u1', unitId: 'a', channel: 'email' },
      { recipientId: 'u2', unitId: 'p', channel: 'email' },
    ]);
    countEmailDelivery('sent');
    countEmailDelivery('sent');
    countEmailDelivery('failed');
    const out = await text();
    expect(seriesValue(out, 'loaso_reminders_sent_total{kind="reminder.due_soon",channel="in_app"}')).toBe(1);
    expect(seriesValue(out, 'loaso_reminders_sent_total{kind="reminder.due_soon",channel="email"}')).toBe(1);
    expect(
      seriesValue(out, 'loaso_reminders_sent_total{kind="reminder.overdue_summary",channel="email"}'),
    ).toBe(1);
    expect(
      seriesValue(out, 'loaso_reminders_sent_total{kind="reminder.overdue_summary",channel="in_app"}'),
    ).toBe(0);
    expect(seriesValue(out, 'loaso_notification_emails_total{outcome="sent"}')).toBe(2);
    expect(seriesValue(out, 'loaso_notification_emails_total{outcome="failed"}')).toBe(1);
  });
});

describe('queue gauges', () => {
  afterAll(() => setQueueStatsSource(null));

  it('read pg-boss once per interval however often they are scraped', async () => {
    let reads = 0;
    const row = (name: string, queuedCount: number, failedCount: number) =>
      ({
        name,
        queuedCount,
        readyCount: queuedCount,
        deferredCount: 0,
        activeCount: 1,
        failedCount,
      }) as never;
    setQueueStatsSource({
      async read() {
        reads++;
        return [row('reminders.deadlines', 40 + reads, 2), row('reminders.deadlines.dead', 5, 0)];
      },
    });
    const t0 = 1_000_000;
    await Promise.all([refreshQueueGauges(t0), refreshQueueGauges(t0)]);
    await refreshQueueGauges(t0 + STATS_TTL_MS - 1);
    expect(reads).toBe(1);
    let out = await registry.getSingleMetricAsString('loaso_job_queue_jobs');
    expect(out).toContain('loaso_job_queue_jobs{queue="reminders.deadlines",state="queued"} 41');
    expect(out).toContain('loaso_job_queue_jobs{queue="reminders.deadlines",state="failed"} 2');
    expect(out).toContain('loaso_job_queue_jobs{queue="reminders.deadlines.dead",state="queued"} 5');
    await refreshQueueGauges(t0 + STATS_TTL_MS);
    expect(reads).toBe(2);
    out = await registry.getSingleMetricAsString('loaso_job_queue_jobs');
    expect(out).toContain('loaso_job_queue_jobs{queue="reminders.deadlines",state="queued"} 42');
  });

  it('answer without queue figures when the database does not', async () => {
    setQueueStatsSource({
      read: () => Promise.reject(new Error('connection refused')),
    });
    await refreshQueueGauges(5_000_000);
    expect(await registry.getSingleMetricAsString('loaso_job_queue_jobs')).not.toContain('queue=');
  });
});
