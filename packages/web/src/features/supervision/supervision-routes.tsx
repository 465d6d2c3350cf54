import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 督导's page, its own chunk; the router places it with its own guard.
const SupervisionPage = lazyPage(() => import('./supervision-page'), 'SupervisionPage');

export const supervisionRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="supervision" path="supervision" element={guarded('supervision:read', <SupervisionPage />)} />,
];
