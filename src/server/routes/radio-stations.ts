import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  asRunUploadResultSchema,
  radioReceivedListSchema,
  radioStationInput,
  radioStationListSchema,
  radioStationSchema,
  radioStationTokenSchema,
} from '../../shared/api/radio';
import { createRadioStation } from '../domain/radio/create-radio-station';
import { findRadioStations } from '../domain/radio/find-radio-stations';
import { findReceived } from '../domain/radio/find-received';
import { revokeRadioStation } from '../domain/radio/revoke-radio-station';
import { rotateStationToken } from '../domain/radio/rotate-station-token';
import { uploadAsRun } from '../domain/radio/upload-as-run';
import { validationError } from '../errors';
import { actorOf, principalOf } from '../plugins/auth';
import { cleanFileName, megabytes } from '../storage/upload-form';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });
const stationParams = z.object({ stationId: uuidParam });
const writeErrors = { ...commonErrors, 409: errorBodySchema };
/** An as-run log of a month is a few thousand rows: far below this. */
const AS_RUN_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Radio stations (the systems that push as-run logs), their tokens, and as-run files uploaded by people. */
export function radioStationRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/radio-stations',
    {
      schema: {
        tags: ['radio'],
        summary:
          'Các trạm gửi nhật ký phát sóng của đơn vị và các đơn vị trực thuộc (không bao giờ có mã truy cập)',
        params: unitParams,
        response: { 200: radioStationListSchema, ...commonErrors },
      },
    },
    async (request) =>
      findRadioStations({ db, principal: principalOf(request), unitId: request.params.unitId }),
  );

  api.post(
    '/api/units/:unitId/radio-stations',
    {
      schema: {
        tags: ['radio'],
        summary: 'Tạo trạm cho một chương trình phát thanh của đơn vị; trả mã truy cập một lần duy nhất',
        description:
          'Mã truy cập (token) chỉ có trong câu trả lời này; máy chủ chỉ lưu SHA-256 của nó. Mã trạm đang được dùng: 409.',
        params: unitParams,
        body: radioStationInput,
        response: { 200: radioStationTokenSchema, ...writeErrors },
      },
    },
    async (request) =>
      createRadioStation({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  api.post(
    '/api/radio/stations/:stationId/rotate',
    {
      schema: {
        tags: ['radio'],
        summary: 'Cấp mã truy cập mới cho trạm (mã cũ hết hiệu lực ngay); trả mã mới một lần duy nhất',
        params: stationParams,
        response: { 200: radioStationTokenSchema, ...writeErrors },
      },
    },
    async (request) =>
      rotateStationToken({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        stationId: request.params.stationId,
      }),
  );

  api.delete(
    '/api/radio/stations/:stationId',
    {
      schema: {
        tags: ['radio'],
        summary: 'Thu hồi trạm: mã truy cập hết hiệu lực, các lượt phát đã nhận được giữ nguyên',
        params: stationParams,
        response: { 200: radioStationSchema, ...writeErrors },
      },
    },
    async (request) =>
      revokeRadioStation({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        stationId: request.params.stationId,
      }),
  );

  api.get(
    '/api/radio/stations/:stationId/received',
    {
      schema: {
        tags: ['radio'],
        summary: 'Các lượt phát trạm đã gửi gần đây (qua API hoặc tệp), mới nhất trước',
        params: stationParams,
        response: { 200: radioReceivedListSchema, ...commonErrors },
      },
    },
    async (request) =>
      findReceived({ db, principal: principalOf(request), stationId: request.params.stationId }),
  );

  // Multipart parsing stays inside this scope; the rest of the API keeps JSON only.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: AS_RUN_FILE_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    });
    typed(scope).post(
      '/api/radio/stations/:stationId/as-run.csv',
      {
        schema: {
          tags: ['radio'],
          summary: 'Nhập nhật ký phát sóng của trạm từ tệp CSV/XLSX: tất cả hoặc không, liệt kê mọi dòng lỗi',
          description: `multipart/form-data với trường "file" (CSV hoặc XLSX, tối đa ${megabytes(AS_RUN_FILE_MAX_BYTES)}). Cột: Mã, Thời điểm phát, Thời lượng (giây) hoặc Thời lượng (phút:giây), Tiêu đề; không bắt buộc: Chương trình, Nguồn, Ngôn ngữ, Mã trạm (xem docs/radio-logs.md). Có lỗi: 400 VALIDATION_FAILED với mọi dòng lỗi {row, column, message}, không lưu gì. Dòng có Mã đã nhận với cùng nội dung được bỏ qua (duplicates). Dòng có Mã đã nhận nhưng bản ghi đã bị xoá (hoàn tác lô, xoá tay) được nhập lại (recreated).`,
          consumes: ['multipart/form-data'],
          params: stationParams,
          response: {
            200: asRunUploadResultSchema,
            413: errorBodySchema,
            429: errorBodySchema,
            ...commonErrors,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const file = await readFilePart(request);
        return app.importSlots.run(principal.userId, () =>
          uploadAsRun({
            db,
            principal,
            actor: actorOf(request),
            stationId: request.params.stationId,
            fileName: file.fileName,
            content: file.content,
          }),
        );
      },
    );
  });
}

/** The one file of a multipart form, in memory (an as-run file is small; the limit stops a large one with 413). */
async function readFilePart(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  const noFile = () =>
    validationError('Chọn tệp nhật ký phát sóng (trường "file").', [
      { field: 'body.file', message: 'Chưa có tệp.' },
    ]);
  if (!request.isMultipart()) throw noFile();
  const part = await request.file();
  if (!part?.filename) throw noFile();
  return { fileName: cleanFileName(part.filename), content: await part.toBuffer() };
}
