import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { indicatorSetRoutes } from './indicator-sets.routes';
import { createIndicatorSetService } from './indicator-sets.service';

export interface IndicatorSetDeps {
  db: Db;
  clock: Clock;
}

/**
 * 指标体系 (R-EVAL-2): the city's versioned indicator sets — builds their service and routes, and puts the shipped
 * example into an empty table when the app gets ready (before it serves a request, whether it listens or is injected).
 */
export function registerIndicatorSets(app: FastifyInstance, d: IndicatorSetDeps) {
  const service = createIndicatorSetService(d);
  indicatorSetRoutes(app, { service });
  app.addHook('onReady', () => service.seedExample());
}
