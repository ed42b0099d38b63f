import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringWindow } from '../src/server/scoring/buckets';
import { toEpochDay } from '../src/server/scoring/day-numbers';
import { createDaySeries } from '../src/server/scoring/day-series';
import { type CriterionEntry, evaluateCriterion, evaluateUnit } from '../src/server/scoring/evaluate';
import { parsePeriod } from '../src/server/scoring/periods';
import type { ChannelFact, InputValue, RuleResult, UnitFacts } from '../src/server/scoring/types';
import { addDays } from '../src/shared/dates';
import {
  type CriterionSpec,
  type FrameworkSpec,
  frameworkSchema,
  MEASURE_SOURCES,
  type MeasureSource,
  measureSources,
  type PeriodKind,
  type RuleSpec,
  ruleSchema,
} from '../src/shared/frameworks/definition';

/**
 * Properties of the rule engine over random rules, records, windows and inputs: scores stay within
 * 0..max with two decimals, projections never fall below the score, adding a record never lowers a
 * count-based or frequency score, and a unit's total is the sum of its criteria.
 */

type BaseFacts = Omit<UnitFacts, 'input' | 'manualScore'>;
type Records = Record<MeasureSource, string[]>;

const PERIODS: Array<{ kind: PeriodKind; key: string }> = [
  { kind: 'year', key: '2020' },
  { kind: 'year', key: '2024' },
  { kind: 'year', key: '2025' },
  { kind: 'year', key: '2026' },
  { kind: 'half_year', key: '2025-H2' },
  { kind: 'quarter', key: '2026-Q4' },
  { kind: 'month', key: '2024-02' },
];

const windowArb: fc.Arbitrary<ScoringWindow> = fc
  .record({
    period: fc.constantFrom(...PERIODS),
    activeOffset: fc.oneof(fc.constant(0), fc.nat({ max: 400 })),
    throughOffset: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.nat({ max: 400 })),
  })
  .map(({ period: ref, activeOffset, throughOffset }) => {
    const period = parsePeriod(ref.kind, ref.key)!;
    const length = toEpochDay(period.to) - toEpochDay(period.from);
    const activeFrom = addDays(period.from, Math.min(activeOffset, length));
    const through = addDays(period.from, Math.min(throughOffset, length));
    return { period, activeFrom, through };
  });

/** Days as offsets from the period's first day; kept to the window (the loader queries from..through). */
const recordsArb = fc.record({
  posts: fc.array(fc.nat({ max: 370 }), { maxLength: 40 }),
  broadcasts: fc.array(fc.nat({ max: 370 }), { maxLength: 120 }),
  press_issues: fc.array(fc.nat({ max: 370 }), { maxLength: 60 }),
  banners: fc.array(fc.nat({ max: 370 }), { maxLength: 5 }),
});

function recordDays(window: ScoringWindow, offsets: Record<MeasureSource, number[]>): Records {
  const inWindow = (offset: number) => {
    const day = addDays(window.period.from, offset);
    return day <= window.through ? [day] : [];
  };
  return {
    posts: offsets.posts.flatMap(inWindow),
    broadcasts: offsets.broadcasts.flatMap(inWindow),
    press_issues: offsets.press_issues.flatMap(inWindow),
    banners: offsets.banners.flatMap(inWindow),
  };
}

const channelsArb: fc.Arbitrary<ChannelFact[]> = fc.array(
  fc.record({
    name: fc.constant('Kênh'),
    kind: fc.constantFrom('website_column', 'radio_programme'),
    startedOn: fc.option(
      fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2019-01-01', offset)),
      { nil: null },
    ),
    endedOn: fc.constant(null),
  }),
  { maxLength: 2 },
);

function factsOf(window: ScoringWindow, records: Records, channels: ChannelFact[] = []): BaseFacts {
  const series = Object.fromEntries(
    MEASURE_SOURCES.map((source) => {
      const days = records[source].map(toEpochDay);
      return [
        source,
        createDaySeries(
          days,
          days.map(() => 1),
        ),
      ];
    }),
  ) as Record<MeasureSource, ReturnType<typeof createDaySeries>>;
  return {
    window,
    series: (measure) => {
      const sources = measureSources(measure);
      if (sources.length === 1) return series[sources[0]!];
      const days = sources.flatMap((source) => records[source].map(toEpochDay));
      return createDaySeries(
        days,
        days.map(() => 1),
      );
    },
    channels: (spec) => channels.filter((channel) => spec.channelKinds.includes(channel.kind as never)),
  };
}

const INPUT_KEYS = ['a', 'b', 'c'] as const;
const measureArb = fc.oneof(
  fc.constantFrom(...MEASURE_SOURCES).map((source) => ({ source })),
  fc.subarray([...MEASURE_SOURCES], { minLength: 1 }).map((source) => ({ source })),
);
const quantityArb = fc.oneof(
  measureArb.map((measure) => ({ measure })),
  fc.constantFrom(...INPUT_KEYS).map((input) => ({ input })),
);
const partialArb = fc.constantFrom(undefined, 'none' as const, 'proportional' as const);
const fractionArb = fc.constantFrom(0, 0.25, 0.5, 1 / 3, 0.75, 1);

/** Tiers from the best down (fractions not increasing), as framework files list them. */
const tiersArb = fc
  .array(
    fc.record({
      label: fc.constantFrom('hằng tuần', 'hằng tháng', 'thường xuyên'),
      every: fc.constantFrom('week' as const, 'month' as const),
      atLeast: fc.integer({ min: 1, max: 3 }),
      share: fractionArb,
      fraction: fractionArb,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((tiers) => {
    const fractions = tiers.map((tier) => tier.fraction).sort((x, y) => y - x);
    return tiers.map((tier, i) => ({ ...tier, fraction: fractions[i]! }));
  });

/** Steps whose points do not fall as the count rises. */
const stepsArb = fc
  .array(fc.record({ atLeast: fc.nat({ max: 40 }), points: fc.integer({ min: 0, max: 25 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((steps) => {
    const points = steps.map((step) => step.points).sort((x, y) => x - y);
    return [...steps]
      .sort((x, y) => x.atLeast - y.atLeast)
      .map((step, i) => ({ ...step, points: points[i]! }));
  });

/** Rules whose score can only rise with more records. */
const monotoneRuleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  measureArb.map((measure) => ({ type: 'boolean' as const, measure })),
  fc.record({
    type: fc.constant('count' as const),
    measure: measureArb,
    threshold: fc.integer({ min: 1, max: 40 }),
    partial: partialArb,
  }),
  fc.record({ type: fc.constant('ladder' as const), measure: measureArb, steps: stepsArb }),
  fc.record({ type: fc.constant('frequency' as const), measure: measureArb, tiers: tiersArb }),
  fc.record({
    type: fc.constant('minimum_each' as const),
    measure: measureArb,
    every: fc.constantFrom('week' as const, 'month' as const),
    atLeast: fc.integer({ min: 1, max: 3 }),
    partial: partialArb,
  }),
);

const leafRuleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  monotoneRuleArb,
  fc.constantFrom(...INPUT_KEYS).map((input) => ({ type: 'boolean' as const, input })),
  fc
    .record({
      kinds: fc.subarray(['website_column', 'radio_programme'] as const, { minLength: 1 }),
      start: fc.boolean(),
    })
    .map(({ kinds, start }) => ({
      type: 'boolean' as const,
      channel: { channelKinds: [...kinds], ...(start ? { startedBy: 'period_start' as const } : {}) },
    })),
  fc.record({
    type: fc.constant('count' as const),
    input: fc.constantFrom(...INPUT_KEYS),
    threshold: fc.integer({ min: 1, max: 40 }),
    partial: partialArb,
  }),
  fc.record({
    type: fc.constant('ladder' as const),
    input: fc.constantFrom(...INPUT_KEYS),
    steps: fc.array(fc.record({ atLeast: fc.nat({ max: 40 }), points: fc.integer({ min: 0, max: 25 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ type: fc.constant('ratio' as const), numerator: quantityArb, denominator: quantityArb }),
  fc.record({
    type: fc.constant('choice' as const),
    input: fc.constantFrom(...INPUT_KEYS),
    options: fc.constant<Array<{ value: string; fraction: number }>>([
      { value: 'head', fraction: 1 },
      { value: 'deputy', fraction: 0.5 },
    ]),
  }),
  fc.constant({ type: 'manual' as const }),
);

const ruleArb: fc.Arbitrary<RuleSpec> = fc.letrec<{ rule: RuleSpec }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafRuleArb,
    fc.record({
      type: fc.constant('sum' as const),
      parts: fc.array(fc.record({ points: fc.integer({ min: 0, max: 15 }), rule: tie('rule') }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      type: fc.constant('all_of' as const),
      rules: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('any_of' as const),
      rules: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).rule;

const inputValueArb: fc.Arbitrary<InputValue> = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.boolean(),
  fc.constantFrom('head', 'deputy', 'other', '12', ''),
);
const entryArb: fc.Arbitrary<CriterionEntry> = fc.record({
  inputs: fc.dictionary(fc.constantFrom(...INPUT_KEYS), inputValueArb),
  manualScore: fc.option(fc.double({ min: -10, max: 120, noNaN: true }), { nil: undefined }),
});
const maxArb = fc.constantFrom(1, 2.5, 5, 10, 20, 33.3);

function criterionOf(rule: RuleSpec, max: number, code = '1.1'): CriterionSpec {
  return { code, title: 'Tiêu chí', max, rule: ruleSchema.parse(rule), evidenceRequired: false };
}

function hasTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

function expectWithinBounds(result: RuleResult, max: number) {
  if (result.score === null) {
    expect(result.status).toBe('grey');
  } else {
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(max);
    expect(hasTwoDecimals(result.score)).toBe(true);
    expect(result.status).not.toBe('grey');
  }
  if (result.projectedScore !== null) {
    expect(result.projectedScore).toBeGreaterThanOrEqual(0);
    expect(result.projectedScore).toBeLessThanOrEqual(max);
    if (result.score !== null) expect(result.projectedScore).toBeGreaterThanOrEqual(result.score);
  }
  expect(result.explanation).not.toMatch(/undefined|NaN|Infinity|\[object/);
  expect(result.explanation.length).toBeGreaterThan(0);
}

describe('rule engine properties', () => {
  it('keeps scores and projections within 0..max, with two decimals, for any rule, records and inputs', () => {
    fc.assert(
      fc.property(
        ruleArb,
        maxArb,
        windowArb,
        recordsArb,
        channelsArb,
        entryArb,
        (rule, max, window, offsets, channels, entry) => {
          const result = evaluateCriterion(
            criterionOf(rule, max),
            factsOf(window, recordDays(window, offsets), channels),
            entry,
          );
          expectWithinBounds(result, max);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never lowers a count, ladder, frequency, minimum_each or boolean score when a record is added', () => {
    fc.assert(
      fc.property(
        monotoneRuleArb,
        maxArb,
        windowArb,
        recordsArb,
        fc.nat({ max: 370 }),
        (rule, max, window, offsets, extraOffset) => {
          const records = recordDays(window, offsets);
          const extraDay = addDays(window.period.from, extraOffset);
          fc.pre(extraDay <= window.through && extraDay <= window.period.to);
          const criterion = criterionOf(rule, max);
          const before = evaluateCriterion(criterion, factsOf(window, records));
          const source = 'measure' in rule && rule.measure ? measureSources(rule.measure)[0]! : 'posts';
          const after = evaluateCriterion(
            criterion,
            factsOf(window, { ...records, [source]: [...records[source], extraDay] }),
          );
          expect(after.score!).toBeGreaterThanOrEqual(before.score!);
          expect(after.projectedScore!).toBeGreaterThanOrEqual(before.projectedScore!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never gives an all_of more than its weakest member's share, nor an any_of more than its strongest", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('all_of' as const, 'any_of' as const),
        fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
        maxArb,
        windowArb,
        recordsArb,
        channelsArb,
        entryArb,
        (type, members, max, window, offsets, channels, entry) => {
          fc.pre(members.every((member) => member.type !== 'manual'));
          const facts = factsOf(window, recordDays(window, offsets), channels);
          const share = (rule: RuleSpec, read: (result: RuleResult) => number | null) => {
            const value = read(evaluateCriterion(criterionOf(rule, max), facts, entry));
            return value === null ? null : value / max;
          };
          for (const read of [(r: RuleResult) => r.score, (r: RuleResult) => r.projectedScore]) {
            const whole = share({ type, rules: members }, read);
            if (whole === null) continue;
            const shares = members.map((member) => share(member, read));
            const known = shares.filter((value): value is number => value !== null);
            if (type === 'all_of') {
              // A member waiting for a person cannot have made the whole met.
              if (whole > 0) expect(shares.every((value) => value !== null)).toBe(true);
              if (known.length > 0) expect(whole).toBeLessThanOrEqual(Math.min(...known) + 1e-9);
            } else {
              expect(whole).toBeLessThanOrEqual(Math.max(0, ...known) + 1e-9);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('totals a unit as the sum of its criteria, within its maximum', () => {
    const criteriaArb = fc.array(
      fc.record({ rule: ruleArb, max: maxArb, entry: fc.option(entryArb, { nil: undefined }) }),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(criteriaArb, windowArb, recordsArb, channelsArb, (criteria, window, offsets, channels) => {
        const framework: FrameworkSpec = frameworkSchema.parse({
          code: 'thu-nghiem',
          version: '1',
          name: 'Thử',
          legalBasis: 'Thử',
          issuingBody: 'Thử',
          validFrom: '2020-01-01',
          appliesTo: ['commune'],
          pillars: [
            {
              code: '1',
              title: 'Trụ cột',
              indices: [
                {
                  code: '1',
                  title: 'Chỉ số',
                  criteria: criteria.map((criterion, i) => ({
                    code: `1.${i + 1}`,
                    title: 'Tiêu chí',
                    max: criterion.max,
                    rule: criterion.rule,
                  })),
                },
              ],
            },
          ],
        });
        const entries = new Map<string, CriterionEntry>();
        criteria.forEach((criterion, i) => {
          if (criterion.entry) entries.set(`1.${i + 1}`, criterion.entry);
        });
        const result = evaluateUnit(
          framework,
          'commune',
          factsOf(window, recordDays(window, offsets), channels),
          entries,
        );
        const sum = result.criteria.reduce((total, criterion) => total + (criterion.score ?? 0), 0);
        const max = criteria.reduce((total, criterion) => total + criterion.max, 0);
        expect(result.score).toBeCloseTo(sum, 6);
        expect(result.max).toBeCloseTo(max, 6);
        expect(result.score).toBeLessThanOrEqual(result.max);
        expect(result.percent).toBeGreaterThanOrEqual(0);
        expect(result.percent).toBeLessThanOrEqual(100);
        expect(result.pendingInputs).toBe(
          result.criteria.filter((criterion) => criterion.score === null).length,
        );
        if (result.projectedScore !== null) {
          expect(result.projectedScore).toBeGreaterThanOrEqual(result.score);
          expect(result.projectedScore).toBeLessThanOrEqual(result.max);
        }
        for (const criterion of result.criteria) expectWithinBounds(criterion, criterion.max);
      }),
      { numRuns: 150 },
    );
  });
});
