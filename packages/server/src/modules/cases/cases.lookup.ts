import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { caseScope, casesRepository as repo } from './cases.repository';

/**
 * What other modules may know of one case (督导 R-EVAL-4 samples case files): found only inside the caller's scope,
 * so a case of another station answers nothing, exactly like a missing one.
 */
export function createCaseLookup({ db }: { db: DbOrTx }) {
  return {
    async inScope(scope: Scope, id: string) {
      const row = await repo.findInScope(db, caseScope(scope), id);
      return row && { id: row.id, stationId: row.stationId, divisionPath: row.divisionPath, workerId: row.workerId };
    },
  };
}
export type CaseLookup = ReturnType<typeof createCaseLookup>;
