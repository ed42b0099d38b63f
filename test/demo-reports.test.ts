import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { findPeriodsOfTypes, findReportTypesOwnedBy } from '../src/server/db/repositories/reports';
import { findCurrentUnitsByCode } from '../src/server/db/repositories/units';
import { seedDemo } from '../src/server/demo/seed-demo';
import { findExpectedUnitsOfPeriod, summariseSubmissions } from '../src/server/domain/reports/expected-units';
import { vnInstant } from '../src/shared/dates';
import { createTestDatabase } from './support/database';

/** The demo's periodic reports: three types in Quảng Ngãi, last year's annual report submitted, a draft this year. */
describe('demo periodic reports', () => {
  let database: Database;
  const now = vnInstant('2026-12-06', '10:00');

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { now });
  });
  afterAll(() => database.close());

  it('defines the 6-month, annual and monthly schedule types with their default due days', async () => {
    const province = (await findCurrentUnitsByCode(database.db, ['51'])).get('51')!.id;
    const types = await findReportTypesOwnedBy(database.db, [province]);
    expect(types.map((type) => [type.kind, type.dueRule]).sort()).toEqual(
      [
        ['annual', { kind: 'yearly', month: 12, day: 5 }],
        ['monthly_schedule', { kind: 'before_month', daysBefore: 1 }],
        ['semiannual', { kind: 'yearly', month: 6, day: 5 }],
      ].sort(),
    );
    const annual = types.find((type) => type.kind === 'annual')!;
    const periods = await findPeriodsOfTypes(database.db, [annual.id]);
    expect(periods.map((period) => [period.periodKey, period.dueOn])).toEqual([
      ['2027', '2027-12-05'],
      ['2026', '2026-12-05'],
      ['2025', '2025-12-05'],
    ]);
    const last = await findExpectedUnitsOfPeriod(database.db, periods[2]!.id, '2026-12-06');
    const states = new Map(last!.units.map((unit) => [unit.name, unit.state]));
    expect(states.get('Xã Đăk Rve')).toBe('on_time');
    expect(states.get('Xã Kon Braih')).toBe('late');
    expect(summariseSubmissions(last!.units)).toMatchObject({ submitted: 2, onTime: 1, late: 1 });
    const current = await findExpectedUnitsOfPeriod(database.db, periods[1]!.id, '2026-12-06');
    expect(current!.units.find((unit) => unit.name === 'Xã Đăk Rve')).toMatchObject({
      state: 'missing',
      isOverdue: true,
      reportStatus: 'draft',
    });
  });
});
