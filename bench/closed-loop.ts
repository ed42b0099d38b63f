import { performance } from 'node:perf_hooks';

export interface LoadResult {
  completed: number;
  /** Responses other than 200, and connection errors. */
  failed: number;
  firstFailure: string | null;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/**
 * Keeps `concurrency` callers busy until `requests` are sent or `maxSeconds` have passed, each sending
 * its next as soon as the last is answered. `send` answers a failure's description, or null.
 */
export async function runClosedLoop(
  send: () => Promise<string | null>,
  job: { concurrency: number; requests: number; maxSeconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const start = performance.now();
  const deadline = start + job.maxSeconds * 1000;
  const caller = async () => {
    while (issued < job.requests && performance.now() < deadline) {
      issued++;
      const sent = performance.now();
      const failure = await send().catch((error: Error) => error.message);
      if (failure !== null) {
        failed++;
        firstFailure ??= failure;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, caller));
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    failed,
    firstFailure,
    elapsedMs,
    requestsPerSecond: (latencies.length / elapsedMs) * 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}
