import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Grade } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { organisations } from './organisations.table';

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
export function createOrganisationLookup(db: DbOrTx) {
  const facts = {
    id: organisations.id,
    name: organisations.name,
    divisionCode: organisations.divisionCode,
    divisionPath: organisations.divisionPath,
    type: organisations.type,
    socialWorkInScope: organisations.socialWorkInScope,
    grade: organisations.grade,
    gradeValidUntil: organisations.gradeValidUntil,
    local: organisations.local,
  };
  return {
    /** A registered (not archived) organisation's facts, or undefined. */
    async get(id: string): Promise<OrganisationFacts | undefined> {
      const rows = await db
        .select(facts)
        .from(organisations)
        .where(and(eq(organisations.id, id), isNull(organisations.archivedAt)))
        .limit(1);
      return rows[0] ? { ...rows[0], grade: rows[0].grade as Grade | null } : undefined;
    },
    /** Names by id, for views. */
    async names(ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type OrganisationLookup = ReturnType<typeof createOrganisationLookup>;
