export { createStatisticsService, type StatisticsService } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';
export { computeStatistics, type StatisticsTarget, type ComputedStatistics } from './statistics.compute';
