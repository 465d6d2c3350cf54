export {
  createStationService,
  type StationService,
  type StationContractLookup,
  type StationStaffLookup,
} from './stations.service';
export { stationRoutes } from './stations.routes';
export { createStationLookup, type StationLookup, type StationSummary } from './stations.lookup';
export { createCoverageService, type CoverageService } from './coverage.service';
export { coverageRoutes } from './coverage.routes';
export { createStationDesk, type StationDesk } from './stations.desk';
