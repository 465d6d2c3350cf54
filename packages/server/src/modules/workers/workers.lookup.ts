import type { DbOrTx } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { workersRepository as repo } from './workers.repository';

/** What other modules may ask about workers: names, and who works at a station today (a beneficiary's responsible worker). */
export function createWorkerLookup({ db, clock }: { db: DbOrTx; clock: Clock }) {
  const assignedAt = repo.preparedAssignedAt(db);
  return {
    names: (ids: string[]) => repo.namesOf(db, [...new Set(ids)]),
    /** `{ workerId, name, stationId }` for each worker assigned to one of the stations today. */
    assignedToday: (stationIds: string[]) => assignedAt([...new Set(stationIds)], clock.today()),
    /** The same on a past day (the workers of a service record must have been assigned to its station that day). */
    assignedOn: (stationIds: string[], day: string) => assignedAt([...new Set(stationIds)], day),
  };
}
export type WorkerLookup = ReturnType<typeof createWorkerLookup>;
