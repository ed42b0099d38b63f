import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { channelInput } from '../../shared/api/activities';
import { channelListItemSchema, channelListSchema, channelUpdate } from '../../shared/api/channels';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import { createChannel } from '../domain/channels/create-channel';
import { deleteChannel } from '../domain/channels/delete-channel';
import { findChannels } from '../domain/channels/find-channels';
import { updateChannel } from '../domain/channels/update-channel';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });
const channelParams = z.object({ channelId: uuidParam });

export function channelRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/units/:unitId/channels',
    {
      schema: {
        tags: ['channels'],
        summary:
          'Các kênh của đơn vị (chuyên mục web, chương trình phát thanh, báo, mạng xã hội, bảng điện tử), kể cả kênh đã kết thúc',
        params: unitParams,
        response: { 200: channelListSchema, ...commonErrors },
      },
    },
    async (request) => findChannels({ db, principal: principalOf(request), unitId: request.params.unitId }),
  );

  api.post(
    '/api/units/:unitId/channels',
    {
      schema: {
        tags: ['channels'],
        summary: 'Thêm kênh cho đơn vị (loại kênh và nền tảng phải khớp nhau)',
        params: unitParams,
        body: channelInput,
        response: { 200: channelListItemSchema, ...commonErrors },
      },
    },
    async (request) =>
      createChannel({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  api.patch(
    '/api/channels/:channelId',
    {
      schema: {
        tags: ['channels'],
        summary: 'Sửa kênh, hoặc kết thúc kênh bằng ngày kết thúc (endedOn)',
        params: channelParams,
        body: channelUpdate,
        response: { 200: channelListItemSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateChannel({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        channelId: request.params.channelId,
        update: request.body,
      }),
  );

  api.delete(
    '/api/channels/:channelId',
    {
      schema: {
        tags: ['channels'],
        summary: 'Xoá kênh nhập nhầm; kênh đã có bản ghi thì chỉ kết thúc được (409)',
        params: channelParams,
        response: { 200: z.object({ ok: z.literal(true) }), 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      await deleteChannel({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        channelId: request.params.channelId,
      });
      return { ok: true as const };
    },
  );
}
