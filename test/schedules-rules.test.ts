import { describe, expect, it } from 'vitest';
import type { ScheduleEntryRow } from '../src/server/db/repositories/schedules';
import { copyEntriesForward } from '../src/server/domain/schedules/create-schedule';
import { isDxEntry, isDxProgramme } from '../src/server/domain/schedules/is-dx';
import { findWeekWarnings, weeksOfMonth } from '../src/server/domain/schedules/schedule-weeks';
import { normalizeTimeSlot, slotStart, timeSlotProblem } from '../src/server/domain/schedules/time-slot';

/** Pure rules of the monthly broadcast list. */

describe('ISO weeks of a month', () => {
  it('includes the partial first and last weeks of a month starting mid-week (July 2025: five weeks)', () => {
    const weeks = weeksOfMonth('2025-07');
    expect(weeks.map((w) => w.isoWeek)).toEqual([27, 28, 29, 30, 31]);
    expect(weeks[0]).toMatchObject({
      weekStart: '2025-06-30',
      weekEnd: '2025-07-06',
      firstDay: '2025-07-01',
      lastDay: '2025-07-06',
    });
    expect(weeks[4]).toMatchObject({
      weekStart: '2025-07-28',
      weekEnd: '2025-08-03',
      firstDay: '2025-07-28',
      lastDay: '2025-07-31',
    });
  });

  it('counts four weeks for a February that starts on a Monday and six for a month spread over six', () => {
    expect(weeksOfMonth('2021-02').map((w) => w.isoWeek)).toEqual([5, 6, 7, 8]);
    // March 2026 starts on a Sunday and ends on a Tuesday.
    expect(weeksOfMonth('2026-03').map((w) => w.isoWeek)).toEqual([9, 10, 11, 12, 13, 14]);
  });

  it('uses the ISO week-year at the turn of the year', () => {
    const weeks = weeksOfMonth('2025-12');
    expect(weeks.at(-1)).toMatchObject({
      isoYear: 2026,
      isoWeek: 1,
      weekStart: '2025-12-29',
      weekEnd: '2026-01-04',
    });
    expect(weeksOfMonth('2027-01')[0]).toMatchObject({ isoYear: 2026, isoWeek: 53 });
  });
});

describe('warnings for weeks without a DX item', () => {
  it('warns for every week of an empty month, with the week and its days', () => {
    const warnings = findWeekWarnings('2025-07', []);
    expect(warnings.map((w) => w.message)).toEqual([
      'Tuần 27 (30/06–06/07) chưa có tin bài chuyển đổi số',
      'Tuần 28 (07/07–13/07) chưa có tin bài chuyển đổi số',
      'Tuần 29 (14/07–20/07) chưa có tin bài chuyển đổi số',
      'Tuần 30 (21/07–27/07) chưa có tin bài chuyển đổi số',
      'Tuần 31 (28/07–03/08) chưa có tin bài chuyển đổi số',
    ]);
  });

  it('is satisfied per week by a DX entry on one of the month’s days of that week only', () => {
    const warnings = findWeekWarnings('2025-07', [
      { airDate: '2025-07-01', isDx: true },
      { airDate: '2025-07-08', isDx: false },
      { airDate: '2025-07-15', isDx: true },
      { airDate: '2025-07-27', isDx: true },
      { airDate: '2025-07-31', isDx: true },
    ]);
    expect(warnings.map((w) => w.isoWeek)).toEqual([28]);
  });

  it('counts every item of the DX programme, and topic-tagged items of another programme', () => {
    expect(isDxProgramme({ kind: 'radio_programme', name: 'Chuyên mục Chuyển đổi số' })).toBe(true);
    expect(isDxProgramme({ kind: 'radio_programme', name: 'Chương trình CĐS xã' })).toBe(true);
    expect(isDxProgramme({ kind: 'radio_programme', name: 'Bản tin thời sự xã' })).toBe(false);
    expect(isDxProgramme({ kind: 'website_column', name: 'Chuyển đổi số' })).toBe(false);
    expect(isDxEntry({ topic: null }, true)).toBe(true);
    expect(isDxEntry({ topic: 'e_commerce' }, false)).toBe(true);
    expect(isDxEntry({ topic: null }, false)).toBe(false);
  });
});

describe('time slots', () => {
  it('accepts HH:mm and HH:mm-HH:mm, with an en dash or spaces, and rejects the rest', () => {
    expect(normalizeTimeSlot('05:00')).toBe('05:00');
    expect(normalizeTimeSlot('17:00 – 17:15')).toBe('17:00-17:15');
    expect(normalizeTimeSlot('5:00')).toBeNull();
    expect(normalizeTimeSlot('24:00')).toBeNull();
    expect(timeSlotProblem('17:15-17:00')).not.toBeNull();
    expect(timeSlotProblem('17:00-17:15')).toBeNull();
    expect(slotStart('17:00-17:15')).toBe('17:00');
  });
});

describe('copying the previous month', () => {
  const entry = (airDate: string): ScheduleEntryRow => ({
    id: airDate,
    scheduleId: 'old',
    airDate,
    timeSlot: '05:00',
    title: `Tin ${airDate}`,
    genre: 'tin',
    topic: null,
    durationMinutes: 10,
    language: 'vi',
    source: 'own',
    libraryItemId: null,
    airedActivityId: 'aired',
    createdAt: new Date(),
  });

  it('keeps each entry on its weekday, four or five weeks on, inside the new month', () => {
    const copied = copyEntriesForward(
      [entry('2026-01-01'), entry('2026-01-06'), entry('2026-01-31')],
      '2026-02',
      'new',
    );
    // Thu 01/01 → Thu 05/02 (four weeks would stay in January); Tue 06/01 → Tue 03/02; Sat 31/01 → Sat 28/02.
    expect(copied.map((c) => c.airDate)).toEqual(['2026-02-05', '2026-02-03', '2026-02-28']);
    expect(copied.every((c) => c.scheduleId === 'new' && !('airedActivityId' in c))).toBe(true);
  });
});
