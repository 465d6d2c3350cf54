import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 督导评估's pages (R-EVAL-1…4), each its own chunk; the router places them with its own guard.
const IndicatorSetsPage = lazyPage(() => import('./indicator-sets-page'), 'IndicatorSetsPage');
const IndicatorSetPage = lazyPage(() => import('./indicator-set-page'), 'IndicatorSetPage');
const RoundsPage = lazyPage(() => import('./rounds-page'), 'RoundsPage');
const NewRoundsPage = lazyPage(() => import('./rounds-new-page'), 'NewRoundsPage');
const RoundPage = lazyPage(() => import('./round-page'), 'RoundPage');
const RectificationsPage = lazyPage(() => import('./rectifications-page'), 'RectificationsPage');

export const evaluationRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="indicator-sets" path="indicator-sets" element={guarded('evaluations:read', <IndicatorSetsPage />)} />,
  <Route
    key="indicator-sets/:setId"
    path="indicator-sets/:setId"
    element={guarded('evaluations:read', <IndicatorSetPage />)}
  />,
  <Route key="evaluations" path="evaluations" element={guarded('evaluations:read', <RoundsPage />)} />,
  <Route key="evaluations/new" path="evaluations/new" element={guarded('evaluations:read', <NewRoundsPage />)} />,
  <Route key="evaluations/:roundId" path="evaluations/:roundId" element={guarded('evaluations:read', <RoundPage />)} />,
  <Route key="rectifications" path="rectifications" element={guarded('evaluations:read', <RectificationsPage />)} />,
];
