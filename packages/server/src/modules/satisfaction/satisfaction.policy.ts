import { can, type Actor } from '../../platform/auth/actor';

// Who may do what with answers and complaints (R-EVAL-3, R-SCOPE-2). Rows reach these checks already scoped.

/**
 * R-SCOPE-2: a contact left on the public form or a complaint is shown in clear only to the project lead of the
 * organisation the answer is attached to (who follows it up); everyone else sees it masked.
 */
export function seesContact(actor: Actor, row: { organisationId: string | null }): boolean {
  return (
    actor.role === 'project_lead' &&
    actor.scope.kind === 'organisation' &&
    !!row.organisationId &&
    row.organisationId === actor.scope.organisationId
  );
}

/** 投诉 (R-EVAL-3): the project lead or the county answers an open complaint; only the county closes an answered one. */
export function complaintAbilities(actor: Actor, status: 'open' | 'answered' | 'closed') {
  const handle = can(actor, 'complaints:handle');
  return {
    answer: handle && status === 'open',
    close: handle && actor.scope.kind === 'division' && status === 'answered',
  };
}

/** A complaint received by phone, visit or letter is entered by the county or the project lead (complaints:handle). */
export const entersComplaints = (actor: Actor) => can(actor, 'complaints:handle');

/** Call-back surveys are drawn and called by the county and the city (satisfaction:survey). */
export const surveys = (actor: Actor) => can(actor, 'satisfaction:survey');
