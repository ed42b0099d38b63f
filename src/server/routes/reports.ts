import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  periodSubmissionsSchema,
  previousTextsSchema,
  reportDetailSchema,
  reportNewVersionBody,
  reportNoteBody,
  reportPeriodCreateBody,
  reportPeriodListQuery,
  reportPeriodMoveBody,
  reportPeriodSchema,
  reportReadySchema,
  reportReturnBody,
  reportTextsBody,
  reportTypeCreateBody,
  reportTypeSchema,
  reportTypeUpdateBody,
  unitReportItemSchema,
} from '../../shared/api/reports';
import { todayVn } from '../../shared/dates';
import { approveReport } from '../domain/reports/approve-report';
import { createAdHocPeriod } from '../domain/reports/create-ad-hoc-period';
import { defineReportType } from '../domain/reports/define-report-type';
import { findPeriodSubmissions } from '../domain/reports/find-period-submissions';
import { findPreviousTexts } from '../domain/reports/find-previous-texts';
import { findReportPeriods } from '../domain/reports/find-report-periods';
import { findReportTypes } from '../domain/reports/find-report-types';
import { findUnitReports } from '../domain/reports/find-unit-reports';
import { getReport } from '../domain/reports/get-report';
import { markReportReady } from '../domain/reports/mark-report-ready';
import { movePeriodDueDate } from '../domain/reports/move-period-due-date';
import { newReportVersion } from '../domain/reports/new-report-version';
import { openReport } from '../domain/reports/open-report';
import { returnReport } from '../domain/reports/return-report';
import { submitReport } from '../domain/reports/submit-report';
import { updateReportTexts } from '../domain/reports/update-report-texts';
import { updateReportType } from '../domain/reports/update-report-type';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });
const typeParams = z.object({ reportTypeId: uuidParam });
const periodParams = z.object({ reportPeriodId: uuidParam });
const reportParams = z.object({ reportId: uuidParam });
const withConflict = { ...commonErrors, 409: errorBodySchema };
const detail = { 200: reportDetailSchema, ...withConflict };
const yearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });

/** The clock of a request: one instant, and its Vietnamese day. */
function clock() {
  const now = new Date();
  return { now, today: todayVn(now) };
}

/**
 * Periodic reports: the DX office defines report types and moves due dates; each period lists the
 * units expected and their state; a unit's officer writes parts II–IV, the unit head approves (or
 * returns) and submits, which freezes part I; a submitted report changes only through a new version.
 *
 * Registration order matters to the access test, which replays the routes in this order on one
 * report of the target unit: written, marked ready, returned, approved, submitted, and a new version
 * opened.
 */
export function reportRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/report-types',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các loại báo cáo định kỳ áp dụng cho đơn vị (do đơn vị hoặc cấp trên định nghĩa)',
        params: unitParams,
        response: { 200: z.object({ items: z.array(reportTypeSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findReportTypes({ db, principal: principalOf(request), unitId: request.params.unitId }),
    }),
  );

  api.post(
    '/api/units/:unitId/report-types',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Định nghĩa loại báo cáo (cơ quan chuyển đổi số): loại, tên, hạn nộp, đơn vị phải nộp, nơi nhận; tạo luôn các kỳ của năm',
        params: unitParams,
        body: reportTypeCreateBody,
        response: { 200: reportTypeSchema, ...commonErrors },
      },
    },
    async (request) =>
      defineReportType({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        ownerUnitId: request.params.unitId,
        input: request.body,
        today: clock().today,
      }),
  );

  api.patch(
    '/api/report-types/:reportTypeId',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Sửa hoặc ngừng loại báo cáo; quy tắc hạn mới áp dụng cho các kỳ chưa đến hạn (kỳ đã qua giữ nguyên)',
        params: typeParams,
        body: reportTypeUpdateBody,
        response: { 200: reportTypeSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateReportType({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportTypeId: request.params.reportTypeId,
        input: request.body,
        today: clock().today,
      }),
  );

  api.post(
    '/api/report-types/:reportTypeId/periods',
    {
      schema: {
        tags: ['reports'],
        summary: 'Tạo một kỳ báo cáo đột xuất với ngày đầu, ngày cuối và hạn nộp',
        params: typeParams,
        body: reportPeriodCreateBody,
        response: { 200: reportPeriodSchema, ...withConflict },
      },
    },
    async (request) =>
      createAdHocPeriod({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportTypeId: request.params.reportTypeId,
        input: request.body,
        today: clock().today,
      }),
  );

  api.get(
    '/api/units/:unitId/report-periods',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Các kỳ báo cáo của các loại do đơn vị định nghĩa, hạn mới nhất trước, với số phải nộp, đã nộp, đúng hạn, muộn, chưa nộp',
        description:
          'Đúng hạn: nộp trong ngày hạn (giờ Việt Nam, Asia/Ho_Chi_Minh) trở về trước; chỉ tính các đơn vị tồn tại vào ngày hạn.',
        params: unitParams,
        querystring: reportPeriodListQuery,
        response: { 200: z.object({ items: z.array(reportPeriodSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findReportPeriods({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        ...(request.query.reportTypeId ? { reportTypeId: request.query.reportTypeId } : {}),
        ...(request.query.year ? { year: request.query.year } : {}),
        today: clock().today,
      }),
    }),
  );

  api.patch(
    '/api/report-periods/:reportPeriodId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Đổi hạn nộp của một kỳ (có lý do, ghi nhật ký); quy tắc của loại báo cáo không đổi',
        params: periodParams,
        body: reportPeriodMoveBody,
        response: { 200: reportPeriodSchema, ...commonErrors },
      },
    },
    async (request) =>
      movePeriodDueDate({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        periodId: request.params.reportPeriodId,
        input: request.body,
        today: clock().today,
      }),
  );

  api.get(
    '/api/report-periods/:reportPeriodId/submissions',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các đơn vị phải nộp trong kỳ và tình trạng từng đơn vị: đúng hạn, muộn, chưa nộp',
        params: periodParams,
        response: { 200: periodSubmissionsSchema, ...commonErrors },
      },
    },
    async (request) =>
      findPeriodSubmissions({
        db,
        principal: principalOf(request),
        periodId: request.params.reportPeriodId,
        today: clock().today,
      }),
  );

  api.get(
    '/api/units/:unitId/reports',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Các kỳ báo cáo đơn vị phải nộp (hoặc tổng hợp từ đơn vị cấp dưới), với báo cáo và tình trạng',
        params: unitParams,
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(unitReportItemSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findUnitReports({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        ...(request.query.year ? { year: request.query.year } : {}),
        today: clock().today,
      }),
    }),
  );

  api.post(
    '/api/report-periods/:reportPeriodId/units/:unitId/report',
    {
      schema: {
        tags: ['reports'],
        summary: 'Mở báo cáo của đơn vị cho kỳ: tạo bản nháp lần đầu, sau đó trả về phiên bản hiện hành',
        params: periodParams.extend({ unitId: uuidParam }),
        response: detail,
      },
    },
    async (request) =>
      openReport({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        periodId: request.params.reportPeriodId,
        unitId: request.params.unitId,
        ...clock(),
      }),
  );

  api.get(
    '/api/reports/:reportId',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Một phiên bản báo cáo: phần I (chốt khi nộp, trực tiếp khi còn nháp), phần II–IV, các phiên bản, thao tác được phép',
        params: reportParams,
        response: { 200: reportDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      getReport({ db, principal: principalOf(request), reportId: request.params.reportId, ...clock() }),
  );

  api.get(
    '/api/reports/:reportId/previous-texts',
    {
      schema: {
        tags: ['reports'],
        summary: 'Phần II–IV của báo cáo kỳ trước cùng loại của đơn vị, để dùng làm điểm bắt đầu',
        params: reportParams,
        response: { 200: previousTextsSchema, ...commonErrors },
      },
    },
    async (request) =>
      findPreviousTexts({ db, principal: principalOf(request), reportId: request.params.reportId }),
  );

  api.patch(
    '/api/reports/:reportId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Sửa phần II (đánh giá), III (nhiệm vụ kỳ tới), IV (đề xuất) của bản nháp',
        description: '409 khi báo cáo đã duyệt, đã nộp (đã khóa) hoặc đã bị thay thế.',
        params: reportParams,
        body: reportTextsBody,
        response: detail,
      },
    },
    async (request) =>
      updateReportTexts({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        input: request.body,
        ...clock(),
      }),
  );

  api.post(
    '/api/reports/:reportId/ready',
    {
      schema: {
        tags: ['reports'],
        summary: 'Cán bộ báo đã soạn xong: lãnh đạo đơn vị được thông báo trong ứng dụng để duyệt và nộp',
        params: reportParams,
        response: { 200: reportReadySchema, ...withConflict },
      },
    },
    async (request) =>
      markReportReady({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        ...clock(),
      }),
  );

  api.post(
    '/api/reports/:reportId/return',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Lãnh đạo đơn vị trả lại bản nháp hoặc bản đã duyệt cho cán bộ sửa, với lý do; cán bộ được thông báo',
        params: reportParams,
        body: reportReturnBody,
        response: detail,
      },
    },
    async (request) =>
      returnReport({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        note: request.body.note,
        ...clock(),
      }),
  );

  api.post(
    '/api/reports/:reportId/approve',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lãnh đạo đơn vị duyệt bản nháp',
        params: reportParams,
        body: reportNoteBody,
        response: detail,
      },
    },
    async (request) =>
      approveReport({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        ...(request.body?.note ? { note: request.body.note } : {}),
        ...clock(),
      }),
  );

  api.post(
    '/api/reports/:reportId/submit',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Lãnh đạo đơn vị nộp báo cáo đã duyệt: ghi ngày nộp (giờ Việt Nam), chốt phần I; sau đó báo cáo bị khóa',
        params: reportParams,
        response: detail,
      },
    },
    async (request) =>
      submitReport({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        ...clock(),
      }),
  );

  api.post(
    '/api/reports/:reportId/versions',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Tạo phiên bản mới của báo cáo đã nộp (bản nháp giữ phần II–IV); phiên bản cũ bị thay thế nhưng ngày nộp đầu tiên vẫn được tính',
        params: reportParams,
        body: reportNewVersionBody,
        response: detail,
      },
    },
    async (request) =>
      newReportVersion({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        reportId: request.params.reportId,
        reason: request.body.reason,
        ...clock(),
      }),
  );
}
