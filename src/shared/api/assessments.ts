import { z } from 'zod';
import { PERIOD_KINDS } from '../frameworks/definition';
import { UNIT_KINDS } from '../units';
import { isoDay } from './common';
import { linkedEvidenceSchema } from './evidence';
import { EXPLANATION_LANGUAGES, SCORE_STATUSES } from './scoring';

/**
 * Assessments ("đánh giá, chấm điểm"): a unit's self-assessment for a framework version and a period,
 * then its appraisal by a reviewer of a higher unit and publication by the DX office.
 */

/**
 * draft → submitted → returned (back to the unit) | appraised → published; a published assessment is
 * superseded when a new version replaces it.
 */
export const ASSESSMENT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'appraised',
  'published',
  'superseded',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang tự chấm', en: 'Draft' },
  submitted: { vi: 'Đã gửi thẩm định', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
  published: { vi: 'Đã công bố', en: 'Published' },
  superseded: { vi: 'Đã thay thế', en: 'Superseded' },
};

/**
 * What the user may do now, decided by the server: edit the self-assessment (scores, explanations,
 * inputs, evidence), submit it, return it or appraise it (reviewer scores and the decision), publish
 * it, supersede a published one with a new version.
 */
export const ASSESSMENT_ACTIONS = ['edit', 'submit', 'return', 'appraise', 'publish', 'supersede'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

const frameworkCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã bộ chỉ số không hợp lệ.');
const periodKey = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, 'Kỳ có dạng 2024, 2024-H1, 2024-Q3 hoặc 2024-11.');
const points = z.number({ error: 'Điểm phải là một số.' });
const longText = (max: number, what: string) => z.string().trim().max(max, `${what} tối đa ${max} ký tự.`);

// ——— Requests ———

export const assessmentCreateBody = z.object({
  framework: frameworkCode,
  period: periodKey,
});
export type AssessmentCreateBody = z.infer<typeof assessmentCreateBody>;

/**
 * The language of the automatic explanations and gaps in an answer carrying an assessment (the web
 * UI sends its own, like the scoring routes); Vietnamese by default.
 */
export const assessmentLangQuery = z.object({ lang: z.enum(EXPLANATION_LANGUAGES).optional() });

export const assessmentListQuery = z.object({
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  /** Assessments of this unit and the units below it (and those merged into it). */
  unitId: z.uuid().optional(),
  framework: frameworkCode.optional(),
  period: periodKey.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuery>;

/** A value for one of the criterion's declared inputs; null clears it. */
export const inputValueSchema = z.union([z.number(), z.boolean(), z.string().max(200)]).nullable();

/** The unit's part of a criterion; fields left out stay as they are, null clears. */
export const criterionSelfInput = z.object({
  selfScore: points.nullable().optional(),
  selfExplanation: longText(5000, 'Giải trình').nullable().optional(),
  /** By input key; merged into the values already entered. */
  inputs: z.record(z.string(), inputValueSchema).optional(),
});
export type CriterionSelfInput = z.infer<typeof criterionSelfInput>;

export const criterionEvidenceInput = z.object({
  evidenceId: z.uuid({ error: 'Mã minh chứng không hợp lệ.' }),
});
export type CriterionEvidenceInput = z.infer<typeof criterionEvidenceInput>;

/** The reviewer's part of a criterion; fields left out stay as they are, null clears. */
export const criterionAppraisalInput = z.object({
  reviewerScore: points.nullable().optional(),
  reviewerComment: longText(5000, 'Nhận xét').nullable().optional(),
});
export type CriterionAppraisalInput = z.infer<typeof criterionAppraisalInput>;

export const assessmentReturnBody = z.object({
  note: longText(5000, 'Lý do trả lại').min(1, 'Nhập lý do trả lại.'),
  /** What to fix, per criterion. */
  requests: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        request: longText(2000, 'Yêu cầu').min(1, 'Nhập yêu cầu bổ sung.'),
      }),
    )
    .max(500)
    .default([]),
});
export type AssessmentReturnBody = z.infer<typeof assessmentReturnBody>;

/** A note kept with a transition (submit, appraise, publish); the body may be left out altogether. */
export const transitionNoteBody = z.object({ note: longText(5000, 'Ghi chú').optional() }).nullish();
export type TransitionNoteBody = z.infer<typeof transitionNoteBody>;

export const assessmentSupersedeBody = z.object({
  reason: longText(5000, 'Lý do').min(1, 'Nhập lý do lập phiên bản mới.'),
});
export type AssessmentSupersedeBody = z.infer<typeof assessmentSupersedeBody>;

// ——— Responses ———

export const assessmentFrameworkSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
});

export const assessmentPeriodSchema = z.object({
  key: z.string(),
  from: isoDay,
  to: isoDay,
  /** "năm 2025", "6 tháng đầu năm 2026"… */
  label: z.string(),
});

export const assessmentTotalsSchema = z.object({
  /**
   * The automatic total: frozen at submission. In lists of drafts it is the figure of the last
   * computation (creation, or the last return); the detail of a draft computes it live.
   */
  auto: z.number().nullable(),
  /** Sum of the self scores given so far. */
  self: z.number(),
  /** Sum of the reviewer's scores given so far. */
  appraised: z.number(),
  max: z.number(),
});

export const assessmentSummarySchema = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS), code: z.string().nullable() }),
  framework: assessmentFrameworkSchema,
  period: assessmentPeriodSchema,
  version: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  /** The published version this one replaces. */
  supersedesId: z.uuid().nullable(),
  totals: assessmentTotalsSchema,
  progress: z.object({
    criteria: z.number().int(),
    selfScored: z.number().int(),
    appraised: z.number().int(),
  }),
  createdAt: z.date(),
  updatedAt: z.date(),
  submittedAt: z.date().nullable(),
  appraisedAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  actions: z.array(z.enum(ASSESSMENT_ACTIONS)),
});
export type AssessmentSummaryDto = z.infer<typeof assessmentSummarySchema>;

export const assessmentListSchema = z.object({
  items: z.array(assessmentSummarySchema),
  total: z.number().int(),
  /**
   * With a framework and a period and no status asked: the units of the scope that framework scores
   * with no assessment for the period ("chưa lập"); null otherwise.
   */
  notStarted: z
    .array(
      z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS), code: z.string().nullable() }),
    )
    .nullable(),
});
export type AssessmentListDto = z.infer<typeof assessmentListSchema>;

export const criterionInputSpecSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['number', 'boolean', 'choice']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  unit: z.string().nullable(),
});

export const autoScoreSchema = z.object({
  /** null while the rule waits for an input or a person's score (manual criteria). */
  score: z.number().nullable(),
  explanation: z.string(),
  gaps: z.array(z.string()),
  status: z.enum(SCORE_STATUSES),
  /** Recomputed from the records at this read (draft, returned), or frozen at submission. */
  isLive: z.boolean(),
});

export const assessmentCriterionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  pillarCode: z.string().nullable(),
  indexCode: z.string().nullable(),
  max: z.number(),
  ruleType: z.string().nullable(),
  /** The evidence a reviewer expects, in words. */
  evidenceHint: z.string().nullable(),
  evidenceRequired: z.boolean(),
  hint: z.string().nullable(),
  dataSource: z.string().nullable(),
  /** The values a person enters for this criterion, as the framework declares them. */
  inputSpecs: z.array(criterionInputSpecSchema),
  auto: autoScoreSchema,
  inputs: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  selfScore: z.number().nullable(),
  selfExplanation: z.string().nullable(),
  reviewerScore: z.number().nullable(),
  reviewerComment: z.string().nullable(),
  /** What the reviewer asked to fix when returning the assessment. */
  reviewerRequest: z.string().nullable(),
  evidence: z.array(linkedEvidenceSchema),
  /** Whether the automatic score counts records: while the period runs it is provisional. */
  countsRecords: z.boolean(),
});
export type AssessmentCriterionDto = z.infer<typeof assessmentCriterionSchema>;

export const assessmentTransitionSchema = z.object({
  fromStatus: z.enum(ASSESSMENT_STATUSES).nullable(),
  toStatus: z.enum(ASSESSMENT_STATUSES),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.date(),
});

export const assessmentDetailSchema = assessmentSummarySchema.extend({
  /** The reviewer's overall note of the last return or appraisal. */
  reviewNote: z.string().nullable(),
  /** The version that replaced this one, once superseded. */
  supersededById: z.uuid().nullable(),
  criteria: z.array(assessmentCriterionSchema),
  /** Oldest first. */
  transitions: z.array(assessmentTransitionSchema),
});
export type AssessmentDetailDto = z.infer<typeof assessmentDetailSchema>;

/** The officer's "I have finished": the assessment, and how many unit heads were told. */
export const assessmentReadySchema = z.object({
  assessment: assessmentDetailSchema,
  /** Unit heads told in the app (0: the unit has no unit head account yet). */
  notified: z.number().int(),
});
export type AssessmentReadyDto = z.infer<typeof assessmentReadySchema>;

/** Several appraised assessments published in one request, all or nothing. */
export const assessmentBulkPublishBody = z.object({
  assessmentIds: z
    .array(z.uuid({ error: 'Mã bản đánh giá không hợp lệ.' }))
    .min(1, 'Chọn ít nhất một bản đánh giá.')
    .max(200, 'Công bố tối đa 200 bản mỗi lần.'),
  note: longText(5000, 'Ghi chú').optional(),
});
export const assessmentBulkPublishSchema = z.object({
  published: z.array(z.object({ id: z.uuid(), summary: z.string() })),
});

export const criterionEvidenceLinkSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  criterionCode: z.string(),
  evidenceId: z.uuid(),
  createdAt: z.date(),
});
export type CriterionEvidenceLinkDto = z.infer<typeof criterionEvidenceLinkSchema>;
