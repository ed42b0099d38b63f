import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * How many report and schedule documents (DOCX, XLSX) and evidence ZIPs one process builds at once.
 * A build reads a period's records and fills the CPU for a few seconds; a ZIP streams files for as
 * long as the download lasts. Without a bound, a round of end-of-month downloads would take the whole
 * server (and, on the embedded database, the only connection) from people entering records.
 *
 * A limiter and not a job, unlike large imports: the person is waiting for the file in the browser,
 * the build is seconds, and a job would only add a poll and a second download of a file kept somewhere.
 * Builds past the limit wait in a short first-come queue; past the queue the answer is 503 with
 * Retry-After, at once, instead of a request that hangs. Per process: several web processes on one
 * PostgreSQL each build their own few.
 */
export class BuildSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limits: { concurrency: number; queue: number },
    private readonly retryAfterSeconds = 30,
  ) {}

  /** Builds running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Takes a slot, waiting in line for one when all are busy; the returned function gives it back
   * (safe to call more than once). A signal that aborts while waiting (the client went away) leaves
   * the line without taking a slot.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.queue)
      throw new AppError(
        'BUSY',
        'Hệ thống đang tạo nhiều báo cáo và gói minh chứng cùng lúc. Vui lòng thử lại sau ít phút.',
        [],
        { retryAfterSeconds: this.retryAfterSeconds },
      );
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.waiting.indexOf(wake);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(new AppError('BUSY', 'Yêu cầu đã bị huỷ khi đang chờ.'));
      };
      if (signal?.aborted) return leave();
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(wake);
    });
    // The slot was handed over by the release that woke this waiter: `running` already counts it.
    return this.releaser();
  }

  /** Runs a build that is over when its promise settles (a DOCX or XLSX built in memory). */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a new arrival cannot take it first.
      if (next) next();
      else this.running--;
    };
  }
}

/** Aborts when the request's connection closes before the answer was sent (the person gave up). */
export function requestGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // The response's close, not the request's: a request "closes" once its body is read.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The build limiter of this server (one per app, so that test apps do not share it). */
    buildSlots: BuildSlots;
  }
}

export function registerBuildSlots(app: FastifyInstance, config: Config) {
  app.decorate(
    'buildSlots',
    new BuildSlots({ concurrency: config.buildConcurrency, queue: config.buildQueue }),
  );
}
