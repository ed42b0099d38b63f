import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { activities } from '../src/server/db/schema-activities';
import type { ActivityListItemDto, BulkReviewResultDto } from '../src/shared/api/activities';
import { vnInstant } from '../src/shared/dates';
import type { ErrorBody } from '../src/shared/errors';
import { foldForSearch } from '../src/shared/text';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

describe('bulk review of the records list', () => {
  let ctx: TestContext;
  let reviewer: Session;
  let officer: Session;
  let communeA: string;
  let mine: string[];
  let foreign: string;

  async function records(unitId: string, titles: string[]): Promise<string[]> {
    return insertActivities(
      ctx.database.db,
      titles.map((title, i) => ({
        kind: 'post',
        unitId,
        occurredAt: vnInstant(`2026-02-${String(10 + i).padStart(2, '0')}`, '08:00'),
        occurredOn: `2026-02-${String(10 + i).padStart(2, '0')}`,
        title,
        searchText: foldForSearch(title),
        provenance: 'form',
      })),
    );
  }
  const statuses = async (ids: string[]) =>
    (
      await ctx.database.db
        .select({ id: activities.id, status: activities.reviewStatus })
        .from(activities)
        .where(inArray(activities.id, ids))
    )
      .map((row) => row.status)
      .sort();
  const review = (session: Session, ids: string[], status: 'accepted' | 'rejected', note?: string) =>
    session.post('/api/activities/review', { ids, status, note });

  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Thẩm Định' });
    const otherProvince = await createUnit(db, { kind: 'province', name: 'Tỉnh Khác Hẳn' });
    communeA = await createUnit(db, { name: 'Xã Được Duyệt', parentId: province });
    const communeB = await createUnit(db, { name: 'Xã Cũng Được Duyệt', parentId: province });
    const elsewhere = await createUnit(db, { name: 'Xã Tỉnh Khác', parentId: otherProvince });
    reviewer = (await createSignedInUser(ctx.app, db, [{ role: 'reviewer', unitId: province }])).session;
    officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: communeA }])).session;
    mine = [
      ...(await records(communeA, ['Tin một của xã A', 'Tin hai của xã A', 'Tin ba của xã A'])),
      ...(await records(communeB, ['Tin của xã B'])),
    ];
    foreign = (await records(elsewhere, ['Tin của tỉnh khác']))[0]!;
  });
  afterAll(() => ctx.close());

  it('accepts many records of several communes at once, each audited on its own', async () => {
    const response = await review(reviewer, mine, 'accepted', 'Đủ minh chứng');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<BulkReviewResultDto>()).toEqual({ status: 'accepted', reviewed: 4, unchanged: 0 });
    expect(await statuses(mine)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const entries = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.review'), inArray(auditLog.entityId, mine)));
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({ entityType: 'activity' });
    expect(entries[0]!.after).toMatchObject({ reviewStatus: 'accepted', note: 'Đủ minh chứng' });
    expect(entries[0]!.before).toMatchObject({ reviewStatus: 'pending' });

    // Again: nothing changes and nothing more is written.
    const again = await review(reviewer, mine.slice(0, 2), 'accepted');
    expect(again.json<BulkReviewResultDto>()).toEqual({ status: 'accepted', reviewed: 0, unchanged: 2 });
  });

  it('refuses the whole request as "not found" when one id is foreign or unknown, naming nothing', async () => {
    for (const stranger of [foreign, randomUUID()]) {
      const response = await review(reviewer, [...mine, stranger!], 'rejected');
      expect(response.statusCode).toBe(404);
      const body = response.json<ErrorBody>();
      expect(body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: [] });
      expect(response.body).not.toContain(stranger!);
      // All or nothing: the visible records were not rejected either.
      expect(await statuses(mine)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    }
    expect(await statuses([foreign])).toEqual(['pending']);
  });

  it('is forbidden to a user who sees the records but may not review them, and bounded in size', async () => {
    expect((await review(officer, mine.slice(0, 3), 'rejected')).statusCode).toBe(403);
    // The officer's neighbour's record is outside its scope: not found before forbidden.
    expect((await review(officer, mine, 'rejected')).statusCode).toBe(404);
    const tooMany = await review(
      reviewer,
      Array.from({ length: 501 }, () => randomUUID()),
      'accepted',
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<ErrorBody>().details[0]!.message).toContain('tối đa 500');
  });

  it('refuses deleted records by name, and rejects the rest once they are left out', async () => {
    const [gone] = await records(communeA, ['Tin đã xoá của xã A']);
    const deleted = await officer.request({
      method: 'DELETE',
      url: `/api/activities/${gone}`,
      payload: { reason: 'Nhập nhầm' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const refused = await review(reviewer, [mine[0]!, gone!], 'rejected');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().details[0]!.message).toContain('Tin đã xoá của xã A');
    const rejected = await review(reviewer, [mine[0]!], 'rejected');
    expect(rejected.json<BulkReviewResultDto>()).toMatchObject({ reviewed: 1 });
  });

  it('filters the list by review status and says which rows the user may review', async () => {
    const list = async (session: Session, query: string) =>
      (await session.get(`/api/activities?unitId=${communeA}&${query}`)).json<{
        items: ActivityListItemDto[];
      }>().items;
    const rejected = await list(reviewer, 'reviewStatus=rejected');
    expect(rejected.map((item) => item.title)).toEqual(['Tin một của xã A']);
    expect(rejected[0]!.canReview).toBe(true);
    expect((await list(reviewer, 'reviewStatus=accepted')).map((item) => item.title).sort()).toEqual([
      'Tin ba của xã A',
      'Tin hai của xã A',
    ]);
    expect((await list(officer, 'reviewStatus=accepted')).every((item) => !item.canReview)).toBe(true);
    const bad = await reviewer.get('/api/activities?reviewStatus=maybe');
    expect(bad.statusCode).toBe(400);
  });
});
