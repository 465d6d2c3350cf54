import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';

export interface RectificationDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  organisations: OrganisationLookup;
}

/** 整改 (R-EVAL-4): findings become items with a deadline, corrected by the contractor and verified by the county. */
export function registerRectifications(_app: FastifyInstance, _d: RectificationDeps) {
  // Built by the rectifications change.
}
