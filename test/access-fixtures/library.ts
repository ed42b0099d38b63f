import { insertLibraryItem } from '../../src/server/db/repositories/library';
import type { AccessFixtures } from '../support/access-types';

/** A published article owned by the target commune: its neighbours must not see it (no sideways flow). */
export const accessFixtures: AccessFixtures = {
  params: {
    itemId: (env) =>
      insertLibraryItem(env.db, {
        ownerUnitId: env.targetUnitId,
        kind: 'article',
        title: 'Bài của xã khác',
        searchText: 'bai cua xa khac',
        body: 'Nội dung.',
        publishedAt: new Date('2026-01-01T00:00:00Z'),
      }),
  },
  bodies: {
    'POST /api/units/:unitId/library': () => ({
      kind: 'article',
      title: 'Bài lạ',
      body: 'Nội dung lạ.',
      publishedAt: '2026-01-02T08:00:00+07:00',
    }),
    'PATCH /api/library/:itemId': () => ({ title: 'Bài đã đổi tên' }),
    'POST /api/library/:itemId/translations': () => ({
      language: 'sed',
      title: 'Bản tiếng Xơ Đăng',
      body: 'Nội dung dịch.',
    }),
  },
  plain: {
    'GET /api/library': (env) => ({ url: `/api/library?unitId=${env.targetUnitId}` }),
  },
};
