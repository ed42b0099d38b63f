import http from 'node:http';
import { type LoadResult, runClosedLoop } from './closed-loop';

export type { LoadResult };

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
  try {
    return await runClosedLoop(async () => {
      const status = await getOnce(agent, url, job.headers);
      return status === 200 ? null : `HTTP ${status}`;
    }, job);
  } finally {
    agent.destroy();
  }
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
