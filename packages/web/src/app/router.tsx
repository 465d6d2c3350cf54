import { useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Result, Spin } from 'antd';
import type { Permission } from '@shegong/shared';
import { setAuthErrorListener } from '../lib/api';
import { useAuth } from './auth';
import { AppLayout } from './layout';
import { LoginPage } from '../features/auth/login-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { HomePage } from '../features/home/home-page';
import { StationsPage } from '../features/stations/stations-page';
import { StationFormPage } from '../features/stations/station-form-page';
import { StationDetailPage } from '../features/stations/station-detail-page';
import { CountyCentresPage } from '../features/stations/county-centres-page';
import { ProgressPage } from '../features/plan/progress-page';
import { UsersPage } from '../features/users/users-page';
import { AuditPage } from '../features/audit/audit-page';
import { PublicDirectoryPage } from '../features/public/public-directory-page';
import { OrganisationsPage } from '../features/organisations/organisations-page';
import { OrganisationDetailPage } from '../features/organisations/organisation-detail-page';
import { PurchasePlansPage } from '../features/purchasing/purchase-plans-page';
import { PurchasePlanDetailPage } from '../features/purchasing/purchase-plan-detail-page';
import { ProcurementsPage } from '../features/purchasing/procurements-page';
import { ProcurementDetailPage } from '../features/purchasing/procurement-detail-page';
import { ContractsPage } from '../features/contracts/contracts-page';
import { ContractDetailPage } from '../features/contracts/contract-detail-page';
import { CompliancePage } from '../features/contracts/compliance-page';
import { WorkersPage } from '../features/workers/workers-page';
import { WorkerDetailPage } from '../features/workers/worker-detail-page';
import { TrainingsPage } from '../features/workers/trainings-page';
import { PayrollPage } from '../features/workers/payroll-page';
import { StaffOverviewPage } from '../features/workers/staff-overview-page';

/** Pages behind login: to the login page without a session, to the password page while a change is due. */
function Private({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const { user, loading, mustChangePassword, can } = useAuth();
  const loc = useLocation();
  if (loading) return <Spin style={{ margin: 48 }} />;
  if (!user) return <Navigate to="/login" replace />;
  if (mustChangePassword && loc.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  if (permission && !can(permission)) return <Result status="403" title="无权访问" subTitle="您的角色没有访问此页面的权限" />;
  return <>{children}</>;
}

export function AppRoutes() {
  const nav = useNavigate();
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
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/directory" element={<PublicDirectoryPage />} />
      <Route element={<Private><AppLayout /></Private>}>
        <Route index element={<HomePage />} />
        <Route path="change-password" element={<ChangePasswordPage />} />
        <Route path="progress" element={<Private permission="plan:read"><ProgressPage /></Private>} />
        <Route path="stations" element={<Private permission="stations:read"><StationsPage /></Private>} />
        <Route path="stations/new" element={<Private permission="stations:write"><StationFormPage /></Private>} />
        <Route path="stations/:stationId" element={<Private permission="stations:read"><StationDetailPage /></Private>} />
        <Route path="stations/:stationId/edit" element={<Private permission="stations:write"><StationFormPage /></Private>} />
        <Route path="county-centres" element={<Private permission="stations:read"><CountyCentresPage /></Private>} />
        <Route path="organisations" element={<Private permission="organisations:read"><OrganisationsPage /></Private>} />
        <Route path="organisations/:organisationId" element={<Private permission="organisations:read"><OrganisationDetailPage /></Private>} />
        <Route path="purchase-plans" element={<Private permission="purchase:read"><PurchasePlansPage /></Private>} />
        <Route path="purchase-plans/:planId" element={<Private permission="purchase:read"><PurchasePlanDetailPage /></Private>} />
        <Route path="procurements" element={<Private permission="purchase:read"><ProcurementsPage /></Private>} />
        <Route path="procurements/:procurementId" element={<Private permission="purchase:read"><ProcurementDetailPage /></Private>} />
        <Route path="contracts" element={<Private permission="contracts:read"><ContractsPage /></Private>} />
        <Route path="contracts/:contractId" element={<Private permission="contracts:read"><ContractDetailPage /></Private>} />
        <Route path="compliance" element={<Private permission="purchase:read"><CompliancePage /></Private>} />
        <Route path="workers" element={<Private permission="workers:read"><WorkersPage /></Private>} />
        <Route path="workers/:workerId" element={<Private permission="workers:read"><WorkerDetailPage /></Private>} />
        <Route path="trainings" element={<Private permission="workers:read"><TrainingsPage /></Private>} />
        <Route path="staff-overview" element={<Private permission="plan:read"><StaffOverviewPage /></Private>} />
        <Route path="payroll" element={<Private permission="payroll:read"><PayrollPage /></Private>} />
        <Route path="users" element={<Private permission="users:read"><UsersPage /></Private>} />
        <Route path="audit" element={<Private permission="audit:read"><AuditPage /></Private>} />
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Route>
    </Routes>
  );
}
