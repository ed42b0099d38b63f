import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import {
  countedRecordsQuery,
  countedRecordsSchema,
  rankingQuery,
  rankingSchema,
  scoreboardQuery,
  scoreboardSchema,
  scoreHistoryQuery,
  scoreHistorySchema,
  unitScoreQuery,
  unitScoreSchema,
} from '../../shared/api/scoring';
import { today } from '../db/repositories/units';
import { computeRanking } from '../domain/scoring/compute-ranking';
import { computeScoreboard, pageScoreboard } from '../domain/scoring/compute-scoreboard';
import { listCountedRecords } from '../domain/scoring/list-counted-records';
import { scoreHistory } from '../domain/scoring/score-history';
import { scoreUnit } from '../domain/scoring/score-unit';
import { principalOf } from '../plugins/auth';
import { countingDay } from './counting-day';
import { type RouteDeps, typed } from './deps';

export function scoringRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/scoreboard',
    {
      schema: {
        tags: ['scoring'],
        summary:
          'Bảng điểm trực tiếp: đơn vị × tiêu chí của một cây đơn vị (hoặc cả nước) cho một bộ chỉ số và một kỳ; lọc theo trạng thái, sắp theo tên hoặc tỉ lệ, chia trang khi có page hoặc pageSize',
        querystring: scoreboardQuery,
        response: { 200: scoreboardSchema, ...commonErrors },
      },
    },
    async (request) =>
      pageScoreboard(
        await computeScoreboard(db, principalOf(request), request.query, countingDay(request.query.asOf)),
        request.query,
      ),
  );

  api.get(
    '/api/units/:unitId/scores',
    {
      schema: {
        tags: ['scoring'],
        summary:
          'Điểm trực tiếp của một đơn vị: giải thích, dự báo cuối kỳ và những gì còn thiếu theo từng tiêu chí',
        params: z.object({ unitId: uuidParam }),
        querystring: unitScoreQuery,
        response: { 200: unitScoreSchema, ...commonErrors },
      },
    },
    async (request) =>
      scoreUnit(
        db,
        principalOf(request),
        request.params.unitId,
        request.query,
        countingDay(request.query.asOf),
      ),
  );

  api.get(
    '/api/units/:unitId/scores/:criterion/records',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Các bản ghi được tính cho một tiêu chí của đơn vị trong kỳ',
        params: z.object({ unitId: uuidParam, criterion: z.string().max(40) }),
        querystring: countedRecordsQuery,
        response: { 200: countedRecordsSchema, ...commonErrors },
      },
    },
    async (request) =>
      listCountedRecords(
        db,
        principalOf(request),
        request.params.unitId,
        request.params.criterion,
        request.query,
        countingDay(request.query.asOf),
      ),
  );

  api.get(
    '/api/rankings',
    {
      schema: {
        tags: ['scoring'],
        summary:
          'Bảng xếp hạng các đơn vị theo loại trong một kỳ (điểm thẩm định đã công bố, nếu chưa có thì điểm tự động), kèm thứ hạng kỳ trước',
        querystring: rankingQuery,
        response: { 200: rankingSchema, ...commonErrors },
      },
    },
    async (request) =>
      computeRanking(db, principalOf(request), request.query, countingDay(request.query.asOf)),
  );

  api.get(
    '/api/units/:unitId/score-history',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Điểm của đơn vị qua các kỳ theo một bộ chỉ số (mỗi kỳ theo phiên bản có hiệu lực khi đó)',
        params: z.object({ unitId: uuidParam }),
        querystring: scoreHistoryQuery,
        response: { 200: scoreHistorySchema, ...commonErrors },
      },
    },
    async (request) => scoreHistory(db, principalOf(request), request.params.unitId, request.query, today()),
  );
}
