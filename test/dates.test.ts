import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOf,
  formatVnDate,
  isoWeekOf,
  isoWeeksInYear,
  isRealDay,
  mondayOf,
  monthBounds,
  parseVnDate,
  todayVn,
  vnInstant,
} from '../src/shared/dates';
import { urlKey } from '../src/shared/url-key';

describe('ISO weeks', () => {
  it('counts 53 weeks in the years whose 1 January is a Thursday, or a Wednesday in a leap year', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // starts on a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(isoWeeksInYear(2032)).toBe(53); // leap year starting on a Thursday
    for (const year of [2019, 2021, 2022, 2023, 2024, 2025, 2027, 2028])
      expect(isoWeeksInYear(year), String(year)).toBe(52);
  });

  it('puts the days at the turn of a year in the ISO year their Thursday belongs to', () => {
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 }); // Monday of 2026-W01
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 }); // Sunday of 2026-W53
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf('2021-01-01')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2025-12-28')).toEqual({ year: 2025, week: 52 });
    expect(isoWeekOf('2024-02-29')).toEqual({ year: 2024, week: 9 });
  });

  it('finds the Monday of a week, Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(mondayOf('2025-07-06')).toBe('2025-06-30'); // a Sunday
    expect(mondayOf('2025-07-07')).toBe('2025-07-07'); // a Monday
    expect(mondayOf('2024-03-01')).toBe('2024-02-26'); // across 29 February
  });
});

describe('calendar days', () => {
  it('knows leap days', () => {
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2000-02-29')).toBe(true);
    expect(isRealDay('2025-02-29')).toBe(false);
    expect(isRealDay('1900-02-29')).toBe(false);
    expect(isRealDay('2025-04-31')).toBe(false);
    expect(isRealDay('2025-13-01')).toBe(false);
    expect(isRealDay('2025-1-01')).toBe(false);
  });

  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-29', 53 * 7 - 1)).toBe('2027-01-03');
  });

  it('reads dd/MM/yyyy and refuses days that do not exist', () => {
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('29/02/2025')).toBeNull();
    expect(parseVnDate('31/04/2025')).toBeNull();
    expect(parseVnDate('1/7/2025')).toBe('2025-07-01');
    expect(parseVnDate(' 01.07.2025 ')).toBe('2025-07-01');
    expect(parseVnDate('01-07-2025')).toBe('2025-07-01');
    expect(parseVnDate('2025-07-01')).toBeNull();
    expect(parseVnDate('ngày 1 tháng 7')).toBeNull();
    expect(formatVnDate('2025-07-01')).toBe('01/07/2025');
  });

  it('gives month bounds, February of leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2025-02-15')).toEqual({ first: '2025-02-01', last: '2025-02-28' });
    expect(monthBounds('2025-12')).toEqual({ first: '2025-12-01', last: '2025-12-31' });
    expect(monthBounds('2026-04')).toEqual({ first: '2026-04-01', last: '2026-04-30' });
  });

  it('takes the day in Vietnam (UTC+7), not in UTC', () => {
    expect(dayOf(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(dayOf(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayVn(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
    expect(vnInstant('2025-07-01', '05:00').toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(vnInstant('2025-07-01').toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(dayOf(vnInstant('2024-02-29', '23:59'))).toBe('2024-02-29');
  });
});

describe('urlKey', () => {
  const page = 'https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1';

  it('gives the same key to the variants of one page', () => {
    const key = urlKey(page);
    expect(key).toBe('xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1');
    for (const variant of [
      'http://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1',
      'https://xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1',
      'https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1/',
      'https://WWW.XaDakRve.gov.vn/tin-tuc/chuyen-doi-so-1',
      'https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1?utm_source=zalo&utm_medium=social',
      'https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1?fbclid=IwAR0abc',
      'https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1#binh-luan',
      '  https://www.xadakrve.gov.vn/tin-tuc/chuyen-doi-so-1  ',
    ]) {
      expect(urlKey(variant), variant).toBe(key);
    }
  });

  it('keeps what tells pages apart: other paths, meaningful parameters (in any order), ports', () => {
    expect(urlKey('https://xa.gov.vn/tin?id=2')).not.toBe(urlKey('https://xa.gov.vn/tin?id=3'));
    expect(urlKey('https://xa.gov.vn/tin?b=2&a=1')).toBe(
      urlKey('https://xa.gov.vn/tin?a=1&b=2&utm_campaign=x'),
    );
    expect(urlKey('https://xa.gov.vn/tin/1')).not.toBe(urlKey('https://xa.gov.vn/tin/2'));
    expect(urlKey('https://xa.gov.vn:8443/tin')).toBe('xa.gov.vn:8443/tin');
    expect(urlKey('https://xa.gov.vn/')).toBe('xa.gov.vn');
  });

  it('reads percent-encoded Vietnamese paths as their letters', () => {
    expect(urlKey('https://xa.gov.vn/chuy%E1%BB%83n-%C4%91%E1%BB%95i-s%E1%BB%91')).toBe(
      urlKey('https://xa.gov.vn/chuyển-đổi-số'),
    );
    expect(urlKey('https://xa.gov.vn/chuyển-đổi-số')).toBe('xa.gov.vn/chuyển-đổi-số');
  });

  it('answers null for text that is not a URL', () => {
    expect(urlKey('không phải địa chỉ')).toBeNull();
    expect(urlKey('')).toBeNull();
  });
});
