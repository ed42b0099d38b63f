import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import {
  asOfQuery,
  importQuery,
  importResultSchema,
  subtreeRowSchema,
  unitDetailSchema,
  unitHistorySchema,
  unitSchema,
  unitSearchQuery,
  unitUpdateBody,
} from '../../shared/api/units';
import {
  findChildren,
  findRollup,
  findSubtree,
  findTreeRoots,
  searchUnitsInScope,
} from '../domain/units/find-units';
import { getUnit } from '../domain/units/get-unit';
import { getUnitHistory } from '../domain/units/get-unit-history';
import { importUnits } from '../domain/units/import-units';
import { updateUnit } from '../domain/units/update-unit';
import { forbidden } from '../errors';
import { actorOf, principalOf } from '../plugins/auth';
import { isGlobal } from '../policies/principal';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });

export function unitRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Tìm đơn vị trong phạm vi của bạn (không phân biệt dấu, hoa thường)',
        querystring: unitSearchQuery,
        response: { 200: z.object({ items: z.array(unitSchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const { q, kind, date, limit } = request.query;
      return {
        items: await searchUnitsInScope({
          db,
          principal: principalOf(request),
          text: q,
          kinds: kind,
          date,
          limit,
        }),
      };
    },
  );

  api.get(
    '/api/units/roots',
    {
      schema: {
        tags: ['units'],
        summary: 'Gốc cây đơn vị của bạn vào một ngày',
        querystring: asOfQuery,
        response: { 200: z.object({ items: z.array(unitSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findTreeRoots({ db, principal: principalOf(request), date: request.query.date }),
    }),
  );

  api.get(
    '/api/units/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: 'Một đơn vị như vào một ngày (mặc định hôm nay), kèm các thao tác bạn được làm',
        params: unitParams,
        querystring: asOfQuery,
        response: { 200: unitDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      getUnit({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        date: request.query.date,
      }),
  );

  api.get(
    '/api/units/:unitId/children',
    {
      schema: {
        tags: ['units'],
        summary: 'Đơn vị trực thuộc vào một ngày',
        params: unitParams,
        querystring: asOfQuery,
        response: { 200: z.object({ items: z.array(subtreeRowSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findChildren({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        date: request.query.date,
      }),
    }),
  );

  api.get(
    '/api/units/:unitId/subtree',
    {
      schema: {
        tags: ['units'],
        summary: 'Cây con của đơn vị vào một ngày',
        params: unitParams,
        querystring: asOfQuery.extend({ maxDepth: z.coerce.number().int().min(0).max(10).optional() }),
        response: { 200: z.object({ items: z.array(subtreeRowSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findSubtree({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        date: request.query.date,
        maxDepth: request.query.maxDepth,
      }),
    }),
  );

  api.get(
    '/api/units/:unitId/history',
    {
      schema: {
        tags: ['units'],
        summary: 'Lịch sử: tên và cấp trên qua các thời kỳ, sự kiện sáp nhập, đơn vị kế thừa và tiền thân',
        params: unitParams,
        response: { 200: unitHistorySchema, ...commonErrors },
      },
    },
    async (request) => getUnitHistory({ db, principal: principalOf(request), unitId: request.params.unitId }),
  );

  api.get(
    '/api/units/:unitId/rollup',
    {
      schema: {
        tags: ['units'],
        summary: 'Các đơn vị có số liệu được cộng dồn vào đơn vị này (cây con và tiền thân qua sáp nhập)',
        params: unitParams,
        response: { 200: z.object({ items: z.array(unitSchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await findRollup({ db, principal: principalOf(request), unitId: request.params.unitId }),
    }),
  );

  api.patch(
    '/api/units/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa thông tin không mang tính lịch sử của đơn vị (trang web)',
        params: unitParams,
        body: unitUpdateBody,
        response: { 200: unitDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await updateUnit({
        db,
        principal,
        actor: actorOf(request),
        unitId: request.params.unitId,
        websiteUrl: request.body.websiteUrl,
      });
      return getUnit({ db, principal, unitId: request.params.unitId });
    },
  );

  api.post(
    '/api/units/import',
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['units'],
        summary: 'Nhập danh mục đơn vị (JSON theo mẫu danh mục quốc gia, CSV hoặc XLSX); tất cả hoặc không',
        description: 'Gửi nội dung tệp làm thân yêu cầu với Content-Type: application/octet-stream.',
        querystring: importQuery,
        consumes: ['application/octet-stream'],
        response: { 200: importResultSchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      // The national list creates and renames units anywhere: only a national administrator may load it.
      if (!isGlobal(principal, 'unit.import'))
        throw forbidden('Chỉ quản trị hệ thống được nhập danh mục đơn vị hành chính.');
      const content = request.body as unknown;
      if (!Buffer.isBuffer(content)) throw forbidden('Gửi tệp dưới dạng application/octet-stream.');
      return app.importSlots.run(principal.userId, () =>
        importUnits({
          db,
          actor: actorOf(request),
          fileName: request.query.fileName,
          content,
          effectiveDate: request.query.effectiveDate,
        }),
      );
    },
  );
}
