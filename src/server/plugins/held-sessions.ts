import type { FastifyInstance } from 'fastify';
import { listenForChanges } from '../db/change-feed';
import type { Database } from '../db/client';
import { SessionCache } from '../domain/accounts/session-cache';

/** The channel the triggers of migration 0018 announce session, user, grant and unit changes on. */
export const AUTH_CHANNEL = 'loaso_auth';

/**
 * The sessions this web process holds in memory, kept true by the database's announcements; the
 * feed is closed with the app. Until the feed listens (and whenever it is lost) nothing is held.
 */
export async function holdSessions(app: FastifyInstance, database: Database): Promise<SessionCache> {
  const sessions = new SessionCache();
  const feed = await listenForChanges(database, AUTH_CHANNEL, {
    onChange: (payload) => sessions.apply(payload),
    onLive: (isLive) => sessions.setLive(isLive),
    onError: (error) =>
      app.log.warn(
        { err: error },
        'Mất kết nối nghe thay đổi phiên; phiên được đọc từ cơ sở dữ liệu cho đến khi kết nối lại.',
      ),
  });
  app.addHook('onClose', () => feed.close());
  return sessions;
}
