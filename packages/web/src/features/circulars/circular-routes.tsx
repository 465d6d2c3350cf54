import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 完成及时率 and 通报 (R-REP-3, R-REP-4), each its own chunk; the router places them with its own guard.
const TimelinessPage = lazyPage(() => import('./timeliness-page'), 'TimelinessPage');
const CircularsPage = lazyPage(() => import('./circulars-page'), 'CircularsPage');

export const circularRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="timeliness" path="timeliness" element={guarded('reports:read', <TimelinessPage />)} />,
  <Route key="circulars" path="circulars" element={guarded('reports:read', <CircularsPage />)} />,
];
