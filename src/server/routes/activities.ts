import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  activityBatchBody,
  activityBatchResult,
  activityDetailSchema,
  activityInput,
  activityListQuery,
  activityListSchema,
  activityPatchBody,
  BULK_REVIEW_MAX,
  bulkReviewBody,
  bulkReviewResult,
  deleteActivityBody,
  languageCountsQuery,
  languageCountsSchema,
  reviewActivityBody,
} from '../../shared/api/activities';
import { calendarQuery, calendarSchema } from '../../shared/api/calendar';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import { clearDuplicateFlag } from '../domain/activities/clear-duplicate-flag';
import { countLanguages } from '../domain/activities/count-languages';
import { createActivity } from '../domain/activities/create-activity';
import { createActivityBatch } from '../domain/activities/create-activity-batch';
import { deleteActivity } from '../domain/activities/delete-activity';
import { findActivitiesInScope } from '../domain/activities/find-activities';
import { getActivity } from '../domain/activities/get-activity';
import { getCalendar } from '../domain/activities/get-calendar';
import { restoreActivity } from '../domain/activities/restore-activity';
import { reviewActivities } from '../domain/activities/review-activities';
import { reviewActivity } from '../domain/activities/review-activity';
import { updateActivity } from '../domain/activities/update-activity';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const activityParams = z.object({ activityId: uuidParam });
const unitParams = z.object({ unitId: uuidParam });

export function activityRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.post(
    '/api/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Ghi một tin bài, lượt phát sóng, kỳ báo hoặc banner (biểu mẫu)',
        description:
          'Nghi trùng (cùng đường dẫn, hoặc cùng tiêu đề cùng ngày cùng kênh) trả 409 nêu trường và bản ghi đã có; gửi lại với confirmDuplicate: true để vẫn lưu, bản ghi được đánh dấu nghi trùng.',
        body: activityInput,
        response: { 200: activityDetailSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      createActivity({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        input: request.body,
        provenance: 'form',
      }),
  );

  api.post(
    '/api/activities/batch',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Ghi nhiều bản ghi qua API: tất cả hoặc không; mọi lỗi được liệt kê theo dòng {row, field, message}',
        body: activityBatchBody,
        response: { 200: activityBatchResult, ...commonErrors },
      },
    },
    async (request) =>
      createActivityBatch({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        items: request.body.items,
        provenance: 'api',
      }),
  );

  api.get(
    '/api/activities',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Danh sách bản ghi: cây con của đơn vị, thời gian, loại, kênh, chủ đề, ngôn ngữ, nguồn nhập, tìm không dấu',
        querystring: activityListQuery,
        response: { 200: activityListSchema, ...commonErrors },
      },
    },
    async (request) => findActivitiesInScope({ db, principal: principalOf(request), query: request.query }),
  );

  api.get(
    '/api/activities/:activityId',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Một bản ghi: bản gốc và các bản dịch, bản ghi nghi trùng, số minh chứng, các thao tác được phép',
        params: activityParams,
        response: { 200: activityDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      getActivity({ db, principal: principalOf(request), activityId: request.params.activityId }),
  );

  api.patch(
    '/api/activities/:activityId',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Sửa bản ghi (ghi nhật ký trước/sau; kiểm tra lại và đánh dấu nghi trùng; không chuyển đơn vị)',
        params: activityParams,
        body: activityPatchBody,
        response: { 200: activityDetailSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      updateActivity({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        activityId: request.params.activityId,
        patch: request.body,
      }),
  );

  api.delete(
    '/api/activities/:activityId',
    {
      schema: {
        tags: ['activities'],
        summary: 'Xoá bản ghi với lý do (bắt buộc); quản trị hệ thống khôi phục được',
        params: activityParams,
        body: deleteActivityBody,
        response: { 200: z.object({ ok: z.literal(true) }), 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      await deleteActivity({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        activityId: request.params.activityId,
        reason: request.body?.reason,
      });
      return { ok: true as const };
    },
  );

  api.post(
    '/api/activities/:activityId/restore',
    {
      schema: {
        tags: ['activities'],
        summary: 'Khôi phục bản ghi đã xoá (quản trị hệ thống)',
        params: activityParams,
        response: { 200: activityDetailSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await restoreActivity({
        db,
        principal,
        actor: actorOf(request),
        activityId: request.params.activityId,
      });
      return getActivity({ db, principal, activityId: request.params.activityId });
    },
  );

  api.post(
    '/api/activities/:activityId/review',
    {
      schema: {
        tags: ['activities'],
        summary: 'Thẩm định bản ghi: chấp nhận hoặc không (ghi ngày thẩm định)',
        params: activityParams,
        body: reviewActivityBody,
        response: { 200: activityDetailSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { status, note } = request.body;
      await reviewActivity({
        db,
        principal,
        actor: actorOf(request),
        activityId: request.params.activityId,
        status,
        note,
      });
      return getActivity({ db, principal, activityId: request.params.activityId });
    },
  );

  api.post(
    '/api/activities/review',
    {
      schema: {
        tags: ['activities'],
        summary: `Thẩm định nhiều bản ghi một lần (tối đa ${BULK_REVIEW_MAX}): chấp nhận hoặc không, ghi nhật ký từng bản ghi`,
        description:
          'Tất cả hoặc không, trong một giao dịch. Một mã bạn không xem được (hoặc không tồn tại): 404 cho cả yêu cầu, không nêu mã nào; bản ghi đã xoá: 409.',
        body: bulkReviewBody,
        response: { 200: bulkReviewResult, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      reviewActivities({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        ids: request.body.ids,
        status: request.body.status,
        note: request.body.note,
      }),
  );

  api.post(
    '/api/activities/:activityId/not-duplicate',
    {
      schema: {
        tags: ['activities'],
        summary: 'Xác nhận bản ghi nghi trùng là bản ghi riêng (bỏ đánh dấu, được tính lại)',
        params: activityParams,
        response: { 200: activityDetailSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await clearDuplicateFlag({
        db,
        principal,
        actor: actorOf(request),
        activityId: request.params.activityId,
      });
      return getActivity({ db, principal, activityId: request.params.activityId });
    },
  );

  api.get(
    '/api/units/:unitId/calendar',
    {
      schema: {
        tags: ['activities'],
        summary: 'Lịch năm của đơn vị: tuần ISO × kênh; tuần không phát sóng chương trình CĐS được đánh dấu',
        params: unitParams,
        querystring: calendarQuery,
        response: { 200: calendarSchema, ...commonErrors },
      },
    },
    async (request) =>
      getCalendar({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        year: request.query.year,
      }),
  );

  api.get(
    '/api/units/:unitId/language-counts',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Số bản ghi bằng tiếng dân tộc thiểu số theo đơn vị (cộng dồn) và ngôn ngữ trong một khoảng thời gian',
        params: unitParams,
        querystring: languageCountsQuery,
        response: { 200: languageCountsSchema, ...commonErrors },
      },
    },
    async (request) =>
      countLanguages({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        from: request.query.from,
        to: request.query.to,
      }),
  );
}
