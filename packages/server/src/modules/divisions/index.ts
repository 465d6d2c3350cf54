export { createDivisionService, type DivisionService, type DivisionNode } from './divisions.service';
export { divisionRoutes } from './divisions.routes';
export { loadReferenceData, CITY_CODE, DEMO_ZONE_CODE } from './reference-data';
