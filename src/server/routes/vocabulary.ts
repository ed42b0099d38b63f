import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  languageInput,
  languageSchema,
  languageUpdate,
  topicInput,
  topicSchema,
  topicUpdate,
  vocabularyQuery,
  vocabularySchema,
} from '../../shared/api/vocabulary';
import { getVocabulary } from '../domain/vocabulary/get-vocabulary';
import { createLanguage, updateLanguage } from '../domain/vocabulary/manage-languages';
import { createTopic, updateTopic } from '../domain/vocabulary/manage-topics';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });

export function vocabularyRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/vocabulary',
    {
      schema: {
        tags: ['vocabulary'],
        summary: 'Chủ đề (D11) và ngôn ngữ dùng được cho bản ghi của đơn vị: danh mục quốc gia và của tỉnh',
        params: unitParams,
        querystring: vocabularyQuery,
        response: { 200: vocabularySchema, ...commonErrors },
      },
    },
    async (request) =>
      getVocabulary({
        db,
        principal: principalOf(request),
        unitId: request.params.unitId,
        includeInactive: request.query.includeInactive,
      }),
  );

  api.post(
    '/api/units/:unitId/topics',
    {
      schema: {
        tags: ['vocabulary'],
        summary: 'Thêm chủ đề riêng của tỉnh chứa đơn vị (cơ quan chuyển đổi số của tỉnh)',
        params: unitParams,
        body: topicInput,
        response: { 200: topicSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      createTopic({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  api.patch(
    '/api/topics/:topicId',
    {
      schema: {
        tags: ['vocabulary'],
        summary: 'Đổi tên, thứ tự hoặc tắt/bật chủ đề riêng của tỉnh (danh mục quốc gia chỉ đọc)',
        params: z.object({ topicId: uuidParam }),
        body: topicUpdate,
        response: { 200: topicSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateTopic({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        topicId: request.params.topicId,
        update: request.body,
      }),
  );

  api.post(
    '/api/units/:unitId/languages',
    {
      schema: {
        tags: ['vocabulary'],
        summary: 'Thêm ngôn ngữ riêng của tỉnh chứa đơn vị (mã BCP-47 / ISO 639-3)',
        params: unitParams,
        body: languageInput,
        response: { 200: languageSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      createLanguage({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  api.patch(
    '/api/languages/:languageId',
    {
      schema: {
        tags: ['vocabulary'],
        summary: 'Đổi tên hoặc tắt/bật ngôn ngữ riêng của tỉnh (danh mục quốc gia chỉ đọc)',
        params: z.object({ languageId: uuidParam }),
        body: languageUpdate,
        response: { 200: languageSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateLanguage({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        languageId: request.params.languageId,
        update: request.body,
      }),
  );
}
