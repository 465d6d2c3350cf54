import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 预警 and 转介 pages, each its own chunk; the router places them with its own guard.
const AlertsPage = lazyPage(() => import('./alerts-page'), 'AlertsPage');
const AlertRaisePage = lazyPage(() => import('./alert-raise-page'), 'AlertRaisePage');
const AlertDetailPage = lazyPage(() => import('./alert-detail-page'), 'AlertDetailPage');
const ReferralsPage = lazyPage(() => import('../referrals/referrals-page'), 'ReferralsPage');
const ReferralFormPage = lazyPage(() => import('../referrals/referral-form-page'), 'ReferralFormPage');

export const alertRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="alerts" path="alerts" element={guarded('alerts:read', <AlertsPage />)} />,
  <Route key="alerts/new" path="alerts/new" element={guarded('services:write', <AlertRaisePage />)} />,
  <Route key="alerts/:alertId" path="alerts/:alertId" element={guarded('alerts:read', <AlertDetailPage />)} />,
  <Route key="referrals" path="referrals" element={guarded('services:read', <ReferralsPage />)} />,
  <Route key="referrals/new" path="referrals/new" element={guarded('services:write', <ReferralFormPage />)} />,
];
