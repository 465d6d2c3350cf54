import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import { createAgreementYears } from '../contracts';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import { rectificationRoutes } from './rectifications.routes';
import { createRectificationService } from './rectifications.service';

export interface RectificationDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  organisations: OrganisationLookup;
  attachments: Attachments;
}

/** 整改 (R-EVAL-4): findings become items with a deadline, corrected by the contractor and verified by the county. */
export function registerRectifications(app: FastifyInstance, d: RectificationDeps) {
  const years = createAgreementYears({ db: d.db, clock: d.clock });
  const service = createRectificationService({
    ...d,
    titles: (ids) => years.titles(ids),
    files: (ids) => d.attachments.list('rectification', ids),
  });
  rectificationRoutes(app, service, d.attachments);
}
