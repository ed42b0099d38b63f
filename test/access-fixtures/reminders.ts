import type { AccessFixtures } from '../support/access-types';

/**
 * Issue 10's reminders: the urge action and the urging list name units in their body or query, so an
 * officer of another commune gets 404 and an administrator 200. The settings routes have the unit in
 * their path and are swept with the others.
 */
export const accessFixtures: AccessFixtures = {
  bodies: {
    'PUT /api/units/:unitId/reminder-settings': () => ({ weeklyBroadcastReminders: true }),
  },
  plain: {
    'POST /api/reminders/urge': (env) => ({
      url: '/api/reminders/urge',
      payload: { unitIds: [env.targetUnitId], message: 'Đề nghị cập nhật lượt phát.' },
    }),
    'GET /api/reminders': (env) => ({ url: `/api/reminders?unitId=${env.targetUnitId}` }),
    'GET /api/reminders/export.xlsx': (env) => ({
      url: `/api/reminders/export.xlsx?unitId=${env.targetUnitId}`,
    }),
  },
};
