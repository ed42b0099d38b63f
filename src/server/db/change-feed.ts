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
): Promise<ChangeFeed> {
  assertChannel(channel);
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
  return listenOnPostgres(database.databaseUrl, channel, handlers);
}

async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  handlers: ChangeFeedHandlers,
): Promise<ChangeFeed> {
  let client: pg.Client | null = null;
  let isClosed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    let isLost = false;
    const lose = (error?: Error) => {
      if (isLost) return;
      isLost = true;
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
  };

  await connect();
  return {
    close: async () => {
      isClosed = true;
      if (retry) clearTimeout(retry);
      handlers.onLive(false);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
