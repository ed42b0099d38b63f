import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditEntrySchema, auditQuery } from '../../shared/api/audit';
import { commonErrors } from '../../shared/api/common';
import { findAuditLog } from '../domain/audit/find-audit-log';
import { principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

export function auditRoutes(app: FastifyInstance, { database }: RouteDeps) {
  typed(app).get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi: ai, khi nào, việc gì, trước và sau',
        querystring: auditQuery,
        response: {
          200: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      findAuditLog({ db: database.db, principal: principalOf(request), filter: request.query }),
  );
}
