import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  checkNowBody,
  checkNowResultSchema,
  checkSchema,
  decideBody,
  exportDecisionsQuery,
  itemListQuery,
  itemListSchema,
  itemSchema,
  monitorSettingsBody,
  monitorSettingsSchema,
  overridesTestSchema,
  siteOverridesBody,
  siteOverridesSchema,
  unitMonitorSchema,
} from '../../shared/api/monitor';
import { decideItem } from '../domain/monitor/decide-item';
import { exportDecisions } from '../domain/monitor/export-decisions';
import { findMonitorItems } from '../domain/monitor/find-items';
import { getCheck, getUnitMonitor } from '../domain/monitor/get-unit-monitor';
import { getMonitorSettings, updateMonitorSettings } from '../domain/monitor/monitor-settings';
import { requestChecks } from '../domain/monitor/request-checks';
import { getSiteOverrides, testSiteOverrides, updateSiteOverrides } from '../domain/monitor/site-overrides';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';
import { sendDownload } from './send-download';

const unitParams = z.object({ unitId: uuidParam });
const checkParams = z.object({ checkId: uuidParam });
const itemParams = z.object({ monitorItemId: uuidParam });
/** A website DX column (a channel of kind website_column). */
const columnParams = z.object({ columnId: uuidParam });

/**
 * The website monitor (issue 11): a unit's monitored columns and banner, "check now" and its live
 * progress, the review queue and its decisions, the province's settings, a site's overrides and
 * their test against the live page, and the decisions exported for retraining.
 */
export function monitorRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);
  const tags = ['monitor'];

  api.get(
    '/api/units/:unitId/monitor',
    {
      schema: {
        tags,
        summary:
          'Giám sát trang tin của đơn vị: chuyên mục CĐS, lần kiểm tra gần nhất, tin tìm thấy, lỗi, banner',
        params: unitParams,
        response: { 200: unitMonitorSchema, ...commonErrors },
      },
    },
    async (request) => getUnitMonitor(db, principalOf(request), request.params.unitId),
  );

  api.post(
    '/api/units/:unitId/monitor/checks',
    {
      schema: {
        tags,
        summary:
          'Kiểm tra ngay chuyên mục CĐS và banner của đơn vị; trả về các lần kiểm tra để theo dõi tiến độ',
        params: unitParams,
        body: checkNowBody,
        response: { 200: checkNowResultSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => ({
      checks: await requestChecks({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        body: request.body,
        now: new Date(),
      }),
    }),
  );

  api.get(
    '/api/monitor/checks/:checkId',
    {
      schema: {
        tags,
        summary: 'Một lần kiểm tra: trạng thái, tiến độ, số trang, số tin, lý do lỗi',
        params: checkParams,
        response: { 200: checkSchema, ...commonErrors },
      },
    },
    async (request) => getCheck(db, principalOf(request), request.params.checkId),
  );

  api.get(
    '/api/monitor/items',
    {
      schema: {
        tags,
        summary: 'Tin trình giám sát tìm thấy (mặc định: hàng chờ xem xét) trong phạm vi của người dùng',
        querystring: itemListQuery,
        response: { 200: itemListSchema, ...commonErrors },
      },
    },
    async (request) => findMonitorItems(db, principalOf(request), request.query),
  );

  api.post(
    '/api/monitor/items/:monitorItemId/decision',
    {
      schema: {
        tags,
        summary: 'Quyết định một tin: là tin CĐS (kèm chủ đề) hay không; ghi đè bộ phân loại và được ghi nhớ',
        params: itemParams,
        body: decideBody,
        response: { 200: itemSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      decideItem({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        itemId: request.params.monitorItemId,
        body: request.body,
        now: new Date(),
      }),
  );

  api.get(
    '/api/monitor/decisions.jsonl',
    {
      schema: {
        tags,
        summary:
          'Tải các quyết định phân loại (JSON Lines: title, lead, isDx, topic) để huấn luyện lại bộ phân loại',
        querystring: exportDecisionsQuery,
        response: {
          200: {
            description: 'Tệp JSON Lines',
            content: { 'application/x-ndjson': { schema: z.string() } },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await exportDecisions(db, principalOf(request), request.query.unitId);
      return sendDownload(reply, {
        fileName: file.fileName,
        contentType: 'application/x-ndjson; charset=utf-8',
        content: Buffer.from(file.body, 'utf8'),
      });
    },
  );

  api.get(
    '/api/units/:unitId/monitor-settings',
    {
      schema: {
        tags,
        summary: 'Cài đặt giám sát trang tin của tỉnh chứa đơn vị',
        params: unitParams,
        response: { 200: monitorSettingsSchema, ...commonErrors },
      },
    },
    async (request) => getMonitorSettings(db, principalOf(request), request.params.unitId),
  );

  api.put(
    '/api/units/:unitId/monitor-settings',
    {
      schema: {
        tags,
        summary:
          'Sửa cài đặt giám sát của tỉnh: bật/tắt, giờ, chu kỳ, đích của banner, ngưỡng cảnh báo (cơ quan CĐS tỉnh)',
        params: unitParams,
        body: monitorSettingsBody,
        response: { 200: monitorSettingsSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateMonitorSettings({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        body: request.body,
      }),
  );

  api.get(
    '/api/monitor/columns/:columnId/overrides',
    {
      schema: {
        tags,
        summary: 'Cách đọc riêng chuyên mục của một trang (địa chỉ danh sách, bộ chọn CSS, định dạng ngày)',
        params: columnParams,
        response: { 200: siteOverridesSchema, ...commonErrors },
      },
    },
    async (request) => getSiteOverrides(db, principalOf(request), request.params.columnId),
  );

  api.put(
    '/api/monitor/columns/:columnId/overrides',
    {
      schema: {
        tags,
        summary: 'Lưu cách đọc riêng chuyên mục của một trang (cơ quan CĐS tỉnh)',
        params: columnParams,
        body: siteOverridesBody,
        response: { 200: siteOverridesSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateSiteOverrides({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        channelId: request.params.columnId,
        body: request.body,
      }),
  );

  api.post(
    '/api/monitor/columns/:columnId/overrides/test',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Thử cách đọc (chưa lưu) với trang thật: các tin đọc được và cách đọc; không lưu gì',
        params: columnParams,
        body: siteOverridesBody,
        response: { 200: overridesTestSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      testSiteOverrides({
        db,
        principal: principalOf(request),
        channelId: request.params.columnId,
        body: request.body,
      }),
  );
}
