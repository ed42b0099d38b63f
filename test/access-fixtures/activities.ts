import { randomBytes } from 'node:crypto';
import { insertActivities } from '../../src/server/db/repositories/activities';
import { insertChannel } from '../../src/server/db/repositories/channels';
import { insertLanguage, insertTopic } from '../../src/server/db/repositories/vocabulary';
import { findCurrentProvinceId } from '../../src/server/domain/units/find-province';
import { vnInstant } from '../../src/shared/dates';
import { foldForSearch } from '../../src/shared/text';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

// The target commune exists from 2025-07-01 (see test/access.test.ts): records are dated after it.
const DAY = '2025-08-04';
const hex = () => randomBytes(3).toString('hex');

async function provinceOf(env: AccessEnv): Promise<string> {
  const provinceId = await findCurrentProvinceId(env.db, env.targetUnitId);
  if (!provinceId) throw new Error('the access target has no province');
  return provinceId;
}

const record = (env: AccessEnv) => ({
  kind: 'post',
  unitId: env.targetUnitId,
  occurredOn: DAY,
  occurredTime: '08:30',
  title: `Tin chuyển đổi số ${hex()}`,
  topics: ['policy'],
  language: 'vi',
});

/** The record made for each target commune (by unit), for the bulk review that names records in its body. */
const recordOfTarget = new Map<string, string>();

/** Channels, records, calendar, vocabulary and translations (issue 3 items 1, 2, 3, 5). */
export const accessFixtures: AccessFixtures = {
  params: {
    // A channel no record uses, so that an allowed user may delete it at the end.
    channelId: async (env) =>
      insertChannel(env.db, {
        unitId: env.targetUnitId,
        kind: 'social_page',
        platform: 'facebook',
        name: `Trang Facebook ${hex()}`,
        url: 'https://facebook.com/xa',
      }),
    activityId: async (env) => {
      const title = `Tin của xã khác ${hex()}`;
      const [id] = await insertActivities(env.db, [
        {
          kind: 'post',
          unitId: env.targetUnitId,
          occurredAt: vnInstant(DAY, '09:00'),
          occurredOn: DAY,
          title,
          searchText: foldForSearch(title),
          provenance: 'form',
        },
      ]);
      // Another record for the bulk review: the one above is deleted by the sweep of its routes.
      const reviewTitle = `Tin để thẩm định ${hex()}`;
      const [reviewId] = await insertActivities(env.db, [
        {
          kind: 'post',
          unitId: env.targetUnitId,
          occurredAt: vnInstant(DAY, '10:00'),
          occurredOn: DAY,
          title: reviewTitle,
          searchText: foldForSearch(reviewTitle),
          provenance: 'form',
        },
      ]);
      recordOfTarget.set(env.targetUnitId, reviewId!);
      return id!;
    },
    topicId: async (env) =>
      (
        await insertTopic(env.db, {
          provinceId: await provinceOf(env),
          code: `rieng_${hex()}`,
          name: 'Chủ đề riêng của tỉnh',
        })
      ).id,
    languageId: async (env) =>
      (
        await insertLanguage(env.db, {
          provinceId: await provinceOf(env),
          code: `qaa-${hex()}`,
          name: 'Tiếng địa phương',
        })
      ).id,
  },
  bodies: {
    'POST /api/units/:unitId/channels': () => ({
      kind: 'radio_programme',
      platform: 'radio',
      name: `Chuyên mục CĐS ${hex()}`,
      startedOn: '2025-07-01',
    }),
    'PATCH /api/channels/:channelId': () => ({ name: 'Trang Facebook đổi tên' }),
    'PATCH /api/activities/:activityId': () => ({ title: `Tiêu đề đã sửa ${hex()}` }),
    'DELETE /api/activities/:activityId': () => ({ reason: 'Nhập nhầm đơn vị' }),
    'POST /api/activities/:activityId/restore': () => ({}),
    'POST /api/activities/:activityId/review': () => ({ status: 'accepted', note: 'Đúng nội dung' }),
    'POST /api/activities/:activityId/not-duplicate': () => ({}),
    'POST /api/units/:unitId/topics': () => ({ code: `rieng_${hex()}`, name: 'Chủ đề mới của tỉnh' }),
    'PATCH /api/topics/:topicId': () => ({ name: 'Chủ đề đổi tên' }),
    'POST /api/units/:unitId/languages': () => ({ code: `qaa-${hex()}`, name: 'Tiếng mới' }),
    'PATCH /api/languages/:languageId': () => ({ name: 'Tiếng đổi tên', isActive: false }),
  },
  plain: {
    'GET /api/activities': (env) => ({ url: `/api/activities?unitId=${env.targetUnitId}` }),
    'POST /api/activities': (env) => ({ url: '/api/activities', payload: record(env) }),
    'POST /api/activities/review': (env) => ({
      url: '/api/activities/review',
      payload: { ids: [recordOfTarget.get(env.targetUnitId)], status: 'accepted' },
    }),
    'POST /api/activities/batch': (env) => ({
      url: '/api/activities/batch',
      payload: { items: [record(env), record(env)] },
    }),
  },
};
