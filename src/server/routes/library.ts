import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  libraryCreatedSchema,
  libraryItemDetailSchema,
  libraryItemInput,
  libraryItemUpdate,
  libraryListQuery,
  libraryListSchema,
  libraryTranslationInput,
} from '../../shared/api/library';
import { findLibraryItems } from '../domain/library/find-library-items';
import { getLibraryItem } from '../domain/library/get-library-item';
import { publishLibraryItem } from '../domain/library/publish-library-item';
import { checkCanTranslate, translateLibraryItem } from '../domain/library/translate-library-item';
import { updateLibraryItem } from '../domain/library/update-library-item';
import { actorOf, principalOf } from '../plugins/auth';
import { authorizeUnit } from '../policies/principal';
import { createLocalFileStore } from '../storage/local-file-store';
import { megabytes, readJsonOrForm, registerUploads } from '../storage/upload-form';
import { type RouteDeps, typed } from './deps';

const itemParams = z.object({ itemId: uuidParam });
const writeErrors = { ...commonErrors, 409: errorBodySchema, 413: errorBodySchema };

/** The content library: materials a DX office publishes to its subtree, and their translations. */
export function libraryRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const store = createLocalFileStore(config.dataDir);
  const maxBytes = config.uploadMaxBytes;
  const formNote = `JSON, hoặc multipart/form-data với cùng các trường và tệp ở trường "file" (tối đa ${megabytes(maxBytes)}; kiểu xác định theo nội dung).`;

  void app.register(async (scope) => {
    await registerUploads(scope, maxBytes);
    const api = typed(scope);

    api.post(
      '/api/units/:unitId/library',
      {
        schema: {
          tags: ['library'],
          summary: 'Đăng tài liệu vào thư viện của đơn vị (bài viết, kịch bản, âm thanh, banner, hướng dẫn)',
          description: `${formNote} Bài viết và kịch bản cần "body"; âm thanh, banner, hướng dẫn cần tệp. Không có "publishedAt": bản nháp.`,
          consumes: ['application/json', 'multipart/form-data'],
          params: z.object({ unitId: uuidParam }),
          body: libraryItemInput.nullish(),
          response: { 200: libraryCreatedSchema, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { unitId } = request.params;
        await authorizeUnit(db, principal, unitId, 'library.publish');
        const { input, upload } = await readJsonOrForm(
          request,
          store,
          maxBytes,
          libraryItemInput,
          request.body,
        );
        return publishLibraryItem({ db, principal, actor: actorOf(request), unitId, input, upload });
      },
    );

    api.get(
      '/api/library',
      {
        schema: {
          tags: ['library'],
          summary:
            'Tài liệu thư viện bạn được dùng: do cấp trên và đơn vị của bạn phát hành, kèm số lần sử dụng',
          querystring: libraryListQuery,
          response: { 200: libraryListSchema, ...commonErrors },
        },
      },
      async (request) => findLibraryItems({ db, principal: principalOf(request), query: request.query }),
    );

    api.get(
      '/api/library/:itemId',
      {
        schema: {
          tags: ['library'],
          summary: 'Một tài liệu thư viện, các bản dịch và số lần sử dụng',
          params: itemParams,
          response: { 200: libraryItemDetailSchema, ...commonErrors },
        },
      },
      async (request) =>
        getLibraryItem({ db, principal: principalOf(request), itemId: request.params.itemId }),
    );

    api.patch(
      '/api/library/:itemId',
      {
        schema: {
          tags: ['library'],
          summary: 'Sửa tài liệu thư viện; publishedAt = null đưa về bản nháp',
          params: itemParams,
          body: libraryItemUpdate,
          response: { 200: libraryItemDetailSchema, ...writeErrors },
        },
      },
      async (request) =>
        updateLibraryItem({
          db,
          principal: principalOf(request),
          actor: actorOf(request),
          itemId: request.params.itemId,
          input: request.body,
        }),
    );

    api.post(
      '/api/library/:itemId/translations',
      {
        schema: {
          tags: ['library'],
          summary: 'Thêm bản dịch sang một ngôn ngữ trong danh mục của tỉnh (mỗi ngôn ngữ một bản)',
          description: formNote,
          consumes: ['application/json', 'multipart/form-data'],
          params: itemParams,
          body: libraryTranslationInput.nullish(),
          response: { 200: libraryCreatedSchema, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { itemId } = request.params;
        if (request.isMultipart()) await checkCanTranslate({ db, principal, itemId });
        const { input, upload } = await readJsonOrForm(
          request,
          store,
          maxBytes,
          libraryTranslationInput,
          request.body,
        );
        return translateLibraryItem({ db, principal, actor: actorOf(request), itemId, input, upload });
      },
    );
  });
}
