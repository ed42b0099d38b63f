import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import {
  AS_RUN_MAX_BYTES,
  AS_RUN_MAX_ITEMS,
  asRunPushBody,
  asRunPushResultSchema,
} from '../../shared/api/radio';
import type { RadioStationRow } from '../db/repositories/radio-stations';
import { authenticateStation, BAD_TOKEN_MESSAGE } from '../domain/radio/authenticate-station';
import { pushAsRun } from '../domain/radio/push-as-run';
import { AppError, validationError } from '../errors';
import { type RouteDeps, typed } from './deps';

declare module 'fastify' {
  interface FastifyRequest {
    /** The station whose token authenticated a machine push. */
    radioStation?: RadioStationRow;
  }
}

/** Pushes per minute and token: a system sending every few minutes, or catching up in batches, stays far below. */
export const AS_RUN_PUSHES_PER_MINUTE = 60;

/** The body's envelope only: the items are read one by one, so that a bad one fails alone. */
const envelope = z.object(
  { items: z.array(z.unknown(), { error: 'Thân yêu cầu phải có mảng "items".' }) },
  { error: 'Thân yêu cầu phải là JSON {"items": [...]}.' },
);

const PUSH_DESCRIPTION = [
  'Dành cho hệ thống truyền thanh IP và hệ thống thông tin nguồn của tỉnh. Xác thực bằng mã truy cập của trạm: `Authorization: Bearer ls_radio_…` (không dùng phiên đăng nhập, không cần CSRF).',
  `Tối đa ${AS_RUN_MAX_ITEMS} mục và 1 MB mỗi lần gửi (quá: 413). Mỗi mục được kiểm tra riêng: mục hợp lệ được ghi thành lượt phát sóng của đơn vị và chương trình của trạm (nguồn gốc API); mục lỗi trả trong errors với index, externalId, field, message. Câu trả lời 200 khi lô đã được xử lý, kể cả khi có mục lỗi.`,
  'Gửi lại cùng externalId với cùng nội dung: tính vào duplicates, không ghi lần hai. Cùng externalId nhưng nội dung khác: một lỗi ở field externalId, bản ghi đã có giữ nguyên. Mục có bản ghi đã bị người dùng xoá trong Loa Số: không tạo lại, báo trong notRecreated (chỉ người dùng nhập lại tệp mới ghi lại được).',
  'airedAt: ISO 8601 có múi giờ (2025-09-10T17:00:00+07:00) hoặc giờ Việt Nam dạng "2025-09-10 17:00". Mã truy cập sai hoặc đã thu hồi: 401. Quá số lần gửi mỗi phút: 429. Xem docs/radio-logs.md.',
].join('\n\n');

/** The machine route: as-run logs pushed with a station token (see docs/radio-logs.md). */
export function radioPushRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  typed(app).post(
    '/api/radio/as-run',
    {
      bodyLimit: AS_RUN_MAX_BYTES,
      config: {
        isMachineRoute: true,
        checksInputItself: true,
        rateLimit: {
          max: AS_RUN_PUSHES_PER_MINUTE,
          timeWindow: 60_000,
          // Per token (hashed: the limiter's store never holds a secret); without one, per address.
          keyGenerator: (request) => {
            const header = request.headers.authorization;
            return header ? `radio:${createHash('sha256').update(header).digest('hex')}` : `ip:${request.ip}`;
          },
        },
      },
      // After the rate limit (onRequest), before the body is read: a bad token costs no parsing.
      preParsing: async (request) => {
        request.radioStation = await authenticateStation(db, request.headers.authorization);
      },
      // The body schema documents the items; they are checked one by one in the handler instead.
      validatorCompiler: () => (data) => ({ value: data }),
      schema: {
        tags: ['radio'],
        summary: 'Gửi nhật ký phát sóng (as-run log) của một trạm: mỗi mục thành một lượt phát sóng',
        description: PUSH_DESCRIPTION,
        body: asRunPushBody,
        response: { 200: asRunPushResultSchema, ...commonErrors, 413: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request) => {
      const parsed = envelope.safeParse(request.body);
      if (!parsed.success)
        throw validationError(parsed.error.issues[0]?.message ?? 'Thân yêu cầu không hợp lệ.', [
          { field: 'body.items', message: parsed.error.issues[0]?.message ?? 'Không hợp lệ.' },
        ]);
      const station = request.radioStation;
      if (!station) throw new AppError('UNAUTHENTICATED', BAD_TOKEN_MESSAGE);
      return pushAsRun({
        db,
        station,
        items: parsed.data.items,
        actor: { userId: null, label: `radio:${station.code}`, ip: request.ip, requestId: request.id },
      });
    },
  );
}
