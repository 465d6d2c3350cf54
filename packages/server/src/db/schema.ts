// Every table of every module, for Drizzle and drizzle-kit.
export * from '../modules/divisions/divisions.table';
export * from '../modules/users/users.table';
export * from '../platform/auth/sessions.table';
export * from '../modules/stations/stations.table';
export * from '../platform/audit/audit.table';
export * from '../platform/files/files.table';
export * from '../modules/organisations/organisations.table';
export * from '../modules/purchasing/purchasing.table';
export * from '../modules/contracts/contracts.table';
export * from '../modules/workers/workers.table';
export * from '../modules/auth/login-failures.table';
export * from '../modules/beneficiaries/beneficiaries.table';
export * from '../modules/services/services.table';
export * from '../modules/cases/cases.table';
export * from '../modules/alerts/alerts.table';
export * from '../modules/referrals/referrals.table';
export * from '../modules/reports/reports.table';
