import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database';
import type { Clock } from './platform/clock';
import type { Attachments } from './platform/files/attachments';
import { alertIdsByRecord, alertRoutes, createAlertRaiser, createAlertService } from './modules/alerts';
import {
  createBeneficiaryContacts,
  createVisitService,
  visitRoutes,
  type BeneficiaryService,
} from './modules/beneficiaries';
import { createCaseGate, registerCases } from './modules/cases';
import type { ContractLookup } from './modules/contracts';
import type { DivisionService } from './modules/divisions';
import type { OrganisationLookup } from './modules/organisations';
import { createReferralService, referralRoutes } from './modules/referrals';
import { createServiceRecordService, serviceRecordRoutes } from './modules/services';
import { createStatisticsService, statisticsRoutes } from './modules/statistics';
import type { StationLookup } from './modules/stations';
import { createUserLookup, usersRepository } from './modules/users';
import { createWorkerLookup } from './modules/workers';

/** What app.ts already built and the service modules share. */
export interface ServiceModuleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contracts: ContractLookup;
  attachments: Attachments;
  beneficiaryService: BeneficiaryService;
}

/**
 * The composition of 服务 (R-SVC-2…5), part of app.ts's root kept in its own file: service records with the case gate
 * and the alert raiser they call in their transaction (ADR 0009), cases, alerts, referrals, visits and statistics.
 */
export function registerServiceModules(app: FastifyInstance, d: ServiceModuleDeps) {
  const { db, clock, divisions, stations, organisations, contracts, attachments } = d;
  const workers = createWorkerLookup({ db, clock });
  const users = createUserLookup({ db });
  serviceRecordRoutes(app, {
    service: createServiceRecordService({
      db,
      clock,
      divisions,
      stations,
      workers,
      users,
      organisations,
      contracts,
      attachments,
      caseGate: createCaseGate(db),
      alertRaiser: createAlertRaiser({ clock }),
      alertIdsOf: (recordIds) => alertIdsByRecord(db, recordIds),
      contacts: createBeneficiaryContacts({ db, clock, divisions, stations, workers, users }),
    }),
    attachments,
    catalogue: divisions.catalogue,
  });
  registerCases(app, { db, clock, stations, attachments, beneficiaries: d.beneficiaryService });
  // Alerts and referrals are filed under the employer of whoever makes them (statistics by organisation).
  const organisationOf = async (id: string) => (await usersRepository.findById(db, id))?.organisationId ?? null;
  alertRoutes(app, createAlertService({ db, clock, stations, users, organisationOf }));
  referralRoutes(app, createReferralService({ db, clock, stations, users, organisationOf }));
  const visits = createVisitService({ db, clock, stations, workers });
  visitRoutes(app, visits);
  statisticsRoutes(app, createStatisticsService({ db, clock, divisions, stations, organisations, contracts, visits }));
  return { visits };
}
