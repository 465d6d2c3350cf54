import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 个案's pages, each its own chunk; the router places them with its own guard.
const CasesPage = lazyPage(() => import('./cases-page'), 'CasesPage');
const CaseNewPage = lazyPage(() => import('./case-new-page'), 'CaseNewPage');
const CaseDetailPage = lazyPage(() => import('./case-detail-page'), 'CaseDetailPage');

export const caseRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="cases" path="cases" element={guarded('services:read', <CasesPage />)} />,
  <Route key="cases/new" path="cases/new" element={guarded('services:write', <CaseNewPage />)} />,
  <Route key="cases/:caseId" path="cases/:caseId" element={guarded('services:read', <CaseDetailPage />)} />,
];
