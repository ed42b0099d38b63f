import { z } from 'zod';
import { isoDay } from './common';
import { reportResultsSchema } from './report-results-schema';

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

/** Part I has one response schema, shared with the reports routes. */
export { reportResultsSchema };
export type ReportResultsDto = z.infer<typeof reportResultsSchema>;
