import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth, RequirePermission } from './components/RequireAuth';
import { RouteError } from './components/RouteError';
import { canUrge } from './hooks/can-urge';
import { canViewDashboard } from './hooks/can-view-dashboard';
import { canRecord } from './hooks/use-record-units';
import {
  loadAccountPage,
  loadAppLayout,
  loadAssessmentDetailPage,
  loadAssessmentsPage,
  loadAuditPage,
  loadCalendarPage,
  loadDashboardPage,
  loadEvidencePage,
  loadFrameworkDetailPage,
  loadFrameworkEditorPage,
  loadFrameworksPage,
  loadHomePage,
  loadImportPage,
  loadJobsPage,
  loadLanguageCountsPage,
  loadLibraryPage,
  loadMonitorPage,
  loadPeriodPage,
  loadRadioStationsPage,
  loadRankingPage,
  loadRecordEditPage,
  loadRecordFormPage,
  loadRecordsPage,
  loadRemindersPage,
  loadReportPage,
  loadReportsPage,
  loadScheduleDetailPage,
  loadSchedulesPage,
  loadScoreboardPage,
  loadUnitDashboardPage,
  loadUnitDetailPage,
  loadUnitScoresPage,
  loadUnitTreePage,
  loadUsersPage,
} from './page-loaders';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { canManageRadio } from './pages/radio/can-manage-radio';

const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const HomePage = lazy(() => loadHomePage().then((module) => ({ default: module.HomePage })));
const UnitTreePage = lazy(() => loadUnitTreePage().then((module) => ({ default: module.UnitTreePage })));
const UnitDetailPage = lazy(() =>
  loadUnitDetailPage().then((module) => ({ default: module.UnitDetailPage })),
);
const AccountPage = lazy(() => loadAccountPage().then((module) => ({ default: module.AccountPage })));
const JobsPage = lazy(() => loadJobsPage().then((module) => ({ default: module.JobsPage })));
const UsersPage = lazy(() => loadUsersPage().then((module) => ({ default: module.UsersPage })));
const RecordFormPage = lazy(() =>
  loadRecordFormPage().then((module) => ({ default: module.RecordFormPage })),
);
const ImportPage = lazy(() => loadImportPage().then((module) => ({ default: module.ImportPage })));
const SchedulesPage = lazy(() => loadSchedulesPage().then((module) => ({ default: module.SchedulesPage })));
const ScheduleDetailPage = lazy(() =>
  loadScheduleDetailPage().then((module) => ({ default: module.ScheduleDetailPage })),
);
const RecordsPage = lazy(() => loadRecordsPage().then((module) => ({ default: module.RecordsPage })));
const CalendarPage = lazy(() => loadCalendarPage().then((module) => ({ default: module.CalendarPage })));
const LibraryPage = lazy(() => loadLibraryPage().then((module) => ({ default: module.LibraryPage })));
const EvidencePage = lazy(() => loadEvidencePage().then((module) => ({ default: module.EvidencePage })));
const LanguageCountsPage = lazy(() =>
  loadLanguageCountsPage().then((module) => ({ default: module.LanguageCountsPage })),
);
const RecordEditPage = lazy(() =>
  loadRecordEditPage().then((module) => ({ default: module.RecordEditPage })),
);
const AuditPage = lazy(() => loadAuditPage().then((module) => ({ default: module.AuditPage })));
const ScoreboardPage = lazy(() =>
  loadScoreboardPage().then((module) => ({ default: module.ScoreboardPage })),
);
const UnitScoresPage = lazy(() =>
  loadUnitScoresPage().then((module) => ({ default: module.UnitScoresPage })),
);
const RankingPage = lazy(() => loadRankingPage().then((module) => ({ default: module.RankingPage })));
const FrameworksPage = lazy(() =>
  loadFrameworksPage().then((module) => ({ default: module.FrameworksPage })),
);
const FrameworkDetailPage = lazy(() =>
  loadFrameworkDetailPage().then((module) => ({ default: module.FrameworkDetailPage })),
);
const FrameworkEditorPage = lazy(() =>
  loadFrameworkEditorPage().then((module) => ({ default: module.FrameworkEditorPage })),
);
const AssessmentsPage = lazy(() =>
  loadAssessmentsPage().then((module) => ({ default: module.AssessmentsPage })),
);
const DashboardPage = lazy(() => loadDashboardPage().then((module) => ({ default: module.DashboardPage })));
const UnitDashboardPage = lazy(() =>
  loadUnitDashboardPage().then((module) => ({ default: module.UnitDashboardPage })),
);
const AssessmentDetailPage = lazy(() =>
  loadAssessmentDetailPage().then((module) => ({ default: module.AssessmentDetailPage })),
);
const RadioStationsPage = lazy(() =>
  loadRadioStationsPage().then((module) => ({ default: module.RadioStationsPage })),
);
const MonitorPage = lazy(() => loadMonitorPage().then((module) => ({ default: module.MonitorPage })));
const RemindersPage = lazy(() => loadRemindersPage().then((module) => ({ default: module.RemindersPage })));

const ReportsPage = lazy(() => loadReportsPage().then((module) => ({ default: module.ReportsPage })));
const PeriodPage = lazy(() => loadPeriodPage().then((module) => ({ default: module.PeriodPage })));
const ReportPage = lazy(() => loadReportPage().then((module) => ({ default: module.ReportPage })));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageSpinner />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      {
        // Pages fail inside the frame, so the menu stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'units', element: <UnitTreePage /> },
          { path: 'units/:unitId', element: <UnitDetailPage /> },
          { path: 'units/:unitId/calendar', element: <CalendarPage /> },
          { path: 'units/:unitId/scores', element: <UnitScoresPage /> },
          { path: 'units/:unitId/dashboard', element: <UnitDashboardPage /> },
          {
            path: 'dashboard',
            element: (
              <RequirePermission allowed={canViewDashboard}>
                <DashboardPage />
              </RequirePermission>
            ),
          },
          { path: 'scores', element: <ScoreboardPage /> },
          { path: 'rankings', element: <RankingPage /> },
          { path: 'frameworks', element: <FrameworksPage /> },
          { path: 'frameworks/:frameworkId', element: <FrameworkDetailPage /> },
          { path: 'frameworks/:frameworkId/new-version', element: <FrameworkEditorPage /> },
          { path: 'assessments', element: <AssessmentsPage /> },
          { path: 'assessments/:assessmentId', element: <AssessmentDetailPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'reports/periods/:periodId', element: <PeriodPage /> },
          { path: 'reports/:reportId', element: <ReportPage /> },
          { path: 'account', element: <AccountPage /> },
          {
            path: 'records/new',
            element: (
              <RequirePermission allowed={canRecord}>
                <RecordFormPage />
              </RequirePermission>
            ),
          },
          { path: 'records', element: <RecordsPage /> },
          { path: 'records/languages', element: <LanguageCountsPage /> },
          { path: 'records/:activityId/edit', element: <RecordEditPage /> },
          { path: 'monitor', element: <MonitorPage /> },
          { path: 'monitor/units/:unitId', element: <MonitorPage /> },
          { path: 'library', element: <LibraryPage /> },
          { path: 'evidence', element: <EvidencePage /> },
          {
            path: 'schedules',
            element: (
              <RequirePermission allowed={canRecord}>
                <SchedulesPage />
              </RequirePermission>
            ),
          },
          { path: 'schedules/:scheduleId', element: <ScheduleDetailPage /> },
          {
            path: 'records/import',
            element: (
              <RequirePermission allowed={canRecord}>
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/users',
            element: (
              <RequirePermission allowed={(me) => me.canManageUsers}>
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'reminders',
            element: (
              <RequirePermission allowed={canUrge}>
                <RemindersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'radio',
            element: (
              <RequirePermission allowed={canManageRadio}>
                <RadioStationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/jobs',
            element: (
              <RequirePermission allowed={(me) => me.canViewJobs}>
                <JobsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequirePermission allowed={(me) => me.canViewAudit}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
