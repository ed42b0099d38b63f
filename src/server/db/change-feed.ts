import pg from 'pg';
import type { Database } from './client';

/**
 * Listens to one NOTIFY channel of the database, for the announcements that triggers send when a
 * transaction commits (migration 0018): on PostgreSQL on a connection of its own, opened again after
 * it is lost (a server restart, pg_terminate_backend), on PGlite on its single connection.
 *
 * `onLive(false)` is called whenever announcements may have been missed (the connection lost, before
 * it is open again), `onLive(true)` once LISTEN is in effect again: whoever keeps state from the
 * database must then start again from nothing.
 */
export interface ChangeFeedHandlers {
  onChange(payload: string): void;
  onLive(isLive: boolean): void;
  /** Told when the connection is lost, with what the driver said. */
  onError?(error: Error): void;
}

export interface ChangeFeed {
  close(): Promise<void>;
}

/**
 * How often the PostgreSQL listening connection is asked for a round trip, and how long an answer may
 * take. A connection cut without a reset (a network partition, a firewall dropping an idle flow) sends
 * no error: the socket stays open and notifications just stop, until TCP gives up many minutes later.
 * A query on that very connection that gets no answer is the only sure sign; the feed is then treated
 * as lost (nothing held) and opened again.
 */
export interface HeartbeatSettings {
  intervalMs: number;
  timeoutMs: number;
}
export const DEFAULT_HEARTBEAT: HeartbeatSettings = { intervalMs: 15_000, timeoutMs: 5_000 };

/** The wait before opening a lost connection again, doubled up to the last one. */
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/** A channel name is an identifier in LISTEN, not a parameter: only plain names are accepted. */
function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
}

export async function listenForChanges(
  database: Database,
  channel: string,
  handlers: ChangeFeedHandlers,
  heartbeat: HeartbeatSettings = DEFAULT_HEARTBEAT,
): Promise<ChangeFeed> {
  assertChannel(channel);
  // PGlite runs in this process: its notifications cannot be cut off from it, so it needs no heartbeat.
  if (database.pglite) {
    const unlisten = await database.pglite.listen(channel, (payload) => handlers.onChange(payload));
    handlers.onLive(true);
    const pglite = database.pglite;
    return {
      close: async () => {
        handlers.onLive(false);
        // Already closed with its database (a test closing the database first): nothing to undo.
        if (!pglite.closed) await unlisten().catch(() => undefined);
      },
    };
  }
  if (!database.databaseUrl) throw new Error('a PostgreSQL database without its URL');
  return listenOnPostgres(database.databaseUrl, channel, handlers, heartbeat);
}

/** Exported for the heartbeat test, which puts a proxy it can freeze between the feed and the server. */
export async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  handlers: ChangeFeedHandlers,
  heartbeat: HeartbeatSettings = DEFAULT_HEARTBEAT,
): Promise<ChangeFeed> {
  let client: pg.Client | null = null;
  let isClosed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    // Bounded, since a partitioned network can leave a connection attempt waiting for minutes.
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    let isLost = false;
    const lose = (error?: Error) => {
      if (isLost) return;
      isLost = true;
      if (beat) clearInterval(beat);
      beat = null;
      handlers.onLive(false);
      if (error) handlers.onError?.(error);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!isClosed) {
        const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
        failures++;
        retry = setTimeout(() => {
          retry = null;
          void connect();
        }, delay);
        retry.unref();
      }
    };
    next.on('error', (error) => lose(error));
    next.on('end', () => lose());
    next.on('notification', (message) => handlers.onChange(message.payload ?? ''));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lose(error as Error);
      return;
    }
    if (isClosed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    handlers.onLive(true);
    let isWaiting = false;
    beat = setInterval(() => {
      // One round trip at a time: an unanswered one is already timing out.
      if (isWaiting || isLost) return;
      isWaiting = true;
      const overdue = setTimeout(
        () => lose(new Error(`the listening connection did not answer within ${heartbeat.timeoutMs} ms`)),
        heartbeat.timeoutMs,
      );
      overdue.unref();
      next.query('select 1').then(
        () => {
          clearTimeout(overdue);
          isWaiting = false;
        },
        (error: Error) => {
          clearTimeout(overdue);
          lose(error);
        },
      );
    }, heartbeat.intervalMs);
    beat.unref();
  };

  await connect();
  return {
    close: async () => {
      isClosed = true;
      if (retry) clearTimeout(retry);
      if (beat) clearInterval(beat);
      handlers.onLive(false);
      const open = client;
      client = null;
      // A connection cut without a reset may never finish ending: closing the app does not wait on it.
      await Promise.race([
        open?.end().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
      ]);
    },
  };
}
