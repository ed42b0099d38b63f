import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  markAiredBody,
  markAiredResultSchema,
  reconciliationSchema,
  scheduleCreateBody,
  scheduleEntryInput,
  scheduleEntryUpdate,
  scheduleHeaderInput,
  scheduleIssueBody,
  scheduleListQuery,
  scheduleSchema,
  scheduleSummarySchema,
} from '../../shared/api/schedules';
import { addScheduleEntry } from '../domain/schedules/add-schedule-entry';
import { createSchedule } from '../domain/schedules/create-schedule';
import { deleteScheduleEntry } from '../domain/schedules/delete-schedule-entry';
import { exportSchedule } from '../domain/schedules/export-schedule';
import { findSchedules } from '../domain/schedules/find-schedules';
import { getReconciliation } from '../domain/schedules/get-reconciliation';
import { getSchedule } from '../domain/schedules/get-schedule';
import { issueSchedule } from '../domain/schedules/issue-schedule';
import { markEntriesAired } from '../domain/schedules/mark-entries-aired';
import { updateSchedule } from '../domain/schedules/update-schedule';
import { updateScheduleEntry } from '../domain/schedules/update-schedule-entry';
import { actorOf, principalOf } from '../plugins/auth';
import { requestGoneSignal } from '../plugins/build-slots';
import { DOCX_TYPE, XLSX_TYPE } from '../reports/file-name';
import { type RouteDeps, typed } from './deps';
import { sendDownload } from './send-download';

const unitParams = z.object({ unitId: uuidParam });
const scheduleParams = z.object({ scheduleId: uuidParam });
const entryParams = z.object({ entryId: uuidParam });
const withConflict = { ...commonErrors, 409: errorBodySchema };

/** A file download for the OpenAPI document: its content type and an opaque binary body. */
function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/**
 * Monthly broadcast schedules ("danh mục phát sóng"): an officer drafts, the unit head issues, the
 * station marks entries as aired. Registration order matters to nobody but the access test, which
 * replays the routes in this order: edits of a draft come before issuing, marking aired after.
 */
export function scheduleRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  /** The schedule as a document, built like a report's under the same limiter (plugins/build-slots.ts). */
  const sendSchedule = async (
    scheduleId: string,
    format: 'docx' | 'xlsx',
    request: FastifyRequest,
    reply: FastifyReply,
  ) =>
    sendDownload(
      reply,
      await app.buildSlots.run(
        () => exportSchedule({ db, principal: principalOf(request), scheduleId, format }),
        requestGoneSignal(reply),
      ),
    );
  const api = typed(app);

  api.get(
    '/api/units/:unitId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Danh mục phát sóng của đơn vị trong một năm (mặc định năm nay)',
        params: unitParams,
        querystring: scheduleListQuery,
        response: { 200: z.object({ items: z.array(scheduleSummarySchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findSchedules({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        year: request.query.year,
      }),
    }),
  );

  api.post(
    '/api/units/:unitId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Lập danh mục phát sóng (dự thảo) cho một chương trình phát thanh và một tháng',
        description:
          'Mỗi chương trình chỉ có một danh mục mỗi tháng (409 nếu đã có). copyFromPrevious sao chép các mục của tháng trước, giữ thứ trong tuần.',
        params: unitParams,
        body: scheduleCreateBody,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const scheduleId = await createSchedule({
        db,
        principal,
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
      });
      return getSchedule({ db, principal, scheduleId });
    },
  );

  api.get(
    '/api/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary:
          'Một danh mục phát sóng với các mục, cảnh báo tuần thiếu tin bài chuyển đổi số và thao tác được phép',
        params: scheduleParams,
        response: { 200: scheduleSchema, ...commonErrors },
      },
    },
    async (request) =>
      getSchedule({ db, principal: principalOf(request), scheduleId: request.params.scheduleId }),
  );

  api.patch(
    '/api/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Sửa số văn bản, người ký, nơi nhận, ghi chú của danh mục dự thảo',
        params: scheduleParams,
        body: scheduleHeaderInput,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) =>
      updateSchedule({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        scheduleId: request.params.scheduleId,
        input: request.body,
      }),
  );

  api.post(
    '/api/schedules/:scheduleId/entries',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Thêm một mục vào danh mục dự thảo',
        params: scheduleParams,
        body: scheduleEntryInput,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) =>
      addScheduleEntry({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        scheduleId: request.params.scheduleId,
        input: request.body,
      }),
  );

  api.patch(
    '/api/schedule-entries/:entryId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Sửa một mục của danh mục dự thảo',
        params: entryParams,
        body: scheduleEntryUpdate,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) =>
      updateScheduleEntry({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        entryId: request.params.entryId,
        input: request.body,
      }),
  );

  api.get(
    '/api/schedules/:scheduleId/document.docx',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Tải danh mục dưới dạng văn bản DOCX theo thể thức Nghị định 30/2020/NĐ-CP',
        params: scheduleParams,
        response: { 200: fileResponse(DOCX_TYPE, 'Tệp DOCX; dự thảo mang dấu "DỰ THẢO".'), ...commonErrors },
      },
    },
    (request, reply) => sendSchedule(request.params.scheduleId, 'docx', request, reply),
  );

  api.get(
    '/api/schedules/:scheduleId/document.xlsx',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Tải danh mục dưới dạng bảng tính XLSX',
        params: scheduleParams,
        response: {
          200: fileResponse(XLSX_TYPE, 'Tệp XLSX: trang danh mục và trang thông tin.'),
          ...commonErrors,
        },
      },
    },
    (request, reply) => sendSchedule(request.params.scheduleId, 'xlsx', request, reply),
  );

  api.get(
    '/api/schedules/:scheduleId/reconciliation',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Đối chiếu kế hoạch với thực tế phát sóng: mục đã phát, bị bỏ, và lượt phát ngoài danh mục',
        params: scheduleParams,
        response: { 200: reconciliationSchema, ...commonErrors },
      },
    },
    async (request) =>
      getReconciliation({ db, principal: principalOf(request), scheduleId: request.params.scheduleId }),
  );

  api.post(
    '/api/schedules/:scheduleId/issue',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Ban hành danh mục (lãnh đạo đơn vị); sau khi ban hành không sửa được',
        description:
          'Nếu còn tuần chưa có tin bài chuyển đổi số, cần gửi acknowledgeWarnings: true (nếu không: 409 kèm danh sách cảnh báo).',
        params: scheduleParams,
        body: scheduleIssueBody,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) =>
      issueSchedule({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        scheduleId: request.params.scheduleId,
        acknowledgeWarnings: request.body.acknowledgeWarnings,
      }),
  );

  api.post(
    '/api/schedules/:scheduleId/entries/mark-aired',
    {
      schema: {
        tags: ['schedules'],
        summary:
          'Đánh dấu các mục đã phát: tạo lượt phát sóng tương ứng (mỗi mục một lượt, gọi lại không tạo thêm)',
        params: scheduleParams,
        body: markAiredBody,
        response: { 200: markAiredResultSchema, ...withConflict },
      },
    },
    async (request) =>
      markEntriesAired({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        scheduleId: request.params.scheduleId,
        entryIds: request.body.entryIds,
        airedAt: request.body.airedAt ? new Date(request.body.airedAt) : undefined,
      }),
  );

  api.delete(
    '/api/schedule-entries/:entryId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Xóa một mục khỏi danh mục dự thảo',
        params: entryParams,
        response: { 200: scheduleSchema, ...withConflict },
      },
    },
    async (request) =>
      deleteScheduleEntry({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        entryId: request.params.entryId,
      }),
  );
}
