import { canTake, type CaseAbilities, type CaseAction } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import type { CaseRow } from './cases.repository';

// Who may do what with one case (R-SVC-3, R-SCOPE-2). The case is already in the actor's scope (the repository saw to
// that): a worker's stations, the organisation's covered stations, an officer's division.

/** The case worker: the roster record the case is assigned to. */
export const isCaseWorker = (actor: Actor, c: Pick<CaseRow, 'workerId'>) =>
  !!actor.workerId && actor.workerId === c.workerId;

/**
 * R-SCOPE-2: case notes (intake, needs, strengths, plan, closure, return reasons) are for the case worker, the project
 * lead and the county officer (`beneficiaries:sensitive`); others in scope see the case, its stage and dates only.
 */
export const seesNotes = (actor: Actor, c: Pick<CaseRow, 'workerId'>) =>
  isCaseWorker(actor, c) || can(actor, 'beneficiaries:sensitive');

/** Writes the case's content and submits its plan and closure: the case worker. */
export const isWriter = (actor: Actor, c: Pick<CaseRow, 'workerId'>) =>
  can(actor, 'services:write') && actor.scope.kind !== 'division' && isCaseWorker(actor, c);

/** Approves or returns plans and closures: the project lead of the organisation serving the station. */
export const isApprover = (actor: Actor) => can(actor, 'cases:approve') && actor.scope.kind !== 'division';

/** Hands the case to a colleague at the station: the project lead or the current case worker, while it is open. */
export const canTransfer = (actor: Actor, c: Pick<CaseRow, 'workerId' | 'status'>) =>
  c.status !== 'closed' && (isApprover(actor) || isWriter(actor, c));

export const canAct = (actor: Actor, c: Pick<CaseRow, 'workerId' | 'status'>, action: CaseAction) =>
  canTake(action, c.status, { writer: isWriter(actor, c), approver: isApprover(actor) });

/** The buttons the page shows: exactly what the server would accept. */
export function abilitiesOf(actor: Actor, c: Pick<CaseRow, 'workerId' | 'status'>): CaseAbilities {
  const writer = isWriter(actor, c);
  return {
    edit: writer && ['intake', 'assessment', 'intervention'].includes(c.status),
    submitPlan: canAct(actor, c, 'submit-plan'),
    approvePlan: canAct(actor, c, 'approve-plan'),
    returnPlan: canAct(actor, c, 'return-plan'),
    submitClosure: canAct(actor, c, 'submit-closure'),
    approveClosure: canAct(actor, c, 'approve-closure'),
    returnClosure: canAct(actor, c, 'return-closure'),
    transfer: canTransfer(actor, c),
    addRecord: writer && c.status !== 'closed',
  };
}
