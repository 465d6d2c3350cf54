import type { FastifyInstance } from 'fastify';
import { sharedSecret } from '../../platform/secrets/shared-secret';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import { createUserLookup } from '../users';
import { complaintRoutes } from './complaints.routes';
import { createComplaintService } from './complaints.service';
import { createChallenges } from './satisfaction.challenge';
import { createNames } from './satisfaction.names';
import { publicSatisfactionRoutes } from './satisfaction-public.routes';
import { createPublicSatisfaction } from './satisfaction-public.service';
import { satisfactionRoutes } from './satisfaction.routes';
import { createSatisfactionService } from './satisfaction.service';
import { createSurveyService } from './satisfaction-surveys.service';

export interface SatisfactionModuleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  /** The contractor in charge of a station on a day (contracts' lookup): answers and complaints are filed under it. */
  organisationOn(stationId: string, day: string): Promise<string | null>;
}

/** 满意度与投诉 (R-EVAL-3, 《实施方案》四（四）、五（六）): the public form, the answers and rates, call-backs, complaints. */
export function registerSatisfaction(app: FastifyInstance, d: SatisfactionModuleDeps) {
  const { db, clock, stations, organisationOn } = d;
  const namesOf = createNames({ stations, organisations: d.organisations, users: createUserLookup({ db }) });
  // One key for every process on the database, so a challenge issued by one is checked by any (DESIGN §1).
  const challenges = createChallenges({ clock, key: sharedSecret(db, 'satisfaction-challenge') });
  publicSatisfactionRoutes(
    app,
    createPublicSatisfaction({ db, clock, divisions: d.divisions, stations, challenges, organisationOn }),
  );
  satisfactionRoutes(app, {
    answers: createSatisfactionService({ db, stations, namesOf }),
    surveys: createSurveyService({ db, clock, stations, namesOf, organisationOn }),
  });
  complaintRoutes(app, createComplaintService({ db, clock, stations, namesOf, organisationOn }));
}
