import { z } from 'zod';
import { isoDay } from './common';

/**
 * Part I of a report ("I. Kết quả") of a unit for any range of days, live from its records and
 * scores (the ReportResults of report-contract.ts): the screens show it while a report is a draft.
 */

/** A report covers at most a year; a little more lets a range start or end on a week's edge. */
export const REPORT_RESULTS_MAX_DAYS = 372;

export const reportResultsQuery = z
  .object({
    from: isoDay,
    to: isoDay,
    lang: z.enum(['vi', 'en']).default('vi'),
    /** Score on this framework code instead of the one the unit is assessed on. */
    framework: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã bộ chỉ số không hợp lệ.')
      .optional(),
    /** The period's key and name as the report names it (default: the range itself). */
    periodKey: z.string().min(1).max(40).optional(),
    periodLabel: z.string().min(1).max(120).optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from > query.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
    else {
      const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
      if (days > REPORT_RESULTS_MAX_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `Khoảng ngày báo cáo dài nhất ${REPORT_RESULTS_MAX_DAYS} ngày (một năm).`,
        });
    }
  });
export type ReportResultsQuery = z.infer<typeof reportResultsQuery>;

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const reportTotalsSchema = z.object({
  posts: z.number().int(),
  dxPosts: z.number().int(),
  broadcasts: z.number().int(),
  broadcastMinutes: z.number().int(),
  pressIssues: z.number().int(),
  ethnicLanguageItems: z.number().int(),
  schedulesIssued: z.number().int(),
});

export const reportResultsSchema = z.object({
  computedAt: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  period: z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  totals: reportTotalsSchema,
  byChannel: z.array(countRow.extend({ kind: z.string(), minutes: z.number().int() })),
  byGenre: z.array(countRow),
  byTopic: z.array(countRow),
  byLanguage: z.array(countRow),
  dxPosts: z.array(
    z.object({ date: z.string(), title: z.string(), url: z.string().nullable(), channel: z.string() }),
  ),
  dxPostsTotal: z.number().int(),
  broadcastsPerWeek: z.array(
    z.object({
      week: z.string(),
      from: z.string(),
      to: z.string(),
      count: z.number().int(),
      minutes: z.number().int(),
    }),
  ),
  schedules: z.array(
    z.object({
      month: z.string(),
      status: z.string(),
      documentNumber: z.string().nullable(),
      issuedOn: z.string().nullable(),
    }),
  ),
  banner: z.object({
    status: z.enum(['present', 'absent', 'unknown']),
    checkedOn: z.string().nullable(),
    targetUrl: z.string().nullable(),
  }),
  scores: z
    .object({
      frameworkName: z.string(),
      periodLabel: z.string(),
      live: z.object({ score: z.number(), max: z.number() }),
      official: z.object({ score: z.number(), max: z.number(), publishedAt: z.string() }).nullable(),
      criteria: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          max: z.number(),
          liveScore: z.number().nullable(),
          officialScore: z.number().nullable(),
          explanation: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type ReportResultsDto = z.infer<typeof reportResultsSchema>;
