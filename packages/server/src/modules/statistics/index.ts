export { createStatisticsService, type StatisticsService } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';
