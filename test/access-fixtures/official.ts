import type { AssessmentDetailDto } from '../../src/shared/api/assessments';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

/**
 * Issue 9's routes without a unit in their path: a user's own notifications (every signed-in user
 * reads their own, never another's), and bulk publication, which names assessments in its body: an
 * officer of another commune gets 404 for the target's appraised assessment, an administrator
 * publishes it. The appraised assessment is of 2025-H1 on the access framework of assessments.ts
 * (stored by its `assessmentId` fixture, which runs first).
 */

async function asAdmin(env: AccessEnv, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await env.adminSession.request({ method, url, payload });
  if (response.statusCode !== 200)
    throw new Error(`${method} ${url} for the access test failed: ${response.body}`);
  return response.json<AssessmentDetailDto>();
}

export const accessFixtures: AccessFixtures = {
  params: {
    appraisedAssessmentId: async (env) => {
      const draft = await asAdmin(env, 'POST', `/api/units/${env.targetUnitId}/assessments`, {
        framework: 'thu-truy-cap',
        period: '2025-H1',
      });
      await asAdmin(env, 'PATCH', `/api/assessments/${draft.id}/criteria/1.1`, { selfScore: 10 });
      await asAdmin(env, 'POST', `/api/assessments/${draft.id}/submit`, {});
      await asAdmin(env, 'PATCH', `/api/assessments/${draft.id}/appraisal/1.1`, { reviewerScore: 10 });
      await asAdmin(env, 'POST', `/api/assessments/${draft.id}/appraise`, {});
      return draft.id;
    },
  },
  shared: {
    'GET /api/notifications': { request: () => ({ url: '/api/notifications' }), officer: 200, admin: 200 },
    'POST /api/notifications/read': {
      request: () => ({ url: '/api/notifications/read', payload: {} }),
      officer: 200,
      admin: 200,
    },
    'POST /api/assessments/publish': {
      request: (_env, ids) => ({
        url: '/api/assessments/publish',
        payload: { assessmentIds: [ids.appraisedAssessmentId] },
      }),
      officer: 404,
      admin: 200,
    },
  },
};
