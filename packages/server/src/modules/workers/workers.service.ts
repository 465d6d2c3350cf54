import type { WorkerQuery } from '@shegong/shared';
import type { ActorContext } from '../../platform/http/context';
import { exportRoster } from './roster.export';
import { createWorkerAccounts } from './workers.accounts';
import { createAssignments } from './workers.assignments';
import { createFiling } from './workers.filing';
import { createHiring } from './workers.hiring';
import { createWorkerReads, type WorkerDeps } from './workers.reads';
import { workersRepository as repo } from './workers.repository';

export type { WorkerDeps } from './workers.reads';

/**
 * The roster (R-STAFF-1…6), composed of its use cases, one file each: reading (`workers.reads.ts`), hiring and
 * changing facts (`workers.hiring.ts`), station assignments (`workers.assignments.ts`), filing, unmasking and hiring
 * exceptions (`workers.filing.ts`) and logins (`workers.accounts.ts`).
 */
export function createWorkerService(d: WorkerDeps) {
  const { db, clock } = d;
  const activeStations = repo.preparedActiveStations(db);
  const reads = createWorkerReads(d);
  const hiring = createHiring({ ...d, reads });
  const assignments = createAssignments({ ...d, reads });
  const filing = createFiling({ ...d, reads });
  const accounts = createWorkerAccounts({ ...d, reads });
  return {
    load: reads.load,
    loadOwn: reads.loadOwn,
    list: reads.list,
    options: reads.options,
    get: reads.get,
    /** The roster the list's filters select as an audited .xlsx. */
    exportWorkbook: (ctx: ActorContext, q: WorkerQuery) => exportRoster({ ...d, workers: reads }, ctx, q),
    /** The caller's organisation as an employer (who may hire, where new workers are recorded). */
    employer: hiring.employer,
    create: hiring.create,
    update: hiring.update,
    /** Writes checked hires inside the caller's transaction (the single create one, the roster import all its rows). */
    hire: hiring.hire,
    assign: assignments.assign,
    endAssignment: assignments.endAssignment,
    /** Writes assignments inside the caller's transaction (assigning one, the roster import's stations). */
    place: assignments.place,
    filing: filing.filing,
    unmask: filing.unmask,
    recordException: filing.recordException,
    createAccount: accounts.createAccount,
    /** The stations a worker is assigned to today: a social worker's scope, recomputed on every request. */
    stationsToday: (workerId: string) => activeStations(workerId, clock.today()),
    /** Resident workers assigned to each station today (R-STAFF-1). */
    residentsToday: (stationIds: string[]) => repo.residentsAt(db, stationIds, clock.today()),
  };
}
export type WorkerService = ReturnType<typeof createWorkerService>;
