import type { AssessmentDetailDto } from '../../src/shared/api/assessments';
import type { FrameworkFileInput } from '../../src/shared/frameworks/definition';
import type { AccessEnv, AccessFixtures } from '../support/access-types';
import { storeFrameworkFile } from '../support/framework-files';

/**
 * Issue 9's routes without a unit in their path: a user's own notifications (every signed-in user
 * reads their own, never another's), and bulk publication, which names assessments in its body: an
 * officer of another commune gets 404 for the target's appraised assessment, an administrator
 * publishes it. The appraised assessment is of 2025-H2 on a one-criterion framework of its own.
 */

const FRAMEWORK_CODE = 'thu-cong-bo';

const file: FrameworkFileInput = {
  code: FRAMEWORK_CODE,
  version: '2025',
  name: 'Bộ chỉ số thử công bố hàng loạt',
  legalBasis: 'Không có',
  issuingBody: 'Nhóm kiểm thử',
  validFrom: '2025-01-01',
  period: 'half_year',
  appliesTo: ['commune'],
  pillars: [
    {
      code: '1',
      title: 'Trụ cột',
      indices: [
        {
          code: '1',
          title: 'Chỉ số',
          criteria: [{ code: '1.1', title: 'Kết quả kiểm tra', max: 10, rule: { type: 'manual' } }],
        },
      ],
    },
  ],
};

function ensureFramework(env: AccessEnv): Promise<void> {
  return storeFrameworkFile(env.db, file);
}

async function asAdmin(env: AccessEnv, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await env.adminSession.request({ method, url, payload });
  if (response.statusCode !== 200)
    throw new Error(`${method} ${url} for the access test failed: ${response.body}`);
  return response.json<AssessmentDetailDto>();
}

export const accessFixtures: AccessFixtures = {
  params: {
    appraisedAssessmentId: async (env) => {
      await ensureFramework(env);
      const draft = await asAdmin(env, 'POST', `/api/units/${env.targetUnitId}/assessments`, {
        framework: FRAMEWORK_CODE,
        period: '2025-H2',
      });
      await asAdmin(env, 'PATCH', `/api/assessments/${draft.id}/criteria/1.1`, { selfScore: 10 });
      await asAdmin(env, 'POST', `/api/assessments/${draft.id}/submit`, {});
      await asAdmin(env, 'PATCH', `/api/assessments/${draft.id}/appraisal/1.1`, { reviewerScore: 10 });
      await asAdmin(env, 'POST', `/api/assessments/${draft.id}/appraise`, {});
      return draft.id;
    },
  },
  bodies: {
    // The officer's "finished": no body; at its turn the assessment is returned and fixed (self-scored).
    'POST /api/assessments/:assessmentId/ready': () => ({}),
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
