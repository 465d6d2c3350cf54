import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database';
import type { Clock } from './platform/clock';
import type { Attachments } from './platform/files/attachments';
import { createAgreementYears, type ContractLookup } from './modules/contracts';
import type { DivisionService } from './modules/divisions';
import { registerIndicatorSets, registerPreAward, registerRectifications, registerRounds } from './modules/evaluation';
import { createProcurementLookup } from './modules/purchasing';
import type { OrganisationLookup } from './modules/organisations';
import type { ContractTimeliness, ReportFiguresService } from './modules/reports';
import type { StationLookup } from './modules/stations';
import { createSatisfactionRates, registerSatisfaction } from './modules/satisfaction';
import { createSupervisionCoverage, registerSupervision } from './modules/supervision';
import { createUserLookup } from './modules/users';

/** What app.ts and the modules built before share with 督导评估. */
export interface EvaluationModuleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contracts: ContractLookup;
  attachments: Attachments;
  /** The reports' figures and a contract's reports on time: what an evaluation measures (R-EVAL-2). */
  figures: ReportFiguresService;
  contractTimeliness: ContractTimeliness;
}

/**
 * The composition of 督导评估 (R-EVAL-1…4, R-CON-2), part of app.ts's root kept in its own file: the city's indicator
 * sets, the evaluation rounds whose signed-off results decide renewal, and rectification.
 */
export function registerEvaluationModules(app: FastifyInstance, d: EvaluationModuleDeps) {
  const { db, clock, divisions, organisations } = d;
  registerIndicatorSets(app, { db, clock });
  registerRounds(app, {
    db,
    clock,
    divisions,
    organisations,
    users: createUserLookup({ db }),
    years: createAgreementYears({ db, clock }),
    stationIdsOf: d.contracts.stationIdsOf,
    figures: d.figures,
    contractTimeliness: d.contractTimeliness,
    attachments: d.attachments,
    supervision: createSupervisionCoverage({ db }),
    satisfaction: createSatisfactionRates({ db }),
  });
  registerRectifications(app, { db, clock, divisions, organisations, attachments: d.attachments });
  registerPreAward(app, {
    db,
    clock,
    procurements: createProcurementLookup({ db }),
    organisations,
    attachments: d.attachments,
  });
  registerSupervision(app, { db, clock, stations: d.stations, organisations });
  registerSatisfaction(app, {
    db,
    clock,
    divisions,
    stations: d.stations,
    organisations,
    organisationOn: d.contracts.organisationOn,
  });
}
