import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../src/server/scoring/day-numbers';
import { createDaySeries, EMPTY_SERIES } from '../src/server/scoring/day-series';
import {
  applicableCriteria,
  type CriterionEntry,
  collectMeasures,
  evaluateCriterion,
  evaluateUnit,
} from '../src/server/scoring/evaluate';
import { measureKey } from '../src/server/scoring/measure-key';
import { parsePeriod } from '../src/server/scoring/periods';
import type { ChannelFact, DaySeries, InputValue, UnitFacts } from '../src/server/scoring/types';
import { addDays } from '../src/shared/dates';
import {
  type CriterionSpec,
  type FrameworkFileInput,
  type FrameworkSpec,
  frameworkSchema,
  type MeasureSource,
  type MeasureSpec,
  measureSources,
  type PeriodKind,
} from '../src/shared/frameworks/definition';
import type { UnitKind } from '../src/shared/units';

/** The pure rule engine: every rule type, its explanation, gaps and projection, and the edges of periods. */

type BaseFacts = Omit<UnitFacts, 'input' | 'manualScore'>;
type CriterionInput = FrameworkFileInput['pillars'][number]['indices'][number]['criteria'][number];

const META = {
  code: 'test-framework',
  version: '2024',
  name: 'Bộ chỉ số thử',
  legalBasis: 'QĐ 780/QĐ-UBND ngày 02/12/2022',
  issuingBody: 'UBND tỉnh Kon Tum',
  validFrom: '2023-01-01',
};

/** Criteria parsed through the file schema, as a framework file would give them. */
function frameworkOf(criteria: CriterionInput[], appliesTo: UnitKind[] = ['commune']): FrameworkSpec {
  return frameworkSchema.parse({
    ...META,
    appliesTo,
    pillars: [
      { code: '1', title: 'Chính quyền số', indices: [{ code: '1', title: 'Nhận thức số', criteria }] },
    ],
  });
}

function criterionOf(rule: unknown, max = 10, extra: Partial<CriterionInput> = {}): CriterionSpec {
  const framework = frameworkOf([{ code: '1.1', title: 'Tiêu chí', max, rule, ...extra } as CriterionInput]);
  return framework.pillars[0]!.indices[0]!.criteria[0]!;
}

/** One record on each day listed (a day listed twice has two), or counts per day. */
function seriesOf(days: string[] | Record<string, number>): DaySeries {
  const entries = Array.isArray(days) ? days.map((day) => [day, 1] as const) : Object.entries(days);
  return createDaySeries(
    entries.map(([day]) => toEpochDay(day)),
    entries.map(([, count]) => count),
  );
}

interface FactsOptions {
  period?: string;
  kind?: PeriodKind;
  through?: string;
  /** The counting day is `through` (its records can still come). */
  throughIsToday?: boolean;
  activeFrom?: string;
  series?: Partial<Record<MeasureSource, DaySeries>>;
  channels?: ChannelFact[];
}

function factsOf(options: FactsOptions = {}): BaseFacts {
  const period = parsePeriod(options.kind ?? 'year', options.period ?? '2024')!;
  return {
    window: {
      period,
      activeFrom: options.activeFrom ?? period.from,
      through: options.through ?? period.to,
      ...(options.throughIsToday ? { throughIsToday: true } : {}),
    },
    // Several sources are counted together, as the loader does in one column.
    series: (measure: MeasureSpec) => {
      const parts = measureSources(measure).map((source) => options.series?.[source] ?? EMPTY_SERIES);
      if (parts.length === 1) return parts[0]!;
      return {
        total: parts.reduce((sum, part) => sum + part.total, 0),
        countOn: (day: number) => parts.reduce((sum, part) => sum + part.countOn(day), 0),
      };
    },
    channels: (spec) =>
      (options.channels ?? []).filter((channel) => spec.channelKinds.includes(channel.kind as never)),
  };
}

function scoreOf(
  rule: unknown,
  options: FactsOptions & {
    max?: number;
    inputs?: Record<string, InputValue>;
    manualScore?: number;
    extra?: Partial<CriterionInput>;
  } = {},
) {
  const criterion = criterionOf(rule, options.max ?? 10, options.extra);
  const entry: CriterionEntry | undefined =
    options.inputs || options.manualScore !== undefined
      ? { inputs: options.inputs ?? {}, manualScore: options.manualScore }
      : undefined;
  return evaluateCriterion(criterion, factsOf(options), entry);
}

/** The Wednesday of ISO week `week` of a year whose week 1 starts on `mondayOfWeek1`. */
function wednesdayOfWeek(mondayOfWeek1: string, week: number): string {
  return addDays(mondayOfWeek1, 7 * (week - 1) + 2);
}

/** 2024 starts on a Monday: ISO week 1 of 2024 is 01/01–07/01. */
const weeks2024 = (weeks: number[]) => weeks.map((week) => wednesdayOfWeek('2024-01-01', week));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const POSTS: MeasureSpec = { source: 'posts' };
const BROADCASTS: MeasureSpec = { source: 'broadcasts' };
const WEBSITE_COLUMN: ChannelFact = {
  name: 'Chuyên mục Chuyển đổi số',
  kind: 'website_column',
  startedOn: '2023-03-15',
  endedOn: null,
};
const WEEKLY_MONTHLY = {
  type: 'frequency',
  measure: BROADCASTS,
  tiers: [
    { label: 'hằng tuần', every: 'week', fraction: 1 },
    { label: 'hằng tháng', every: 'month', fraction: 0.5 },
  ],
};

describe('measureKey and day series', () => {
  it('gives the same key whatever the order of keys and of list items, ignoring the noun and false flags', () => {
    const a = measureKey({ source: 'posts', topics: ['b', 'a'], languages: ['sed'], acceptedOnly: false });
    const b = measureKey({ languages: ['sed'], topics: ['a', 'b'], source: 'posts', noun: 'bài viết' });
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual({ languages: ['sed'], source: 'posts', topics: ['a', 'b'] });
    expect(measureKey({ source: 'posts', acceptedOnly: true })).not.toBe(measureKey({ source: 'posts' }));
    expect(measureKey({ source: 'posts' })).not.toBe(measureKey({ source: 'broadcasts' }));
  });

  it('counts records per day, adds a day given twice, and has an empty series', () => {
    const series = createDaySeries([10, 12, 12], [2, 1, 3]);
    expect(series.total).toBe(6);
    expect(series.countOn(12)).toBe(4);
    expect(series.countOn(11)).toBe(0);
    expect(EMPTY_SERIES.total).toBe(0);
    expect(EMPTY_SERIES.countOn(12)).toBe(0);
    expect(createDaySeries([], [])).toBe(EMPTY_SERIES);
    expect(() => createDaySeries([1, 2], [1])).toThrow();
  });
});

describe('boolean', () => {
  it('is met by any record of the measure', () => {
    const met = scoreOf({ type: 'boolean', measure: POSTS }, { series: { posts: seriesOf(['2024-05-02']) } });
    expect(met).toMatchObject({
      score: 10,
      status: 'green',
      explanation: 'Có 1 tin bài trong năm 2024 → 10/10 điểm',
    });
    const none = scoreOf({ type: 'boolean', measure: POSTS });
    expect(none).toMatchObject({
      score: 0,
      status: 'red',
      explanation: 'Chưa có tin bài nào trong năm 2024 → 0/10 điểm',
      gaps: [],
    });
  });

  it('says while the period runs that one record is needed', () => {
    const result = scoreOf({ type: 'boolean', measure: POSTS }, { through: '2024-10-15' });
    expect(result.explanation).toBe('Chưa có tin bài nào trong năm 2024, tính đến 15/10/2024 → 0/10 điểm');
    expect(result.gaps).toEqual(['cần ít nhất 1 tin bài trước 31/12']);
  });

  it('is met by a channel, naming it and the day it started', () => {
    const rule = { type: 'boolean', channel: { channelKinds: ['website_column'] } };
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN] })).toMatchObject({
      score: 10,
      status: 'green',
      explanation: 'Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023 → 10/10 điểm',
      facts: { channel: 'Chuyên mục Chuyển đổi số', startedOn: '2023-03-15' },
    });
    expect(scoreOf(rule)).toMatchObject({
      score: 0,
      status: 'red',
      explanation: 'Chưa có chuyên mục CĐS trên trang thông tin điện tử → 0/10 điểm',
    });
  });

  it('asks to declare a missing channel while the period runs', () => {
    const rule = { type: 'boolean', channel: { channelKinds: ['radio_programme'] } };
    expect(scoreOf(rule, { through: '2024-06-01' }).gaps).toEqual([
      'Chưa khai báo kênh chương trình CĐS trên đài truyền thanh: thêm kênh trong trang đơn vị',
    ]);
  });

  it('honours startedBy: period_start (the channel must exist on the first day)', () => {
    const rule = {
      type: 'boolean',
      channel: { channelKinds: ['website_column'], startedBy: 'period_start' },
    };
    const late = { ...WEBSITE_COLUMN, startedOn: '2024-03-15' };
    expect(scoreOf(rule, { channels: [late] })).toMatchObject({
      score: 0,
      explanation:
        'Chuyên mục CĐS trên trang thông tin điện tử chỉ có từ 15/03/2024, sau ngày đầu kỳ 01/01/2024 → 0/10 điểm',
    });
    expect(scoreOf(rule, { channels: [{ ...late, startedOn: '2024-01-01' }] }).score).toBe(10);
    // By default a channel started during the period counts.
    expect(
      scoreOf({ type: 'boolean', channel: { channelKinds: ['website_column'] } }, { channels: [late] }).score,
    ).toBe(10);
  });

  it('takes a unit created mid-period at its first day for period_start', () => {
    const rule = {
      type: 'boolean',
      channel: { channelKinds: ['website_column'], startedBy: 'period_start' },
    };
    const channel = { ...WEBSITE_COLUMN, startedOn: '2025-07-01' };
    expect(scoreOf(rule, { period: '2025', activeFrom: '2025-07-01', channels: [channel] }).score).toBe(10);
    expect(scoreOf(rule, { period: '2025', activeFrom: '2025-06-30', channels: [channel] }).score).toBe(0);
  });

  it('accepts a channel without a start date unless it must prove it existed at the start', () => {
    const undated = { ...WEBSITE_COLUMN, startedOn: null };
    expect(
      scoreOf({ type: 'boolean', channel: { channelKinds: ['website_column'] } }, { channels: [undated] }),
    ).toMatchObject({
      score: 10,
      explanation: 'Có chuyên mục CĐS trên trang thông tin điện tử (chưa khai báo ngày bắt đầu) → 10/10 điểm',
    });
    const strict = {
      type: 'boolean',
      channel: { channelKinds: ['website_column'], startedBy: 'period_start' },
    };
    expect(scoreOf(strict, { channels: [undated] })).toMatchObject({ score: 0, status: 'red' });
  });

  it('projects full points for a channel starting later in the running period', () => {
    const channel = { ...WEBSITE_COLUMN, startedOn: '2024-11-01' };
    const result = scoreOf(
      { type: 'boolean', channel: { channelKinds: ['website_column'] } },
      { through: '2024-10-15', channels: [channel] },
    );
    expect(result).toMatchObject({ score: 0, projectedScore: 10, status: 'green' });
  });

  it('uses the noun of the channel measure', () => {
    const rule = {
      type: 'boolean',
      channel: { channelKinds: ['website_column'], noun: 'Chuyên mục "Chuyển đổi số"' },
    };
    expect(scoreOf(rule).explanation).toBe('Chưa có chuyên mục "Chuyển đổi số" → 0/10 điểm');
  });

  it('reads a yes/no input and waits for it', () => {
    const rule = { type: 'boolean', input: 'co_ke_hoach' };
    const extra = {
      inputs: [{ key: 'co_ke_hoach', label: 'Có kế hoạch tuyên truyền', type: 'boolean' as const }],
    };
    expect(scoreOf(rule, { inputs: { co_ke_hoach: true }, extra })).toMatchObject({
      score: 10,
      explanation: 'Có kế hoạch tuyên truyền: có → 10/10 điểm',
    });
    expect(scoreOf(rule, { inputs: { co_ke_hoach: false }, extra }).score).toBe(0);
    expect(scoreOf(rule, { extra })).toMatchObject({
      score: null,
      status: 'grey',
      projectedScore: null,
      missingInputs: ['co_ke_hoach'],
      explanation: 'Chờ nhập: Có kế hoạch tuyên truyền',
      gaps: ['cần nhập có kế hoạch tuyên truyền'],
    });
  });
});

describe('count', () => {
  const rule = { type: 'count', measure: POSTS, threshold: 20 };

  it('gives all or nothing against the threshold', () => {
    const posts = (n: number) => ({ series: { posts: seriesOf({ '2024-05-02': n }) } });
    expect(scoreOf(rule, posts(17))).toMatchObject({
      score: 0,
      status: 'red',
      explanation: '17 tin bài trong năm 2024 (cần 20) → 0/10 điểm',
      facts: { count: 17, threshold: 20 },
      measures: [POSTS],
    });
    expect(scoreOf(rule, posts(23))).toMatchObject({
      score: 10,
      status: 'green',
      explanation: '23 tin bài trong năm 2024 (cần 20) → 10/10 điểm',
    });
    expect(scoreOf(rule, posts(20)).score).toBe(10);
  });

  it('scores an empty period 0 and red', () => {
    expect(scoreOf(rule)).toMatchObject({ score: 0, projectedScore: 0, status: 'red', gaps: [] });
  });

  it('gives a proportional share with partial: proportional, with a decimal comma', () => {
    const result = scoreOf(
      { ...rule, partial: 'proportional' },
      { series: { posts: seriesOf({ '2024-05-02': 15 }) } },
    );
    expect(result).toMatchObject({
      score: 7.5,
      status: 'amber',
      explanation: '15 tin bài trong năm 2024 (cần 20) → 7,5/10 điểm',
    });
    const third = scoreOf(
      { ...rule, threshold: 3, partial: 'proportional' },
      { series: { posts: seriesOf(['2024-05-02']) } },
    );
    expect(third.score).toBe(3.33);
  });

  it('names what it counts by source, or by the noun of the measure', () => {
    const one = { '2024-05-02': 1 };
    const named = (source: MeasureSource, noun?: string) =>
      scoreOf(
        { type: 'count', measure: { source, ...(noun ? { noun } : {}) }, threshold: 2 },
        { series: { [source]: seriesOf(one) } },
      ).explanation;
    expect(named('broadcasts')).toBe('1 lượt phát trong năm 2024 (cần 2) → 0/10 điểm');
    expect(named('press_issues')).toBe('1 kỳ báo trong năm 2024 (cần 2) → 0/10 điểm');
    expect(named('banners')).toBe('1 banner trong năm 2024 (cần 2) → 0/10 điểm');
    expect(named('posts', 'bài viết tiếng Xơ Đăng')).toBe(
      '1 bài viết tiếng Xơ Đăng trong năm 2024 (cần 2) → 0/10 điểm',
    );
  });

  it('says the period in words for half years, quarters and months', () => {
    const series = { posts: seriesOf(['2025-02-02']) };
    expect(scoreOf(rule, { kind: 'half_year', period: '2025-H1', series }).explanation).toBe(
      '1 tin bài trong 6 tháng đầu năm 2025 (cần 20) → 0/10 điểm',
    );
    expect(scoreOf(rule, { kind: 'quarter', period: '2025-Q1', series }).explanation).toContain(
      'trong quý I/2025',
    );
  });

  it('while the period runs: says what is missing before the end and projects at the current pace', () => {
    // 10 posts in the first 182 of 366 days of 2024 → 20.1 by the end: on pace for full points.
    const result = scoreOf(rule, {
      through: '2024-06-30',
      series: { posts: seriesOf({ '2024-03-01': 10 }) },
    });
    expect(result).toMatchObject({
      score: 0,
      projectedScore: 10,
      status: 'green',
      gaps: ['cần thêm 10 tin bài trước 31/12'],
      explanation:
        '10 tin bài trong năm 2024 (cần 20), tính đến 30/06/2024 → hiện 0/10 điểm; dự kiến 10/10 điểm',
      facts: { projectedCount: 20.1 },
    });
    const behind = scoreOf(rule, {
      through: '2024-11-30',
      series: { posts: seriesOf({ '2024-03-01': 17 }) },
    });
    expect(behind).toMatchObject({
      score: 0,
      projectedScore: 0,
      status: 'red',
      gaps: ['cần thêm 3 tin bài trước 31/12'],
      explanation: '17 tin bài trong năm 2024 (cần 20), tính đến 30/11/2024 → 0/10 điểm',
    });
  });

  it('on the last day, while it is today, still says what is missing; once it is over, only the score', () => {
    const series = { posts: seriesOf({ '2024-03-01': 17 }) };
    const lastDay = scoreOf(rule, { through: '2024-12-31', throughIsToday: true, series });
    expect(lastDay).toMatchObject({
      score: 0,
      gaps: ['cần thêm 3 tin bài trong hôm nay (31/12)'],
      explanation: '17 tin bài trong năm 2024 (cần 20), tính đến 31/12/2024 → 0/10 điểm',
    });
    const over = scoreOf(rule, { through: '2024-12-31', series });
    expect(over).toMatchObject({
      score: 0,
      gaps: [],
      explanation: '17 tin bài trong năm 2024 (cần 20) → 0/10 điểm',
    });
  });

  it('counts days in a leap year: 2024 has 366, so 10 posts by 29/02 project to 61', () => {
    const result = scoreOf(rule, {
      through: '2024-02-29',
      series: { posts: seriesOf({ '2024-02-29': 10 }) },
    });
    expect(result.facts.projectedCount).toBe(61);
  });

  it('projects a unit created mid-period from the day it started', () => {
    // 10 posts in the 92 days from 01/07 to 30/09, 184 days judged → 20 by the end.
    const result = scoreOf(rule, {
      period: '2025',
      activeFrom: '2025-07-01',
      through: '2025-09-30',
      series: { posts: seriesOf({ '2025-08-01': 10 }) },
    });
    expect(result).toMatchObject({ projectedScore: 10, facts: { projectedCount: 20 } });
  });

  it('reads a number input, labelled, and waits for it', () => {
    const extra = {
      inputs: [{ key: 'so_van_ban', label: 'Số văn bản chỉ đạo', type: 'number' as const, unit: 'văn bản' }],
    };
    const byInput = { type: 'count', input: 'so_van_ban', threshold: 5 };
    expect(scoreOf(byInput, { inputs: { so_van_ban: 3 }, extra })).toMatchObject({
      score: 0,
      explanation: 'Số văn bản chỉ đạo: 3 văn bản (cần 5) → 0/10 điểm',
      gaps: [],
    });
    expect(scoreOf(byInput, { inputs: { so_van_ban: '6' }, extra }).score).toBe(10);
    expect(scoreOf(byInput, { extra, through: '2024-05-01' })).toMatchObject({
      score: null,
      status: 'grey',
      missingInputs: ['so_van_ban'],
      explanation: 'Chờ nhập: Số văn bản chỉ đạo',
      gaps: ['cần nhập số văn bản chỉ đạo'],
    });
    // Without a declared input the key stands for its label.
    expect(scoreOf(byInput).explanation).toBe('Chờ nhập: so_van_ban');
  });
});

describe('ladder', () => {
  const rule = {
    type: 'ladder',
    measure: POSTS,
    steps: [
      { atLeast: 5, points: 3 },
      { atLeast: 10, points: 6 },
      { atLeast: 20, points: 12 },
    ],
  };
  const posts = (n: number, through?: string) => ({
    series: { posts: seriesOf({ '2024-03-01': n }) },
    through,
  });

  it('gives the points of the highest step reached, capped at the maximum', () => {
    expect(scoreOf(rule, posts(4))).toMatchObject({
      score: 0,
      explanation: '4 tin bài trong năm 2024 → dưới mức 5, 0/10 điểm',
    });
    expect(scoreOf(rule, posts(12))).toMatchObject({
      score: 6,
      status: 'amber',
      explanation: '12 tin bài trong năm 2024 → mức từ 10, 6/10 điểm',
    });
    expect(scoreOf(rule, posts(25)).score).toBe(10);
  });

  it('names the next step while the period runs', () => {
    expect(scoreOf(rule, posts(12, '2024-12-01')).gaps).toEqual([
      'cần thêm 8 tin bài trước 31/12 để đạt 10/10 điểm',
    ]);
  });
});

describe('frequency', () => {
  it('gives full points when every week has a broadcast', () => {
    const result = scoreOf(WEEKLY_MONTHLY, { series: { broadcasts: seriesOf(weeks2024(range(1, 52))) } });
    expect(result).toMatchObject({
      score: 10,
      status: 'green',
      explanation: '52 trên 52 tuần có lượt phát → mức hằng tuần, 10/10 điểm',
      facts: { tier: 'hằng tuần', weeks: 52, weeks_qualifying: 52, months: 12, months_qualifying: 12 },
    });
  });

  it('falls to the monthly tier when some weeks miss but every month has one', () => {
    // Weeks 1, 4, 8, …, 52 without broadcasts: 38 weeks, every month still has one.
    const weeks = range(1, 52).filter((week) => week !== 1 && week % 4 !== 0);
    const result = scoreOf(WEEKLY_MONTHLY, { series: { broadcasts: seriesOf(weeks2024(weeks)) } });
    expect(result).toMatchObject({
      score: 5,
      status: 'amber',
      explanation: '38 trên 52 tuần có lượt phát → mức hằng tháng, 5/10 điểm',
    });
  });

  it('gives 0 below the last tier and shows the figures of every tier', () => {
    // Weeks 1–26 (January–June) and one week in each of July, August and September: 30 weeks, 9 months.
    const weeks = [...range(1, 26), 27, 32, 36, 37];
    const result = scoreOf(WEEKLY_MONTHLY, { series: { broadcasts: seriesOf(weeks2024(weeks)) } });
    expect(result).toMatchObject({
      score: 0,
      status: 'red',
      explanation: '30 trên 52 tuần, 9 trên 12 tháng có lượt phát → dưới mức hằng tháng, 0/10 điểm',
      facts: { tier: null },
    });
  });

  it('scores an empty period 0', () => {
    expect(scoreOf(WEEKLY_MONTHLY)).toMatchObject({
      score: 0,
      status: 'red',
      explanation: '0 trên 52 tuần, 0 trên 12 tháng có lượt phát → dưới mức hằng tháng, 0/10 điểm',
    });
  });

  it('needs k items in a week when atLeast is set, and reaches a tier at a share below 1', () => {
    const rule = {
      type: 'frequency',
      measure: BROADCASTS,
      tiers: [
        { label: 'hằng tuần', every: 'week', atLeast: 2, share: 0.9, fraction: 1 },
        { label: 'hằng tuần một lượt', every: 'week', fraction: 0.5 },
      ],
    };
    // Two broadcasts in 47 of 52 weeks (90.4 %), one in the other five.
    const days = weeks2024(range(1, 52));
    const twice = days.slice(0, 47);
    const result = scoreOf(rule, { series: { broadcasts: seriesOf([...days, ...twice]) } });
    expect(result).toMatchObject({
      score: 10,
      explanation: '47 trên 52 tuần có ít nhất 2 lượt phát → mức hằng tuần, 10/10 điểm',
    });
    const fewer = scoreOf(rule, { series: { broadcasts: seriesOf([...days, ...days.slice(0, 46)]) } });
    expect(fewer).toMatchObject({
      score: 5,
      explanation: '46 trên 52 tuần có ít nhất 2 lượt phát → mức hằng tuần một lượt, 5/10 điểm',
    });
  });

  it('counts the 53 ISO weeks of 2026, a record on 31/12/2026 lying in week 53', () => {
    // 2026 starts on a Thursday: 53 Thursdays, the last on 31/12/2026 (week 53, 28/12/2026–03/01/2027).
    const thursdays = range(0, 52).map((i) => addDays('2026-01-01', 7 * i));
    expect(thursdays.at(-1)).toBe('2026-12-31');
    const full = scoreOf(WEEKLY_MONTHLY, { period: '2026', series: { broadcasts: seriesOf(thursdays) } });
    expect(full).toMatchObject({
      score: 10,
      explanation: '53 trên 53 tuần có lượt phát → mức hằng tuần, 10/10 điểm',
    });
    const withoutLast = scoreOf(WEEKLY_MONTHLY, {
      period: '2026',
      series: { broadcasts: seriesOf(thursdays.slice(0, -1)) },
    });
    expect(withoutLast).toMatchObject({
      score: 5,
      facts: { weeks: 53, weeks_qualifying: 52, weeks_missing: 1, weeks_remaining: 0 },
    });
  });

  it('counts 53 weeks in 2020 too', () => {
    expect(scoreOf(WEEKLY_MONTHLY, { period: '2020' }).facts).toMatchObject({ weeks: 53, months: 12 });
  });

  it('puts 30/12/2024–05/01/2025 in 2025 and counts only its January days there', () => {
    // Week 52 of 2024 is the last of 2024; the days of 30–31/12/2024 belong to no week of 2024.
    const year2024 = scoreOf(WEEKLY_MONTHLY, {
      series: { broadcasts: seriesOf(['2024-12-30', '2024-12-31']) },
    });
    expect(year2024.facts).toMatchObject({ weeks: 52, weeks_qualifying: 0, months_qualifying: 1 });
    // For 2025 the week is week 1, but records of 30–31/12/2024 are outside the period.
    const early = scoreOf(WEEKLY_MONTHLY, {
      period: '2025',
      series: { broadcasts: seriesOf(['2024-12-30']) },
    });
    expect(early.facts).toMatchObject({ weeks: 52, weeks_qualifying: 0 });
    const january = scoreOf(WEEKLY_MONTHLY, {
      period: '2025',
      series: { broadcasts: seriesOf(['2025-01-02']) },
    });
    expect(january.facts).toMatchObject({ weeks_qualifying: 1, months_qualifying: 1 });
  });

  it('judges a unit created on 01/07/2025 from ISO week 27 and from July', () => {
    const wednesdays = range(0, 25).map((i) => addDays('2025-07-02', 7 * i));
    const result = scoreOf(WEEKLY_MONTHLY, {
      period: '2025',
      activeFrom: '2025-07-01',
      series: { broadcasts: seriesOf(wednesdays) },
    });
    expect(result).toMatchObject({
      score: 10,
      explanation: '26 trên 26 tuần có lượt phát → mức hằng tuần, 10/10 điểm',
      facts: { weeks: 26, months: 6 },
    });
  });

  it('while the period runs: on pace for full points, and what the remaining weeks need', () => {
    const result = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-06-30',
      series: { broadcasts: seriesOf(weeks2024(range(1, 26))) },
    });
    expect(result).toMatchObject({
      score: 0,
      projectedScore: 10,
      status: 'green',
      explanation:
        '26 trên 26 tuần có lượt phát, tính đến 30/06/2024 → hiện 0/10 điểm; dự kiến mức hằng tuần, 10/10 điểm',
      gaps: ['mỗi tuần còn lại (26 tuần) cần ít nhất 1 lượt phát'],
    });
  });

  it('names the missed weeks and the tier still reachable once full points are out of reach', () => {
    const weeks = range(1, 48).filter((week) => ![45, 47, 48].includes(week));
    const result = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-12-01',
      series: { broadcasts: seriesOf(weeks2024(weeks)) },
    });
    expect(result).toMatchObject({
      score: 0,
      projectedScore: 5,
      status: 'amber',
      gaps: [
        'tuần 45, 47 và 48 chưa có lượt phát: không còn đạt mức hằng tuần',
        'vẫn đạt mức hằng tháng nếu tháng 12 có ít nhất 1 lượt phát',
      ],
    });
    expect(result.explanation).toBe(
      '45 trên 48 tuần có lượt phát, tính đến 01/12/2024 → hiện 0/10 điểm; dự kiến mức hằng tháng, 5/10 điểm',
    );
  });

  it('says which weeks and months closed each tier when none can be reached any more', () => {
    // Nothing since week 43: November is missed, so neither tier can be reached.
    const result = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-11-30',
      series: { broadcasts: seriesOf(weeks2024(range(1, 43))) },
    });
    expect(result).toMatchObject({
      score: 0,
      projectedScore: 0,
      status: 'red',
      explanation:
        '43 trên 47 tuần, 10 trên 11 tháng có lượt phát, tính đến 30/11/2024 → dưới mức hằng tháng, 0/10 điểm',
      gaps: [
        'tuần 44, 45, 46 và 47 chưa có lượt phát: không còn đạt mức hằng tuần',
        'tháng 11 chưa có lượt phát: không còn đạt mức hằng tháng',
      ],
    });
  });

  it('does not say "below" a tier on the first days of a period, when every tier is still open', () => {
    const result = scoreOf(WEEKLY_MONTHLY, { through: '2024-01-03' });
    expect(result).toMatchObject({
      score: 0,
      status: 'red',
      explanation: 'Chưa hết tuần nào của năm 2024, tính đến 03/01/2024 → 0/10 điểm',
      gaps: ['mỗi tuần còn lại (52 tuần) cần ít nhất 1 lượt phát'],
    });
  });

  it('counts a week that is still running only once it has its broadcast', () => {
    // Wednesday 27/11 is in week 48, which runs until 01/12: on 28/11 it already counts.
    const result = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-11-28',
      series: { broadcasts: seriesOf(weeks2024(range(1, 48))) },
    });
    expect(result.facts).toMatchObject({ weeks_qualifying: 48, weeks_counted: 48, weeks_remaining: 4 });
    const before = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-11-28',
      series: { broadcasts: seriesOf(weeks2024(range(1, 47))) },
    });
    expect(before.facts).toMatchObject({
      weeks_qualifying: 47,
      weeks_counted: 47,
      weeks_missing: 0,
      weeks_remaining: 5,
    });
    expect(before.gaps).toEqual(['mỗi tuần còn lại (5 tuần) cần ít nhất 1 lượt phát']);
  });

  it('projects the monthly tier from the rate so far when weeks have been missed', () => {
    // Half of the weeks so far, every month so far.
    const weeks = range(1, 26).filter((week) => week % 2 === 0);
    const result = scoreOf(WEEKLY_MONTHLY, {
      through: '2024-06-30',
      series: { broadcasts: seriesOf(weeks2024(weeks)) },
    });
    expect(result).toMatchObject({ score: 0, projectedScore: 5, status: 'amber' });
    expect(result.gaps[0]).toMatch(
      /^tuần 1, 3, 5, 7, 9, 11, 13 và 6 tuần khác chưa có lượt phát: không còn đạt mức hằng tuần$/,
    );
    expect(result.gaps[1]).toBe(
      'vẫn đạt mức hằng tháng nếu mỗi tháng còn lại (6 tháng) có ít nhất 1 lượt phát',
    );
  });
});

describe('minimum_each', () => {
  const rule = { type: 'minimum_each', measure: { source: 'press_issues' }, every: 'month', atLeast: 2 };
  /** Two issues on the 10th and 20th of each month listed. */
  const issues = (months: number[], year = 2024) =>
    seriesOf(
      months.flatMap((month) => {
        const m = String(month).padStart(2, '0');
        return [`${year}-${m}-10`, `${year}-${m}-20`];
      }),
    );

  it('gives full points only when every month has k records', () => {
    expect(scoreOf(rule, { series: { press_issues: issues(range(1, 12)) } })).toMatchObject({
      score: 10,
      explanation: '12 trên 12 tháng có ít nhất 2 kỳ báo → 10/10 điểm',
    });
    expect(scoreOf(rule, { series: { press_issues: issues(range(1, 11)) } })).toMatchObject({
      score: 0,
      status: 'red',
      explanation: '11 trên 12 tháng có ít nhất 2 kỳ báo → 0/10 điểm',
    });
  });

  it('gives the share of months with partial: proportional', () => {
    const result = scoreOf(
      { ...rule, partial: 'proportional' },
      { series: { press_issues: issues(range(1, 11)) } },
    );
    expect(result).toMatchObject({ score: 9.17, status: 'amber' });
  });

  it('counts a record of 29/02 in February of a leap year', () => {
    const days = range(1, 12).map(
      (month) => `2024-${String(month).padStart(2, '0')}-${month === 2 ? '29' : '15'}`,
    );
    const monthly = { type: 'minimum_each', measure: POSTS, every: 'month', atLeast: 1 };
    expect(scoreOf(monthly, { series: { posts: seriesOf(days) } })).toMatchObject({
      score: 10,
      explanation: '12 trên 12 tháng có tin bài → 10/10 điểm',
    });
  });

  it('while the period runs: missed months end full points, else what every month left needs', () => {
    const onTrack = scoreOf(rule, { through: '2024-09-30', series: { press_issues: issues(range(1, 9)) } });
    expect(onTrack).toMatchObject({
      score: 0,
      projectedScore: 10,
      status: 'green',
      gaps: ['mỗi tháng còn lại (3 tháng) cần ít nhất 2 kỳ báo'],
    });
    const missed = scoreOf(rule, {
      through: '2024-11-30',
      series: { press_issues: issues([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]) },
    });
    expect(missed).toMatchObject({
      score: 0,
      projectedScore: 0,
      status: 'red',
      gaps: ['tháng 3 chưa đủ 2 kỳ báo: không còn đạt điểm tiêu chí này'],
    });
    const proportional = scoreOf(
      { ...rule, partial: 'proportional' },
      { through: '2024-11-30', series: { press_issues: issues([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]) } },
    );
    expect(proportional).toMatchObject({
      score: 8.33,
      projectedScore: 9.09,
      gaps: ['tháng 3 chưa đủ 2 kỳ báo', 'tháng 12 cần ít nhất 2 kỳ báo'],
    });
  });

  it('nothing counted yet projects 0 (no pace to go by)', () => {
    const result = scoreOf(rule, { through: '2024-01-20', series: { press_issues: issues([1]) } });
    // January already has its two issues, so it counts: the rate is 1/1.
    expect(result).toMatchObject({ projectedScore: 10 });
    const empty = scoreOf(rule, { through: '2024-01-20' });
    expect(empty).toMatchObject({ score: 0, projectedScore: 0, status: 'red' });
    expect(empty.explanation).toBe('Chưa hết tháng nào của năm 2024, tính đến 20/01/2024 → 0/10 điểm');
  });
});

describe('ratio', () => {
  const rule = {
    type: 'ratio',
    numerator: { input: 'do_lanh_dao_ky' },
    denominator: { input: 'tong_van_ban' },
  };
  const extra = {
    inputs: [
      { key: 'do_lanh_dao_ky', label: 'Văn bản do người đứng đầu ký', type: 'number' as const },
      { key: 'tong_van_ban', label: 'Tổng số văn bản', type: 'number' as const },
    ],
  };

  it('gives max × a/b, capped at max', () => {
    expect(scoreOf(rule, { extra, inputs: { do_lanh_dao_ky: 3, tong_van_ban: 4 } })).toMatchObject({
      score: 7.5,
      explanation: 'Văn bản do người đứng đầu ký/Tổng số văn bản: 3 trên 4 (75%) → 7,5/10 điểm',
    });
    expect(scoreOf(rule, { extra, inputs: { do_lanh_dao_ky: 5, tong_van_ban: 4 } }).score).toBe(10);
  });

  it('gives 0 and says so when the denominator is 0', () => {
    expect(scoreOf(rule, { extra, inputs: { do_lanh_dao_ky: 0, tong_van_ban: 0 } })).toMatchObject({
      score: 0,
      explanation:
        'Văn bản do người đứng đầu ký/Tổng số văn bản: 0 trên 0 → mẫu số bằng 0, không tính được tỉ lệ, 0/10 điểm',
    });
  });

  it('waits for both inputs', () => {
    expect(scoreOf(rule, { extra, inputs: { tong_van_ban: 4 } })).toMatchObject({
      score: null,
      status: 'grey',
      missingInputs: ['do_lanh_dao_ky'],
    });
    expect(scoreOf(rule, { extra }).missingInputs).toEqual(['do_lanh_dao_ky', 'tong_van_ban']);
  });

  it('divides two measures', () => {
    const ethnic = {
      type: 'ratio',
      numerator: { measure: { source: 'broadcasts', noun: 'lượt phát tiếng dân tộc' } },
      denominator: { measure: POSTS },
    };
    const result = scoreOf(ethnic, {
      series: { broadcasts: seriesOf({ '2024-03-01': 1 }), posts: seriesOf({ '2024-03-01': 4 }) },
    });
    expect(result).toMatchObject({ score: 2.5, measures: [{ source: 'broadcasts' }, POSTS] });
  });
});

describe('choice', () => {
  const rule = {
    type: 'choice',
    input: 'nguoi_chu_tri',
    options: [
      { value: 'head', fraction: 1 },
      { value: 'deputy', fraction: 0.5 },
    ],
  };
  const extra = {
    inputs: [
      {
        key: 'nguoi_chu_tri',
        label: 'Người chủ trì',
        type: 'choice' as const,
        options: [
          { value: 'head', label: 'Người đứng đầu' },
          { value: 'deputy', label: 'Cấp phó' },
        ],
      },
    ],
  };

  it('maps the option entered to a fraction of the maximum', () => {
    expect(scoreOf(rule, { extra, inputs: { nguoi_chu_tri: 'deputy' } })).toMatchObject({
      score: 5,
      explanation: 'Người chủ trì: Cấp phó → 5/10 điểm',
    });
    expect(scoreOf(rule, { extra, inputs: { nguoi_chu_tri: 'head' } }).score).toBe(10);
    expect(scoreOf(rule, { extra, inputs: { nguoi_chu_tri: 'other' } })).toMatchObject({
      score: 0,
      explanation: 'Người chủ trì: "other" không có trong danh sách lựa chọn → 0/10 điểm',
    });
    expect(scoreOf(rule, { extra })).toMatchObject({
      score: null,
      status: 'grey',
      explanation: 'Chờ nhập: Người chủ trì',
    });
  });
});

describe('sum, all_of, any_of', () => {
  const column = { type: 'boolean', channel: { channelKinds: ['website_column'] } };
  const twentyPosts = { type: 'count', measure: POSTS, threshold: 20 };
  const posts = (n: number) => ({ posts: seriesOf({ '2024-03-01': n }) });

  it('sum: adds the parts, each out of its points, capped at the maximum', () => {
    const rule = {
      type: 'sum',
      parts: [
        { label: 'Chuyên mục', points: 6, rule: column },
        { label: 'Tin bài', points: 6, rule: { ...twentyPosts, partial: 'proportional' } },
      ],
    };
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN], series: posts(10) })).toMatchObject({
      score: 9,
      explanation:
        'Chuyên mục: Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023 (6/6 điểm); Tin bài: 10 tin bài trong năm 2024 (cần 20) (3/6 điểm) → 9/10 điểm',
    });
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN], series: posts(20) }).score).toBe(10);
  });

  it("sum: waits while a part waits for an input, and the guide says so in the engine's words", () => {
    const rule = {
      type: 'sum',
      parts: [
        {
          label: 'Có trang mạng xã hội',
          points: 4,
          rule: { type: 'boolean', channel: { channelKinds: ['social_page'] } },
        },
        {
          label: 'Văn bản ký số',
          points: 6,
          rule: {
            type: 'ratio',
            numerator: { input: 'van_ban_ky_so' },
            denominator: { input: 'tong_van_ban_di' },
          },
        },
      ],
    };
    const extra = {
      inputs: [
        { key: 'van_ban_ky_so', label: 'Văn bản ký số', type: 'number' as const },
        { key: 'tong_van_ban_di', label: 'Tổng văn bản đi', type: 'number' as const },
      ],
    };
    const page: ChannelFact = { name: 'Trang', kind: 'social_page', startedOn: '2023-05-01', endedOn: null };
    const half = scoreOf(rule, { channels: [page], inputs: { van_ban_ky_so: 45 }, extra });
    expect(half).toMatchObject({ score: null, status: 'grey', missingInputs: ['tong_van_ban_di'] });
    const full = scoreOf(rule, {
      channels: [page],
      inputs: { van_ban_ky_so: 45, tong_van_ban_di: 60 },
      extra,
    });
    expect(full.score).toBe(8.5);
    const guide = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'frameworks.md'), 'utf8');
    const flat = guide.replace(/\s+/g, ' ');
    expect(flat).toContain(`"${half.explanation}"`);
    expect(flat).toContain(full.explanation.replace(/^.*?; Văn bản ký số: /, '…; Văn bản ký số: '));
  });

  it('sum: waits while a part waits for a person', () => {
    const rule = {
      type: 'sum',
      parts: [
        { points: 5, rule: column },
        { points: 5, rule: { type: 'manual' } },
      ],
    };
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN] })).toMatchObject({ score: null, status: 'grey' });
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN], manualScore: 4 }).score).toBe(9);
  });

  it('all_of: full only when every rule is fully met', () => {
    const rule = { type: 'all_of', rules: [column, twentyPosts] };
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN], series: posts(23) })).toMatchObject({
      score: 10,
      explanation:
        'Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023; 23 tin bài trong năm 2024 (cần 20) → 10/10 điểm',
    });
    expect(scoreOf(rule, { series: posts(23) })).toMatchObject({
      score: 0,
      explanation:
        'Chưa có chuyên mục CĐS trên trang thông tin điện tử; 23 tin bài trong năm 2024 (cần 20) → chưa đủ các điều kiện, 0/10 điểm',
    });
    // A proportional count at 19/20 is not "met".
    const proportional = { type: 'all_of', rules: [column, { ...twentyPosts, partial: 'proportional' }] };
    expect(scoreOf(proportional, { channels: [WEBSITE_COLUMN], series: posts(19) }).score).toBe(0);
  });

  it('all_of: one failing rule decides even while another waits; otherwise it waits', () => {
    const rule = { type: 'all_of', rules: [column, { type: 'boolean', input: 'co_ke_hoach' }] };
    expect(scoreOf(rule)).toMatchObject({ score: 0, missingInputs: [] });
    expect(scoreOf(rule, { channels: [WEBSITE_COLUMN] })).toMatchObject({
      score: null,
      status: 'grey',
      missingInputs: ['co_ke_hoach'],
    });
  });

  it('says "tính đến" once for all the rules inside', () => {
    const rule = { type: 'all_of', rules: [twentyPosts, WEEKLY_MONTHLY] };
    const result = scoreOf(rule, {
      through: '2024-06-30',
      series: { posts: seriesOf({ '2024-03-01': 12 }), broadcasts: seriesOf(weeks2024(range(1, 26))) },
    });
    expect(result).toMatchObject({
      score: 0,
      projectedScore: 10,
      status: 'green',
      explanation:
        '12 tin bài trong năm 2024 (cần 20); 26 trên 26 tuần có lượt phát, tính đến 30/06/2024 → hiện 0/10 điểm; dự kiến 10/10 điểm',
    });
  });

  it('all_of: gathers the gaps of the rules not yet met', () => {
    const rule = { type: 'all_of', rules: [column, twentyPosts] };
    expect(scoreOf(rule, { through: '2024-10-01', series: posts(5) }).gaps).toEqual([
      'Chưa khai báo kênh chuyên mục CĐS trên trang thông tin điện tử: thêm kênh trong trang đơn vị',
      'cần thêm 15 tin bài trước 31/12',
    ]);
  });

  it('all_of and any_of: a rule that scores partially is met only at its full score (§6.9)', () => {
    const ladder = {
      type: 'ladder',
      measure: POSTS,
      steps: [
        { atLeast: 5, points: 3 },
        { atLeast: 10, points: 6 },
        { atLeast: 20, points: 10 },
      ],
    };
    // A ladder at 6/10 inside an all_of once gave 10/10; at its first step inside an any_of, too.
    expect(
      scoreOf({ type: 'all_of', rules: [column, ladder] }, { channels: [WEBSITE_COLUMN], series: posts(12) }),
    ).toMatchObject({ score: 0, facts: { met: 1 } });
    expect(scoreOf({ type: 'any_of', rules: [ladder, twentyPosts] }, { series: posts(5) }).score).toBe(0);
    expect(
      scoreOf({ type: 'all_of', rules: [column, ladder] }, { channels: [WEBSITE_COLUMN], series: posts(20) })
        .score,
    ).toBe(10);
    // A sum short of its maximum, a monthly tier worth half, a ratio under 100%, a choice worth half.
    const sumRule = {
      type: 'sum',
      parts: [
        { points: 6, rule: column },
        { points: 4, rule: twentyPosts },
      ],
    };
    expect(
      scoreOf({ type: 'any_of', rules: [sumRule] }, { channels: [WEBSITE_COLUMN], series: posts(3) }).score,
    ).toBe(0);
    expect(
      scoreOf({ type: 'any_of', rules: [sumRule] }, { channels: [WEBSITE_COLUMN], series: posts(20) }).score,
    ).toBe(10);
    const monthly = {
      broadcasts: seriesOf(range(1, 12).map((month) => `2024-${String(month).padStart(2, '0')}-10`)),
    };
    expect(scoreOf({ type: 'any_of', rules: [WEEKLY_MONTHLY] }, { series: monthly }).score).toBe(0);
    expect(scoreOf(WEEKLY_MONTHLY, { series: monthly }).score).toBe(5);
    const ratio = { type: 'ratio', numerator: { input: 'a' }, denominator: { input: 'b' } };
    const inputs = [
      { key: 'a', label: 'A', type: 'number' as const },
      { key: 'b', label: 'B', type: 'number' as const },
    ];
    expect(
      scoreOf({ type: 'all_of', rules: [ratio] }, { inputs: { a: 9, b: 10 }, extra: { inputs } }).score,
    ).toBe(0);
    expect(
      scoreOf({ type: 'all_of', rules: [ratio] }, { inputs: { a: 10, b: 10 }, extra: { inputs } }).score,
    ).toBe(10);
  });

  it('any_of: full when one rule is fully met', () => {
    const rule = { type: 'any_of', rules: [column, twentyPosts] };
    expect(scoreOf(rule, { series: posts(23) }).score).toBe(10);
    expect(scoreOf(rule, { series: posts(3) })).toMatchObject({
      score: 0,
      explanation:
        'Chưa có chuyên mục CĐS trên trang thông tin điện tử; 3 tin bài trong năm 2024 (cần 20) → chưa đạt điều kiện nào, 0/10 điểm',
    });
    const waiting = { type: 'any_of', rules: [column, { type: 'boolean', input: 'co_ke_hoach' }] };
    expect(scoreOf(waiting, { channels: [WEBSITE_COLUMN] }).score).toBe(10);
    expect(scoreOf(waiting)).toMatchObject({ score: null, missingInputs: ['co_ke_hoach'] });
  });
});

describe('language of explanations and gaps', () => {
  const english = (rule: unknown, options: FactsOptions = {}, max = 10) =>
    evaluateCriterion(criterionOf(rule, max), factsOf(options), undefined, 'en');

  it('writes every piece in English when asked, and counts in words in both languages', () => {
    const running = { through: '2024-09-30', series: { posts: seriesOf({ '2024-03-01': 16 }) } };
    expect(english({ type: 'count', measure: POSTS, threshold: 20 }, running)).toMatchObject({
      explanation: '16 posts in 2024 (20 needed), as of 30/09/2024 → now 0/10 points; expected 10/10 points',
      gaps: ['4 more posts needed before 31/12'],
    });
    const weekly = { series: { broadcasts: seriesOf(weeks2024(range(1, 52))) } };
    expect(english(WEEKLY_MONTHLY, weekly).explanation).toBe(
      '52 of 52 weeks with broadcasts → level "hằng tuần", 10/10 points',
    );
    const missed = english(WEEKLY_MONTHLY, {
      through: '2024-11-30',
      series: { broadcasts: seriesOf(weeks2024([...range(1, 44), 48])) },
    });
    expect(missed.gaps[0]).toBe('weeks 45, 46 and 47 have no broadcasts: level "hằng tuần" is out of reach');
    expect(english({ type: 'manual' }).explanation).toBe('Waiting for a score: a manually scored criterion');
    expect(
      english({ type: 'all_of', rules: [{ type: 'boolean', channel: { channelKinds: ['website_column'] } }] })
        .explanation,
    ).toBe('No website DX column → not every condition is met, 0/10 points');
    // No explanation in either language writes a count as "a/b", which reads as a date.
    for (const language of ['vi', 'en'] as const) {
      const result = evaluateCriterion(
        criterionOf({ type: 'count', measure: POSTS, threshold: 10 }),
        factsOf({ series: { posts: seriesOf({ '2024-10-28': 28 }) } }),
        undefined,
        language,
      );
      expect(result.explanation.replace(/ → .*$/, '')).not.toMatch(/\d\/\d/);
    }
  });
});

describe('manual', () => {
  it('takes the score a person gave, within 0..max, and waits for it', () => {
    expect(scoreOf({ type: 'manual' }, { manualScore: 7 })).toMatchObject({
      score: 7,
      status: 'amber',
      explanation: 'Điểm chấm thủ công → 7/10 điểm',
    });
    expect(scoreOf({ type: 'manual' }, { manualScore: 12 }).score).toBe(10);
    expect(scoreOf({ type: 'manual' }, { manualScore: -3 }).score).toBe(0);
    expect(scoreOf({ type: 'manual' }, { manualScore: 7.456 }).score).toBe(7.46);
    expect(scoreOf({ type: 'manual' })).toMatchObject({ score: null, projectedScore: null, status: 'grey' });
  });
});

describe('evaluateUnit', () => {
  const framework = frameworkOf(
    [
      { code: '1.1', title: 'Tin bài', max: 10, rule: { type: 'count', measure: POSTS, threshold: 10 } },
      { code: '1.2', title: 'Chấm tay', max: 5, rule: { type: 'manual' } },
      {
        code: '1.3',
        title: 'Chỉ cấp huyện',
        max: 10,
        appliesTo: ['former_district'],
        rule: { type: 'count', measure: { source: 'posts', noun: 'bài' }, threshold: 20 },
      },
      {
        code: '1.4',
        title: 'Chuyên mục',
        max: 5,
        rule: { type: 'boolean', channel: { channelKinds: ['website_column'], noun: 'chuyên mục' } },
      },
    ],
    ['commune', 'former_district'],
  );

  it('scores the criteria that apply to the unit kind and totals them', () => {
    expect(applicableCriteria(framework, 'commune').map((ref) => ref.criterion.code)).toEqual([
      '1.1',
      '1.2',
      '1.4',
    ]);
    expect(applicableCriteria(framework, 'former_district')).toHaveLength(4);
    const facts = factsOf({ series: { posts: seriesOf({ '2024-03-01': 12 }) } });
    const result = evaluateUnit(
      framework,
      'commune',
      facts,
      new Map([['1.2', { inputs: {}, manualScore: 2.5 }]]),
    );
    expect(result).toMatchObject({ score: 12.5, max: 20, percent: 62.5, pendingInputs: 0, status: 'amber' });
    expect(result.criteria.map((criterion) => [criterion.code, criterion.score])).toEqual([
      ['1.1', 10],
      ['1.2', 2.5],
      ['1.4', 0],
    ]);
    expect(result.criteria[0]).toMatchObject({ pillarCode: '1', indexCode: '1', title: 'Tin bài' });
  });

  it('counts a criterion waiting for a person as 0 and flags it', () => {
    const result = evaluateUnit(
      framework,
      'commune',
      factsOf({ series: { posts: seriesOf({ '2024-03-01': 12 }) } }),
    );
    expect(result).toMatchObject({ score: 10, max: 20, percent: 50, pendingInputs: 1 });
    expect(result.criteria[1]).toMatchObject({ score: null, status: 'grey' });
  });

  it('collects each distinct measure once', () => {
    expect(collectMeasures(framework)).toEqual([POSTS]);
  });

  it('treats a merged unit as one series: its predecessors’ records, summed by the caller, count together', () => {
    // Two former communes merged into one: one posted 6 and aired in odd weeks, the other posted 5
    // and aired in even weeks. Each alone fails; the merged unit passes both criteria.
    const merged = frameworkOf([
      { code: '1.4', title: 'Tin bài', max: 20, rule: { type: 'count', measure: POSTS, threshold: 10 } },
      {
        code: '1.5',
        title: 'Phát thanh',
        max: 20,
        rule: { type: 'minimum_each', measure: BROADCASTS, every: 'week', atLeast: 1 },
      },
    ]);
    const mondays2025 = '2024-12-30';
    const oddWeeks = range(1, 52)
      .filter((week) => week % 2 === 1)
      .map((week) => wednesdayOfWeek(mondays2025, week));
    const evenWeeks = range(1, 52)
      .filter((week) => week % 2 === 0)
      .map((week) => wednesdayOfWeek(mondays2025, week));
    const a = {
      posts: ['2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-06-15'],
      broadcasts: oddWeeks,
    };
    const b = {
      posts: ['2025-02-02', '2025-03-02', '2025-04-02', '2025-05-02', '2025-06-02'],
      broadcasts: evenWeeks,
    };
    const one = (part: typeof a) =>
      evaluateUnit(
        merged,
        'commune',
        factsOf({
          period: '2025',
          series: { posts: seriesOf(part.posts), broadcasts: seriesOf(part.broadcasts) },
        }),
      );
    expect(one(a).score).toBe(0);
    expect(one(b).score).toBe(0);
    const together = evaluateUnit(
      merged,
      'commune',
      factsOf({
        period: '2025',
        series: {
          posts: seriesOf([...a.posts, ...b.posts]),
          broadcasts: seriesOf([...a.broadcasts, ...b.broadcasts]),
        },
      }),
    );
    expect(together).toMatchObject({ score: 40, max: 40, percent: 100, status: 'green' });
    expect(together.criteria[0]!.explanation).toBe('11 tin bài trong năm 2025 (cần 10) → 20/20 điểm');
    expect(together.criteria[1]!.explanation).toBe('52 trên 52 tuần có lượt phát → 20/20 điểm');
  });

  it('projects the total while the period runs', () => {
    const facts = factsOf({ through: '2024-06-30', series: { posts: seriesOf({ '2024-03-01': 6 }) } });
    const result = evaluateUnit(
      framework,
      'commune',
      facts,
      new Map([['1.2', { inputs: {}, manualScore: 5 }]]),
    );
    expect(result).toMatchObject({ score: 5, projectedScore: 15, status: 'amber' });
  });
});

describe('Kon Tum QĐ 780/QĐ-UBND (criteria quoted in the Kon Rẫy letter)', () => {
  /**
   * District 1.5 and commune 1.4 are "the website has a DX column AND ≥ N DX posts in the year": one
   * award for both conditions, so all_of, not sum (a sum would give partial points for the column
   * alone, which the decision does not). District 1.7 is frequency tiers (weekly → full, monthly →
   * half, less → 0). Commune 1.5 "tuyên truyền trên Đài truyền thanh xã … thực hiện đầy đủ" is read
   * with the district's guidance (at least one DX broadcast a week): minimum_each week.
   */
  const kontum = frameworkSchema.parse({
    ...META,
    code: 'kontum-780',
    appliesTo: ['former_district', 'commune'],
    totals: { former_district: 30, commune: 40 },
    pillars: [
      {
        code: 'I',
        title: 'Chính quyền số',
        indices: [
          {
            code: '1',
            title: 'Nhận thức số',
            criteria: [
              {
                code: '1.5',
                title: 'Trang thông tin điện tử huyện có chuyên mục CĐS và ≥ 20 tin bài CĐS trong năm',
                max: 10,
                appliesTo: ['former_district'],
                rule: {
                  type: 'all_of',
                  rules: [
                    { type: 'boolean', channel: { channelKinds: ['website_column'] } },
                    { type: 'count', measure: { source: 'posts' }, threshold: 20 },
                  ],
                },
              },
              {
                code: '1.6',
                title: 'Hệ thống truyền thanh cơ sở có chuyên mục riêng về CĐS',
                max: 10,
                appliesTo: ['former_district'],
                rule: { type: 'boolean', channel: { channelKinds: ['radio_programme'] } },
              },
              {
                code: '1.7',
                title: 'Tần suất phát sóng chuyên mục CĐS',
                max: 10,
                appliesTo: ['former_district'],
                rule: WEEKLY_MONTHLY,
              },
              {
                code: '1.4',
                title: 'Trang thông tin điện tử xã có chuyên mục CĐS và ≥ 10 tin bài CĐS trong năm',
                max: 20,
                appliesTo: ['commune'],
                rule: {
                  type: 'all_of',
                  rules: [
                    { type: 'boolean', channel: { channelKinds: ['website_column'] } },
                    { type: 'count', measure: { source: 'posts' }, threshold: 10 },
                  ],
                },
              },
              {
                code: '1.5',
                title: 'Tuyên truyền CĐS trên Đài truyền thanh cấp xã, thực hiện đầy đủ',
                max: 20,
                appliesTo: ['commune'],
                rule: { type: 'minimum_each', measure: { source: 'broadcasts' }, every: 'week', atLeast: 1 },
              },
            ],
          },
        ],
      },
    ],
  });
  const radio: ChannelFact = {
    name: 'Chuyên mục CĐS – Đài huyện',
    kind: 'radio_programme',
    startedOn: '2022-05-01',
    endedOn: null,
  };
  const everyWeek = weeks2024(range(1, 52));

  it('district: column and 23 posts, a radio programme, weekly broadcasts → 30/30', () => {
    const result = evaluateUnit(
      kontum,
      'former_district',
      factsOf({
        channels: [WEBSITE_COLUMN, radio],
        series: { posts: seriesOf({ '2024-04-01': 23 }), broadcasts: seriesOf(everyWeek) },
      }),
    );
    expect(result).toMatchObject({ score: 30, max: 30, percent: 100, status: 'green' });
    expect(result.criteria.map((criterion) => criterion.explanation)).toEqual([
      'Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023; 23 tin bài trong năm 2024 (cần 20) → 10/10 điểm',
      'Có chương trình CĐS trên đài truyền thanh từ 01/05/2022 → 10/10 điểm',
      '52 trên 52 tuần có lượt phát → mức hằng tuần, 10/10 điểm',
    ]);
  });

  it('district: 17 posts and monthly broadcasts → 0 + 10 + 5', () => {
    const monthly = range(1, 12).map((month) => `2024-${String(month).padStart(2, '0')}-05`);
    const result = evaluateUnit(
      kontum,
      'former_district',
      factsOf({
        channels: [WEBSITE_COLUMN, radio],
        series: { posts: seriesOf({ '2024-04-01': 17 }), broadcasts: seriesOf(monthly) },
      }),
    );
    expect(result.criteria.map((criterion) => criterion.score)).toEqual([0, 10, 5]);
    expect(result.criteria[2]!.explanation).toBe('12 trên 52 tuần có lượt phát → mức hằng tháng, 5/10 điểm');
    expect(result).toMatchObject({ score: 15, percent: 50, status: 'amber' });
  });

  it('commune: column and 10 posts → 20; one week without a broadcast loses all of 1.5', () => {
    const result = evaluateUnit(
      kontum,
      'commune',
      factsOf({
        channels: [WEBSITE_COLUMN],
        series: {
          posts: seriesOf({ '2024-04-01': 10 }),
          broadcasts: seriesOf(everyWeek.filter((_, i) => i !== 46)),
        },
      }),
    );
    expect(result.criteria.map((criterion) => [criterion.code, criterion.score])).toEqual([
      ['1.4', 20],
      ['1.5', 0],
    ]);
    expect(result.criteria[1]!.explanation).toBe('51 trên 52 tuần có lượt phát → 0/20 điểm');
    expect(result).toMatchObject({ score: 20, max: 40, percent: 50 });
  });

  it('commune, during the year: what is still needed', () => {
    const result = evaluateUnit(
      kontum,
      'commune',
      factsOf({
        through: '2024-11-24',
        channels: [WEBSITE_COLUMN],
        series: { posts: seriesOf({ '2024-04-01': 7 }), broadcasts: seriesOf(weeks2024(range(1, 47))) },
      }),
    );
    expect(result.criteria[0]!.gaps).toEqual(['cần thêm 3 tin bài trước 31/12']);
    expect(result.criteria[1]).toMatchObject({
      status: 'green',
      gaps: ['mỗi tuần còn lại (5 tuần) cần ít nhất 1 lượt phát'],
    });
  });
});
