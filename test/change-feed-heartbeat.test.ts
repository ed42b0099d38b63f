import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeFeed, listenOnPostgres } from '../src/server/db/change-feed';
import { POSTGRES_ADMIN_URL, TEST_DB } from './support/test-env';

/**
 * A listening connection cut without a reset (a network partition) sends no error: the socket stays
 * open and the announcements just stop. The feed's heartbeat must notice and say it is not live, so
 * that no web process keeps trusting sessions it can no longer hear about (issue 12, security review).
 * A TCP proxy between the feed and PostgreSQL stands in for the network: frozen, it stops passing
 * bytes either way and closes nothing.
 */

interface FreezableProxy {
  url: string;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

async function startFreezableProxy(target: URL): Promise<FreezableProxy> {
  let isFrozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    pairs.add(pair);
    // Bytes are dropped while frozen, as a partition loses packets; nothing is closed.
    inbound.on('data', (chunk) => {
      if (!isFrozen) outbound.write(chunk);
    });
    outbound.on('data', (chunk) => {
      if (!isFrozen) inbound.write(chunk);
    });
    const close = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('close', close);
    outbound.on('close', close);
    inbound.on('error', close);
    outbound.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    freeze: () => {
      isFrozen = true;
    },
    // New connections (the feed's reconnect) pass again; the frozen ones stay dead, as after a partition.
    thaw: () => {
      isFrozen = false;
    },
    stop: async () => {
      for (const [inbound, outbound] of pairs) {
        inbound.destroy();
        outbound.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(TEST_DB === 'postgres')('the change feed heartbeat (PostgreSQL)', () => {
  const channel = 'loaso_heartbeat_test';
  let proxy: FreezableProxy;
  let notifier: pg.Client;

  beforeAll(async () => {
    proxy = await startFreezableProxy(new URL(POSTGRES_ADMIN_URL));
    notifier = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await notifier.connect();
  });
  afterAll(async () => {
    await notifier.end();
    await proxy.stop();
  });

  async function openFeed(heartbeat: { intervalMs: number; timeoutMs: number }) {
    const events: string[] = [];
    const errors: string[] = [];
    const feed: ChangeFeed = await listenOnPostgres(
      proxy.url,
      channel,
      {
        onChange: (payload) => events.push(`change:${payload}`),
        onLive: (isLive) => events.push(isLive ? 'live' : 'lost'),
        onError: (error) => errors.push(error.message),
      },
      heartbeat,
    );
    return { feed, events, errors };
  }

  const heard = async (events: string[], payload: string) => {
    await notifier.query(`select pg_notify($1, $2)`, [channel, payload]);
    await expect.poll(() => events.includes(`change:${payload}`), { timeout: 5_000 }).toBe(true);
  };

  it('stays live through heartbeats while the connection answers', async () => {
    const { feed, events } = await openFeed({ intervalMs: 100, timeoutMs: 1_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await heard(events, 'one');
      expect(events).toEqual(['live', 'change:one']);
    } finally {
      await feed.close();
    }
  });

  it('says it is lost when the connection stops answering, and listens again once it can', async () => {
    const { feed, events, errors } = await openFeed({ intervalMs: 100, timeoutMs: 500 });
    try {
      await heard(events, 'before');
      proxy.freeze();
      // An announcement sent now never arrives; the heartbeat finds the silence instead.
      await notifier.query(`select pg_notify($1, 'lost in the partition')`, [channel]);
      await expect.poll(() => events.at(-1), { timeout: 5_000 }).toBe('lost');
      expect(errors.some((message) => message.includes('did not answer within 500 ms'))).toBe(true);
      expect(events).not.toContain('change:lost in the partition');

      // The network heals: a new connection listens and announcements arrive again.
      proxy.thaw();
      await expect.poll(() => events.at(-1), { timeout: 10_000 }).toBe('live');
      await heard(events, 'after');
    } finally {
      await feed.close();
    }
  });
});
