import http from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { JobEngine } from '../jobs/engine';
import { bossSource, setQueueStatsSource } from './queue-gauges';
import { mayReadMetrics, prepareMetrics, renderMetrics } from './render';

/**
 * The metrics listener of its own (METRICS_PORT on METRICS_HOST), started by main.ts in every role:
 * a worker has no web port, and its counters (jobs, monitor checks, reminders, backups) live in its
 * memory. Plain node:http with one route, so it costs nothing on the request path of the web app.
 * Returns its stop function, or null when no port is set.
 */
export async function startMetricsServer(options: {
  config: Config;
  jobs: JobEngine;
  log: FastifyBaseLogger;
}): Promise<{ port: number; stop(): Promise<void> } | null> {
  const { config, jobs, log } = options;
  if (config.metrics.port === null) return null;
  prepareMetrics(config.metrics);
  setQueueStatsSource(bossSource(() => jobs.boss));
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (!mayReadMetrics(config.metrics, request.headers.authorization)) {
      response
        .writeHead(401, {
          'www-authenticate': 'Bearer realm="metrics"',
          'content-type': 'text/plain; charset=utf-8',
        })
        .end('Unauthorized\n');
      return;
    }
    renderMetrics().then(
      ({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
      },
      (error: unknown) => {
        log.error({ err: error }, 'metrics: could not render');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Error\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics.port ?? 0, config.metrics.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  log.info({ host: config.metrics.host, port }, 'metrics listening');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A Prometheus server keeps its connection open between scrapes.
        server.closeAllConnections();
      }),
  };
}
