import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import { evidenceDetailSchema, evidencePublicInput } from '../../shared/api/evidence';
import {
  publicRankingSchema,
  publicResultsInput,
  publicResultsSettingSchema,
} from '../../shared/api/public-results';
import { todayVn } from '../../shared/dates';
import { setEvidencePublic } from '../domain/evidence/set-evidence-public';
import {
  findPublicEvidenceFile,
  findPublishedRankings,
  getPublicRanking,
  getPublicUnitResult,
} from '../domain/public-results/load-public-results';
import {
  findPublicProvince,
  getPublicResultsSetting,
  setPublicResults,
} from '../domain/public-results/public-results-setting';
import { findPublicResultsStamp } from '../domain/public-results/public-results-stamp';
import { actorOf, principalOf } from '../plugins/auth';
import {
  PUBLIC_CSS,
  PUBLIC_CSS_PATH,
  renderNotFoundPage,
  renderProvincePage,
  renderRankingPage,
  renderUnitPage,
} from '../public-pages/render-public-pages';
import { contentDisposition, isViewableInline } from '../storage/content-disposition';
import { createLocalFileStore } from '../storage/local-file-store';
import { type RouteDeps, typed } from './deps';

/** Short enough that a newly published appraisal shows within minutes; long enough to spare the server. */
const PUBLIC_CACHE = 'public, max-age=300';
// Loose on purpose: a malformed address gets the same 404 page as an unknown one, never a 400.
const code = z.string().max(100);
const periodKey = z.string().max(100);
const frameworkCode = z.string().max(100);
const anyId = z.string().max(100);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public results page of a province (issue 10 item 8) and the settings behind it. The pages are
 * reachable without login, only for a province whose DX office turned them on; any other code gets
 * the same 404 as one that does not exist. They show published appraisals only.
 */
export function publicResultsRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const api = typed(app);
  const store = createLocalFileStore(config.dataDir);

  // ---- Settings (signed in) ------------------------------------------------------------------

  api.get(
    '/api/units/:unitId/public-results',
    {
      schema: {
        tags: ['public-results'],
        summary: 'Trang công khai kết quả của tỉnh chứa đơn vị: đang bật hay tắt, địa chỉ, ai được đổi',
        params: z.object({ unitId: uuidParam }),
        response: { 200: publicResultsSettingSchema, ...commonErrors },
      },
    },
    async (request) =>
      getPublicResultsSetting({ db, principal: principalOf(request), unitId: request.params.unitId }),
  );

  api.put(
    '/api/units/:unitId/public-results',
    {
      schema: {
        tags: ['public-results'],
        summary: 'Bật hoặc tắt trang công khai kết quả của tỉnh (cơ quan chuyển đổi số của tỉnh)',
        params: z.object({ unitId: uuidParam }),
        body: publicResultsInput,
        response: { 200: publicResultsSettingSchema, ...commonErrors },
      },
    },
    async (request) =>
      setPublicResults({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        isEnabled: request.body.isEnabled,
      }),
  );

  api.patch(
    '/api/evidence/:evidenceId/public',
    {
      schema: {
        tags: ['public-results'],
        summary: 'Công khai (hoặc thôi) một minh chứng trên trang kết quả công khai của tỉnh',
        params: z.object({ evidenceId: uuidParam }),
        body: evidencePublicInput,
        response: { 200: evidenceDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      setEvidencePublic({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        evidenceId: request.params.evidenceId,
        isPublic: request.body.isPublic,
      }),
  );

  // ---- Public pages (no login) ---------------------------------------------------------------

  const isPublic = { isPublic: true };
  const hide = { hide: true };

  /**
   * Public pages are rendered once per state of the data (see findPublicResultsStamp) and kept in
   * memory: on the day a province announces its results, thousands of phones read the same pages.
   */
  const rendered = new Map<string, { stamp: string; etag: string; type: string; body: string }>();
  const RENDERED_LIMIT = 500;

  /**
   * Answers from the browser's copy (304) or from memory when nothing changed since it was rendered;
   * otherwise renders (null from `render`: the same 404 for a page that is not there or not public).
   */
  async function sendPublic(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'html' | 'json',
    render: () => Promise<string | null>,
  ) {
    const stamp = await findPublicResultsStamp(db, todayVn());
    const key = `${kind} ${request.url.split('?')[0]}`;
    const etag = `"${createHash('sha256').update(`${key}|${stamp}`).digest('base64url').slice(0, 27)}"`;
    let entry = rendered.get(key);
    if (!entry || entry.stamp !== stamp) {
      const body = await render();
      if (body === null) return kind === 'html' ? notFoundPage(reply) : notFoundJson(reply);
      const type = kind === 'html' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
      entry = { stamp, etag, type, body };
      if (rendered.size >= RENDERED_LIMIT) rendered.clear();
      rendered.set(key, entry);
    }
    reply.header('cache-control', PUBLIC_CACHE).header('etag', entry.etag).header('vary', 'accept-encoding');
    if (matchesEtag(request, entry.etag)) return reply.code(304).send();
    return reply.type(entry.type).send(entry.body);
  }

  function notFoundPage(reply: FastifyReply) {
    return reply
      .code(404)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderNotFoundPage());
  }

  function notFoundJson(reply: FastifyReply) {
    return reply
      .code(404)
      .header('cache-control', 'no-cache')
      .send({ code: 'NOT_FOUND', message: 'Không tìm thấy.', details: [] });
  }

  const cssEtag = `"${createHash('sha256').update(PUBLIC_CSS).digest('base64url').slice(0, 27)}"`;
  app.get(PUBLIC_CSS_PATH, { config: isPublic, schema: hide }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', cssEtag);
    if (matchesEtag(request, cssEtag)) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(PUBLIC_CSS);
  });

  const provinceParams = z.object({ provinceCode: code });
  const rankingParams = provinceParams.extend({ frameworkCode, periodKey });

  api.get(
    '/public/:provinceCode',
    { config: isPublic, schema: { hide: true, params: provinceParams } },
    async (request, reply) =>
      sendPublic(request, reply, 'html', async () => {
        const province = await findPublicProvince(db, request.params.provinceCode);
        return province ? renderProvincePage(province, await findPublishedRankings(db, province)) : null;
      }),
  );

  api.get(
    '/public/:provinceCode/:frameworkCode/:periodKey',
    { config: isPublic, schema: { hide: true, params: rankingParams } },
    async (request, reply) =>
      sendPublic(request, reply, 'html', async () => {
        const { provinceCode, frameworkCode: framework, periodKey: period } = request.params;
        const province = await findPublicProvince(db, provinceCode);
        const ranking = province && (await getPublicRanking(db, province, framework, period, todayVn()));
        return ranking ? renderRankingPage(ranking) : null;
      }),
  );

  api.get(
    '/public/:provinceCode/:frameworkCode/:periodKey/don-vi/:unitId',
    { config: isPublic, schema: { hide: true, params: rankingParams.extend({ unitId: anyId }) } },
    async (request, reply) =>
      sendPublic(request, reply, 'html', async () => {
        const { provinceCode, frameworkCode: framework, periodKey: period, unitId } = request.params;
        const province = UUID.test(unitId) ? await findPublicProvince(db, provinceCode) : null;
        const result =
          province && (await getPublicUnitResult(db, province, framework, period, unitId, todayVn()));
        return result && province ? renderUnitPage(result, province.code) : null;
      }),
  );

  api.get(
    '/public/:provinceCode/tep/:evidenceId',
    { config: isPublic, schema: { hide: true, params: provinceParams.extend({ evidenceId: anyId }) } },
    async (request, reply) => {
      const { provinceCode, evidenceId } = request.params;
      const province = UUID.test(evidenceId) ? await findPublicProvince(db, provinceCode) : null;
      const file = province && (await findPublicEvidenceFile(db, province, evidenceId));
      if (!file) return notFoundPage(reply);
      const etag = `"${file.sha256}"`;
      reply.header('cache-control', PUBLIC_CACHE).header('etag', etag);
      if (matchesEtag(request, etag)) return reply.code(304).send();
      const inline = isViewableInline(file.mimeType);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', contentDisposition(file.originalName, inline))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(file.sizeBytes))
        .send(await store.get(file.storageKey));
    },
  );

  // Any other address under /public is the same "not found" page (not the app's index.html).
  app.get('/public/*', { config: isPublic, schema: hide }, async (_request, reply) => notFoundPage(reply));

  // ---- The same as JSON ---------------------------------------------------------------------

  api.get(
    '/public/api/:provinceCode',
    { config: isPublic, schema: { hide: true, params: provinceParams } },
    async (request, reply) =>
      sendPublic(request, reply, 'json', async () => {
        const province = await findPublicProvince(db, request.params.provinceCode);
        if (!province) return null;
        const rankings = await findPublishedRankings(db, province);
        const body = {
          province: { code: province.code, name: province.name },
          rankings: rankings.map((entry) => ({
            frameworkCode: entry.frameworkCode,
            frameworkName: entry.frameworkName,
            periodKey: entry.periodKey,
            periodLabel: entry.periodLabel,
            units: entry.units,
            lastPublishedAt: entry.lastPublishedAt?.toISOString() ?? null,
          })),
        };
        return JSON.stringify(body);
      }),
  );

  api.get(
    '/public/api/:provinceCode/:frameworkCode/:periodKey',
    { config: isPublic, schema: { hide: true, params: rankingParams } },
    async (request, reply) =>
      sendPublic(request, reply, 'json', async () => {
        const { provinceCode, frameworkCode: framework, periodKey: period } = request.params;
        const province = await findPublicProvince(db, provinceCode);
        const ranking = province && (await getPublicRanking(db, province, framework, period, todayVn()));
        // The schema is the whitelist: nothing but the published figures leaves.
        return ranking ? JSON.stringify(publicRankingSchema.parse(ranking)) : null;
      }),
  );
}

function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const held = request.headers['if-none-match'];
  return Boolean(held?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));
}
