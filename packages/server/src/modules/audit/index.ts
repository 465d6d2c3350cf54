export { auditRoutes } from './audit.routes';
export { createAuditNames } from './audit-names.repository';
