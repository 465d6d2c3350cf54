export { createServiceRecordService, type ServiceRecordService } from './services.service';
export { serviceRecordRoutes } from './services.routes';
export type { ServiceDeps } from './services.reads';
export type { CaseGate, AlertRaiser, AlertInput } from './services.ports';
export { serviceStatistics, type MonthRange } from './services-statistics.repository';
export { createServiceRecordLookup, type ServiceRecordLookup } from './services.lookup';
export { peopleServedAt } from './people-served.repository';
