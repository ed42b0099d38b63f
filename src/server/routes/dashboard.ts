import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import {
  provinceDashboardExportQuery,
  provinceDashboardQuery,
  provinceDashboardSchema,
  unitDashboardQuery,
  unitDashboardSchema,
} from '../../shared/api/dashboard';
import { rankingQuery, scoreboardExportQuery } from '../../shared/api/scoring';
import { exportDashboardTable } from '../domain/dashboard/export-dashboard-table';
import { exportRanking } from '../domain/dashboard/export-ranking';
import { exportScoreboard } from '../domain/dashboard/export-scoreboard';
import { getProvinceDashboard } from '../domain/dashboard/get-province-dashboard';
import { getUnitDashboard } from '../domain/dashboard/get-unit-dashboard';
import { principalOf } from '../plugins/auth';
import { XLSX_TYPE } from '../reports/file-name';
import { countingDay } from './counting-day';
import { type RouteDeps, typed } from './deps';
import { sendDownload } from './send-download';

const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
});

export function dashboardRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/dashboard/province',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Tổng quan của tỉnh (hoặc một đơn vị): tình hình nộp báo cáo, phân bố điểm, đơn vị có nguy cơ, lượt phát CĐS theo tuần, xu hướng qua các năm',
        querystring: provinceDashboardQuery,
        response: { 200: provinceDashboardSchema, ...commonErrors },
      },
    },
    async (request) =>
      getProvinceDashboard(db, principalOf(request), request.query, countingDay(request.query.asOf)),
  );

  api.get(
    '/api/dashboard/province/export.xlsx',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Tải một bảng của trang tổng quan dưới dạng XLSX',
        querystring: provinceDashboardExportQuery,
        response: { 200: xlsxResponse('Tệp XLSX: bảng và trang thông tin.'), ...commonErrors },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportDashboardTable(db, principalOf(request), request.query, countingDay(request.query.asOf)),
      ),
  );

  api.get(
    '/api/units/:unitId/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Tổng quan của một đơn vị: tiến độ từng tiêu chí trong năm và những việc sắp đến hạn',
        params: z.object({ unitId: uuidParam }),
        querystring: unitDashboardQuery,
        response: { 200: unitDashboardSchema, ...commonErrors },
      },
    },
    async (request) =>
      getUnitDashboard(
        db,
        principalOf(request),
        request.params.unitId,
        request.query,
        countingDay(request.query.asOf),
      ),
  );

  api.get(
    '/api/scoreboard/export.xlsx',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Tải bảng điểm dưới dạng XLSX (điểm chính thức và điểm tự động ở hai cột riêng)',
        querystring: scoreboardExportQuery,
        response: { 200: xlsxResponse('Tệp XLSX: bảng điểm và trang thông tin.'), ...commonErrors },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportScoreboard(db, principalOf(request), request.query, countingDay(request.query.asOf)),
      ),
  );

  api.get(
    '/api/rankings/export.xlsx',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Tải bảng xếp hạng dưới dạng XLSX (điểm chính thức và điểm tự động ở hai cột riêng)',
        querystring: rankingQuery,
        response: { 200: xlsxResponse('Tệp XLSX: bảng xếp hạng và trang thông tin.'), ...commonErrors },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportRanking(db, principalOf(request), request.query, countingDay(request.query.asOf)),
      ),
  );
}
