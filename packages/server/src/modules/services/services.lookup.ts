import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { recordScope, serviceRecordsRepository as repo } from './services.repository';

/**
 * What other modules may know of one service record (督导 R-EVAL-4 samples records): found only inside the caller's
 * scope, with the workers who did the work.
 */
export function createServiceRecordLookup({ db }: { db: DbOrTx }) {
  return {
    async inScope(scope: Scope, id: string) {
      const row = await repo.findInScope(db, recordScope(scope), id);
      if (!row) return undefined;
      const workers = (await repo.workersOf(db, [row.id])).get(row.id) ?? [];
      return { id: row.id, stationId: row.stationId, divisionPath: row.divisionPath, workerIds: workers };
    },
  };
}
export type ServiceRecordLookup = ReturnType<typeof createServiceRecordLookup>;
