import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, errors } from 'undici';

/**
 * The rush at a person's pace: each user waits a think time between answer and next request,
 * drawn from an exponential distribution with the given mean, as load-testing practice models
 * people reading what they asked for. Written here because autocannon paces a connection to whole
 * requests per second at best (connectionRate ≥ 1), and `overallRate` hands its budget to the first
 * connections; neither models 300 people who each click every few seconds. One keep-alive
 * connection per user (undici's Client), as a browser tab would hold.
 */

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedRun<State> {
  base: string;
  users: State[];
  seconds: number;
  meanThinkSeconds: number;
  random: () => number;
  /** The user's next request; called just before it is sent. */
  nextRequest(user: State): PacedRequest;
  onResponse(user: State, status: number, body: string, latencyMs: number): void;
}

export interface PacedOutcome {
  /** From the first request to the last answer. */
  elapsedSeconds: number;
  timeouts: number;
  connectionErrors: number;
  /** Requests offered in the window: what the users would have sent had every answer been instant. */
  offeredPerSecond: number;
}

const ANSWER_TIMEOUT_MS = 60_000;

export async function runPacedUsers<State>(run: PacedRun<State>): Promise<PacedOutcome> {
  const thinkMs = run.meanThinkSeconds * 1000;
  // Capped at five means, so that one unlucky draw does not idle a user for most of the run.
  const think = () => Math.min(5 * thinkMs, -thinkMs * Math.log(1 - run.random()));
  const started = performance.now();
  const deadline = started + run.seconds * 1000;
  let timeouts = 0;
  let connectionErrors = 0;

  const clients: Client[] = [];
  const oneUser = async (user: State) => {
    const client = new Client(run.base, {
      pipelining: 1,
      keepAliveTimeout: ANSWER_TIMEOUT_MS,
      headersTimeout: ANSWER_TIMEOUT_MS,
      bodyTimeout: ANSWER_TIMEOUT_MS,
    });
    clients.push(client);
    // The users arrive spread over one think time, not all in the same millisecond.
    await sleep(run.random() * thinkMs);
    while (performance.now() < deadline) {
      const request = run.nextRequest(user);
      const sentAt = performance.now();
      try {
        const response = await client.request({
          method: request.method,
          path: request.path,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        const body = await response.body.text();
        run.onResponse(user, response.statusCode, body, performance.now() - sentAt);
      } catch (error) {
        if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError)
          timeouts++;
        else connectionErrors++;
      }
      const pause = think();
      if (performance.now() + pause >= deadline) break;
      await sleep(pause);
    }
  };

  try {
    await Promise.all(run.users.map(oneUser));
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
  }
  return {
    elapsedSeconds: (performance.now() - started) / 1000,
    timeouts,
    connectionErrors,
    offeredPerSecond: run.users.length / run.meanThinkSeconds,
  };
}
