import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 报告's pages, each its own chunk; the router places them with its own guard.
const ReportsPage = lazyPage(() => import('./reports-page'), 'ReportsPage');
const ReportPage = lazyPage(() => import('./report-page'), 'ReportPage');
const ReportSettingsPage = lazyPage(() => import('./report-settings-page'), 'ReportSettingsPage');

export const reportRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="reports" path="reports" element={guarded('reports:read', <ReportsPage />)} />,
  <Route
    key="reports/settings"
    path="reports/settings"
    element={guarded('reports:configure', <ReportSettingsPage />)}
  />,
  <Route key="reports/:reportId" path="reports/:reportId" element={guarded('reports:read', <ReportPage />)} />,
];
