import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '@shegong/shared';
import { lazyPage } from '../../app/lazy-page';

// 满意度与投诉's signed-in pages (R-EVAL-3), each its own chunk; the router places them with its own guard.
const SatisfactionPage = lazyPage(() => import('./satisfaction-page'), 'SatisfactionPage');
const SurveyPage = lazyPage(() => import('./survey-page'), 'SurveyPage');
const ComplaintsPage = lazyPage(() => import('./complaints-page'), 'ComplaintsPage');
const ComplaintPage = lazyPage(() => import('./complaint-page'), 'ComplaintPage');

/** The public form (no login) is placed by the router beside the public directory. */
export const PublicSatisfactionPage = lazyPage(() => import('./public-satisfaction-page'), 'PublicSatisfactionPage');

export const satisfactionRoutes = (guarded: (permission: Permission, page: ReactNode) => ReactNode) => [
  <Route key="satisfaction" path="satisfaction" element={guarded('complaints:read', <SatisfactionPage />)} />,
  <Route
    key="satisfaction/surveys/:surveyId"
    path="satisfaction/surveys/:surveyId"
    element={guarded('satisfaction:survey', <SurveyPage />)}
  />,
  <Route key="complaints" path="complaints" element={guarded('complaints:read', <ComplaintsPage />)} />,
  <Route
    key="complaints/:complaintId"
    path="complaints/:complaintId"
    element={guarded('complaints:read', <ComplaintPage />)}
  />,
];
