import { createHash, timingSafeEqual } from 'node:crypto';
import type { MetricsConfig } from '../config';
import { refreshQueueGauges } from './queue-gauges';
import { enableProcessMetrics, registry } from './registry';

/** Metrics are collected and served when a token or a port of their own is set; otherwise not at all. */
export const isMetricsEnabled = (metrics: MetricsConfig) => metrics.token !== null || metrics.port !== null;

/** Starts the process metrics if metrics are on; returns whether they are. */
export function prepareMetrics(metrics: MetricsConfig): boolean {
  if (!isMetricsEnabled(metrics)) return false;
  enableProcessMetrics();
  return true;
}

/** The Prometheus text exposition of every metric, the queue gauges read fresh (or from their cache). */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  await refreshQueueGauges();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether an Authorization header carries the metrics token. Compared as hashes in constant time,
 * so neither the token's length nor its first wrong character shows in the answer's timing.
 */
export function bearsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * Who may read /metrics: on the main port only a request bearing METRICS_TOKEN (the route does not
 * exist without one); on the metrics port anyone who can reach its address (METRICS_HOST, loopback
 * or private unless a token is set), and the token too when one is set.
 */
export function mayReadMetrics(metrics: MetricsConfig, authorization: string | undefined): boolean {
  return metrics.token === null || bearsToken(authorization, metrics.token);
}
