import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database';
import type { Clock } from './platform/clock';
import type { Attachments } from './platform/files/attachments';
import type { VisitService } from './modules/beneficiaries';
import type { ContractLookup } from './modules/contracts';
import type { DivisionService } from './modules/divisions';
import type { OrganisationLookup } from './modules/organisations';
import {
  createContractTimeliness,
  createReportFigures,
  createReportSchedule,
  createReportService,
  createReportSettings,
  registerCirculars,
  registerReportExports,
  reportRoutes,
} from './modules/reports';
import type { StationLookup } from './modules/stations';

/** What app.ts and the service modules already built and the reports share. */
export interface ReportModuleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contracts: ContractLookup;
  attachments: Attachments;
  visits: Pick<VisitService, 'completion'>;
}

/**
 * The composition of 报告 (R-REP-1…4), part of app.ts's root kept in its own file: the reporting calendar, the reports
 * with figures computed from the records, the city's due dates, completeness and timeliness, and the 通报.
 */
export function registerReportModules(app: FastifyInstance, d: ReportModuleDeps) {
  const { db, clock, divisions, stations, organisations, contracts, attachments } = d;
  const settings = createReportSettings({ db, clock, divisions });
  const schedule = createReportSchedule({ db, clock, divisions, stations, contracts, settings: settings.read });
  const figures = createReportFigures({ db, clock, divisions, stations, contracts, visits: d.visits });
  const service = createReportService({
    db,
    clock,
    divisions,
    stations,
    organisations,
    contracts,
    schedule,
    figures,
    attachments,
  });
  reportRoutes(app, { service, settings, attachments });
  registerReportExports(app, { db, clock, reports: service, divisions });
  registerCirculars(app, { db, clock, divisions, stations, organisations, contracts, schedule });
  return { schedule, figures, contractTimeliness: createContractTimeliness({ db, clock, schedule }) };
}
