import robotsParser from 'robots-parser';
import type { FetchFailure } from '../contract';

/**
 * robots.txt per origin, read once and kept for a while (RFC 9309). What each answer means:
 *   2xx              the rules (the first ROBOTS_MAX_BYTES only, as RFC 9309 §2.5 allows)
 *   4xx, too many    "unavailable": everything allowed (§2.3.1.3)
 *   redirects
 *   5xx, 429,        "unreachable": everything disallowed (§2.3.1.4), kept only ROBOTS_ERROR_TTL_MS so
 *   time-out,        a portal that was down for a moment is tried again soon; if this fetcher read the
 *   network          rules before, that older copy is used instead (the RFC allows a cached copy).
 * Unreachable is the careful choice (Google does the same): a server that fails on robots.txt is
 * struggling, and a government site's owner who forbade crawling must not be crawled because their
 * server hiccupped. The fetch then fails with the cause's code (timeout, http_error…), not
 * 'robots_disallowed', so that the job retries instead of recording "the site forbids us".
 */

export const ROBOTS_MAX_BYTES = 512 * 1024;
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
export const ROBOTS_ERROR_TTL_MS = 10 * 60 * 1000;
/** RFC 9309 §2.3.1.2: follow at least five redirects for robots.txt. */
export const ROBOTS_MAX_REDIRECTS = 5;

export type RobotsRules =
  | {
      kind: 'rules';
      robot: ReturnType<typeof robotsParser>;
      /** The file as read (its first ROBOTS_MAX_BYTES), for findSources' Sitemap lines. */
      text: string;
    }
  | { kind: 'allow-all' };

export type RobotsAnswer = RobotsRules | { kind: 'unreachable'; failure: FetchFailure };

interface Entry {
  answer: Promise<RobotsAnswer>;
  expiresAt: number;
  lastGood: RobotsRules | null;
}

/** Above this many origins remembered, expired ones are dropped. */
const SWEEP_ABOVE = 1000;

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** The rules for an origin, loading them with `load` when not cached (one load at a time per origin). */
  async answerFor(origin: string, load: () => Promise<RobotsAnswer>): Promise<RobotsAnswer> {
    const cached = this.entries.get(origin);
    if (cached && this.now() < cached.expiresAt) return this.withFallback(await cached.answer, cached);
    if (this.entries.size > SWEEP_ABOVE) this.sweep();
    const entry: Entry = {
      answer: load(),
      expiresAt: Number.POSITIVE_INFINITY, // while loading, later callers wait for this load
      lastGood: cached?.lastGood ?? null,
    };
    this.entries.set(origin, entry);
    let answer: RobotsAnswer;
    try {
      answer = await entry.answer;
    } catch (error) {
      this.entries.delete(origin); // a loader bug must not leave the origin "loading" for ever
      throw error;
    }
    entry.expiresAt = this.now() + (answer.kind === 'unreachable' ? ROBOTS_ERROR_TTL_MS : ROBOTS_TTL_MS);
    if (answer.kind !== 'unreachable') entry.lastGood = answer;
    return this.withFallback(answer, entry);
  }

  /** The answer for an origin when it is cached and fresh (or being read), without reading it. */
  cachedAnswer(origin: string): Promise<RobotsAnswer> | null {
    const cached = this.entries.get(origin);
    if (!cached || this.now() >= cached.expiresAt) return null;
    return cached.answer.then((answer) => this.withFallback(answer, cached));
  }

  private withFallback(answer: RobotsAnswer, entry: Entry): RobotsAnswer {
    return answer.kind === 'unreachable' && entry.lastGood ? entry.lastGood : answer;
  }

  private sweep(): void {
    const now = this.now();
    for (const [origin, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(origin);
  }
}

export function parseRobots(robotsUrl: string, text: string): RobotsRules {
  return { kind: 'rules', robot: robotsParser(robotsUrl, text), text };
}

export function isAllowedByRobots(rules: RobotsRules, url: string, userAgent: string): boolean {
  if (rules.kind === 'allow-all') return true;
  // undefined means "another origin's file"; the caller always asks the URL's own origin.
  return rules.robot.isAllowed(url, userAgent) !== false;
}

/** Crawl-delay for our user agent (or '*'), in milliseconds, or null when none is given. */
export function crawlDelayMs(rules: RobotsRules, userAgent: string): number | null {
  if (rules.kind === 'allow-all') return null;
  const seconds = rules.robot.getCrawlDelay(userAgent);
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
