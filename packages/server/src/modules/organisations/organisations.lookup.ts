import type { Grade } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { organisationsRepository as repo } from './organisations.repository';

/** What other modules may know of an organisation: the facts their rules need, never the row. */
export interface OrganisationFacts {
  id: string;
  name: string;
  divisionCode: string;
  divisionPath: string;
  type: string;
  socialWorkInScope: boolean;
  grade: Grade | null;
  gradeValidUntil: string | null;
  local: boolean;
}

/** The organisations module's answers for other modules (awards, contracts, users, workers). */
export function createOrganisationLookup({ db }: { db: DbOrTx }) {
  const names = repo.preparedNames(db);
  return {
    /** A registered (not archived) organisation's facts, or undefined. */
    async get(id: string): Promise<OrganisationFacts | undefined> {
      const o = await repo.facts(db, id);
      return o ? { ...o, grade: o.grade as Grade | null } : undefined;
    },
    /** Names by id, for views (one query for any number of ids). */
    async names(ids: string[]): Promise<Map<string, string>> {
      return names([...new Set(ids)]);
    },
  };
}
export type OrganisationLookup = ReturnType<typeof createOrganisationLookup>;
