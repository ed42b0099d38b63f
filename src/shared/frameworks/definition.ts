import { z } from 'zod';
import { BROADCAST_SOURCES, CHANNEL_KINDS, CHANNEL_PLATFORMS, GENRES, PROVENANCES } from '../activities';
import { UNIT_KINDS } from '../units';

/**
 * A scoring framework ("bộ chỉ số") as a province writes it in a YAML or JSON file: metadata, then
 * pillar → index → criterion, each criterion with a typed rule. This schema is the contract of the
 * file format: `docs/frameworks.md` explains it to province officers and `docs/framework.schema.json`
 * is generated from it. Messages are Vietnamese because the people who read them write the files.
 */

/** A message for a missing field apart from one for a wrong value (zod reports both as a type error). */
const orMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'Thiếu trường bắt buộc.' : message;

const day = z.iso.date({ error: orMissing('Ngày phải có dạng yyyy-MM-dd, ví dụ 2024-01-01.') });
const text = (max: number) =>
  z.string().trim().min(1, 'Không được để trống.').max(max, `Tối đa ${max} ký tự.`);
const points = z
  .number({ error: orMissing('Phải là một số.') })
  .min(0, 'Không được âm.')
  .max(10_000, 'Quá lớn.');
const fraction = z
  .number({ error: orMissing('Phải là một số từ 0 đến 1.') })
  .min(0, 'Từ 0 đến 1.')
  .max(1, 'Từ 0 đến 1.');
const count = z
  .number({ error: orMissing('Phải là một số nguyên.') })
  .int('Phải là số nguyên.')
  .min(0, 'Không được âm.');
const criterionCode = z
  .string()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'Mã dạng 1.5 hoặc 2.3.1 (chữ số, chữ cái, dấu chấm).');

/** Which records a measure counts. */
export const MEASURE_SOURCES = ['posts', 'broadcasts', 'press_issues', 'banners'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

/**
 * Records of one kind in the unit's channels, optionally narrowed. Without `channelKinds` a measure
 * counts the DX channel of its kind: posts in the website DX column, broadcasts in the radio DX
 * programme, press issues in the press DX column; banners on any channel.
 */
const SOURCE_MESSAGE =
  'source là một trong: posts, broadcasts, press_issues, banners (hoặc một danh sách của chúng).';
const sourceName = z.enum(MEASURE_SOURCES, { error: SOURCE_MESSAGE });

export const measureSchema = z
  .object({
    /** One kind of record, or several counted together as one figure: [posts, press_issues]. */
    source: z.union([sourceName, z.array(sourceName).min(1, 'Danh sách source cần ít nhất một loại.')], {
      error: orMissing(SOURCE_MESSAGE),
    }),
    channelKinds: z.array(z.enum(CHANNEL_KINDS)).min(1).optional(),
    platforms: z.array(z.enum(CHANNEL_PLATFORMS)).min(1).optional(),
    /** Any of these topic codes (the national D11 list or the province's own). */
    topics: z.array(z.string().min(1)).min(1).optional(),
    genres: z.array(z.enum(GENRES)).min(1).optional(),
    /** Any of these language codes, e.g. [sed, bdq]. */
    languages: z.array(z.string().min(1)).min(1).optional(),
    /** Only versions in a language other than Vietnamese (ethnic-minority content, D8). */
    ethnicLanguagesOnly: z.boolean().optional(),
    /** Only translations of another record (a version in another language). */
    translationsOnly: z.boolean().optional(),
    provenances: z.array(z.enum(PROVENANCES)).min(1).optional(),
    broadcastSources: z.array(z.enum(BROADCAST_SOURCES)).min(1).optional(),
    /** Banners: only those seen working at the check. */
    verifiedOnly: z.boolean().optional(),
    /** Only records a reviewer accepted (by default every record not rejected counts). */
    acceptedOnly: z.boolean().optional(),
    /**
     * Count every language version of a record apart. By default a record and its translations are
     * one item, counted once, on the day of its earliest version the measure matches.
     */
    eachVersion: z.boolean().optional(),
    /** The noun in explanations, e.g. "tin bài"; by default from the source. */
    noun: text(60).optional(),
  })
  .strict();
export type MeasureSpec = z.infer<typeof measureSchema>;

/** The kinds of record a measure counts, in the order the file lists them, each once. */
export function measureSources(spec: Pick<MeasureSpec, 'source'>): MeasureSource[] {
  return typeof spec.source === 'string' ? [spec.source] : [...new Set(spec.source)];
}

/** Whether the unit has a channel of a kind during the period (e.g. a DX column), and since when. */
export const channelMeasureSchema = z
  .object({
    channelKinds: z.array(z.enum(CHANNEL_KINDS)).min(1),
    platforms: z.array(z.enum(CHANNEL_PLATFORMS)).min(1).optional(),
    /** The channel must have started on or before this day of the period (default: the period's end). */
    startedBy: z.enum(['period_start', 'period_end']).optional(),
    noun: text(100).optional(),
  })
  .strict();
export type ChannelMeasureSpec = z.infer<typeof channelMeasureSchema>;

/** A value a person enters in the assessment, with evidence (a number, yes/no, or one of a list). */
export const inputSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Khóa dạng chu_thuong_gach_duoi, ví dụ so_van_ban.'),
    label: text(300),
    type: z.enum(['number', 'boolean', 'choice']),
    options: z
      .array(z.object({ value: z.string().min(1), label: text(300) }).strict())
      .min(2)
      .optional(),
    unit: text(40).optional(),
  })
  .strict();
export type InputSpec = z.infer<typeof inputSchema>;

/** Where a rule takes a number from: records, a channel, or a person's input. */
const quantity = {
  measure: measureSchema.optional(),
  input: z.string().optional(),
};

const every = z.enum(['week', 'month'], { error: 'every là week (tuần ISO) hoặc month (tháng).' });

export const frequencyTierSchema = z
  .object({
    /** The name of the level in explanations, e.g. "hằng tuần". */
    label: text(60),
    every,
    /** Items a week or month needs to count (k). */
    atLeast: count.min(1).default(1),
    /** Share of the period's weeks or months that must have k items (1 = every one). */
    share: fraction.default(1),
    /** Share of the maximum this level earns. */
    fraction,
  })
  .strict();
export type FrequencyTier = z.infer<typeof frequencyTierSchema>;

export type RuleSpec =
  | { type: 'boolean'; measure?: MeasureSpec; channel?: ChannelMeasureSpec; input?: string }
  | {
      type: 'count';
      measure?: MeasureSpec;
      input?: string;
      threshold: number;
      partial?: 'none' | 'proportional';
    }
  | {
      type: 'ladder';
      measure?: MeasureSpec;
      input?: string;
      steps: Array<{ atLeast: number; points: number }>;
    }
  | { type: 'frequency'; measure: MeasureSpec; tiers: FrequencyTier[] }
  | {
      type: 'minimum_each';
      measure: MeasureSpec;
      every: 'week' | 'month';
      atLeast: number;
      partial?: 'none' | 'proportional';
    }
  | {
      type: 'ratio';
      numerator: { measure?: MeasureSpec; input?: string };
      denominator: { measure?: MeasureSpec; input?: string };
    }
  | { type: 'choice'; input: string; options: Array<{ value: string; fraction: number }> }
  | { type: 'sum'; parts: Array<{ label?: string; points: number; rule: RuleSpec }> }
  | { type: 'all_of'; rules: RuleSpec[] }
  | { type: 'any_of'; rules: RuleSpec[] }
  | { type: 'manual' };
export type RuleType = RuleSpec['type'];

const oneSource = (value: { measure?: unknown; input?: unknown; channel?: unknown }) =>
  [value.measure, value.input, value.channel].filter((part) => part !== undefined).length === 1;
const ONE_SOURCE = { message: 'Cần đúng một nguồn số liệu: measure, input (hoặc channel với boolean).' };

export const ruleSchema: z.ZodType<RuleSpec> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      z
        .object({ type: z.literal('boolean'), ...quantity, channel: channelMeasureSchema.optional() })
        .strict()
        .refine(oneSource, ONE_SOURCE),
      z
        .object({
          type: z.literal('count'),
          ...quantity,
          threshold: count.min(1),
          partial: z.enum(['none', 'proportional']).optional(),
        })
        .strict()
        .refine(oneSource, ONE_SOURCE),
      z
        .object({
          type: z.literal('ladder'),
          ...quantity,
          steps: z.array(z.object({ atLeast: count, points }).strict()).min(1),
        })
        .strict()
        .refine(oneSource, ONE_SOURCE),
      z
        .object({
          type: z.literal('frequency'),
          measure: measureSchema,
          tiers: z.array(frequencyTierSchema).min(1),
        })
        .strict(),
      z
        .object({
          type: z.literal('minimum_each'),
          measure: measureSchema,
          every,
          atLeast: count.min(1),
          partial: z.enum(['none', 'proportional']).optional(),
        })
        .strict(),
      z
        .object({
          type: z.literal('ratio'),
          numerator: z.object(quantity).strict().refine(oneSource, ONE_SOURCE),
          denominator: z.object(quantity).strict().refine(oneSource, ONE_SOURCE),
        })
        .strict(),
      z
        .object({
          type: z.literal('choice'),
          input: z.string(),
          options: z.array(z.object({ value: z.string().min(1), fraction }).strict()).min(2),
        })
        .strict(),
      z
        .object({
          type: z.literal('sum'),
          parts: z.array(z.object({ label: text(200).optional(), points, rule: ruleSchema }).strict()).min(1),
        })
        .strict(),
      z.object({ type: z.literal('all_of'), rules: z.array(ruleSchema).min(1) }).strict(),
      z.object({ type: z.literal('any_of'), rules: z.array(ruleSchema).min(1) }).strict(),
      z.object({ type: z.literal('manual') }).strict(),
    ],
    {
      error:
        'type là một trong: boolean, count, ladder, frequency, minimum_each, ratio, choice, sum, all_of, any_of, manual.',
    },
  ),
);

export const criterionSchema = z
  .object({
    code: criterionCode,
    title: text(1000),
    max: points.positive('Điểm tối đa phải lớn hơn 0.'),
    /** Unit kinds this criterion scores; by default those of the framework. */
    appliesTo: z.array(z.enum(UNIT_KINDS)).min(1).optional(),
    rule: ruleSchema,
    /** Values a person enters for this criterion (referred to by `input` in the rule). */
    inputs: z.array(inputSchema).optional(),
    /** The evidence a reviewer expects ("tài liệu kiểm chứng"). */
    evidence: text(2000).optional(),
    /** Whether a self score needs at least one piece of evidence attached. */
    evidenceRequired: z.boolean().default(false),
    /** Where the numbers come from, in words. */
    dataSource: text(1000).optional(),
    /** Advice for the officer. */
    hint: text(2000).optional(),
  })
  .strict();
export type CriterionSpec = z.infer<typeof criterionSchema>;

export const indexSchema = z
  .object({ code: criterionCode, title: text(500), criteria: z.array(criterionSchema).min(1) })
  .strict();

export const pillarSchema = z
  .object({ code: criterionCode, title: text(500), indices: z.array(indexSchema).min(1) })
  .strict();

export const PERIOD_KINDS = ['year', 'half_year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const frameworkSchema = z
  .object({
    $schema: z.string().optional(),
    code: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,62}$/,
        'Mã bộ chỉ số: chữ thường không dấu, số và gạch ngang, ví dụ kontum-780.',
      ),
    /** A new year's file is a new version; scores of periods before it keep the old one. */
    version: z.string().regex(/^[0-9A-Za-z.-]{1,20}$/, 'Phiên bản: ví dụ 2024 hoặc 2024.1.'),
    name: text(500),
    legalBasis: text(500),
    issuingBody: text(300),
    validFrom: day,
    validTo: day.optional(),
    period: z.enum(PERIOD_KINDS).default('year'),
    appliesTo: z.array(z.enum(UNIT_KINDS)).min(1),
    /** Total points per unit kind; must equal the sum of the maxima of the criteria that apply. */
    totals: z.partialRecord(z.enum(UNIT_KINDS), points.positive()).optional(),
    /** Records of units merged into a unit count toward it (periods before a merge). */
    rollUpPredecessors: z.boolean().default(true),
    description: text(5000).optional(),
    pillars: z.array(pillarSchema).min(1),
  })
  .strict();
export type FrameworkSpec = z.infer<typeof frameworkSchema>;
export type FrameworkFileInput = z.input<typeof frameworkSchema>;
