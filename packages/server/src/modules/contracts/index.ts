export { createContractService, type ContractService } from './contracts.service';
export { contractRoutes } from './contracts.routes';
export { createStationContractLookup, type StationContractLookup } from './station-contracts';
export { contracts, contractStations, agreements, contractEvaluations } from './contracts.table';
