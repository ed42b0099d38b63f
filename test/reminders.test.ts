import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/server/db/client';
import { auditLog, roleGrants, users } from '../src/server/db/schema';
import { notifications } from '../src/server/db/schema-notifications';
import { reportPeriods, reports, reportTypes } from '../src/server/db/schema-reports';
import { sendDeadlineReminders } from '../src/server/domain/reminders/send-deadline-reminders';
import { sendOverdueReminders } from '../src/server/domain/reminders/send-overdue-reminders';
import {
  countedDaysOfWeek,
  sendWeeklyBroadcastReminders,
} from '../src/server/domain/reminders/send-weekly-broadcast-reminders';
import { urgeUnits } from '../src/server/domain/reminders/urge-units';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { ReminderListDto, UrgeResultDto } from '../src/shared/api/reminders';
import { addDays, vnInstant } from '../src/shared/dates';
import { createTestApp, type TestContext } from './support/app';
import { createUnit, createUser, TEST_ACTOR } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * Issue 10, reminders you can prove: deadline, overdue and weekly reminders as plain domain functions
 * run with an explicit `now` (the cron jobs call them at 07:00 Asia/Ho_Chi_Minh), the office's urge
 * action and the urging list with its XLSX export.
 */

let ctx: TestContext;
let db: Queryable;

beforeAll(async () => {
  ctx = await createTestApp();
  db = ctx.database.db;
});
afterAll(() => ctx.close());

const at7 = (day: string) => vnInstant(day, '07:00');

async function userOn(
  role: 'unit_officer' | 'unit_head' | 'dx_office',
  unitId: string,
  email: string | null,
) {
  const user = await createUser(db, [{ role, unitId }]);
  if (email) await db.update(users).set({ email }).where(eq(users.id, user.id));
  return user.id;
}

async function createAnnualPeriod(ownerUnitId: string, dueOn = '2026-12-05') {
  const [type] = await db
    .insert(reportTypes)
    .values({
      ownerUnitId,
      kind: 'annual',
      name: 'Báo cáo năm',
      dueRule: { kind: 'yearly', month: 12, day: 5 },
      submitterKinds: ['commune', 'ward', 'special_zone'],
    })
    .returning();
  const [period] = await db
    .insert(reportPeriods)
    .values({
      reportTypeId: type!.id,
      periodKey: dueOn.slice(0, 4),
      label: `Năm ${dueOn.slice(0, 4)}`,
      periodFrom: `${dueOn.slice(0, 4)}-01-01`,
      periodTo: `${dueOn.slice(0, 4)}-12-31`,
      dueOn,
    })
    .returning();
  return { typeId: type!.id, periodId: period!.id };
}

async function notificationsOf(unitIds: string[], kind?: string) {
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.unitId, unitIds), kind ? eq(notifications.kind, kind) : undefined));
}

describe('deadline and overdue reminders of a period due 05/12/2026', () => {
  let province: string;
  let late: string;
  let done: string;
  let officer: string;
  let head: string;
  let office: string;
  let periodId: string;

  beforeAll(async () => {
    province = await createUnit(db, { kind: 'province', name: 'Tỉnh Nhắc Hạn' });
    late = await createUnit(db, { parentId: province, name: 'Xã Chậm Nộp' });
    done = await createUnit(db, { parentId: province, name: 'Xã Đã Nộp' });
    officer = await userOn('unit_officer', late, 'canbo@xa.gov.vn');
    head = await userOn('unit_head', late, null);
    await userOn('unit_officer', done, 'canbo.danop@xa.gov.vn');
    office = await userOn('dx_office', province, 'sokhcn@tinh.gov.vn');
    ({ periodId } = await createAnnualPeriod(province));
    await db.insert(reports).values({
      periodId,
      unitId: done,
      status: 'submitted',
      submittedAt: vnInstant('2026-11-20', '09:00'),
      submittedOn: '2026-11-20',
    });
  });

  it('reminds the unit that has not submitted on 28/11, 02/12 and 04/12 only, in the app and by e-mail', async () => {
    const sentOn: string[] = [];
    for (let day = '2026-11-20'; day <= '2026-12-05'; day = addDays(day, 1)) {
      const before = (await notificationsOf([late, done], 'reminder.due_soon')).length;
      await sendDeadlineReminders(db, at7(day));
      const after = (await notificationsOf([late, done], 'reminder.due_soon')).length;
      if (after > before) sentOn.push(day);
    }
    expect(sentOn).toEqual(['2026-11-28', '2026-12-02', '2026-12-04']);
    const rows = await notificationsOf([late, done], 'reminder.due_soon');
    // 3 days × 2 people × 2 channels, all about the late unit.
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((row) => row.unitId))).toEqual(new Set([late]));
    expect(new Set(rows.map((row) => row.recipientId))).toEqual(new Set([officer, head]));
    const threeDays = rows.find((row) => row.channel === 'in_app' && row.body.includes('còn 3 ngày'))!;
    expect(threeDays.title).toBe('Sắp đến hạn nộp Báo cáo năm – Năm 2026');
    expect(threeDays.body).toContain(
      'Xã Chậm Nộp chưa nộp Báo cáo năm kỳ Năm 2026. Hạn nộp: 05/12/2026 (còn 3 ngày)',
    );
    expect(threeDays.link).toBe(`/reports?unit=${late}&tab=unit`);
    expect(threeDays.subjectId).toBe(periodId);
    const mails = rows.filter((row) => row.channel === 'email');
    expect(mails.filter((row) => row.recipientId === officer).map((row) => row.deliveryStatus)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    // The head has no address: stored as skipped with the reason, so the urging list shows it.
    const headMail = mails.find((row) => row.recipientId === head)!;
    expect(headMail.deliveryStatus).toBe('skipped');
    expect(headMail.deliveryResult).toEqual({ reason: 'Tài khoản chưa có địa chỉ e-mail' });
  });

  it('sends nothing twice when the job runs again on the same day', async () => {
    const before = (await notificationsOf([late, done])).length;
    const again = await sendDeadlineReminders(db, at7('2026-12-02'));
    const evening = await sendDeadlineReminders(db, vnInstant('2026-12-02', '23:59'));
    expect(again.notifications).toBe(0);
    expect(evening.notifications).toBe(0);
    expect((await notificationsOf([late, done])).length).toBe(before);
  });

  it('tells the unit head and the office on 06/12 only, once', async () => {
    for (const day of ['2026-12-05', '2026-12-07', '2026-12-20']) {
      expect((await sendOverdueReminders(db, at7(day))).notifications).toBe(0);
    }
    const first = await sendOverdueReminders(db, at7('2026-12-06'));
    expect(first.notifications).toBe(4); // the head and the office, in the app and by e-mail
    expect((await sendOverdueReminders(db, at7('2026-12-06'))).notifications).toBe(0);
    const unitRows = await notificationsOf([late, done], 'reminder.overdue');
    expect(unitRows.map((row) => row.recipientId)).toEqual([head, head]);
    expect(unitRows[0]!.body).toContain('Hạn nộp: 05/12/2026 (đã quá hạn 1 ngày)');
    const summary = await notificationsOf([province], 'reminder.overdue_summary');
    expect(summary.map((row) => row.recipientId)).toEqual([office, office]);
    const inApp = summary.find((row) => row.channel === 'in_app')!;
    expect(inApp.title).toBe('1 đơn vị chưa nộp Báo cáo năm – Năm 2026');
    expect(inApp.body).toContain('Xã Chậm Nộp');
    expect(inApp.body).not.toContain('Xã Đã Nộp');
    expect(inApp.link).toBe(`/reminders?periodId=${periodId}`);
  });

  it('sends no reminders for an inactive report type', async () => {
    const other = await createUnit(db, { kind: 'province', name: 'Tỉnh Tắt Báo Cáo' });
    const commune = await createUnit(db, { parentId: other });
    await userOn('unit_officer', commune, null);
    const { typeId } = await createAnnualPeriod(other);
    await db.update(reportTypes).set({ isActive: false }).where(eq(reportTypes.id, typeId));
    await sendDeadlineReminders(db, at7('2026-11-28'));
    await sendOverdueReminders(db, at7('2026-12-06'));
    expect(await notificationsOf([commune, other])).toEqual([]);
  });
});

describe('weekly reminder when a commune’s week has no DX broadcast by Friday', () => {
  it('counts the days of a week as the scores do, at the edges of the year', () => {
    expect(countedDaysOfWeek('2026-12-04')).toMatchObject({
      isoYear: 2026,
      week: 49,
      from: '2026-11-30',
      to: '2026-12-06',
    });
    // ISO week 53 of 2026 runs 28/12/2026–03/01/2027; its Thursday is in 2026, and only 2026's days count.
    expect(countedDaysOfWeek('2027-01-01')).toMatchObject({
      isoYear: 2026,
      week: 53,
      from: '2026-12-28',
      to: '2026-12-31',
    });
    // Week 1 of 2026 runs 29/12/2025–04/01/2026 and counts 01–04/01/2026 only.
    expect(countedDaysOfWeek('2026-01-02')).toMatchObject({
      isoYear: 2026,
      week: 1,
      from: '2026-01-01',
      to: '2026-01-04',
    });
  });

  it('reminds on Fridays only, the communes without a broadcast that counts, once a week', async () => {
    const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Phát Sóng' });
    const quiet = await createUnit(db, { parentId: province, name: 'Xã Im Lặng', validFrom: '2025-07-01' });
    const aired = await createUnit(db, { parentId: province, name: 'Xã Có Phát', validFrom: '2025-07-01' });
    const rejected = await createUnit(db, {
      parentId: province,
      name: 'Xã Bị Từ Chối',
      validFrom: '2025-07-01',
    });
    const ward = await createUnit(db, {
      kind: 'ward',
      parentId: province,
      name: 'Phường Năm Mới',
      validFrom: '2025-07-01',
    });
    const centre = await createUnit(db, {
      kind: 'culture_centre',
      parentId: province,
      name: 'Trung tâm Văn hóa',
    });
    const people = [];
    for (const unit of [quiet, aired, rejected, ward, centre])
      people.push(await userOn('unit_officer', unit, null));
    const headOfQuiet = await userOn('unit_head', quiet, 'lanhdao@imlang.gov.vn');
    const airedChannel = await addDxChannel(db, aired, 'radio_programme', '2025-07-01');
    const rejectedChannel = await addDxChannel(db, rejected, 'radio_programme', '2025-07-01');
    const wardChannel = await addDxChannel(db, ward, 'radio_programme', '2025-07-01');
    // Week 49 of 2026 (30/11–06/12): one broadcast on Tuesday; the other commune's only one was rejected.
    await addDxRecords(db, 'broadcast', aired, airedChannel, ['2026-12-01']);
    await addDxRecords(db, 'broadcast', rejected, rejectedChannel, ['2026-12-02'], {
      reviewStatus: 'rejected',
    });
    await addDxRecords(db, 'broadcast', ward, wardChannel, ['2026-12-03']);
    // Week 53 of 2026: the ward aired on 29/12/2026 (counts); the commune "aired" only on 01/01/2027 (counts for no year).
    await addDxRecords(db, 'broadcast', ward, wardChannel, ['2026-12-29']);
    await addDxRecords(db, 'broadcast', aired, airedChannel, ['2027-01-01']);
    const ours = [quiet, aired, rejected, ward, centre];
    const told = async () =>
      [
        ...new Set((await notificationsOf(ours, 'reminder.weekly_broadcast')).map((row) => row.unitId)),
      ].sort();

    // Thursday 03/12 and Saturday 05/12: not Friday.
    await sendWeeklyBroadcastReminders(db, at7('2026-12-03'));
    await sendWeeklyBroadcastReminders(db, at7('2026-12-05'));
    expect(await told()).toEqual([]);
    // 23:30 on Thursday in UTC is already Friday 06:30 in Vietnam.
    await sendWeeklyBroadcastReminders(db, new Date('2026-12-03T23:30:00Z'));
    expect(await told()).toEqual([quiet, rejected].sort());
    const rows = await notificationsOf([quiet], 'reminder.weekly_broadcast');
    expect(
      rows
        .map(
          (row) =>
            `${row.recipientId === headOfQuiet ? 'head' : 'officer'}:${row.channel}:${row.deliveryStatus}`,
        )
        .sort(),
    ).toEqual([
      'head:email:pending',
      'head:in_app:delivered',
      'officer:email:skipped',
      'officer:in_app:delivered',
    ]);
    expect(rows[0]!.title).toBe('Tuần này chưa có lượt phát CĐS');
    expect(rows[0]!.body).toContain('tuần 49 (30/11/2026–06/12/2026)');
    expect(rows[0]!.link).toBe(`/units/${quiet}/calendar`);
    // Twice on the same Friday: nothing new.
    const before = (await notificationsOf(ours)).length;
    expect((await sendWeeklyBroadcastReminders(db, at7('2026-12-04'))).notifications).toBe(0);
    expect((await notificationsOf(ours)).length).toBe(before);

    // Friday 01/01/2027, ISO week 53 of 2026.
    await db.delete(notifications).where(inArray(notifications.unitId, ours));
    await sendWeeklyBroadcastReminders(db, at7('2027-01-01'));
    expect(await told()).toEqual([quiet, aired, rejected].sort());
    const week53 = (await notificationsOf([aired], 'reminder.weekly_broadcast'))[0]!;
    expect(week53.body).toContain('tuần 53 (28/12/2026–03/01/2027)');
    expect(week53.dedupeKey).toContain('weekly-broadcast:2026-W53:');
  });

  it('does not count last year’s days in week 1, and honours a province that turned the reminder off', async () => {
    const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Qua Năm' });
    const commune = await createUnit(db, {
      parentId: province,
      name: 'Xã Cuối Năm',
      validFrom: '2025-07-01',
    });
    const other = await createUnit(db, { parentId: province, name: 'Xã Đầu Năm', validFrom: '2025-07-01' });
    await userOn('unit_officer', commune, null);
    await userOn('unit_officer', other, null);
    const channel = await addDxChannel(db, commune, 'radio_programme', '2025-07-01');
    const otherChannel = await addDxChannel(db, other, 'radio_programme', '2025-07-01');
    // Week 1 of 2026 (29/12/2025–04/01/2026), Friday 02/01/2026: 30/12/2025 counts for 2025's score only.
    await addDxRecords(db, 'broadcast', commune, channel, ['2025-12-30']);
    await addDxRecords(db, 'broadcast', other, otherChannel, ['2026-01-02']);
    await sendWeeklyBroadcastReminders(db, at7('2026-01-02'));
    const told = await notificationsOf([commune, other], 'reminder.weekly_broadcast');
    expect([...new Set(told.map((row) => row.unitId))]).toEqual([commune]);
    expect(told[0]!.body).toContain('tuần 1 (29/12/2025–04/01/2026)');

    const officeSession = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }]))
      .session;
    expect((await officeSession.get(`/api/units/${commune}/reminder-settings`)).json()).toMatchObject({
      provinceId: province,
      weeklyBroadcastReminders: true,
    });
    const off = await officeSession.request({
      method: 'PUT',
      url: `/api/units/${province}/reminder-settings`,
      payload: { weeklyBroadcastReminders: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    await sendWeeklyBroadcastReminders(db, at7('2026-01-09'));
    expect(await notificationsOf([commune, other], 'reminder.weekly_broadcast')).toHaveLength(told.length);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'reminder_settings.update'));
    expect(audit.map((row) => row.unitId)).toContain(province);
  });
});

describe('the office urges units, and the urging list proves it', () => {
  let province: string;
  let periodId: string;
  let formulaUnit: string;
  let plainUnit: string;
  let emptyUnit: string;
  let outsider: string;
  let officeId: string;
  let plainOfficer: string;
  let office: Awaited<ReturnType<typeof createSignedInUser>>['session'];

  beforeAll(async () => {
    province = await createUnit(db, { kind: 'province', name: 'Tỉnh Đôn Đốc' });
    formulaUnit = await createUnit(db, { parentId: province, name: '=HYPERLINK("http://x","Xã Công Thức")' });
    plainUnit = await createUnit(db, { parentId: province, name: 'Xã Bình Thường' });
    emptyUnit = await createUnit(db, { parentId: province, name: 'Xã Chưa Có Ai' });
    const otherProvince = await createUnit(db, { kind: 'province', name: 'Tỉnh Ngoài' });
    outsider = await createUnit(db, { parentId: otherProvince, name: 'Xã Tỉnh Ngoài' });
    await userOn('unit_officer', formulaUnit, 'canbo@congthuc.gov.vn');
    await userOn('unit_head', formulaUnit, null);
    plainOfficer = await userOn('unit_officer', plainUnit, 'canbo@binhthuong.gov.vn');
    await userOn('unit_officer', outsider, null);
    ({ periodId } = await createAnnualPeriod(province));
    const signedIn = await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }]);
    office = signedIn.session;
    officeId = signedIn.userId;
    // A system reminder the list must show beside the manual urges.
    await sendDeadlineReminders(db, at7('2026-12-02'));
  });

  it('refuses a unit outside the office’s scope with 404 and sends nothing', async () => {
    const response = await office.post('/api/reminders/urge', { periodId, unitIds: [plainUnit, outsider] });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(await notificationsOf([plainUnit, outsider], 'reminder.urge')).toEqual([]);
    // Signed in on the unit's own grant: not the office, so it may neither urge nor read the list.
    const officer = (await createSignedInUser(ctx.app, db, [{ role: 'viewer', unitId: plainUnit }])).session;
    expect((await officer.post('/api/reminders/urge', { unitIds: [plainUnit] })).statusCode).toBe(404);
    expect((await officer.get(`/api/reminders?unitId=${plainUnit}`)).statusCode).toBe(403);
  });

  it('refuses more than 500 units and an over-long message with 400', async () => {
    const many = Array.from({ length: 501 }, () => crypto.randomUUID());
    const tooMany = await office.post('/api/reminders/urge', { unitIds: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('tối đa 500 đơn vị');
    const long = await office.post('/api/reminders/urge', {
      unitIds: [plainUnit],
      message: 'a'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
  });

  it('urges each unit’s officers and head, skips a repeat within 10 minutes, and audits each urge', async () => {
    const first = await office.post('/api/reminders/urge', {
      periodId,
      unitIds: [formulaUnit, plainUnit, emptyUnit],
      message: 'Đề nghị nộp báo cáo trước ngày 05/12.',
    });
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json<UrgeResultDto>();
    expect(
      result.items.map((item) => [item.unitId, item.status, item.peopleTold, item.withoutEmail]),
    ).toEqual([
      [formulaUnit, 'urged', 2, 1],
      [plainUnit, 'urged', 1, 0],
      [emptyUnit, 'skipped', 0, 0],
    ]);
    expect(result.items[2]!.reason).toContain('chưa có tài khoản');
    const rows = await notificationsOf([formulaUnit, plainUnit], 'reminder.urge');
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row) => row.actorId))).toEqual(new Set([officeId]));
    expect(rows[0]!.title).toBe('Đôn đốc: Báo cáo năm – Năm 2026');
    expect(rows[0]!.body).toContain('Lời nhắn: Đề nghị nộp báo cáo trước ngày 05/12.');

    const again = (
      await office.post('/api/reminders/urge', { periodId, unitIds: [plainUnit] })
    ).json<UrgeResultDto>();
    expect(again).toMatchObject({ urged: 0, skipped: 1 });
    expect(again.items[0]!.reason).toContain('Đã đôn đốc');
    expect(await notificationsOf([plainUnit], 'reminder.urge')).toHaveLength(2);
    // Without a period it is another subject: not rate-limited by the period's urge.
    const general = (
      await office.post('/api/reminders/urge', { unitIds: [plainUnit] })
    ).json<UrgeResultDto>();
    expect(general.urged).toBe(1);

    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'reminder.urge'),
          inArray(auditLog.unitId, [formulaUnit, plainUnit, emptyUnit]),
        ),
      );
    expect(audit.map((row) => row.unitId).sort()).toEqual([formulaUnit, plainUnit, plainUnit].sort());
    const formulaAudit = audit.find((row) => row.unitId === formulaUnit)!;
    expect(formulaAudit.actorUserId).toBe(officeId);
    expect((formulaAudit.after as { notificationIds: string[] }).notificationIds).toHaveLength(4);
  });

  it('lists system reminders and manual urges with recipients, channel and delivery state, within scope', async () => {
    // The mail worker's outcome, as the jobs helper's delivery will write it.
    const [mail] = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.unitId, plainUnit),
          eq(notifications.kind, 'reminder.urge'),
          eq(notifications.channel, 'email'),
          eq(notifications.recipientId, plainOfficer),
          eq(notifications.subjectId, periodId),
        ),
      );
    await db
      .update(notifications)
      .set({
        deliveryStatus: 'failed',
        deliveredAt: at7('2026-12-02'),
        deliveryResult: { error: '550 Mailbox unavailable' },
      })
      .where(eq(notifications.id, mail!.id));

    const list = (
      await office.get(`/api/reminders?unitId=${plainUnit}&periodId=${periodId}`)
    ).json<ReminderListDto>();
    expect(list.canUrge).toBe(true);
    expect(list.periods.map((period) => period.id)).toContain(periodId);
    // Nobody of this province submitted: all three communes are missing, named for the urge modal.
    expect(list.missingUnits.map((unit) => unit.id).sort()).toEqual(
      [formulaUnit, plainUnit, emptyUnit].sort(),
    );
    const summary = list.items.map(
      (item) => `${item.kind}|${item.channel}|${item.urgedBy ?? 'system'}|${item.deliveryStatus}`,
    );
    expect(summary.sort()).toEqual(
      [
        'reminder.due_soon|email|system|pending',
        'reminder.due_soon|in_app|system|delivered',
        'reminder.urge|email|' + list.items.find((item) => item.urgedBy)!.urgedBy + '|failed',
        'reminder.urge|in_app|' + list.items.find((item) => item.urgedBy)!.urgedBy + '|delivered',
      ].sort(),
    );
    const failed = list.items.find((item) => item.deliveryStatus === 'failed')!;
    expect(failed.deliveryNote).toBe('550 Mailbox unavailable');
    expect(failed.recipientEmail).toBe('canbo@binhthuong.gov.vn');
    expect(failed.periodLabel).toBe('Năm 2026');

    const skipped = (await office.get(`/api/reminders?unitId=${formulaUnit}`))
      .json<ReminderListDto>()
      .items.filter((item) => item.deliveryStatus === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]!.deliveryNote).toBe('Tài khoản chưa có địa chỉ e-mail');

    // Days are Vietnamese days: the system reminder of 02/12/2026 07:00 is in, a range before it is not.
    const onDay = (
      await office.get(`/api/reminders?unitId=${plainUnit}&from=2026-12-02&to=2026-12-02`)
    ).json<ReminderListDto>();
    expect(onDay.items.map((item) => item.kind)).toEqual(['reminder.due_soon', 'reminder.due_soon']);
    const before = (
      await office.get(`/api/reminders?unitId=${plainUnit}&to=2026-12-01`)
    ).json<ReminderListDto>();
    expect(before.total).toBe(0);

    // The whole scope: never another province's units.
    const all = (await office.get('/api/reminders?limit=500')).json<ReminderListDto>();
    expect(all.items.some((item) => item.unitId === outsider)).toBe(false);
    expect((await office.get(`/api/reminders?unitId=${outsider}`)).statusCode).toBe(404);
  });

  it('exports the list as XLSX that opens, with a formula-like unit name quote-prefixed', async () => {
    const response = await office.get(`/api/reminders/export.xlsx?unitId=${formulaUnit}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách đôn đốc')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Đơn vị');
    const names = new Set<unknown>();
    const kinds = new Set<unknown>();
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      names.add(row.getCell(2).value);
      kinds.add(row.getCell(4).value);
      expect(row.getCell(2).formula).toBeUndefined();
    });
    expect([...names]).toEqual(['\'=HYPERLINK("http://x","Xã Công Thức")']);
    expect([...kinds].sort()).toEqual(['Nhắc trước hạn', 'Đôn đốc'].sort());
    expect((await office.get(`/api/reminders/export.xlsx?unitId=${outsider}`)).statusCode).toBe(404);
  });
});

describe('weekly reminder after a merge in the week', () => {
  it('counts the broadcasts of a commune merged into another earlier in the same week', async () => {
    const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Sáp Nhập Giữa Tuần' });
    const MERGE = '2026-12-09'; // Wednesday of week 50 (07–13/12/2026)
    const old = await createUnit(db, {
      parentId: province,
      name: 'Xã Cũ',
      validFrom: '2020-01-01',
      validTo: MERGE,
    });
    const merged = await createUnit(db, { parentId: province, name: 'Xã Mới Sáp Nhập', validFrom: MERGE });
    const untouched = await createUnit(db, {
      parentId: province,
      name: 'Xã Không Phát',
      validFrom: '2025-07-01',
    });
    await recordUnitEvent(db, TEST_ACTOR, { kind: 'merge', date: MERGE, fromIds: [old], toId: merged });
    await userOn('unit_officer', merged, null);
    await userOn('unit_officer', untouched, null);
    const channel = await addDxChannel(db, old, 'radio_programme', '2025-07-01');
    await addDxRecords(db, 'broadcast', old, channel, ['2026-12-07']);
    await sendWeeklyBroadcastReminders(db, at7('2026-12-11'));
    const told = await notificationsOf([old, merged, untouched], 'reminder.weekly_broadcast');
    expect([...new Set(told.map((row) => row.unitId))]).toEqual([untouched]);
  });
});

describe('urges sent at the same moment', () => {
  it('lets one of two simultaneous urges of the same unit and period through', async () => {
    const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Bấm Hai Lần' });
    const commune = await createUnit(db, { parentId: province, name: 'Xã Bấm Hai Lần' });
    await userOn('unit_officer', commune, null);
    const { periodId } = await createAnnualPeriod(province);
    const officeUser = await createUser(db, [{ role: 'dx_office', unitId: province }]);
    const principal = {
      userId: officeUser.id,
      username: officeUser.username,
      grants: (await db.select().from(roleGrants).where(eq(roleGrants.userId, officeUser.id))).map(
        (grant) => ({
          id: grant.id,
          role: grant.role as 'dx_office',
          unitId: grant.unitId,
        }),
      ),
    };
    // Two transactions at once on the database itself (PostgreSQL: two connections of the pool).
    const results = await Promise.all(
      [1, 2].map(() =>
        urgeUnits({
          db: ctx.database.db,
          principal,
          actor: { userId: officeUser.id, label: officeUser.username },
          body: { periodId, unitIds: [commune] },
          now: new Date(),
        }),
      ),
    );
    expect(results.map((result) => result.urged).sort()).toEqual([0, 1]);
    expect(await notificationsOf([commune], 'reminder.urge')).toHaveLength(2);
  });
});
