import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { createVisitService } from '../beneficiaries';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import { createProgressService } from '../plan';
import type { StationLookup } from '../stations';
import { createStaffOverview, createWorkerLookup } from '../workers';
import { createCirculars } from './circulars';
import { circularRoutes } from './circulars.routes';
import { createTimeliness } from './timeliness';

export interface CircularModuleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contracts: ContractLookup;
  /** The lead's reporting calendar (`createReportSchedule(...)`), made current before reports are counted. */
  schedule: { ensure(): Promise<void> };
}

/**
 * 完成及时率 and 通报 (R-REP-3, R-REP-4) composed from the lookups app.ts already built, in one call: the measures are
 * asked of the modules that own them (plan progress, staff overview, visit completion, service rollups).
 */
export function registerCirculars(app: FastifyInstance, d: CircularModuleDeps) {
  const { db, clock, divisions, stations } = d;
  const timeliness = createTimeliness({ db, clock, divisions, organisations: d.organisations, schedule: d.schedule });
  const circulars = createCirculars({
    db,
    clock,
    divisions,
    timeliness,
    progress: createProgressService({ db, clock, divisions, stations }),
    staff: createStaffOverview({ db, clock, divisions, stations, contracts: d.contracts }),
    visits: createVisitService({ db, clock, stations, workers: createWorkerLookup({ db, clock }) }),
    evaluations: d.contracts.evaluationResults,
  });
  circularRoutes(app, { timeliness, circulars });
}
