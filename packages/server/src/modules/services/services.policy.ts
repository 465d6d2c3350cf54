import { can, type Actor } from '../../platform/auth/actor';

// Who may do what with one service record (R-SVC-2, R-SCOPE-2). Records reach these checks already scoped by the
// repository: a social worker's stations today, a contractor's covered stations, an officer's division.

/** The facts of a record the policy needs. */
export interface RecordFacts {
  createdBy: string | null;
  workerIds: string[];
  /** Whether any person on the record is withheld from the caller (sensitive, and not theirs to see). */
  anyRestricted: boolean;
  /** Whether the record raised an alert (its summary tells what the alert is about). */
  raisedAlert: boolean;
}

/** The record's own author or one of the workers who did the work. */
export const isOwnRecord = (actor: Actor, f: RecordFacts) =>
  f.createdBy === actor.userId || (!!actor.workerId && f.workerIds.includes(actor.workerId));

/**
 * R-SCOPE-2: what was done for a sensitive person (a minor, a health record) is shown to those who may see the person
 * (the responsible worker, the project lead, the county officer) and to whoever did the work; others in scope see
 * that a record exists, its form, item and day, and not its summary. So is a record that raised an alert (R-SVC-5): its
 * summary tells of the abuse or crisis, which only the alert's readers (`beneficiaries:sensitive`) and the author see.
 */
export const summaryWithheld = (actor: Actor, f: RecordFacts) =>
  (f.anyRestricted || (f.raisedAlert && !can(actor, 'beneficiaries:sensitive'))) && !isOwnRecord(actor, f);

/**
 * Change or withdraw a record: station staff who record services (not officers), for their own records; the project
 * lead for any record of the organisation's stations. Never a record whose summary is withheld from the caller.
 */
export const canChangeRecord = (actor: Actor, f: RecordFacts) =>
  can(actor, 'services:write') &&
  actor.scope.kind !== 'division' &&
  (isOwnRecord(actor, f) || actor.role === 'project_lead') &&
  !summaryWithheld(actor, f);
