/**
 * Code-split pages. The login page ships alone; the signed-in frame and the pages load on demand,
 * and the likely next ones are prefetched while the user types (commune officers are often on slow
 * mobile connections).
 */
export const loadAppLayout = () => import('./components/AppLayout');
export const loadHomePage = () => import('./pages/home/HomePage');
export const loadUnitTreePage = () => import('./pages/UnitTreePage');
export const loadUnitDetailPage = () => import('./pages/UnitDetailPage');
export const loadAccountPage = () => import('./pages/AccountPage');
export const loadUsersPage = () => import('./pages/admin/UsersPage');
export const loadAuditPage = () => import('./pages/admin/AuditPage');
export const loadJobsPage = () => import('./pages/admin/JobsPage');
export const loadRecordFormPage = () => import('./pages/records/RecordFormPage');
export const loadRecordsPage = () => import('./pages/records/RecordsPage');
export const loadCalendarPage = () => import('./pages/records/CalendarPage');
export const loadImportPage = () => import('./pages/records/ImportPage');
export const loadSchedulesPage = () => import('./pages/schedules/SchedulesPage');
export const loadScheduleDetailPage = () => import('./pages/schedules/ScheduleDetailPage');
export const loadLibraryPage = () => import('./pages/library/LibraryPage');
export const loadEvidencePage = () => import('./pages/evidence/EvidencePage');
export const loadLanguageCountsPage = () => import('./pages/records/LanguageCountsPage');
export const loadRecordEditPage = () => import('./pages/records/RecordEditPage');
export const loadScoreboardPage = () => import('./pages/scores/ScoreboardPage');
export const loadUnitScoresPage = () => import('./pages/scores/UnitScoresPage');
export const loadRankingPage = () => import('./pages/rankings/RankingPage');
export const loadFrameworksPage = () => import('./pages/frameworks/FrameworksPage');
export const loadFrameworkDetailPage = () => import('./pages/frameworks/FrameworkDetailPage');
export const loadFrameworkEditorPage = () => import('./pages/frameworks/editor/FrameworkEditorPage');
export const loadAssessmentsPage = () => import('./pages/assessments/AssessmentsPage');
export const loadAssessmentDetailPage = () => import('./pages/assessments/AssessmentDetailPage');
export const loadDashboardPage = () => import('./pages/dashboard/DashboardPage');
export const loadUnitDashboardPage = () => import('./pages/dashboard/UnitDashboardPage');
export const loadReportsPage = () => import('./pages/reports/ReportsPage');
export const loadPeriodPage = () => import('./pages/reports/PeriodPage');
export const loadReportPage = () => import('./pages/reports/ReportPage');
export const loadRemindersPage = () => import('./pages/reminders/RemindersPage');
export const loadRadioStationsPage = () => import('./pages/radio/RadioStationsPage');

/** Warms the cache with what a signed-in user sees first. */
export function prefetchSignedInPages(): void {
  for (const load of [loadAppLayout, loadHomePage, loadUnitTreePage]) {
    load().catch(() => {
      // Prefetching is only a head start; the real navigation retries and reports failures.
    });
  }
}
export const loadMonitorPage = () => import('./pages/monitor/MonitorPage');
