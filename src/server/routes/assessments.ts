import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assessmentBulkPublishBody,
  assessmentBulkPublishSchema,
  assessmentCreateBody,
  assessmentDetailSchema,
  assessmentLangQuery,
  assessmentListQuery,
  assessmentListSchema,
  assessmentReadySchema,
  assessmentReturnBody,
  assessmentSummarySchema,
  assessmentSupersedeBody,
  criterionAppraisalInput,
  criterionEvidenceInput,
  criterionSelfInput,
  transitionNoteBody,
} from '../../shared/api/assessments';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import { today } from '../db/repositories/units';
import { appraiseAssessment } from '../domain/assessments/appraise-assessment';
import { appraiseCriterion } from '../domain/assessments/appraise-criterion';
import { createAssessment } from '../domain/assessments/create-assessment';
import { findAssessments } from '../domain/assessments/find-assessments';
import { findUnitAssessments } from '../domain/assessments/find-unit-assessments';
import { getAssessment } from '../domain/assessments/get-assessment';
import { linkCriterionEvidence } from '../domain/assessments/link-criterion-evidence';
import { publishAssessment, publishAssessments } from '../domain/assessments/publish-assessment';
import { markAssessmentReady } from '../domain/assessments/ready-assessment';
import { returnAssessment } from '../domain/assessments/return-assessment';
import { submitAssessment } from '../domain/assessments/submit-assessment';
import { supersedeAssessment } from '../domain/assessments/supersede-assessment';
import { unlinkCriterionEvidence } from '../domain/assessments/unlink-criterion-evidence';
import { updateCriterion } from '../domain/assessments/update-criterion';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });
const assessmentParams = z.object({ assessmentId: uuidParam });
const criterionParams = assessmentParams.extend({
  criterionCode: z
    .string()
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'Mã tiêu chí không hợp lệ.')
    .max(40),
});
const withConflict = { ...commonErrors, 409: errorBodySchema };
const detail = { 200: assessmentDetailSchema, ...withConflict };

/**
 * Assessments: the unit's officer fills the self-assessment, the unit head submits it, a reviewer
 * of a higher unit returns or appraises it, the DX office publishes it and may supersede it with a
 * new version. Every write answers with the assessment as it now stands.
 *
 * Registration order matters to nobody but the access test, which replays the routes in this order
 * on one submitted assessment: it is returned, fixed, resubmitted, appraised, published, superseded.
 */
export function assessmentRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Các bản đánh giá của đơn vị (mọi phiên bản), kỳ mới nhất trước',
        params: unitParams,
        response: { 200: z.object({ items: z.array(assessmentSummarySchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findUnitAssessments({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
      }),
    }),
  );

  api.post(
    '/api/units/:unitId/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Lập bản đánh giá của đơn vị cho một bộ chỉ số và một kỳ, bắt đầu từ điểm tự động',
        description:
          'Phiên bản bộ chỉ số là phiên bản có hiệu lực trong kỳ. 409 khi đơn vị đã có bản đánh giá chưa bị thay thế cho bộ chỉ số và kỳ này; details[0] = { field: "assessmentId", message: <mã bản đó> }.',
        params: unitParams,
        body: assessmentCreateBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      createAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.get(
    '/api/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Các bản đánh giá bạn được xem, trong cây của một đơn vị hoặc mọi đơn vị của bạn (hàng chờ thẩm định: status=submitted)',
        querystring: assessmentListQuery,
        response: { 200: assessmentListSchema, ...commonErrors },
      },
    },
    async (request) =>
      findAssessments({ db, principal: principalOf(request), query: request.query, today: today() }),
  );

  api.get(
    '/api/assessments/:assessmentId',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Một bản đánh giá: từng tiêu chí với điểm tự động, tự chấm, thẩm định, minh chứng; lịch sử; thao tác được phép',
        params: assessmentParams,
        querystring: assessmentLangQuery,
        response: { 200: assessmentDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      getAssessment({
        db,
        principal: principalOf(request),
        assessmentId: request.params.assessmentId,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/return',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Trả lại bản đánh giá đã gửi, với lý do và yêu cầu bổ sung theo tiêu chí (người thẩm định cấp trên)',
        params: assessmentParams,
        body: assessmentReturnBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      returnAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        input: request.body,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.patch(
    '/api/assessments/:assessmentId/criteria/:criterionCode',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Tự chấm một tiêu chí: điểm tự chấm, giải trình, giá trị nhập (bản nháp hoặc bị trả lại)',
        params: criterionParams,
        body: criterionSelfInput,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      updateCriterion({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        code: request.params.criterionCode,
        input: request.body,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/criteria/:criterionCode/evidence',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Gắn một minh chứng của đơn vị (hoặc đơn vị trực thuộc) với một tiêu chí',
        params: criterionParams,
        body: criterionEvidenceInput,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      linkCriterionEvidence({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        code: request.params.criterionCode,
        evidenceId: request.body.evidenceId,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.delete(
    '/api/criterion-evidence-links/:criterionLinkId',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Bỏ một minh chứng khỏi tiêu chí (linkId trong evidence của tiêu chí); minh chứng vẫn giữ',
        params: z.object({ criterionLinkId: uuidParam }),
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      unlinkCriterionEvidence({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        linkId: request.params.criterionLinkId,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/ready',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Cán bộ báo đã tự chấm xong (mọi tiêu chí có điểm tự chấm và minh chứng cần có): lãnh đạo đơn vị được thông báo trong ứng dụng để gửi thẩm định',
        params: assessmentParams,
        querystring: assessmentLangQuery,
        response: { 200: assessmentReadySchema, ...withConflict },
      },
    },
    async (request) =>
      markAssessmentReady({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/submit',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Gửi thẩm định (lãnh đạo đơn vị): mọi tiêu chí phải có điểm tự chấm; điểm tự động được chốt',
        params: assessmentParams,
        body: transitionNoteBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      submitAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        note: request.body?.note,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.patch(
    '/api/assessments/:assessmentId/appraisal/:criterionCode',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Chấm thẩm định một tiêu chí: điểm và nhận xét (người thẩm định cấp trên)',
        params: criterionParams,
        body: criterionAppraisalInput,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      appraiseCriterion({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        code: request.params.criterionCode,
        input: request.body,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/appraise',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Kết thúc thẩm định: mọi tiêu chí phải có điểm thẩm định',
        params: assessmentParams,
        body: transitionNoteBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      appraiseAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        note: request.body?.note,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/publish',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Công bố bản đánh giá đã thẩm định (cơ quan chuyển đổi số); sau đó bản bị khóa',
        params: assessmentParams,
        body: transitionNoteBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      publishAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        note: request.body?.note,
        today: today(),
        language: request.query.lang,
      }),
  );

  api.post(
    '/api/assessments/publish',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Công bố nhiều bản đánh giá đã thẩm định trong một lần (cơ quan chuyển đổi số): tất cả hoặc không bản nào',
        description:
          'Mỗi bản được công bố là một bước riêng trong lịch sử và nhật ký. 404 khi có bản không thuộc phạm vi của bạn; 409 khi có bản chưa thể công bố, details nêu từng bản (field body.assessmentIds.<vị trí>).',
        body: assessmentBulkPublishBody,
        response: { 200: assessmentBulkPublishSchema, ...withConflict },
      },
    },
    async (request) =>
      publishAssessments({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentIds: request.body.assessmentIds,
        ...(request.body.note ? { note: request.body.note } : {}),
      }),
  );

  api.post(
    '/api/assessments/:assessmentId/supersede',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'Thay thế bản đã công bố bằng một phiên bản nháp mới (giữ điểm tự chấm, giải trình, giá trị nhập, minh chứng)',
        params: assessmentParams,
        body: assessmentSupersedeBody,
        querystring: assessmentLangQuery,
        response: detail,
      },
    },
    async (request) =>
      supersedeAssessment({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        assessmentId: request.params.assessmentId,
        reason: request.body.reason,
        today: today(),
        language: request.query.lang,
      }),
  );
}
