export { createWorkerService, type WorkerService } from './workers.service';
export { createTrainingService, type TrainingService } from './trainings.service';
export { workerRoutes } from './workers.routes';
export { workers, workerAssignments, trainings, trainingAttendance, hiringExceptions } from './workers.table';
export { createPayrollService, type PayrollService } from './payroll.service';
export { payrollRoutes } from './payroll.routes';
