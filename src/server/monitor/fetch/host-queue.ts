/**
 * Politeness inside one process: requests to one host name run one at a time, and each starts at
 * least the host's delay after the previous one ended. Different hosts run in parallel. (Across
 * worker processes the job layer keeps one job per host with pg-boss singleton keys.)
 *
 * The delay after a request is set by that request (`spaceNextBy`), because it is only known once the
 * host's robots.txt has been read (Crawl-delay).
 */

export interface HostSlot {
  /** How long the next request to this host must wait after this one ends. */
  spaceNextBy(ms: number): void;
}

interface HostState {
  /** Resolves when the request ahead of the last one queued has finished. */
  tail: Promise<void>;
  /** Clock value before which the next request must not start. */
  nextAt: number;
  /** Requests running or waiting. */
  queued: number;
}

/** Above this many idle hosts remembered, those whose delay has passed are forgotten. */
const SWEEP_ABOVE = 512;

export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly defaultDelayMs: number,
  ) {}

  async run<T>(host: string, task: (slot: HostSlot) => Promise<T>): Promise<T> {
    if (this.hosts.size > SWEEP_ABOVE) this.sweep();
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), nextAt: Number.NEGATIVE_INFINITY, queued: 0 };
      this.hosts.set(host, state);
    }
    const ahead = state.tail;
    let release!: () => void;
    state.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    state.queued += 1;
    let delayAfter = this.defaultDelayMs;
    try {
      await ahead;
      const wait = state.nextAt - this.now();
      if (wait > 0) await this.sleep(wait);
      return await task({
        spaceNextBy: (ms) => {
          delayAfter = ms;
        },
      });
    } finally {
      state.nextAt = this.now() + delayAfter;
      state.queued -= 1;
      release();
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [host, state] of this.hosts) {
      if (state.queued === 0 && state.nextAt <= now) this.hosts.delete(host);
    }
  }
}
