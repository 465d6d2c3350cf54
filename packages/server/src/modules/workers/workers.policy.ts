import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import type { TrainingRow } from './trainings.repository';
import type { WorkerRow } from './workers.repository';

// Who may do what with a worker or a training. Records reach these checks already scoped by the repository.

/** Who may see a worker's ID number and phone in clear: the employer's roles (R-SCOPE-2); everyone else sees them masked. */
export const seesWorkerPii = (actor: Actor) => can(actor, 'workers:pii');

/** R-STAFF-6: the county where the worker is counted approves or returns a submitted filing. */
export const canApproveFiling = (actor: Actor, w: WorkerRow) =>
  can(actor, 'workers:approve') && pathInScope(actor.scope, w.currentPath) && w.filingStatus === 'submitted';

/**
 * R-STAFF-3: an officer in whose division the record sits confirms the organiser of a contractor's training (the
 * `pendingConfirm` filter is the same rule in SQL: `awaitingConfirmation`).
 */
export const canConfirm = (actor: Actor, t: TrainingRow) =>
  can(actor, 'trainings:confirm') && actor.scope.kind === 'division' && t.divisionPath.startsWith(actor.scope.path);
