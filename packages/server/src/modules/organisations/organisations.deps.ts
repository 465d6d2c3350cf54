import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { DivisionService } from '../divisions';

/** What the organisations module's use cases are given, by name (wired in app.ts). */
export interface OrganisationDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  attachments: Attachments;
}
