import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDto } from '../src/shared/api/calendar';
import type { ChannelListItemDto } from '../src/shared/api/channels';
import { addDays, isoWeekOf, todayVn } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

let ctx: TestContext;
let commune: string;
let newCommune: string;
let officer: Session;
let outsider: Session;
let programme: ChannelListItemDto;
let oldProgramme: ChannelListItemDto;
let website: ChannelListItemDto;

/** Monday of ISO week n of 2025 (week 1 starts on 30/12/2024). */
const week2025 = (n: number) => addDays('2024-12-30', (n - 1) * 7);

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  const province = await createUnit(db, { kind: 'province', name: 'Tỉnh Lịch', validFrom: '2010-01-01' });
  commune = await createUnit(db, { name: 'Xã Lịch Phát Sóng', parentId: province, validFrom: '2015-01-01' });
  newCommune = await createUnit(db, { name: 'Xã Mới Lập', parentId: province, validFrom: '2025-07-01' });
  const other = await createUnit(db, { name: 'Xã Bên Cạnh', parentId: province, validFrom: '2015-01-01' });
  officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: commune }])).session;
  outsider = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: other }])).session;
  const channel = async (unitId: string, body: Record<string, unknown>) => {
    const response = await officer.post(`/api/units/${unitId}/channels`, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ChannelListItemDto>();
  };
  programme = await channel(commune, {
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chuyên mục CĐS trên loa',
    startedOn: '2025-01-13',
  });
  oldProgramme = await channel(commune, {
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chương trình cũ',
    startedOn: '2024-06-01',
    endedOn: '2025-02-15',
  });
  website = await channel(commune, {
    kind: 'website_column',
    platform: 'website',
    name: 'Chuyên mục CĐS',
    url: 'https://xa-lich.gov.vn/cds',
  });
  // A programme of a commune formed on 1 July 2025, with no start date: it counts from the commune's first day.
  const admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
  const response = await admin.post(`/api/units/${newCommune}/channels`, {
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Loa xã mới',
  });
  expect(response.statusCode, response.body).toBe(200);

  const broadcast = (
    occurredOn: string,
    title = `Bản tin CĐS ${occurredOn}`,
    extra: Record<string, unknown> = {},
  ) => ({
    kind: 'broadcast',
    unitId: commune,
    channelId: programme.id,
    occurredOn,
    occurredTime: '17:00',
    title,
    durationSeconds: 600,
    ...extra,
  });
  const items = [
    ...[3, 4, 5, 7, 8, 9, 10, 11].map((n) => broadcast(addDays(week2025(n), 2))),
    broadcast(addDays(week2025(4), 4), 'Bản tin thứ hai của tuần 4'),
    // Suspected duplicate in week 11: stored flagged, not counted.
    broadcast(addDays(week2025(11), 2), undefined, { confirmDuplicate: true }),
    // 30/12/2025 is in week 1 of ISO year 2026.
    broadcast('2025-12-30', 'Bản tin cuối năm'),
    { kind: 'post', unitId: commune, occurredOn: addDays(week2025(10), 1), title: 'Tin không gắn kênh' },
    {
      kind: 'post',
      unitId: commune,
      channelId: website.id,
      occurredOn: addDays(week2025(10), 3),
      title: 'Tin trên web',
      url: 'https://xa-lich.gov.vn/cds/1',
    },
    {
      kind: 'post',
      unitId: commune,
      channelId: website.id,
      occurredOn: addDays(week2025(20), 0),
      title: 'Tin trên web 2',
      url: 'https://xa-lich.gov.vn/cds/2',
    },
    // ISO year 2020 has 53 weeks: 30/12/2019 is in its week 1 and 02/01/2021 in its week 53.
    { kind: 'post', unitId: commune, occurredOn: '2019-12-30', title: 'Tin đầu năm ISO 2020' },
    { kind: 'post', unitId: commune, occurredOn: '2021-01-02', title: 'Tin cuối năm ISO 2020' },
  ];
  const stored = await officer.post('/api/activities/batch', { items });
  expect(stored.statusCode, stored.body).toBe(200);
  // A deleted broadcast in week 6 does not fill the gap.
  const deleted = await officer.post('/api/activities', broadcast(addDays(week2025(6), 1), 'Bản tin đã xoá'));
  expect(deleted.statusCode, deleted.body).toBe(200);
  const removal = await officer.request({
    method: 'DELETE',
    url: `/api/activities/${deleted.json().id}`,
    payload: { reason: 'Không phát' },
  });
  expect(removal.statusCode).toBe(200);
});
afterAll(() => ctx.close());

async function calendar(session: Session, unitId: string, year?: number) {
  const response = await session.get(`/api/units/${unitId}/calendar${year ? `?year=${year}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CalendarDto>();
}

describe('the year calendar', () => {
  it('counts live, non-duplicate records per ISO week and channel, with per-kind totals', async () => {
    const year = await calendar(officer, commune, 2025);
    expect(year).toMatchObject({ year: 2025, weekCount: 52, unitName: 'Xã Lịch Phát Sóng' });
    expect(year.weeks[0]).toMatchObject({
      week: 1,
      monday: '2024-12-30',
      sunday: '2025-01-05',
      isFuture: false,
    });
    expect(year.weeks[51]).toMatchObject({ week: 52, monday: '2025-12-22', sunday: '2025-12-28' });

    const row = year.channels.find((channel) => channel.channelId === programme.id)!;
    const counts = Object.fromEntries(
      row.cells.filter((cell) => cell.count > 0).map((cell) => [cell.week, cell.count]),
    );
    expect(counts).toEqual({ 3: 1, 4: 2, 5: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1 });
    expect(row.total).toBe(9);

    const web = year.channels.find((channel) => channel.channelId === website.id)!;
    expect(web.total).toBe(2);
    expect(web.cells.every((cell) => !cell.missingBroadcast)).toBe(true);

    const kinds = Object.fromEntries(year.kinds.map((kind) => [kind.kind, kind.total]));
    expect(kinds).toEqual({ post: 3, broadcast: 9, press_issue: 0, banner: 0 });
    expect(year.kinds.find((kind) => kind.kind === 'post')!.cells[9]).toEqual({ week: 10, count: 2 });
  });

  it('flags the weeks a radio programme existed without a broadcast', async () => {
    const year = await calendar(officer, commune, 2025);
    const row = year.channels.find((channel) => channel.channelId === programme.id)!;
    const missing = row.cells.filter((cell) => cell.missingBroadcast).map((cell) => cell.week);
    // Not before it started (week 3), and week 6 has only a deleted broadcast.
    expect(missing).toEqual([6, ...Array.from({ length: 41 }, (_, i) => 12 + i)]);
    expect(row.missingWeeks).toBe(42);

    // An ended programme is missing only up to the week it ended in (15/02/2025 is in week 7).
    const old = year.channels.find((channel) => channel.channelId === oldProgramme.id)!;
    expect(old.cells.filter((cell) => cell.missingBroadcast).map((cell) => cell.week)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);

    // Without a start date, a programme counts from its unit's first day (01/07/2025, week 27).
    const viewer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'viewer', unitId: newCommune }])
    ).session;
    const young = await calendar(viewer, newCommune, 2025);
    const loa = young.channels[0]!;
    expect(loa.cells.filter((cell) => cell.missingBroadcast).map((cell) => cell.week)).toEqual(
      Array.from({ length: 26 }, (_, i) => 27 + i),
    );
  });

  it('has 53 weeks in 2026, and never flags a week that has not begun', async () => {
    const year = await calendar(officer, commune, 2026);
    expect(year.weekCount).toBe(53);
    expect(year.weeks).toHaveLength(53);
    expect(year.weeks[0]).toMatchObject({ week: 1, monday: '2025-12-29', sunday: '2026-01-04' });
    expect(year.weeks[52]).toMatchObject({ week: 53, monday: '2026-12-28', sunday: '2027-01-03' });
    const row = year.channels.find((channel) => channel.channelId === programme.id)!;
    expect(row.cells).toHaveLength(53);
    // 30/12/2025 lies in week 1 of 2026 but outside the year: shown, not counted, so the week lacks a
    // broadcast for the year's scores (docs/frameworks.md §7).
    expect(row.cells[0]).toMatchObject({ week: 1, count: 1, notCounted: 1, missingBroadcast: true });

    const today = todayVn();
    for (const [i, week] of year.weeks.entries()) {
      expect(week.isFuture, week.monday).toBe(week.monday > today);
      expect(week.isCurrent, week.monday).toBe(week.monday <= today && today <= week.sunday);
      expect(row.cells[i]!.missingBroadcast, `week ${week.week}`).toBe(!week.isFuture);
    }
    // The programme ended before 2026 is not shown.
    expect(year.channels.map((channel) => channel.channelId)).not.toContain(oldProgramme.id);
  });

  it('counts the turn of a 53-week year into the right weeks', async () => {
    const year = await calendar(officer, commune, 2020);
    expect(year.weekCount).toBe(53);
    const posts = year.kinds.find((kind) => kind.kind === 'post')!;
    expect(posts.cells[0]).toEqual({ week: 1, count: 1 });
    expect(posts.cells[52]).toEqual({ week: 53, count: 1 });
    expect(posts.total).toBe(2);
    // The programmes did not exist in 2020: they are left out; the website column has no dates, so it stays.
    expect(year.channels.map((channel) => channel.channelId)).toEqual([website.id]);
  });

  it('defaults to this ISO year, and is "not found" for another commune', async () => {
    const year = await calendar(officer, commune);
    expect(year.year).toBe(isoWeekOf(todayVn()).year);
    expect((await outsider.get(`/api/units/${commune}/calendar?year=2025`)).statusCode).toBe(404);
    expect((await officer.get(`/api/units/${commune}/calendar?year=1999`)).statusCode).toBe(400);
  });
});
