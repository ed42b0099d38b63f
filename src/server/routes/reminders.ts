import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import {
  reminderListQuery,
  reminderListSchema,
  reminderSettingsBody,
  reminderSettingsSchema,
  urgeBody,
  urgeResultSchema,
} from '../../shared/api/reminders';
import { exportReminders } from '../domain/reminders/export-reminders';
import { findReminders } from '../domain/reminders/find-reminders';
import { getReminderSettings, updateReminderSettings } from '../domain/reminders/reminder-settings';
import { urgeUnits } from '../domain/reminders/urge-units';
import { actorOf, principalOf } from '../plugins/auth';
import { XLSX_TYPE } from '../reports/file-name';
import { type RouteDeps, typed } from './deps';
import { sendDownload } from './send-download';

const unitParams = z.object({ unitId: uuidParam });

const exportQuery = reminderListQuery.omit({ limit: true, offset: true });

/**
 * Reminders you can prove: the office urges units ("Đôn đốc"), reads and exports the urging list, and
 * sets whether the Friday broadcast reminder runs in its province. The reminders themselves are sent
 * by jobs (src/server/domain/reminders/send-*.ts).
 */
export function reminderRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.post(
    '/api/reminders/urge',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Đôn đốc đơn vị: báo trong ứng dụng và qua e-mail cho cán bộ và lãnh đạo từng đơn vị',
        description:
          'Tối đa 500 đơn vị; mọi đơn vị phải thuộc phạm vi của người gửi (nếu không: 404). Cùng đơn vị và kỳ đã đôn đốc trong 10 phút thì bỏ qua và báo lại.',
        body: urgeBody,
        response: { 200: urgeResultSchema, ...commonErrors },
      },
    },
    async (request) =>
      urgeUnits({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        body: request.body,
        now: new Date(),
      }),
  );

  api.get(
    '/api/reminders',
    {
      schema: {
        tags: ['reminders'],
        summary:
          'Danh sách đôn đốc: mọi lượt nhắc hạn và đôn đốc đã gửi, người nhận, kênh, thời điểm, kết quả gửi',
        querystring: reminderListQuery,
        response: { 200: reminderListSchema, ...commonErrors },
      },
    },
    async (request) => findReminders(db, principalOf(request), request.query),
  );

  api.get(
    '/api/reminders/export.xlsx',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Tải danh sách đôn đốc (cùng bộ lọc) dưới dạng bảng tính XLSX',
        querystring: exportQuery,
        response: {
          200: {
            description: 'Tệp XLSX',
            content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await exportReminders(db, principalOf(request), request.query)),
  );

  api.get(
    '/api/units/:unitId/reminder-settings',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Cài đặt nhắc việc của tỉnh chứa đơn vị (nhắc phát sóng CĐS hằng tuần)',
        params: unitParams,
        response: { 200: reminderSettingsSchema, ...commonErrors },
      },
    },
    async (request) => getReminderSettings(db, principalOf(request), request.params.unitId),
  );

  api.put(
    '/api/units/:unitId/reminder-settings',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Bật/tắt nhắc phát sóng CĐS hằng tuần cho tỉnh chứa đơn vị (cơ quan CĐS tỉnh)',
        params: unitParams,
        body: reminderSettingsBody,
        response: { 200: reminderSettingsSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateReminderSettings({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        weeklyBroadcastReminders: request.body.weeklyBroadcastReminders,
      }),
  );
}
