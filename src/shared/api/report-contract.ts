/**
 * What the periodic reports of issue 10 are made of, shared by the server (content, documents,
 * reminders) and the web app. Part I of a report ("Kết quả") is `ReportResults`: built from the records
 * and scores of the unit and period, frozen into `reports.results` at submission, and rendered into
 * the DOCX, the XLSX annex and the screens.
 */

export const REPORT_KINDS = ['semiannual', 'annual', 'monthly_schedule', 'ad_hoc'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, { vi: string; en: string }> = {
  semiannual: { vi: 'Báo cáo 6 tháng', en: '6-month report' },
  annual: { vi: 'Báo cáo năm', en: 'Annual report' },
  monthly_schedule: { vi: 'Lịch phát sóng hằng tháng', en: 'Monthly broadcast schedule' },
  ad_hoc: { vi: 'Báo cáo đột xuất', en: 'Ad hoc report' },
};

/**
 * How a period's due date is found. `yearly`: a day of the period's year (6-month default 05/06,
 * annual default 05/12); `before_month`: N days before the month the schedule covers starts (the
 * schedule is due before its month); `fixed`: ad hoc requests give each period's date by hand.
 */
export type ReportDueRule =
  | { kind: 'yearly'; month: number; day: number }
  | { kind: 'before_month'; daysBefore: number }
  | { kind: 'fixed' };

export const REPORT_STATUSES = ['draft', 'approved', 'submitted', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** One unit's standing in a period: 'missing' before and after the due date alike (not submitted). */
export type SubmissionState = 'on_time' | 'late' | 'missing';

export interface CountRow {
  /** Stable key (channel id, genre code, topic code, language code). */
  key: string;
  /** What a person reads: the channel's name with its kind, the genre's or topic's label. */
  label: string;
  count: number;
}

export interface ReportResults {
  /** When this part was computed (ISO time); frozen reports keep the time of submission. */
  computedAt: string;
  unit: { id: string; name: string; kind: string };
  period: { key: string; label: string; from: string; to: string };
  totals: {
    posts: number;
    dxPosts: number;
    broadcasts: number;
    broadcastMinutes: number;
    pressIssues: number;
    ethnicLanguageItems: number;
    schedulesIssued: number;
  };
  byChannel: Array<CountRow & { kind: string; minutes: number }>;
  byGenre: CountRow[];
  byTopic: CountRow[];
  byLanguage: CountRow[];
  /** The DX posts of the period with their links (newest first; at most 500, `dxPostsTotal` says all). */
  dxPosts: Array<{ date: string; title: string; url: string | null; channel: string }>;
  dxPostsTotal: number;
  /** ISO weeks of the period (edge weeks as the scores count them): broadcasts and minutes. */
  broadcastsPerWeek: Array<{ week: string; from: string; to: string; count: number; minutes: number }>;
  schedules: Array<{ month: string; status: string; documentNumber: string | null; issuedOn: string | null }>;
  /** The banner (D9): the latest check in the period, or none recorded. */
  banner: { status: 'present' | 'absent' | 'unknown'; checkedOn: string | null; targetUrl: string | null };
  /** Score of the framework that applies to the period, official where published (issue 9 rule). */
  scores: {
    frameworkName: string;
    periodLabel: string;
    live: { score: number; max: number };
    official: { score: number; max: number; publishedAt: string } | null;
    criteria: Array<{
      code: string;
      name: string;
      max: number;
      liveScore: number | null;
      officialScore: number | null;
      explanation: string;
    }>;
  } | null;
  /** Only in a parent's report: one row per child expected in the period. */
  children?: Array<{
    unitId: string;
    unitName: string;
    state: SubmissionState;
    submittedOn: string | null;
    totals: ReportResults['totals'] | null;
    score: { score: number; max: number; official: boolean } | null;
  }>;
}
