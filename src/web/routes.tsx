import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth, RequirePermission } from './components/RequireAuth';
import { RouteError } from './components/RouteError';
import {
  loadAccountPage,
  loadAppLayout,
  loadAuditPage,
  loadUnitDetailPage,
  loadUnitTreePage,
  loadUsersPage,
} from './page-loaders';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const UnitTreePage = lazy(() => loadUnitTreePage().then((module) => ({ default: module.UnitTreePage })));
const UnitDetailPage = lazy(() =>
  loadUnitDetailPage().then((module) => ({ default: module.UnitDetailPage })),
);
const AccountPage = lazy(() => loadAccountPage().then((module) => ({ default: module.AccountPage })));
const UsersPage = lazy(() => loadUsersPage().then((module) => ({ default: module.UsersPage })));
const AuditPage = lazy(() => loadAuditPage().then((module) => ({ default: module.AuditPage })));

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
          { index: true, element: <UnitTreePage /> },
          { path: 'units/:unitId', element: <UnitDetailPage /> },
          { path: 'account', element: <AccountPage /> },
          {
            path: 'admin/users',
            element: (
              <RequirePermission allowed={(me) => me.canManageUsers}>
                <UsersPage />
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
