import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import { reportResultsQuery, reportResultsSchema } from '../../shared/api/report-results';
import { formatVnDate } from '../../shared/dates';
import { buildReportResults } from '../domain/reports/build-report-results';
import { principalOf } from '../plugins/auth';
import { authorizeUnit } from '../policies/principal';
import { type RouteDeps, typed } from './deps';

export function reportResultsRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/report-results',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Phần I của báo cáo (Kết quả) của một đơn vị trong một khoảng ngày: số tin bài, lượt phát, chủ đề, ngôn ngữ, điểm',
        params: z.object({ unitId: uuidParam }),
        querystring: reportResultsQuery,
        response: { 200: reportResultsSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { unitId } = request.params;
      const { from, to, lang } = request.query;
      await authorizeUnit(db, principalOf(request), unitId, 'unit.view');
      return buildReportResults(db, {
        unitId,
        period: {
          key: request.query.periodKey ?? `${from}..${to}`,
          label: request.query.periodLabel ?? `${formatVnDate(from)}–${formatVnDate(to)}`,
          from,
          to,
        },
        lang,
        now: new Date(),
        ...(request.query.framework ? { frameworkCode: request.query.framework } : {}),
      });
    },
  );
}
