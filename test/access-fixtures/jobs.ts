import { randomUUID } from 'node:crypto';
import { currentJobEngine } from '../../src/server/jobs/engine';
import type { AccessFixtures } from '../support/access-types';

/**
 * Issue 10's background jobs page: jobs belong to the installation, not to a unit. An officer of a
 * commune is refused (403), a system administrator runs a dead letter again. Each target gets a dead
 * letter of its own in the e-mail queue, put there through the test app's job engine.
 */
const DEAD_EMAILS = 'notifications.deliver-email.dead';

export const accessFixtures: AccessFixtures = {
  params: {
    queue: async () => DEAD_EMAILS,
    jobId: async () => {
      // As pg-boss dead-letters it: with the singleton key the e-mail queue (exclusive) needs.
      const notificationId = randomUUID();
      const id = await currentJobEngine().boss.send(
        DEAD_EMAILS,
        { notificationId },
        { singletonKey: notificationId },
      );
      if (!id) throw new Error('no dead letter queued for the access test');
      return id;
    },
  },
  shared: {
    'POST /api/admin/jobs/:queue/:jobId/retry': {
      request: (_env, ids) => ({ url: `/api/admin/jobs/${ids.queue}/${ids.jobId}/retry` }),
      officer: 403,
      admin: 200,
    },
  },
};
