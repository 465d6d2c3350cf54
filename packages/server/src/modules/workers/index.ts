export { createWorkerService, type WorkerService } from './workers.service';
export { createTrainingService, type TrainingService } from './trainings.service';
export { workerRoutes } from './workers.routes';
export { createPayrollService, type PayrollService } from './payroll.service';
export { payrollRoutes } from './payroll.routes';
export { importRoster } from './roster-import';
export { staffOverview } from './staff-overview';
