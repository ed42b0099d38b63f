import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import { createUnitBody, unitEventBody } from '../../shared/api/unit-events';
import { createUnit } from '../domain/units/create-unit';
import { createUnitEvent } from '../domain/units/create-unit-event';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

export function unitEventRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.post(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm một đơn vị (sở, cơ quan báo chí, trung tâm văn hóa… dưới đơn vị bạn quản lý)',
        body: createUnitBody,
        response: { 200: z.object({ id: z.uuid() }), 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => ({
      id: await createUnit({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        input: request.body,
      }),
    }),
  );

  api.post(
    '/api/unit-events',
    {
      schema: {
        tags: ['units'],
        summary: 'Ghi nhận sáp nhập, chia tách, giải thể, đổi tên hoặc chuyển trực thuộc (quản trị hệ thống)',
        body: unitEventBody,
        response: { 200: z.object({ id: z.uuid() }), ...commonErrors },
      },
    },
    async (request) => ({
      id: await createUnitEvent({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        input: request.body,
      }),
    }),
  );
}
