import { insertEvidence } from '../../src/server/db/repositories/evidence';
import type { AssessmentDetailDto } from '../../src/shared/api/assessments';
import type { FrameworkFileInput } from '../../src/shared/frameworks/definition';
import type { AccessEnv, AccessFixtures } from '../support/access-types';
import { storeFrameworkFile } from '../support/framework-files';

/**
 * The target commune's assessments on a one-criterion quarterly framework. `assessmentId` is a
 * submitted assessment of 2025-Q3, which the admin walks through the routes in the order of
 * routes/assessments.ts: returned, fixed (score, evidence), resubmitted, appraised, published,
 * superseded. `criterionLinkId` is an evidence link on a draft of 2025-Q4, and the create route
 * makes 2026-Q1 (all three have begun whatever day the suite runs, 01/01/2026 included).
 */

const FRAMEWORK_CODE = 'thu-truy-cap';

const file: FrameworkFileInput = {
  code: FRAMEWORK_CODE,
  version: '2025',
  name: 'Bộ chỉ số thử quyền truy cập',
  legalBasis: 'Không có',
  issuingBody: 'Nhóm kiểm thử',
  validFrom: '2025-01-01',
  period: 'quarter',
  appliesTo: ['commune'],
  pillars: [
    {
      code: '1',
      title: 'Trụ cột',
      indices: [
        {
          code: '1',
          title: 'Chỉ số',
          criteria: [
            {
              code: '1.1',
              title: 'Tin bài chuyển đổi số',
              max: 10,
              rule: { type: 'count', measure: { source: 'posts' }, threshold: 2 },
            },
          ],
        },
      ],
    },
  ],
};

function ensureFramework(env: AccessEnv): Promise<void> {
  return storeFrameworkFile(env.db, file);
}

/** The evidence item each target's assessment gets linked to, by target unit. */
const evidenceOfTarget = new Map<string, string>();

async function evidenceOf(env: AccessEnv): Promise<string> {
  const known = evidenceOfTarget.get(env.targetUnitId);
  if (known) return known;
  const id = await insertEvidence(env.db, {
    unitId: env.targetUnitId,
    kind: 'url',
    title: 'Kế hoạch chuyển đổi số của xã',
    url: 'https://xa-khac.gov.vn/ke-hoach-cds',
  });
  evidenceOfTarget.set(env.targetUnitId, id);
  return id;
}

async function asAdmin(env: AccessEnv, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await env.adminSession.request({ method, url, payload });
  if (response.statusCode !== 200)
    throw new Error(`${method} ${url} for the access test failed: ${response.body}`);
  return response.json<AssessmentDetailDto>();
}

async function createDraft(env: AccessEnv, period: string): Promise<AssessmentDetailDto> {
  await ensureFramework(env);
  return asAdmin(env, 'POST', `/api/units/${env.targetUnitId}/assessments`, {
    framework: FRAMEWORK_CODE,
    period,
  });
}

export const accessFixtures: AccessFixtures = {
  params: {
    assessmentId: async (env) => {
      const draft = await createDraft(env, '2025-Q3');
      await asAdmin(env, 'PATCH', `/api/assessments/${draft.id}/criteria/1.1`, { selfScore: 10 });
      await asAdmin(env, 'POST', `/api/assessments/${draft.id}/submit`, {});
      return draft.id;
    },
    criterionCode: async () => '1.1',
    criterionLinkId: async (env) => {
      const draft = await createDraft(env, '2025-Q4');
      const linked = await asAdmin(env, 'POST', `/api/assessments/${draft.id}/criteria/1.1/evidence`, {
        evidenceId: await evidenceOf(env),
      });
      return linked.criteria[0]!.evidence[0]!.linkId;
    },
  },
  bodies: {
    'POST /api/units/:unitId/assessments': () => ({ framework: FRAMEWORK_CODE, period: '2026-Q1' }),
    'POST /api/assessments/:assessmentId/return': () => ({
      note: 'Bổ sung minh chứng cho tiêu chí 1.1.',
      requests: [{ code: '1.1', request: 'Gắn kế hoạch chuyển đổi số của xã.' }],
    }),
    'PATCH /api/assessments/:assessmentId/criteria/:criterionCode': () => ({
      selfScore: 8,
      selfExplanation: 'Đã đăng 2 tin bài.',
    }),
    'POST /api/assessments/:assessmentId/criteria/:criterionCode/evidence': (env) => ({
      evidenceId: evidenceOfTarget.get(env.targetUnitId),
    }),
    'POST /api/assessments/:assessmentId/submit': () => ({}),
    'PATCH /api/assessments/:assessmentId/appraisal/:criterionCode': () => ({
      reviewerScore: 7,
      reviewerComment: 'Một tin bài không thuộc chủ đề chuyển đổi số.',
    }),
    'POST /api/assessments/:assessmentId/appraise': () => ({ note: 'Đạt.' }),
    'POST /api/assessments/:assessmentId/publish': () => ({}),
    'POST /api/assessments/:assessmentId/supersede': () => ({
      reason: 'Sửa điểm tiêu chí 1.1 theo kết quả phúc tra.',
    }),
  },
  plain: {
    'GET /api/assessments': (env) => ({ url: `/api/assessments?unitId=${env.targetUnitId}` }),
  },
};
