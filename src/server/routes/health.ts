import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/api/common';
import { type RouteDeps, typed } from './deps';

export function healthRoutes(app: FastifyInstance, { database }: RouteDeps) {
  typed(app).get(
    '/api/health',
    {
      config: { isPublic: true },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
          500: errorBodySchema,
        },
      },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: database.kind };
    },
  );
}
