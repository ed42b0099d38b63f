import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { JobEngine } from '../jobs/engine';
import { bossSource, setQueueStatsSource } from './queue-gauges';
import { httpDuration, httpRequests } from './registry';
import { mayReadMetrics, prepareMetrics, renderMetrics } from './render';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route label: the route's pattern (`/api/units/:unitId`), never the URL, so one series per
 * route whatever the ids. Files of the web UI (one route each, renamed by every release) are one
 * label, and so is everything no route matched (scanners try thousands of paths).
 */
export function routeLabel(
  request: Pick<FastifyRequest, 'is404'> & { routeOptions: { url?: string } },
  statusCode: number,
): string {
  const pattern = request.routeOptions.url;
  // The web UI's client-side routes (/units/42) are answered with index.html by the not-found handler.
  if (!pattern || request.is404) return statusCode < 400 ? 'static' : 'unmatched';
  if (pattern.startsWith('/api/') || pattern.startsWith('/public/') || pattern === '/metrics') return pattern;
  return 'static';
}

/**
 * Operations hooks on the web app: the request id echoed as `X-Request-Id`, the signed-in user's id
 * on the request's "request completed" log line, HTTP metrics per route pattern and status class,
 * and `/metrics` on the main port when METRICS_TOKEN is set (docs/operations.md).
 */
export function registerOperations(app: FastifyInstance, deps: { config: Config; jobs: JobEngine }) {
  const { config, jobs } = deps;
  const isOn = prepareMetrics(config.metrics);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.addHook('onResponse', async (request, reply) => {
    // onResponse hooks run before Fastify writes "request completed" with reply.log: the user's id joins it.
    if (request.principal) reply.log = reply.log.child({ userId: request.principal.userId });
    if (!isOn) return;
    const labels = {
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      route: routeLabel(request, reply.statusCode),
      status_class: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  if (!isOn) return;
  setQueueStatsSource(bossSource(() => jobs.boss));
  if (config.metrics.token === null) return;
  app.get('/metrics', { config: { isPublic: true }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(config.metrics, request.headers.authorization)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ code: 'UNAUTHENTICATED', message: 'Cần mã truy cập số liệu (METRICS_TOKEN).', details: [] });
    }
    const { contentType, body } = await renderMetrics();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
