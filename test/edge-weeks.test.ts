import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { CalendarDto } from '../src/shared/api/calendar';
import type { UnitScoreDto } from '../src/shared/api/scoring';
import { todayVn } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, thursdays } from './support/scoring-records';

/**
 * The year calendar and the scores read a year's edge weeks alike (docs/frameworks.md §7): week 1 of
 * 2026 runs 29/12/2025–04/01/2026 and counts the records of 01–04/01/2026 only. Broadcasts on 29 and
 * 31/12/2025 fill it in neither: the calendar shows them as not counted, the score's gap names why.
 * Every date is explicit, and the scores are read "as of" a fixed day, whatever day the suite runs.
 */
describe("a year's edge weeks in the calendar and the scores", () => {
  let ctx: TestContext;
  let office: Session;
  let commune: string;
  let programme: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    await ensureBuiltinFrameworks(ctx.database);
    const province = await createUnit(db, { kind: 'province', code: '65', name: 'Tỉnh Mép Năm' });
    commune = await createUnit(db, {
      kind: 'commune',
      code: '25001',
      name: 'Xã Giao Thừa',
      parentId: province,
      validFrom: '2020-01-01',
    });
    office = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }])).session;
    programme = await addDxChannel(db, commune, 'radio_programme', '2024-01-01');
    // Week 1 of 2026 only has the broadcasts of 29 and 31/12/2025; weeks 2–10 a broadcast each Thursday.
    await addDxRecords(db, 'broadcast', commune, programme, ['2025-12-29', '2025-12-31']);
    await addDxRecords(db, 'broadcast', commune, programme, thursdays('2026-01-08', '2026-03-05'));
    // The same shape a year earlier: week 1 of 2025 (30/12/2024–05/01/2025) only has 30 and 31/12/2024.
    await addDxRecords(db, 'broadcast', commune, programme, ['2024-12-30', '2024-12-31']);
    await addDxRecords(db, 'broadcast', commune, programme, thursdays('2025-01-09', '2025-03-06'));
    // Week 53 of 2026 (28/12/2026–03/01/2027): one broadcast on 31/12, one on 02/01/2027.
    await addDxRecords(db, 'broadcast', commune, programme, ['2026-12-31', '2027-01-02']);
  });
  afterAll(() => ctx.close());

  it('marks week 1 of 2026 as not counted: its broadcasts lie before 01/01/2026', async () => {
    const response = await office.get(`/api/units/${commune}/calendar?year=2026`);
    expect(response.statusCode, response.body).toBe(200);
    const calendar = response.json<CalendarDto>();
    expect(calendar.weeks[0]).toMatchObject({
      week: 1,
      monday: '2025-12-29',
      sunday: '2026-01-04',
      countedFrom: '2026-01-01',
      countedTo: '2026-01-04',
    });
    expect(calendar.weeks[1]).toMatchObject({ countedFrom: '2026-01-05', countedTo: '2026-01-11' });
    expect(calendar.weeks[52]).toMatchObject({
      week: 53,
      monday: '2026-12-28',
      sunday: '2027-01-03',
      countedFrom: '2026-12-28',
      countedTo: '2026-12-31',
    });
    const row = calendar.channels.find((channel) => channel.channelId === programme)!;
    // Shown (they happened), not counted, and so the week lacks a broadcast, as the score says.
    expect(row.cells[0]).toEqual({ week: 1, count: 2, notCounted: 2, missingBroadcast: true });
    expect(row.cells[1]).toEqual({ week: 2, count: 1, notCounted: 0, missingBroadcast: false });
    // Week 53: 31/12/2026 counts for 2026, 02/01/2027 for no year.
    expect(row.cells[52]).toMatchObject({ week: 53, count: 2, notCounted: 1, missingBroadcast: false });
  });

  it('scores week 1 of 2026 as missing, and the gap names its dates and why', async () => {
    // Read as of 10/03/2026, while 2026 runs (gaps are told while a period runs). The API refuses
    // a day after today, so before that day (a clock moved to 01/01/2026) the same reading is
    // checked on 2025, whose week 1 (30/12/2024–05/01/2025) has the same shape.
    const inPast = todayVn() >= '2026-03-10';
    const year = inPast ? 2026 : 2025;
    const response = await office.get(
      `/api/units/${commune}/scores?framework=kontum-780&period=${year}&asOf=${year}-03-10`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const criterion = response.json<UnitScoreDto>().criteria.find((item) => item.code === '1.5')!;
    expect(criterion.score).toBe(0);
    expect(criterion.gaps).toContain(
      inPast
        ? 'tuần 1 (29/12/2025–04/01/2026): chỉ có lượt phát trước ngày 01/01'
        : 'tuần 1 (30/12/2024–05/01/2025): chỉ có lượt phát trước ngày 01/01',
    );
    // The broadcasts outside the year still do not count: nine weeks of ten so far have one.
    expect(criterion.explanation).toContain('9 trên 10 tuần có lượt phát');
  });
});
