export { createStationService, type StationService } from './stations.service';
export { stationRoutes } from './stations.routes';
export { stations, countyCentres, serviceRooms } from './stations.table';
