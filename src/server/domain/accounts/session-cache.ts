import type { Role } from '../../../shared/roles';

/**
 * The signed-in state of recent sessions (user, grants, CSRF token, expiry) and the units revision,
 * kept in this process's memory so that a request sends no statement for its session: the session
 * lookup was a fifth of a signed-in read's server time (docs/benchmarks.md, "Signed-in read").
 *
 * It is only trusted while the database's change feed listens (db/change-feed.ts): every change
 * that can end a session or change what it may do (a session deleted, a user changed or disabled, a
 * grant added or removed, the unit tree changed) is announced by triggers when its transaction commits
 * (migration 0018), whatever process made it, and drops what it touched here. While the feed is down
 * nothing is kept and every request reads its session, as before. The web process also forgets
 * everything after each of its own writes that may change these (auth.ts), before answering, so that
 * the writer's next request never runs ahead of the announcement.
 *
 * A lookup that started before a change and ends after it must not store what it read: each change
 * bumps a generation, and a result is kept only if the generation is the one its lookup started with.
 */

export interface SessionState {
  userId: string;
  username: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  grants: Array<{ id: string; role: Role; unitId: string | null }>;
}

interface Entry {
  session: SessionState;
  /** When it was read: an entry older than MAX_AGE_MS is read again, a bound on any staleness. */
  cachedAt: number;
}

/** Sessions kept at most: a province's officers many times over, a few MB. */
const MAX_SESSIONS = 20_000;
/** Belt and braces on top of the announcements: nothing is trusted for longer than this. */
const MAX_AGE_MS = 5 * 60_000;

export class SessionCache {
  private readonly sessions = new Map<string, Entry>();
  private readonly sessionsOfUser = new Map<string, Set<string>>();
  private unitsRevision: string | undefined;
  private generation = 0;
  private isLive = false;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxSessions = MAX_SESSIONS,
  ) {}

  /** The generation a lookup starts with; pass it back to remember(). */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Whether the change feed listens: only then is anything kept. */
  get live(): boolean {
    return this.isLive;
  }

  setLive(isLive: boolean): void {
    // Changes made while nobody listened were not heard: start again from nothing either way.
    this.forgetAll();
    this.isLive = isLive;
  }

  session(id: string): SessionState | undefined {
    const entry = this.sessions.get(id);
    if (!entry) return undefined;
    if (this.clock() - entry.cachedAt > MAX_AGE_MS) {
      this.drop(id);
      return undefined;
    }
    // Most recently used last: the first entries are dropped when the map is full.
    this.sessions.delete(id);
    this.sessions.set(id, entry);
    return entry.session;
  }

  cachedUnitsRevision(): string | undefined {
    return this.unitsRevision;
  }

  /** Keeps what a lookup read, unless something changed since it started (or the feed is down). */
  remember(id: string, session: SessionState, unitsRevision: string, startedAt: number): void {
    if (!this.isLive || startedAt !== this.generation) return;
    this.drop(id);
    this.sessions.set(id, { session, cachedAt: this.clock() });
    let ids = this.sessionsOfUser.get(session.userId);
    if (!ids) {
      ids = new Set();
      this.sessionsOfUser.set(session.userId, ids);
    }
    ids.add(id);
    this.unitsRevision = unitsRevision;
    while (this.sessions.size > this.maxSessions) this.drop(this.sessions.keys().next().value!);
  }

  rememberUnitsRevision(unitsRevision: string, startedAt: number): void {
    if (this.isLive && startedAt === this.generation) this.unitsRevision = unitsRevision;
  }

  /** The session was seen again (its last_seen_at written): keeps the cached copy in step. */
  touched(id: string, at: Date): void {
    const entry = this.sessions.get(id);
    if (entry) entry.session = { ...entry.session, lastSeenAt: at };
  }

  /**
   * An announcement of the change feed: `session:<id>`, `user:<id>`, `units`, or `all` (anything
   * else is treated as `all`, the safe reading).
   */
  apply(change: string): void {
    const [topic, id] = change.split(':', 2);
    this.generation++;
    if (topic === 'session' && id) this.drop(id);
    else if (topic === 'user' && id)
      for (const sessionId of this.sessionsOfUser.get(id) ?? []) this.drop(sessionId);
    else if (topic === 'units') this.unitsRevision = undefined;
    else this.forgetAll();
  }

  forgetAll(): void {
    this.generation++;
    this.sessions.clear();
    this.sessionsOfUser.clear();
    this.unitsRevision = undefined;
  }

  get size(): number {
    return this.sessions.size;
  }

  private drop(id: string): void {
    const entry = this.sessions.get(id);
    if (!entry) return;
    this.sessions.delete(id);
    const ids = this.sessionsOfUser.get(entry.session.userId);
    ids?.delete(id);
    if (ids?.size === 0) this.sessionsOfUser.delete(entry.session.userId);
  }
}
