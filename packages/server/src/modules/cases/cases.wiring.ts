import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { BeneficiaryService } from '../beneficiaries';
import type { StationLookup } from '../stations';
import { createUserLookup } from '../users';
import { createWorkerLookup } from '../workers';
import { casePeopleOf } from './cases.people';
import { caseRoutes } from './cases.routes';
import { createCaseService } from './cases.service';

/**
 * 个案 in app.ts in one line: the platform parts and the registry come in; the worker and user lookups this module
 * asks are made here from the same database and clock (as app.ts makes them for other modules).
 */
export function registerCases(
  app: FastifyInstance,
  d: { db: Db; clock: Clock; stations: StationLookup; attachments: Attachments; beneficiaries: BeneficiaryService },
) {
  const cases = createCaseService({
    ...d,
    workers: createWorkerLookup(d),
    users: createUserLookup(d),
    people: casePeopleOf(d.beneficiaries),
  });
  caseRoutes(app, { cases, attachments: d.attachments });
}
