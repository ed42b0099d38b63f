import { describe, expect, it } from 'vitest';
import { bucketsOf, type ScoringWindow, tallyBuckets, windowIsRunning } from '../src/server/scoring/buckets';
import { fromEpochDay, isoWeekday, toEpochDay } from '../src/server/scoring/day-numbers';
import { parsePeriod, periodContaining, previousPeriod } from '../src/server/scoring/periods';
import type { PeriodKind } from '../src/shared/frameworks/definition';

/** Weeks and months of a scoring window and how its edges count. */

function windowOf(
  key: string,
  options: { kind?: PeriodKind; activeFrom?: string; through?: string } = {},
): ScoringWindow {
  const period = parsePeriod(options.kind ?? 'year', key);
  if (!period) throw new Error(`no period ${key}`);
  return { period, activeFrom: options.activeFrom ?? period.from, through: options.through ?? period.to };
}

/** Records on the days listed, one each. */
function countsOn(days: string[]): (epochDay: number) => number {
  const set = new Map<number, number>();
  for (const day of days) set.set(toEpochDay(day), (set.get(toEpochDay(day)) ?? 0) + 1);
  return (epochDay) => set.get(epochDay) ?? 0;
}

describe('periods', () => {
  it('parses each kind of period with its Vietnamese label', () => {
    expect(parsePeriod('year', '2024')).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      label: 'năm 2024',
    });
    expect(parsePeriod('half_year', '2025-H2')).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
    expect(parsePeriod('quarter', '2025-Q3')).toMatchObject({
      from: '2025-07-01',
      to: '2025-09-30',
      label: 'quý III/2025',
    });
    expect(parsePeriod('month', '2024-02')).toMatchObject({ to: '2024-02-29', label: 'tháng 2/2024' });
    expect(parsePeriod('month', '2025-02')?.to).toBe('2025-02-28');
    expect(parsePeriod('year', '24')).toBeNull();
    expect(previousPeriod(periodContaining('quarter', '2025-01-15')).key).toBe('2024-Q4');
  });
});

describe('ISO weeks of a period', () => {
  it('holds the 52 or 53 ISO weeks of the ISO year', () => {
    expect(bucketsOf('week', windowOf('2024'))).toHaveLength(52);
    expect(bucketsOf('week', windowOf('2025'))).toHaveLength(52);
    expect(bucketsOf('week', windowOf('2026'))).toHaveLength(53);
    expect(bucketsOf('week', windowOf('2020'))).toHaveLength(53);
    expect(bucketsOf('week', windowOf('2015'))).toHaveLength(53);
  });

  it('starts and ends each week on Monday and Sunday, labelled with its ISO number', () => {
    const weeks = bucketsOf('week', windowOf('2026'));
    for (const week of weeks) {
      expect(isoWeekday(toEpochDay(week.start))).toBe(0);
      expect(toEpochDay(week.end) - toEpochDay(week.start)).toBe(6);
    }
    expect(weeks[0]).toMatchObject({ start: '2025-12-29', end: '2026-01-04', shortLabel: 'tuần 1' });
    expect(weeks[52]).toMatchObject({
      start: '2026-12-28',
      end: '2027-01-03',
      label: 'tuần 53 (28/12–03/01)',
      shortLabel: 'tuần 53',
    });
  });

  it('shares frozen buckets between windows of the same shape (a scoreboard asks thousands of times)', () => {
    const first = bucketsOf('week', windowOf('2024'));
    const again = bucketsOf('week', windowOf('2024', { through: '2024-05-01' }));
    expect(again[0]).toBe(first[0]);
    expect(Object.isFrozen(first[0])).toBe(true);
    // Another first day is another shape: from Friday 01/03/2024, week 9 (Thursday 29/02) is out.
    expect(bucketsOf('week', windowOf('2024', { activeFrom: '2024-03-01' }))[0]!.shortLabel).toBe('tuần 10');
  });

  it('gives the week 30/12/2024–05/01/2025 to 2025, not to 2024', () => {
    const weeks2024 = bucketsOf('week', windowOf('2024'));
    expect(weeks2024.at(-1)).toMatchObject({ start: '2024-12-23', end: '2024-12-29', shortLabel: 'tuần 52' });
    expect(bucketsOf('week', windowOf('2025'))[0]).toMatchObject({
      start: '2024-12-30',
      end: '2025-01-05',
      label: 'tuần 1 (30/12–05/01)',
    });
  });

  it('takes the weeks whose Thursday lies in a quarter or a month', () => {
    const q3 = bucketsOf('week', windowOf('2025-Q3', { kind: 'quarter' }));
    expect(q3[0]).toMatchObject({ start: '2025-06-30', shortLabel: 'tuần 27' });
    expect(q3.at(-1)).toMatchObject({ start: '2025-09-22', shortLabel: 'tuần 39' });
    expect(bucketsOf('week', windowOf('2025-07', { kind: 'month' })).map((week) => week.shortLabel)).toEqual([
      'tuần 27',
      'tuần 28',
      'tuần 29',
      'tuần 30',
      'tuần 31',
    ]);
  });

  it('judges a unit created on 01/07/2025 from ISO week 27 and from July', () => {
    const window = windowOf('2025', { activeFrom: '2025-07-01' });
    const weeks = bucketsOf('week', window);
    expect(weeks[0]).toMatchObject({ shortLabel: 'tuần 27', start: '2025-06-30' });
    expect(weeks).toHaveLength(26);
    const months = bucketsOf('month', window);
    expect(months.map((month) => month.shortLabel)).toEqual([
      'tháng 7',
      'tháng 8',
      'tháng 9',
      'tháng 10',
      'tháng 11',
      'tháng 12',
    ]);
    // Created on 20/07: July's 15th is before, so July is not judged; the week of Thursday 24/07 is.
    const late = windowOf('2025', { activeFrom: '2025-07-20' });
    expect(bucketsOf('month', late)[0]!.shortLabel).toBe('tháng 8');
    expect(bucketsOf('week', late)[0]!.shortLabel).toBe('tuần 30');
  });

  it('judges a unit that ended on 01/07/2025 (last day 30/06) up to ISO week 26 and June, final once gone', () => {
    const ended: ScoringWindow = { ...windowOf('2025'), activeUntil: '2025-06-30', through: '2025-06-30' };
    const weeks = bucketsOf('week', ended);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toMatchObject({ shortLabel: 'tuần 26', end: '2025-06-29' });
    expect(bucketsOf('month', ended).map((month) => month.shortLabel)).toEqual([
      'tháng 1',
      'tháng 2',
      'tháng 3',
      'tháng 4',
      'tháng 5',
      'tháng 6',
    ]);
    expect(windowIsRunning(ended)).toBe(false);
    // Counted before its end, the weeks it still had are to come, not missing.
    const earlier: ScoringWindow = { ...ended, through: '2025-06-15' };
    expect(windowIsRunning(earlier)).toBe(true);
    const tally = tallyBuckets('week', 1, earlier, countsOn([]));
    expect(tally.remaining.map((week) => week.shortLabel)).toEqual(['tuần 25', 'tuần 26']);
    expect(tally.total).toBe(26);
    // Ending on a Wednesday (last day 02/07): the week of Thursday 03/07 is not its to fill, so its
    // record of 01/07 fills none of its weeks.
    const midWeek: ScoringWindow = { ...windowOf('2025'), activeUntil: '2025-07-02', through: '2025-07-02' };
    const last = tallyBuckets('week', 1, midWeek, countsOn(['2025-07-01']));
    expect(last.total).toBe(26);
    expect(last.missing).toHaveLength(26);
    expect(last.qualifying).toBe(0);
    expect(last.remaining).toEqual([]);
  });
});

describe('months of a period', () => {
  it('are calendar months, February 2024 ending on the 29th', () => {
    const months = bucketsOf('month', windowOf('2024'));
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({
      start: '2024-02-01',
      end: '2024-02-29',
      label: 'tháng 2/2024',
      shortLabel: 'tháng 2',
    });
    expect(bucketsOf('month', windowOf('2025-H2', { kind: 'half_year' }))[0]!.start).toBe('2025-07-01');
  });
});

describe('tallyBuckets', () => {
  it('counts the buckets with at least k records after the period', () => {
    const tally = tallyBuckets(
      'month',
      2,
      windowOf('2024'),
      countsOn(['2024-02-29', '2024-02-01', '2024-03-01']),
    );
    expect(tally).toMatchObject({ qualifying: 1, counted: 12, total: 12, remaining: [] });
    expect(tally.missing).toHaveLength(11);
    expect(tally.missing[0]!.shortLabel).toBe('tháng 1');
  });

  it('counts only the days inside the period in a week that straddles its edge', () => {
    const tally2025 = tallyBuckets('week', 1, windowOf('2025'), countsOn(['2024-12-30', '2024-12-31']));
    expect(tally2025.qualifying).toBe(0);
    const tally2026 = tallyBuckets('week', 1, windowOf('2026'), countsOn(['2027-01-01']));
    expect(tally2026.qualifying).toBe(0);
  });

  it('counts a record of 31/12/2026 in week 53, and treats week 53 as ended once 2026 has', () => {
    const withRecord = tallyBuckets('week', 1, windowOf('2026'), countsOn(['2026-12-31']));
    expect(withRecord).toMatchObject({ qualifying: 1, counted: 53, total: 53 });
    // Week 53 runs until 03/01/2027, but the period ends on 31/12/2026: without a record it is
    // missing, not "still to come".
    const without = tallyBuckets('week', 1, windowOf('2026'), countsOn([]));
    expect(without).toMatchObject({ qualifying: 0, counted: 53, remaining: [] });
    expect(without.missing.at(-1)!.shortLabel).toBe('tuần 53');
  });

  it('also ends a straddling last week with the period of a quarter or a month', () => {
    // Q1 2026 ends on Tuesday 31/03; week 14 (30/03–05/04) has its Thursday in April and is not
    // part of Q1; week 13 (23/03–29/03) is the last.
    const q1 = windowOf('2026-Q1', { kind: 'quarter' });
    expect(bucketsOf('week', q1).at(-1)!.shortLabel).toBe('tuần 13');
    // Q3 2025 ends on Tuesday 30/09; week 40 (29/09–05/10) has its Thursday in October. July 2026
    // ends on Friday 31/07: week 31 (27/07–02/08) has its Thursday 30/07 in July.
    const july = windowOf('2026-07', { kind: 'month' });
    const tally = tallyBuckets('week', 1, july, countsOn([]));
    expect(tally.missing.at(-1)!.shortLabel).toBe('tuần 31');
    expect(tally.remaining).toEqual([]);
  });

  it('while the period runs: a running bucket counts once it qualifies, later ones remain', () => {
    const window = windowOf('2024', { through: '2024-11-28' });
    expect(windowIsRunning(window)).toBe(true);
    // Week 48 is 25/11–01/12.
    const withRecord = tallyBuckets('week', 1, window, countsOn(['2024-11-27']));
    expect(withRecord).toMatchObject({ qualifying: 1, counted: 48, total: 52 });
    expect(withRecord.missing).toHaveLength(47);
    expect(withRecord.remaining.map((week) => week.shortLabel)).toEqual([
      'tuần 49',
      'tuần 50',
      'tuần 51',
      'tuần 52',
    ]);
    const without = tallyBuckets('week', 1, window, countsOn([]));
    expect(without).toMatchObject({ qualifying: 0, counted: 47 });
    expect(without.remaining[0]!.shortLabel).toBe('tuần 48');
  });

  it('stops counting a bucket once it has k records (it never needs more)', () => {
    let calls = 0;
    const counting = (epochDay: number) => {
      calls += 1;
      return fromEpochDay(epochDay).endsWith('-01') ? 5 : 0;
    };
    tallyBuckets('month', 1, windowOf('2024'), counting);
    expect(calls).toBe(12);
  });
});
