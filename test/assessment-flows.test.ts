import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { notifications } from '../src/server/db/schema-notifications';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { AssessmentDetailDto, AssessmentListDto } from '../src/shared/api/assessments';
import type { NotificationListDto } from '../src/shared/api/notifications';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

/**
 * Flows that finish (issue 9, items 8 and 10): the officer's "finished" tells the unit head in the
 * app, every later step tells the next person, a user reads and marks only their own notifications;
 * the DX office publishes appraised assessments in bulk, all or nothing; the assessment list names
 * the units that have not started ("chưa lập"). Kon Tum QĐ 780, year 2024 (a fixed past period).
 */
const FRAMEWORK = 'kontum-780';
const PERIOD = '2024';

describe('assessment flows: notifications, bulk publication, units not started', () => {
  let ctx: TestContext;
  let province: string;
  let mot: string;
  let hai: string;
  let ba: string;
  let officer: Session;
  let head: { userId: string; session: Session };
  let otherHead: { userId: string; session: Session };
  let reviewer: { userId: string; session: Session };
  let office: { userId: string; session: Session };
  let officerHai: Session;
  let headHai: Session;

  const db = () => ctx.database.db;

  async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }): Promise<T> {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  const inbox = (session: Session, query = '') =>
    session.get(`/api/notifications${query}`).then((response) => ok<NotificationListDto>(response));

  /** An assessment of a commune, self-scored, submitted and appraised at 20 + 20. */
  async function appraised(unitId: string, unitOfficer: Session, unitHead: Session): Promise<string> {
    const created = await ok<AssessmentDetailDto>(
      await unitOfficer.post(`/api/units/${unitId}/assessments`, { framework: FRAMEWORK, period: PERIOD }),
    );
    for (const code of ['1.4', '1.5'])
      await ok(await unitOfficer.patch(`/api/assessments/${created.id}/criteria/${code}`, { selfScore: 20 }));
    await ok(await unitHead.post(`/api/assessments/${created.id}/submit`, {}));
    for (const code of ['1.4', '1.5'])
      await ok(
        await reviewer.session.patch(`/api/assessments/${created.id}/appraisal/${code}`, {
          reviewerScore: 20,
        }),
      );
    await ok(await reviewer.session.post(`/api/assessments/${created.id}/appraise`, {}));
    return created.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '73', name: 'Tỉnh Luồng Việc' });
    const commune = (code: string, name: string) =>
      createUnit(db(), { kind: 'commune', code, name, parentId: province, validFrom: '2020-01-01' });
    mot = await commune('73001', 'Xã Luồng Một');
    hai = await commune('73002', 'Xã Luồng Hai');
    ba = await commune('73003', 'Xã Luồng Ba');
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: mot }])).session;
    head = await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: mot }]);
    otherHead = await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: hai }]);
    headHai = otherHead.session;
    officerHai = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: hai }])).session;
    reviewer = await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: province }]);
    office = await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }]);
  });
  afterAll(() => ctx.close());

  it('tells the unit head in the app when the officer has finished, and each next person after', async () => {
    const created = await ok<AssessmentDetailDto>(
      await officer.post(`/api/units/${mot}/assessments`, { framework: FRAMEWORK, period: PERIOD }),
    );
    // Not finished yet: the officer is told what is missing, nobody is notified.
    const early = await officer.post(`/api/assessments/${created.id}/ready`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorBody>().message).toBe(
      'Chưa báo tự chấm xong được: chưa tự chấm tiêu chí 1.4, 1.5.',
    );
    expect((await inbox(head.session)).unread).toBe(0);

    for (const code of ['1.4', '1.5'])
      await ok(await officer.patch(`/api/assessments/${created.id}/criteria/${code}`, { selfScore: 20 }));
    const ready = await ok<{ assessment: AssessmentDetailDto; notified: number }>(
      await officer.post(`/api/assessments/${created.id}/ready`, {}),
    );
    expect(ready.notified).toBe(1);
    expect(ready.assessment.status).toBe('draft');

    const told = await inbox(head.session);
    expect(told.unread).toBe(1);
    expect(told.items[0]).toMatchObject({
      kind: 'assessment.self_assessed',
      title: 'Bản tự đánh giá đã tự chấm xong, chờ lãnh đạo gửi thẩm định',
      link: `/assessments/${created.id}`,
      unitId: mot,
      readAt: null,
    });
    expect(told.items[0]!.body).toContain('Bước tiếp theo: lãnh đạo đơn vị xem lại và gửi thẩm định.');
    // Another commune's head hears nothing.
    expect((await inbox(otherHead.session)).total).toBe(0);
    // Written with its audit entry, naming the recipient.
    const [row] = await db().select().from(notifications).where(eq(notifications.recipientId, head.userId));
    const audit = await db()
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'notification'), eq(auditLog.entityId, row!.id)));
    expect(audit).toEqual([
      { action: 'notification.create', after: expect.objectContaining({ recipientId: head.userId }) },
    ]);

    // Submitting tells the reviewer above; returning tells the unit's people; and so on.
    await ok(await head.session.post(`/api/assessments/${created.id}/submit`, {}));
    expect((await inbox(reviewer.session)).items.map((item) => item.kind)).toEqual(['assessment.submitted']);
    await ok(
      await reviewer.session.post(`/api/assessments/${created.id}/return`, { note: 'Bổ sung minh chứng.' }),
    );
    expect((await inbox(head.session)).items.map((item) => item.kind)).toEqual([
      'assessment.returned',
      'assessment.self_assessed',
    ]);
    expect((await inbox(officer)).items[0]!.body).toContain('Ghi chú: Bổ sung minh chứng.');
  });

  it('lets a user read and mark only their own notifications', async () => {
    const mine = await inbox(head.session, '?unread=true');
    expect(mine.unread).toBe(2);
    const first = mine.items[0]!;
    // Someone else's notification is "not found", and stays unread.
    const refused = await otherHead.session.post('/api/notifications/read', { ids: [first.id] });
    expect(refused.statusCode).toBe(404);
    expect((await inbox(head.session)).unread).toBe(2);

    expect(await ok(await head.session.post('/api/notifications/read', { ids: [first.id] }))).toEqual({
      marked: 1,
      unread: 1,
    });
    expect((await inbox(head.session, '?unread=true')).items.map((item) => item.id)).not.toContain(first.id);
    expect(await ok(await head.session.post('/api/notifications/read', {}))).toEqual({
      marked: 1,
      unread: 0,
    });
    const reads = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'notification.read'))
      .orderBy(asc(auditLog.at));
    expect(reads).toHaveLength(2);
  });

  it('lists the units that have not started an assessment as "chưa lập"', async () => {
    const list = await ok<AssessmentListDto>(
      await office.session.get(`/api/assessments?framework=${FRAMEWORK}&period=${PERIOD}`),
    );
    // Xã Luồng Một has one; Hai and Ba have none yet.
    expect(list.items.map((item) => item.unit.name)).toEqual(['Xã Luồng Một']);
    expect(list.notStarted?.map((unit) => unit.name)).toEqual(['Xã Luồng Ba', 'Xã Luồng Hai']);
    // A commune's officer sees their own commune only.
    const own = await ok<AssessmentListDto>(
      await officerHai.get(`/api/assessments?framework=${FRAMEWORK}&period=${PERIOD}`),
    );
    expect(own.notStarted?.map((unit) => unit.id)).toEqual([hai]);
    // Without a period, or with a status asked, there is no such list.
    const byStatus = await ok<AssessmentListDto>(
      await office.session.get(`/api/assessments?framework=${FRAMEWORK}&period=${PERIOD}&status=draft`),
    );
    expect(byStatus.notStarted).toBeNull();
    void ba;
  });

  it('publishes appraised assessments in bulk, all or nothing, each audited and its unit told', async () => {
    const haiId = await appraised(hai, officerHai, headHai);
    const returned = (
      await ok<AssessmentListDto>(
        await office.session.get(`/api/assessments?framework=${FRAMEWORK}&period=${PERIOD}&unitId=${mot}`),
      )
    ).items[0]!;
    expect(returned.status).toBe('returned');

    // One of them is not appraised: nothing is published, and the refusal names it.
    const refused = await office.session.post('/api/assessments/publish', {
      assessmentIds: [haiId, returned.id],
    });
    expect(refused.statusCode).toBe(409);
    const body = refused.json<ErrorBody>();
    expect(body.message).toBe(
      'Chưa công bố bản nào: 1 trong 2 bản đánh giá chưa thể công bố. Bỏ các bản đó khỏi lựa chọn rồi công bố lại.',
    );
    expect(body.details).toEqual([
      {
        field: 'body.assessmentIds.1',
        message: expect.stringMatching(
          /của Xã Luồng Một đang ở trạng thái "Bị trả lại", chưa thể công bố\.$/,
        ),
      },
    ]);
    expect(
      (await ok<AssessmentDetailDto>(await office.session.get(`/api/assessments/${haiId}`))).status,
    ).toBe('appraised');

    // A unit head may not publish: refused, nothing changes.
    expect((await headHai.post('/api/assessments/publish', { assessmentIds: [haiId] })).statusCode).toBe(409);
    // An officer of another commune learns nothing.
    expect((await officer.post('/api/assessments/publish', { assessmentIds: [haiId] })).statusCode).toBe(404);
    // Bad input names the field.
    const empty = await office.session.post('/api/assessments/publish', { assessmentIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('Chọn ít nhất một bản đánh giá.');

    const done = await ok<{ published: Array<{ id: string; summary: string }> }>(
      await office.session.post('/api/assessments/publish', { assessmentIds: [haiId] }),
    );
    expect(done.published.map((item) => item.id)).toEqual([haiId]);
    expect(
      (await ok<AssessmentDetailDto>(await office.session.get(`/api/assessments/${haiId}`))).status,
    ).toBe('published');
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, haiId), eq(auditLog.action, 'assessment.publish')));
    expect(audit).toHaveLength(1);
    expect((await inbox(officerHai)).items[0]).toMatchObject({ kind: 'assessment.published', unitId: hai });
  });
});
