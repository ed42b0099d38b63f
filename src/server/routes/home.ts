import type { FastifyInstance } from 'fastify';
import { commonErrors } from '../../shared/api/common';
import { homeCountsSchema, homeQuery, homeSchema } from '../../shared/api/home';
import { today } from '../db/repositories/units';
import { countHome, getHome } from '../domain/home/get-home';
import { principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

/** The role home: what each of the user's roles has to do now, scoped to the grants' units. */
export function homeRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/home',
    {
      schema: {
        tags: ['home'],
        summary:
          'Trang chủ theo vai trò: việc đến hạn, quá hạn, còn thiếu, bị trả lại; chờ ban hành, duyệt, gửi; hàng chờ thẩm định; đơn vị chậm, chưa bắt đầu, quá hạn',
        querystring: homeQuery,
        response: { 200: homeSchema, ...commonErrors },
      },
    },
    async (request) => getHome({ db, principal: principalOf(request), query: request.query, today: today() }),
  );

  api.get(
    '/api/home/counts',
    {
      schema: {
        tags: ['home'],
        summary: 'Số đếm cho menu: việc đến hạn/quá hạn, việc chờ bạn, hàng chờ thẩm định',
        response: { 200: homeCountsSchema, ...commonErrors },
      },
    },
    async (request) => countHome({ db, principal: principalOf(request), today: today() }),
  );
}
