import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { OrganisationLookup } from '../organisations';
import type { ProcurementLookup } from '../purchasing';
import { preAwardRoutes } from './pre-award.routes';
import { createPreAwardService } from './pre-award.service';

export interface PreAwardDeps {
  db: Db;
  clock: Clock;
  procurements: ProcurementLookup;
  organisations: OrganisationLookup;
  attachments: Attachments;
}

/** 立项评估 (R-EVAL-1): the county records third-party evaluations of a procurement's candidates. */
export function registerPreAward(app: FastifyInstance, d: PreAwardDeps) {
  const service = createPreAwardService({ ...d, files: (ids) => d.attachments.list('preAwardEvaluation', ids) });
  preAwardRoutes(app, service, d.attachments);
}
