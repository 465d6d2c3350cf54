import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { createCaseLookup } from '../cases';
import type { OrganisationLookup } from '../organisations';
import { createServiceRecordLookup } from '../services';
import type { StationLookup } from '../stations';
import { createWorkerLookup } from '../workers';
import { supervisionRoutes } from './supervision.routes';
import { createSupervisionService } from './supervision.service';
import { supervisionReviewRoutes } from './supervision-reviews.routes';
import { createSupervisionReviewService } from './supervision-reviews.service';

export interface SupervisionDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  organisations: OrganisationLookup;
}

/** 督导 (R-EVAL-4, 《实施方案》六（六）): supervision sessions, hours per worker, and review comments on sampled records. */
export function registerSupervision(app: FastifyInstance, d: SupervisionDeps) {
  const workers = createWorkerLookup({ db: d.db, clock: d.clock });
  const names = { stations: d.stations, organisations: d.organisations, workers };
  supervisionRoutes(app, createSupervisionService({ db: d.db, clock: d.clock, ...names }));
  supervisionReviewRoutes(
    app,
    createSupervisionReviewService({
      db: d.db,
      clock: d.clock,
      ...names,
      cases: createCaseLookup({ db: d.db }),
      serviceRecords: createServiceRecordLookup({ db: d.db }),
    }),
  );
}
