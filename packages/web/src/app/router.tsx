import { Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import type { Permission } from '@shegong/shared';
import { setAuthErrorListener } from '../lib/api';
import { useAuth } from './auth';
import { lazyPage, PageErrorBoundary, PageLoading } from './lazy-page';
import { caseRoutes } from '../features/cases/case-routes';
import { alertRoutes } from '../features/alerts/alert-routes';
import { reportRoutes } from '../features/reports/report-routes';
import { evaluationRoutes } from '../features/evaluation/evaluation-routes';
import { supervisionRoutes } from '../features/supervision/supervision-routes';
import { PublicSatisfactionPage, satisfactionRoutes } from '../features/satisfaction/satisfaction-routes';
import { circularRoutes } from '../features/circulars/circular-routes';

// Every page (and the logged-in shell) is its own chunk, fetched on first visit: the login page downloads only what
// it draws. A failed chunk shows 重新加载 (PageErrorBoundary); the layout has its own boundary around the page.
const AppLayout = lazyPage(() => import('./layout'), 'AppLayout');
const LoginPage = lazyPage(() => import('../features/auth/login-page'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('../features/auth/change-password-page'), 'ChangePasswordPage');
const HomePage = lazyPage(() => import('../features/home/home-page'), 'HomePage');
const StationsPage = lazyPage(() => import('../features/stations/stations-page'), 'StationsPage');
const StationFormPage = lazyPage(() => import('../features/stations/station-form-page'), 'StationFormPage');
const StationDetailPage = lazyPage(() => import('../features/stations/station-detail-page'), 'StationDetailPage');
const CountyCentresPage = lazyPage(() => import('../features/stations/county-centres-page'), 'CountyCentresPage');
const ProgressPage = lazyPage(() => import('../features/plan/progress-page'), 'ProgressPage');
const UsersPage = lazyPage(() => import('../features/users/users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/audit-page'), 'AuditPage');
const PublicDirectoryPage = lazyPage(() => import('../features/public/public-directory-page'), 'PublicDirectoryPage');
const OrganisationsPage = lazyPage(() => import('../features/organisations/organisations-page'), 'OrganisationsPage');
const OrganisationDetailPage = lazyPage(
  () => import('../features/organisations/organisation-detail-page'),
  'OrganisationDetailPage',
);
const PurchasePlansPage = lazyPage(() => import('../features/purchasing/purchase-plans-page'), 'PurchasePlansPage');
const PurchasePlanDetailPage = lazyPage(
  () => import('../features/purchasing/purchase-plan-detail-page'),
  'PurchasePlanDetailPage',
);
const ProcurementsPage = lazyPage(() => import('../features/purchasing/procurements-page'), 'ProcurementsPage');
const ProcurementDetailPage = lazyPage(
  () => import('../features/purchasing/procurement-detail-page'),
  'ProcurementDetailPage',
);
const ContractsPage = lazyPage(() => import('../features/contracts/contracts-page'), 'ContractsPage');
const ContractDetailPage = lazyPage(() => import('../features/contracts/contract-detail-page'), 'ContractDetailPage');
const CompliancePage = lazyPage(() => import('../features/contracts/compliance-page'), 'CompliancePage');
const WorkersPage = lazyPage(() => import('../features/workers/workers-page'), 'WorkersPage');
const WorkerDetailPage = lazyPage(() => import('../features/workers/worker-detail-page'), 'WorkerDetailPage');
const TrainingsPage = lazyPage(() => import('../features/workers/trainings-page'), 'TrainingsPage');
const PayrollPage = lazyPage(() => import('../features/workers/payroll-page'), 'PayrollPage');
const StaffOverviewPage = lazyPage(() => import('../features/workers/staff-overview-page'), 'StaffOverviewPage');
const BeneficiariesPage = lazyPage(() => import('../features/beneficiaries/beneficiaries-page'), 'BeneficiariesPage');
const BeneficiaryFormPage = lazyPage(
  () => import('../features/beneficiaries/beneficiary-form-page'),
  'BeneficiaryFormPage',
);
const BeneficiaryDetailPage = lazyPage(
  () => import('../features/beneficiaries/beneficiary-detail-page'),
  'BeneficiaryDetailPage',
);
const HandoverPage = lazyPage(() => import('../features/beneficiaries/handover-page'), 'HandoverPage');
const BeneficiaryImportPage = lazyPage(
  () => import('../features/beneficiaries/beneficiary-import-page'),
  'BeneficiaryImportPage',
);
const ServicesPage = lazyPage(() => import('../features/services/services-page'), 'ServicesPage');
const QuickEntryPage = lazyPage(() => import('../features/services/quick-entry-page'), 'QuickEntryPage');
const OutboxPage = lazyPage(() => import('../features/services/outbox-page'), 'OutboxPage');
const ServiceRecordDetailPage = lazyPage(
  () => import('../features/services/service-record-detail-page'),
  'ServiceRecordDetailPage',
);
const VisitsDuePage = lazyPage(() => import('../features/visits/visits-due-page'), 'VisitsDuePage');
const StatisticsPage = lazyPage(() => import('../features/statistics/statistics-page'), 'StatisticsPage');
const ForbiddenPage = lazyPage(() => import('./status-pages'), 'ForbiddenPage');
const NotFoundPage = lazyPage(() => import('./status-pages'), 'NotFoundPage');

/** Pages behind login: to the login page without a session, to the password page while a change is due. */
function Private({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const { user, loading, mustChangePassword, can } = useAuth();
  const loc = useLocation();
  if (loading) return <Spin style={{ margin: 48 }} />;
  if (!user) return <Navigate to="/login" replace />;
  if (mustChangePassword && loc.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  if (permission && !can(permission)) return <ForbiddenPage />;
  return <>{children}</>;
}

/** A page behind a permission, in one line of the route table. */
const guarded = (permission: Permission, page: ReactNode) => <Private permission={permission}>{page}</Private>;

export function AppRoutes() {
  const nav = useNavigate();
  const loc = useLocation();
  const { refresh, clear } = useAuth();
  useEffect(() => {
    setAuthErrorListener((e) => {
      if (e.code === 'PASSWORD_CHANGE_REQUIRED') {
        void refresh();
        nav('/change-password');
      } else {
        clear();
        nav('/login');
      }
    });
  }, [nav, refresh, clear]);
  return (
    <PageErrorBoundary resetKey={loc.pathname}>
      <Suspense fallback={<PageLoading fullScreen />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/directory" element={<PublicDirectoryPage />} />
          <Route path="/s/:stationId/satisfaction" element={<PublicSatisfactionPage />} />
          <Route
            element={
              <Private>
                <AppLayout />
              </Private>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="change-password" element={<ChangePasswordPage />} />
            <Route path="progress" element={guarded('plan:read', <ProgressPage />)} />
            <Route path="stations" element={guarded('stations:read', <StationsPage />)} />
            <Route path="stations/new" element={guarded('stations:write', <StationFormPage />)} />
            <Route
              path="stations/:stationId"
              element={
                <Private permission="stations:read">
                  <StationDetailPage />
                </Private>
              }
            />
            <Route
              path="stations/:stationId/edit"
              element={
                <Private permission="stations:write">
                  <StationFormPage />
                </Private>
              }
            />
            <Route
              path="county-centres"
              element={
                <Private permission="stations:read">
                  <CountyCentresPage />
                </Private>
              }
            />
            <Route
              path="organisations"
              element={
                <Private permission="organisations:read">
                  <OrganisationsPage />
                </Private>
              }
            />
            <Route
              path="organisations/:organisationId"
              element={
                <Private permission="organisations:read">
                  <OrganisationDetailPage />
                </Private>
              }
            />
            <Route
              path="purchase-plans"
              element={
                <Private permission="purchase:read">
                  <PurchasePlansPage />
                </Private>
              }
            />
            <Route
              path="purchase-plans/:planId"
              element={
                <Private permission="purchase:read">
                  <PurchasePlanDetailPage />
                </Private>
              }
            />
            <Route
              path="procurements"
              element={
                <Private permission="purchase:read">
                  <ProcurementsPage />
                </Private>
              }
            />
            <Route
              path="procurements/:procurementId"
              element={
                <Private permission="purchase:read">
                  <ProcurementDetailPage />
                </Private>
              }
            />
            <Route
              path="contracts"
              element={
                <Private permission="contracts:read">
                  <ContractsPage />
                </Private>
              }
            />
            <Route
              path="contracts/:contractId"
              element={
                <Private permission="contracts:read">
                  <ContractDetailPage />
                </Private>
              }
            />
            <Route
              path="compliance"
              element={
                <Private permission="purchase:read">
                  <CompliancePage />
                </Private>
              }
            />
            <Route
              path="workers"
              element={
                <Private permission="workers:read">
                  <WorkersPage />
                </Private>
              }
            />
            <Route
              path="workers/:workerId"
              element={
                <Private permission="workers:read">
                  <WorkerDetailPage />
                </Private>
              }
            />
            <Route
              path="trainings"
              element={
                <Private permission="workers:read">
                  <TrainingsPage />
                </Private>
              }
            />
            <Route
              path="staff-overview"
              element={
                <Private permission="plan:read">
                  <StaffOverviewPage />
                </Private>
              }
            />
            <Route
              path="payroll"
              element={
                <Private permission="payroll:read">
                  <PayrollPage />
                </Private>
              }
            />
            <Route path="beneficiaries" element={guarded('beneficiaries:read', <BeneficiariesPage />)} />
            <Route path="beneficiaries/new" element={guarded('beneficiaries:write', <BeneficiaryFormPage />)} />
            <Route path="beneficiaries/handover" element={guarded('beneficiaries:read', <HandoverPage />)} />
            <Route path="beneficiaries/import" element={guarded('beneficiaries:write', <BeneficiaryImportPage />)} />
            <Route
              path="beneficiaries/:beneficiaryId"
              element={guarded('beneficiaries:read', <BeneficiaryDetailPage />)}
            />
            <Route path="services" element={guarded('services:read', <ServicesPage />)} />
            <Route path="services/new" element={guarded('services:write', <QuickEntryPage />)} />
            <Route path="services/outbox" element={guarded('services:write', <OutboxPage />)} />
            <Route path="services/:recordId" element={guarded('services:read', <ServiceRecordDetailPage />)} />
            <Route path="visits" element={guarded('services:read', <VisitsDuePage />)} />
            <Route path="statistics" element={guarded('services:read', <StatisticsPage />)} />
            {caseRoutes(guarded)}
            {alertRoutes(guarded)}
            {reportRoutes(guarded)}
            {circularRoutes(guarded)}
            {evaluationRoutes(guarded)}
            {supervisionRoutes(guarded)}
            {satisfactionRoutes(guarded)}
            <Route
              path="users"
              element={
                <Private permission="users:read">
                  <UsersPage />
                </Private>
              }
            />
            <Route
              path="audit"
              element={
                <Private permission="audit:read">
                  <AuditPage />
                </Private>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}
