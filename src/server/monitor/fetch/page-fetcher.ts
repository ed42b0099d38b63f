import { setTimeout as delay } from 'node:timers/promises';
import { type FetchedPage, FetchFailure, type FetchPolicy, type PageFetcher } from '../contract';
import { ACCEPT_HEADER, ACCEPT_WORDS, type Accept, isAcceptedType, isTextualType } from './accept';
import {
  type CheckedTarget,
  checkUrlShape,
  normaliseHost,
  type ResolveHost,
  resolveAndCheck,
  systemResolveHost,
} from './address-guard';
import { decodeText, parseContentType } from './charset';
import { type BodyPlan, exchange, type FetchDeadline, timeLeft } from './exchange';
import { HostQueue, type HostSlot } from './host-queue';
import { FetchDeadlineFailure, failures } from './messages';
import { openPinnedClient, type PinnedClient } from './pinned-client';
import type { MonitorFetchPolicy } from './policy';
import {
  crawlDelayMs,
  isAllowedByRobots,
  parseRobots,
  ROBOTS_MAX_BYTES,
  ROBOTS_MAX_REDIRECTS,
  type RobotsAnswer,
  RobotsCache,
  type RobotsRules,
} from './robots';

/** What the fetcher needs from the world, replaceable in tests (a fake DNS, a fake clock). */
export interface PageFetcherDeps {
  /** All addresses of a host name; dns.lookup by default. Called once per hop. */
  lookup?: ResolveHost;
  /** Milliseconds, for fetchedAt, the robots.txt cache and the per-host delay. */
  now?: () => number;
  /** The politeness pause between two requests to one host. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A monotonic clock in milliseconds for the whole-fetch deadline (performance.now by default). Not
   * `now`: tests fake `now` to skip the politeness pauses, while the deadline is real time on the wire.
   */
  monotonic?: () => number;
  /**
   * PEM certificates to trust besides Node's roots: a test CA, or the intermediate certificate that a
   * portal forgets to send (browsers fetch it themselves, Node does not). Verification is never turned off.
   */
  extraCa?: readonly string[];
}

/** A FetchedPage and how its text was decoded (the contract's fields, plus these two). */
export interface MonitorFetchedPage extends FetchedPage {
  /** The WHATWG encoding name used for `text`, or 'none' when the body is not text (then `text` is ''). */
  charset: string;
  /** Set when the declared charset was unknown and UTF-8 was used instead (in Vietnamese). */
  charsetNote: string | null;
}

/**
 * 'http_error' with the error page itself (a 404 or 410 page, up to ERROR_PAGE_MAX_BYTES), so that a
 * caller can keep it as evidence that a post was taken down, or spot a "soft" error page. `page` is
 * null when the error page was larger, broken or too slow.
 */
export class FetchHttpFailure extends FetchFailure {
  constructor(
    failure: FetchFailure,
    readonly page: MonitorFetchedPage | null,
  ) {
    super('http_error', failure.message, failure.status);
    this.name = 'FetchHttpFailure';
  }
}

export const ERROR_PAGE_MAX_BYTES = 256 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type HopResult = { kind: 'page'; page: MonitorFetchedPage } | { kind: 'redirect'; location: string };

/**
 * One polite, SSRF-guarded GET per call. Each hop (the first URL, then every redirect target) is
 * checked on its own: URL shape, one DNS lookup whose every address must be public (or allowed), the
 * host's robots.txt, the host's turn and delay; then the request goes to the checked address only.
 */
/** PageFetcher whose pages also say how their text was decoded. */
export interface MonitorPageFetcher extends PageFetcher {
  fetch(url: string, options?: { accept?: Accept }): Promise<MonitorFetchedPage>;
  /**
   * The robots.txt that governs the address's origin, as read (null when the site has none), from
   * this fetcher's cache or read politely like a fetch; for findSources' `Sitemap:` lines. Throws the
   * FetchFailure a fetch of that origin would (robots.txt unreachable, private address…).
   */
  robotsTxt(url: string): Promise<string | null>;
}

/** Twice the per-request limit when a policy does not say (one robots.txt and one page, both slow). */
const totalTimeoutOf = (policy: FetchPolicy & Partial<MonitorFetchPolicy>) =>
  policy.totalTimeoutMs ?? 2 * policy.timeoutMs;

export function createPageFetcher(
  policy: FetchPolicy & Partial<MonitorFetchPolicy>,
  deps: PageFetcherDeps = {},
): MonitorPageFetcher {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => delay(ms));
  const monotonic = deps.monotonic ?? (() => performance.now());
  const totalTimeoutMs = totalTimeoutOf(policy);
  const resolveHost = deps.lookup ?? systemResolveHost;
  /** The address guard for one hop: DNS gets the request's limit, or what is left of the fetch's. */
  const guardWithin = (deadline: FetchDeadline) => ({
    allowHosts: policy.allowHosts,
    resolveHost,
    timeoutMs: Math.min(policy.timeoutMs, timeLeft(deadline)),
  });
  const clientOptions = { timeoutMs: policy.timeoutMs, extraCa: deps.extraCa ?? [] };
  const queue = new HostQueue(now, sleep, policy.defaultDelayMs);
  const robotsCache = new RobotsCache(now);

  /**
   * The time spent on the wire by one fetch, hop after hop: each hop gets what the previous ones left
   * of totalTimeoutMs. Counted from the moment the host's turn comes, so the politeness pauses (and
   * waiting behind other requests to the host) never count against the site.
   */
  function startBudget(url: string) {
    let spentMs = 0;
    return {
      async spend<T>(work: (deadline: FetchDeadline) => Promise<T>): Promise<T> {
        const startedAt = monotonic();
        const deadline = { at: startedAt + totalTimeoutMs - spentMs, clock: monotonic, totalTimeoutMs, url };
        try {
          timeLeft(deadline);
          return await work(deadline);
        } finally {
          spentMs += monotonic() - startedAt;
        }
      },
    };
  }

  async function fetchPage(input: string, accept: Accept): Promise<MonitorFetchedPage> {
    const first = checkUrlShape(input);
    if (first instanceof FetchFailure) throw first;
    const budget = startBudget(first.href);
    let current = first;
    for (let redirects = 0; ; redirects += 1) {
      const hopUrl = current;
      const hop = await queue.run(normaliseHost(hopUrl.hostname), (slot) =>
        budget.spend((deadline) => fetchHop(first, hopUrl, accept, slot, deadline)),
      );
      if (hop.kind === 'page') return hop.page;
      if (redirects >= policy.maxRedirects) throw failures.tooManyRedirects(first.href, policy.maxRedirects);
      const next = checkUrlShape(hop.location, hopUrl);
      if (next instanceof FetchFailure) throw next;
      current = next;
    }
  }

  async function fetchHop(
    first: URL,
    url: URL,
    accept: Accept,
    slot: HostSlot,
    deadline: FetchDeadline,
  ): Promise<HopResult> {
    return withRules(url, slot, deadline, async (target, pinned, rules) => {
      if (!isAllowedByRobots(rules, url.href, policy.userAgent))
        throw failures.robotsDisallowed(url.href, target.hostname);
      return requestPage(pinned, first, url, accept, deadline);
    });
  }

  /** One hop up to its robots.txt: checked address, pinned client, the rules and the host's spacing. */
  async function withRules<T>(
    url: URL,
    slot: HostSlot,
    deadline: FetchDeadline,
    work: (target: CheckedTarget, pinned: PinnedClient, rules: RobotsRules) => Promise<T>,
  ): Promise<T> {
    slot.spaceNextBy(0); // refused before any request: the host was not bothered, the next may go at once
    const target = await resolveAndCheck(url, guardWithin(deadline));
    if (target instanceof FetchFailure) throw target;
    slot.spaceNextBy(policy.defaultDelayMs);
    const pinned = openPinnedClient(target, clientOptions);
    try {
      const rules = await robotsFor(target, pinned, url, deadline);
      slot.spaceNextBy(delayFor(rules));
      return await work(target, pinned, rules);
    } finally {
      await pinned.close();
    }
  }

  async function robotsTxtOf(input: string): Promise<string | null> {
    const url = checkUrlShape(input);
    if (url instanceof FetchFailure) throw url;
    const cached = robotsCache.cachedAnswer(url.origin);
    const answer = cached
      ? await cached
      : await queue.run(normaliseHost(url.hostname), (slot) =>
          startBudget(url.href).spend((deadline) =>
            withRules(url, slot, deadline, async (_target, _pinned, rules) => rules),
          ),
        );
    if (answer.kind === 'unreachable')
      throw failures.robotsUnreachable(url.href, normaliseHost(url.hostname), answer.failure);
    return answer.kind === 'rules' ? answer.text : null;
  }

  /** Crawl-delay if the site asks for more than our default, never more than maxDelayMs. */
  function delayFor(rules: RobotsRules): number {
    const asked = crawlDelayMs(rules, policy.userAgent) ?? 0;
    return Math.min(policy.maxDelayMs, Math.max(policy.defaultDelayMs, asked));
  }

  async function robotsFor(
    target: CheckedTarget,
    pinned: PinnedClient,
    pageUrl: URL,
    deadline: FetchDeadline,
  ): Promise<RobotsRules> {
    const answer = await robotsCache.answerFor(target.url.origin, () => loadRobots(target, pinned, deadline));
    if (answer.kind === 'unreachable') {
      throw failures.robotsUnreachable(pageUrl.href, target.hostname, answer.failure);
    }
    return answer;
  }

  /** Reads /robots.txt on the pinned client; redirects to other origins get their own check and client. */
  async function loadRobots(
    target: CheckedTarget,
    pinned: PinnedClient,
    deadline: FetchDeadline,
  ): Promise<RobotsAnswer> {
    const robotsUrl = new URL('/robots.txt', target.url.origin);
    let url = robotsUrl;
    let client = pinned;
    const opened: PinnedClient[] = [];
    try {
      for (let redirects = 0; redirects <= ROBOTS_MAX_REDIRECTS; redirects += 1) {
        const result = await exchange(client, url, {
          userAgent: policy.userAgent,
          accept: 'text/plain,*/*;q=0.1',
          timeoutMs: policy.timeoutMs,
          deadline,
          now,
          // Only a 2xx body matters; the size cap truncates (RFC 9309 §2.5) rather than fails.
          decide: (status): BodyPlan =>
            status >= 200 && status < 300
              ? { read: true, limit: ROBOTS_MAX_BYTES, onLimit: 'truncate' }
              : { read: false },
        });
        if (result.status >= 200 && result.status < 300) {
          const text = new TextDecoder('utf-8').decode(result.body ?? new Uint8Array());
          return parseRobots(robotsUrl.href, text);
        }
        const location = result.headers.location;
        if (REDIRECT_STATUSES.has(result.status) && location) {
          const next = checkUrlShape(location, url);
          if (next instanceof FetchFailure) return { kind: 'allow-all' }; // RFC 9309: treat as unavailable
          if (next.origin !== client.origin) {
            const nextTarget = await resolveAndCheck(next, guardWithin(deadline));
            if (nextTarget instanceof FetchFailure) return { kind: 'unreachable', failure: nextTarget };
            client = openPinnedClient(nextTarget, clientOptions);
            opened.push(client);
          }
          url = next;
          continue;
        }
        if (result.status >= 500 || result.status === 429) {
          return { kind: 'unreachable', failure: failures.httpError(url.href, result.status) };
        }
        return { kind: 'allow-all' }; // other 4xx and odd statuses: "unavailable", RFC 9309 §2.3.1.3
      }
      return { kind: 'allow-all' }; // more redirects than the RFC asks us to follow: unavailable
    } catch (error) {
      // Our own fetch ran out of time, not the site's robots.txt: nothing to remember about the site.
      if (error instanceof FetchDeadlineFailure) throw error;
      if (error instanceof FetchFailure) return { kind: 'unreachable', failure: error };
      throw error;
    } finally {
      for (const extra of opened) await extra.close();
    }
  }

  async function requestPage(
    pinned: PinnedClient,
    first: URL,
    url: URL,
    accept: Accept,
    deadline: FetchDeadline,
  ): Promise<HopResult> {
    const result = await exchange(pinned, url, {
      userAgent: policy.userAgent,
      accept: ACCEPT_HEADER[accept],
      timeoutMs: policy.timeoutMs,
      deadline,
      now,
      decide: (status, headers): BodyPlan => {
        if (REDIRECT_STATUSES.has(status) && headers.location) return { read: false };
        if (status < 200 || status >= 300) {
          return {
            read: true,
            limit: Math.min(policy.maxBytes, ERROR_PAGE_MAX_BYTES),
            onLimit: 'fail',
            optional: true,
          };
        }
        const type = parseContentType(headers['content-type'] ?? null);
        if (!isAcceptedType(accept, type?.essence ?? null)) {
          throw failures.badContentType(
            url.href,
            type?.essence ?? headers['content-type'] ?? '',
            ACCEPT_WORDS[accept],
          );
        }
        // The declared length is the compressed one; past the limit it cannot fit decoded either.
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > policy.maxBytes)
          throw failures.tooLarge(url.href, policy.maxBytes);
        return { read: true, limit: policy.maxBytes, onLimit: 'fail' };
      },
    });
    const location = result.headers.location;
    if (REDIRECT_STATUSES.has(result.status) && location) return { kind: 'redirect', location };

    const contentType = result.headers['content-type'] ?? null;
    const page = (body: Uint8Array): MonitorFetchedPage => {
      const type = parseContentType(contentType);
      const decoded = isTextualType(type?.essence ?? null)
        ? decodeText(body, type?.charset ?? null)
        : { text: '', charset: 'none', note: null };
      return {
        url: first.href,
        finalUrl: url.href,
        status: result.status,
        headers: result.headers,
        contentType,
        body,
        text: decoded.text,
        fetchedAt: result.fetchedAt,
        remoteAddress: result.remoteAddress,
        charset: decoded.charset,
        charsetNote: decoded.note,
      };
    };
    if (result.status < 200 || result.status >= 300) {
      throw new FetchHttpFailure(
        failures.httpError(url.href, result.status),
        result.body ? page(result.body) : null,
      );
    }
    return { kind: 'page', page: page(result.body ?? new Uint8Array()) };
  }

  return {
    fetch: (url, options) => fetchPage(url, options?.accept ?? 'any'),
    robotsTxt: robotsTxtOf,
  };
}
