import type { FastifyInstance } from 'fastify';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import { jobOverviewSchema, jobRetryParams, jobRetryResult } from '../../shared/api/jobs';
import { findJobOverview } from '../domain/jobs/find-job-overview';
import { retryJob } from '../domain/jobs/retry-job';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

export function adminJobRoutes(app: FastifyInstance, { database, jobs }: RouteDeps) {
  const api = typed(app);

  api.get(
    '/api/admin/jobs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Tác vụ nền: hàng đợi, số lượng, lần chạy lỗi và thư chết (quản trị hệ thống)',
        response: { 200: jobOverviewSchema, ...commonErrors },
      },
    },
    async (request) => findJobOverview({ jobs, principal: principalOf(request) }),
  );

  api.post(
    '/api/admin/jobs/:queue/:jobId/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Chạy lại một tác vụ đã thất bại hoặc nằm trong hàng thư chết',
        params: jobRetryParams,
        response: { 200: jobRetryResult, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      retryJob({
        db: database.db,
        jobs,
        principal: principalOf(request),
        actor: actorOf(request),
        queue: request.params.queue,
        id: request.params.jobId,
      }),
  );
}
