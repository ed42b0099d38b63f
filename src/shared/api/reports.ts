import { z } from 'zod';
import { UNIT_KINDS } from '../units';
import { isoDay } from './common';
import { REPORT_KINDS, REPORT_STATUSES } from './report-contract';
import { reportResultsSchema } from './report-results-schema';

/**
 * Periodic reports (issue 10): the DX office's report types and their periods, the units expected in a
 * period and where each stands, and a unit's report (parts II–IV written by the unit, part I filled
 * from the records) through draft → approved → submitted.
 */

/** A short name; the domain stores it normalised (NFC, one space). */
const name = (what: string, max: number) =>
  z.string().trim().min(1, `${what} không được để trống.`).max(max, `${what} tối đa ${max} ký tự.`);

/** A long text (parts II–IV, notes); the domain stores it in NFC with its line breaks. */
export const reportText = (what: string, max: number) =>
  z.string().trim().max(max, `${what} tối đa ${max} ký tự.`);

export const REPORT_TEXT_MAX = 20_000;

export const reportDueRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('yearly'),
    month: z.number().int().min(1, 'Tháng hạn nộp từ 1 đến 12.').max(12, 'Tháng hạn nộp từ 1 đến 12.'),
    day: z.number().int().min(1, 'Ngày hạn nộp từ 1 đến 31.').max(31, 'Ngày hạn nộp từ 1 đến 31.'),
  }),
  z.object({
    kind: z.literal('before_month'),
    daysBefore: z
      .number()
      .int()
      .min(0, 'Số ngày nộp trước đầu tháng từ 0 đến 60.')
      .max(60, 'Số ngày nộp trước đầu tháng từ 0 đến 60.'),
  }),
  z.object({ kind: z.literal('fixed') }),
]);

const remindDays = z
  .array(
    z
      .number()
      .int()
      .min(0, 'Số ngày nhắc trước hạn từ 0 đến 90.')
      .max(90, 'Số ngày nhắc trước hạn từ 0 đến 90.'),
  )
  .max(10, 'Nhắc trước hạn tối đa 10 mốc.');

const submitterKinds = z
  .array(z.enum(UNIT_KINDS))
  .min(1, 'Chọn ít nhất một loại đơn vị phải nộp.')
  .max(UNIT_KINDS.length);

export const reportTypeCreateBody = z.object({
  kind: z.enum(REPORT_KINDS),
  name: name('Tên báo cáo', 200),
  /** Left out: the kind's default (6-month 05/06, annual 05/12, schedule 1 day before the month). */
  dueRule: reportDueRuleSchema.optional(),
  submitterKinds: submitterKinds.optional(),
  recipients: reportText('Nơi nhận', 2000).optional(),
  remindDaysBefore: remindDays.optional(),
});
export type ReportTypeCreateBody = z.infer<typeof reportTypeCreateBody>;

export const reportTypeUpdateBody = z.object({
  name: name('Tên báo cáo', 200).optional(),
  dueRule: reportDueRuleSchema.optional(),
  submitterKinds: submitterKinds.optional(),
  recipients: reportText('Nơi nhận', 2000).optional(),
  remindDaysBefore: remindDays.optional(),
  isActive: z.boolean().optional(),
});
export type ReportTypeUpdateBody = z.infer<typeof reportTypeUpdateBody>;

export const reportTypeSchema = z.object({
  id: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  kind: z.enum(REPORT_KINDS),
  name: z.string(),
  dueRule: reportDueRuleSchema,
  submitterKinds: z.array(z.string()),
  recipients: z.string(),
  remindDaysBefore: z.array(z.number()),
  isActive: z.boolean(),
  canEdit: z.boolean(),
});
export type ReportTypeDto = z.infer<typeof reportTypeSchema>;

export const reportPeriodCreateBody = z
  .object({
    label: name('Tên kỳ báo cáo', 200),
    periodFrom: isoDay,
    periodTo: isoDay,
    dueOn: isoDay,
  })
  .refine((body) => body.periodTo >= body.periodFrom, {
    message: 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi.',
    path: ['periodTo'],
  });
export type ReportPeriodCreateBody = z.infer<typeof reportPeriodCreateBody>;

export const reportPeriodMoveBody = z.object({
  dueOn: isoDay,
  reason: name('Lý do đổi hạn', 500),
});
export type ReportPeriodMoveBody = z.infer<typeof reportPeriodMoveBody>;

export const submissionSummarySchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
});

export const reportPeriodSchema = z.object({
  id: z.string(),
  reportTypeId: z.string(),
  typeName: z.string(),
  kind: z.enum(REPORT_KINDS),
  periodKey: z.string(),
  label: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  isPastDue: z.boolean(),
  summary: submissionSummarySchema,
});
export type ReportPeriodDto = z.infer<typeof reportPeriodSchema>;

export const reportPeriodListQuery = z.object({
  reportTypeId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});

export const SUBMISSION_STATES = ['on_time', 'late', 'missing'] as const;

export const periodSubmissionSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.string(),
  parentName: z.string().nullable(),
  state: z.enum(SUBMISSION_STATES),
  isOverdue: z.boolean(),
  firstSubmittedOn: z.string().nullable(),
  reportId: z.string().nullable(),
  reportStatus: z.enum(REPORT_STATUSES).nullable(),
});
export type PeriodSubmissionDto = z.infer<typeof periodSubmissionSchema>;

export const periodSubmissionsSchema = z.object({
  period: reportPeriodSchema,
  /** Whether the user may move the period's due day (the office that defines the type). */
  canMoveDue: z.boolean(),
  /**
   * The aggregated report of the unit that owns the type (the province): its live report if there is
   * one, and whether the user may prepare it (open it the first time).
   */
  ownerReport: z.object({
    unitId: z.string(),
    unitName: z.string(),
    unitKind: z.string(),
    reportId: z.string().nullable(),
    canPrepare: z.boolean(),
  }),
  items: z.array(periodSubmissionSchema),
});
export type PeriodSubmissionsDto = z.infer<typeof periodSubmissionsSchema>;

/** A period a unit must report on (or, as a parent, rolls up), with its report if opened. */
export const unitReportItemSchema = z.object({
  period: reportPeriodSchema.omit({ summary: true }),
  /** False for a parent unit that reports on its children without being a submitter kind itself. */
  isExpected: z.boolean(),
  state: z.enum(SUBMISSION_STATES),
  isOverdue: z.boolean(),
  firstSubmittedOn: z.string().nullable(),
  reportId: z.string().nullable(),
  reportStatus: z.enum(REPORT_STATUSES).nullable(),
  version: z.number().nullable(),
});
export type UnitReportItemDto = z.infer<typeof unitReportItemSchema>;

export const REPORT_ACTIONS = ['edit', 'ready', 'approve', 'return', 'submit', 'new_version'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const reportTextsBody = z.object({
  assessmentText: reportText('Phần II. Đánh giá', REPORT_TEXT_MAX).optional(),
  tasksText: reportText('Phần III. Nhiệm vụ kỳ tới', REPORT_TEXT_MAX).optional(),
  proposalsText: reportText('Phần IV. Đề xuất, kiến nghị', REPORT_TEXT_MAX).optional(),
});
export type ReportTextsBody = z.infer<typeof reportTextsBody>;

export const reportNoteBody = z.object({ note: reportText('Ghi chú', 2000).optional() }).optional();

export const reportReturnBody = z.object({
  note: reportText('Lý do trả lại', 2000).min(1, 'Cần ghi lý do trả lại.'),
});

export const reportNewVersionBody = z.object({
  reason: reportText('Lý do lập phiên bản mới', 2000).min(1, 'Cần ghi lý do lập phiên bản mới.'),
});

export const reportVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(REPORT_STATUSES),
  submittedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const reportDetailSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  version: z.number(),
  status: z.enum(REPORT_STATUSES),
  assessmentText: z.string(),
  tasksText: z.string(),
  proposalsText: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedOn: z.string().nullable(),
  /** The first submission's day over all versions: what on time / late is judged on. */
  firstSubmittedOn: z.string().nullable(),
  state: z.enum(SUBMISSION_STATES),
  period: reportPeriodSchema.omit({ summary: true }),
  recipients: z.string(),
  /** Part I: frozen at submission, live while a draft. */
  results: reportResultsSchema,
  isResultsFrozen: z.boolean(),
  versions: z.array(reportVersionSchema),
  actions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportDetailDto = z.infer<typeof reportDetailSchema>;

export const previousTextsSchema = z.object({
  previous: z
    .object({
      reportId: z.string(),
      periodLabel: z.string(),
      version: z.number(),
      assessmentText: z.string(),
      tasksText: z.string(),
      proposalsText: z.string(),
    })
    .nullable(),
});
export type PreviousTextsDto = z.infer<typeof previousTextsSchema>;

export const reportReadySchema = z.object({ report: reportDetailSchema, notified: z.number() });
export type ReportReadyDto = z.infer<typeof reportReadySchema>;
