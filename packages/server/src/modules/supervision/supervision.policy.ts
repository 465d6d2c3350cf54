import { isOrganisationRole, type ReviewStatus } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';

/**
 * R-EVAL-4 (《实施方案》六（六）): the contractor records its supervision — sessions and review comments — and closes a
 * comment once answered (org_admin and project_lead hold supervision:write; officers read).
 */
export const recordsSupervision = (actor: Actor): boolean =>
  isOrganisationRole(actor.role) && can(actor, 'supervision:write');

/** The worker whose work was reviewed answers the comment; the project lead may answer for the station. */
export const answersReview = (actor: Actor, r: { workerId: string | null }): boolean =>
  (!!actor.workerId && actor.workerId === r.workerId) || actor.role === 'project_lead';

/** What an actor may do with one comment already read through its scope. */
export function reviewAbilities(actor: Actor, r: { workerId: string | null; status: ReviewStatus }) {
  return {
    answer: r.status === 'open' && answersReview(actor, r),
    close: r.status === 'answered' && recordsSupervision(actor),
  };
}
