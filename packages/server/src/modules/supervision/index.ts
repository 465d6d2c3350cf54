// What app.ts and other modules may use. Never a table.
export { registerSupervision, type SupervisionDeps } from './supervision.module';
export {
  createSupervisionCoverage,
  type SupervisionCoverage,
  type SupervisionCoverageLookup,
} from './supervision.coverage';
