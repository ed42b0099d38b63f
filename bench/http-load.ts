import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The load generator, run as a child process (bench/http-bench.ts forks it) so that it does not
 * share an event loop with the server it measures. It takes one job at a time over IPC: keep
 * `concurrency` keep-alive connections busy until `requests` are done or `maxSeconds` have passed.
 */

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  requests: number;
  maxSeconds: number;
}

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

function getOnce(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.url);
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const start = performance.now();
  const deadline = start + job.maxSeconds * 1000;
  const connection = async () => {
    while (issued < job.requests && performance.now() < deadline) {
      issued++;
      const sent = performance.now();
      try {
        const status = await getOnce(agent, url, job.headers);
        if (status !== 200) {
          failed++;
          firstFailure ??= `HTTP ${status}`;
        }
      } catch (error) {
        failed++;
        firstFailure ??= (error as Error).message;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, connection));
  const elapsedMs = performance.now() - start;
  agent.destroy();
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

if (process.send) {
  process.on('message', (job: LoadJob | 'stop') => {
    if (job === 'stop') process.exit(0);
    runLoad(job).then(
      (result) => process.send!(result),
      (error: Error) => process.send!({ error: error.message }),
    );
  });
  // The parent went away (crash, Ctrl-C): never linger.
  process.on('disconnect', () => process.exit(0));
}
