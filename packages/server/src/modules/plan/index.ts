export { createProgressService, type ProgressService } from './progress.service';
export { progressRoutes } from './progress.routes';
