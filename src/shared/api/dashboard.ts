import { z } from 'zod';
import { UNIT_KINDS } from '../units';
import { isoDay } from './common';
import { EXPLANATION_LANGUAGES, frameworkRefSchema, SCORE_STATUSES } from './scoring';

/**
 * Dashboards (issue 10 item 7): the province board (completeness and timeliness of reports, the score
 * distribution, units at risk, a weeks × units heat-map of DX broadcasts, trends across years) and a
 * unit's board (progress to each criterion over the year, what is due next).
 */

const frameworkCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã bộ chỉ số không hợp lệ.');
const year = z.coerce
  .number({ error: 'Năm phải là số, ví dụ 2026.' })
  .int('Năm phải là số nguyên, ví dụ 2026.')
  .min(2000, 'Năm phải từ 2000 trở đi.')
  .max(2100, 'Năm phải trước 2100.');

export const provinceDashboardQuery = z.object({
  /** The scope; absent: the user's first granted unit (the whole country needs unitId for admins). */
  unitId: z.uuid().optional(),
  /** The year shown; absent: the year of the counting day. */
  year: year.optional(),
  framework: frameworkCode.optional(),
  /** The percentage of the maximum a unit must reach to meet the target (trends, units at risk). */
  target: z.coerce
    .number()
    .min(1, 'Mục tiêu từ 1 đến 100 (%).')
    .max(100, 'Mục tiêu từ 1 đến 100 (%).')
    .optional(),
  /** Count records up to this day instead of today. */
  asOf: isoDay.optional(),
  lang: z.enum(EXPLANATION_LANGUAGES).optional(),
});
export type ProvinceDashboardQuery = z.infer<typeof provinceDashboardQuery>;

/** The tables of the province board that export to XLSX. */
export const DASHBOARD_TABLES = ['completeness', 'distribution', 'at_risk', 'heatmap', 'trends'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export const provinceDashboardExportQuery = provinceDashboardQuery.extend({
  table: z.enum(DASHBOARD_TABLES, {
    error: 'Bảng xuất là completeness, distribution, at_risk, heatmap hoặc trends.',
  }),
});

export const completenessPeriodSchema = z.object({
  periodId: z.uuid(),
  periodKey: z.string(),
  label: z.string(),
  periodFrom: isoDay,
  periodTo: isoDay,
  dueOn: isoDay,
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Missing with the due day past. */
  overdue: z.number().int(),
});
export const completenessTypeSchema = z.object({
  reportTypeId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  periods: z.array(completenessPeriodSchema),
});

export const distributionSchema = z.object({
  /** Ten bins of the headline percentage: [0,10), [10,20) … [90,100]. */
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  units: z.number().int(),
  /** Units whose headline is a published appraisal (the others: the live automatic score). */
  published: z.number().int(),
  averagePercent: z.number().nullable(),
});

export const atRiskUnitSchema = z.object({
  unitId: z.uuid(),
  name: z.string(),
  parentName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  /** The official score once published, else the live one. */
  headlinePercent: z.number(),
  officialPercent: z.number().nullable(),
  livePercent: z.number(),
  /** The live score at the period's end if the pace holds (the official one once published). */
  projectedPercent: z.number(),
  status: z.enum(SCORE_STATUSES),
  /** The criteria where points are lost or projected lost, with the engine's gaps. */
  reasons: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      lost: z.number(),
      max: z.number(),
      explanation: z.string(),
      gaps: z.array(z.string()),
    }),
  ),
});

export const heatmapSchema = z.object({
  /** The ISO weeks of the ISO year (52 or 53), Monday to Sunday. */
  weeks: z.array(z.object({ week: z.number().int(), monday: isoDay, sunday: isoDay })),
  /** Every commune-level unit of the scope, weakest first (fewest weeks with a broadcast, then fewest broadcasts). */
  units: z.array(
    z.object({
      unitId: z.uuid(),
      name: z.string(),
      parentName: z.string().nullable(),
      /** DX broadcasts per week, in the order of `weeks`. */
      counts: z.array(z.number().int()),
      total: z.number().int(),
      weeksWithBroadcast: z.number().int(),
    }),
  ),
});

export const trendYearSchema = z.object({
  year: z.number().int(),
  units: z.number().int(),
  averagePercent: z.number().nullable(),
  meetingTarget: z.number().int(),
  meetingTargetShare: z.number().nullable(),
  posts: z.number().int(),
  broadcasts: z.number().int(),
});

export const provinceDashboardSchema = z.object({
  root: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  /** The counting day. */
  through: isoDay,
  targetPercent: z.number(),
  framework: frameworkRefSchema.nullable(),
  completeness: z.array(completenessTypeSchema),
  distribution: distributionSchema,
  atRisk: z.array(atRiskUnitSchema),
  heatmap: heatmapSchema,
  trends: z.array(trendYearSchema),
});
export type ProvinceDashboardDto = z.infer<typeof provinceDashboardSchema>;

export const unitDashboardQuery = z.object({
  year: year.optional(),
  framework: frameworkCode.optional(),
  asOf: isoDay.optional(),
  lang: z.enum(EXPLANATION_LANGUAGES).optional(),
});
export type UnitDashboardQuery = z.infer<typeof unitDashboardQuery>;

export const criterionProgressSchema = z.object({
  code: z.string(),
  title: z.string(),
  max: z.number(),
  /** The score at the end of each month so far (null: waiting for a person's input, or not begun). */
  monthly: z.array(z.object({ month: z.number().int(), through: isoDay, score: z.number().nullable() })),
  score: z.number().nullable(),
  projectedScore: z.number().nullable(),
  status: z.enum(SCORE_STATUSES),
  explanation: z.string(),
  gaps: z.array(z.string()),
});

export const dueItemSchema = z.object({
  periodId: z.uuid(),
  typeName: z.string(),
  kind: z.string(),
  label: z.string(),
  dueOn: isoDay,
  state: z.enum(['on_time', 'late', 'missing']),
  isOverdue: z.boolean(),
  reportStatus: z.string().nullable(),
});

export const unitDashboardSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
  year: z.number().int(),
  through: isoDay,
  framework: frameworkRefSchema.nullable(),
  total: z
    .object({
      score: z.number(),
      max: z.number(),
      percent: z.number(),
      projectedScore: z.number().nullable(),
    })
    .nullable(),
  criteria: z.array(criterionProgressSchema),
  /** Report periods this unit must submit that are open or not yet submitted, earliest due first. */
  due: z.array(dueItemSchema),
  /** Next month's broadcast schedule: whether it is drafted or issued. */
  nextSchedule: z.object({
    month: z.string(),
    status: z.enum(['none', 'draft', 'issued']),
    scheduleId: z.uuid().nullable(),
  }),
});
export type UnitDashboardDto = z.infer<typeof unitDashboardSchema>;
