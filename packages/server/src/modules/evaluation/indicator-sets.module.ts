import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';

export interface IndicatorSetDeps {
  db: Db;
  clock: Clock;
}

/** 指标体系 (R-EVAL-2): the city's versioned indicator sets — builds their service and routes. */
export function registerIndicatorSets(_app: FastifyInstance, _d: IndicatorSetDeps) {
  // Built by the indicator-sets change.
}
