export {
  createStationService,
  type StationService,
  type StationContractLookup,
  type StationStaffLookup,
} from './stations.service';
export { stationRoutes } from './stations.routes';
export { createStationLookup, type StationLookup, type StationSummary } from './stations.lookup';
export { createCoverageService, coverageRoutes } from './coverage';
