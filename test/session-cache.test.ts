import { describe, expect, it } from 'vitest';
import { SessionCache, type SessionState } from '../src/server/domain/accounts/session-cache';

/**
 * Issue 12, item 1: the sessions a web process holds in memory. What it may keep and when it must
 * let go; the announcements themselves are tested against both databases in session-feed.test.ts.
 */

const session = (userId: string, overrides: Partial<SessionState> = {}): SessionState => ({
  userId,
  username: `u-${userId}`,
  csrfToken: 'csrf',
  expiresAt: new Date('2030-01-01T00:00:00Z'),
  lastSeenAt: new Date('2026-12-07T00:00:00Z'),
  grants: [{ id: `g-${userId}`, role: 'unit_officer', unitId: 'unit-1' }],
  ...overrides,
});

function liveCache(clock?: () => number, maxSessions?: number): SessionCache {
  const cache = new SessionCache(clock, maxSessions);
  cache.setLive(true);
  return cache;
}

describe('SessionCache', () => {
  it('keeps nothing while the change feed does not listen, and forgets everything when it goes down', () => {
    const cache = new SessionCache();
    cache.remember('s1', session('a'), 'rev-1', cache.currentGeneration);
    expect(cache.session('s1')).toBeUndefined();
    cache.setLive(true);
    cache.remember('s1', session('a'), 'rev-1', cache.currentGeneration);
    expect(cache.session('s1')?.userId).toBe('a');
    expect(cache.cachedUnitsRevision()).toBe('rev-1');
    cache.setLive(false);
    expect(cache.session('s1')).toBeUndefined();
    expect(cache.cachedUnitsRevision()).toBeUndefined();
  });

  it('does not keep what a lookup read if a change was announced while it ran', () => {
    const cache = liveCache();
    const startedAt = cache.currentGeneration;
    cache.apply('session:other');
    cache.remember('s1', session('a'), 'rev-1', startedAt);
    expect(cache.session('s1')).toBeUndefined();
    const again = cache.currentGeneration;
    cache.remember('s1', session('a'), 'rev-1', again);
    expect(cache.session('s1')).toBeDefined();
    cache.forgetAll();
    cache.rememberUnitsRevision('rev-2', again);
    expect(cache.cachedUnitsRevision()).toBeUndefined();
  });

  it('drops one session, every session of a user, the units revision or everything, as announced', () => {
    const cache = liveCache();
    const keep = () => {
      for (const [id, user] of [
        ['s1', 'a'],
        ['s2', 'a'],
        ['s3', 'b'],
      ] as const)
        cache.remember(id, session(user), 'rev-1', cache.currentGeneration);
    };
    keep();
    cache.apply('session:s1');
    expect([cache.session('s1'), cache.session('s2'), cache.session('s3')].map(Boolean)).toEqual([
      false,
      true,
      true,
    ]);
    keep();
    cache.apply('user:a');
    expect([cache.session('s1'), cache.session('s2'), cache.session('s3')].map(Boolean)).toEqual([
      false,
      false,
      true,
    ]);
    expect(cache.cachedUnitsRevision()).toBe('rev-1');
    cache.apply('units');
    expect(cache.cachedUnitsRevision()).toBeUndefined();
    expect(cache.session('s3')).toBeDefined();
    keep();
    cache.apply('all');
    expect(cache.size).toBe(0);
    keep();
    // Anything not understood is read the safe way: as everything.
    cache.apply('something new');
    expect(cache.size).toBe(0);
  });

  it('holds at most its limit, dropping the least recently used first, and nothing longer than five minutes', () => {
    let now = 0;
    const cache = liveCache(() => now, 2);
    cache.remember('s1', session('a'), 'r', cache.currentGeneration);
    cache.remember('s2', session('b'), 'r', cache.currentGeneration);
    expect(cache.session('s1')).toBeDefined(); // s1 is now the most recent
    cache.remember('s3', session('c'), 'r', cache.currentGeneration);
    expect(cache.session('s2')).toBeUndefined();
    expect(cache.size).toBe(2);
    // The user index follows the drops: announcing b's change touches nothing left.
    cache.apply('user:b');
    expect(cache.size).toBe(2);
    now += 5 * 60_000 + 1;
    expect(cache.session('s1')).toBeUndefined();
    expect(cache.session('s3')).toBeUndefined();
  });

  it("keeps a session's last-seen time in step with the touch written for it", () => {
    const cache = liveCache();
    cache.remember('s1', session('a'), 'r', cache.currentGeneration);
    const at = new Date('2026-12-07T08:00:00Z');
    cache.touched('s1', at);
    expect(cache.session('s1')?.lastSeenAt).toEqual(at);
  });
});
