export { createWorkerService, type WorkerService } from './workers.service';
export { createTrainingService, type TrainingService } from './trainings.service';
export { createRosterImport, type RosterImport } from './roster-import';
export { createStaffOverview, type StaffOverview } from './staff-overview';
export { createPayrollService, type PayrollService } from './payroll.service';
export { createPayrollImport, type PayrollImport } from './payroll-import';
export { workerRoutes } from './workers.routes';
export { trainingRoutes } from './trainings.routes';
export { payrollRoutes } from './payroll.routes';
