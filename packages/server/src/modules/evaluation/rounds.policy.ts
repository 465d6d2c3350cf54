import { EVALUATION_KIND_LEVEL, isOrganisationRole, type EvaluationKind } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import type { RoundRow } from './rounds.repository';

/** The level an actor evaluates at (五（三）): the county's officers, the city's, or contractor staff. */
export function evaluationLevel(actor: Actor): 'county' | 'city' | 'contractor' | null {
  if (isOrganisationRole(actor.role)) return 'contractor';
  if (actor.role === 'county_admin' || actor.role === 'county_officer') return 'county';
  if (actor.role === 'city_admin' || actor.role === 'city_officer') return 'city';
  return null;
}

/** Whether a kind of round is the actor's level's to open, score and sign (else refused as forbidden). */
export function runsKind(actor: Actor, kind: EvaluationKind): boolean {
  if (evaluationLevel(actor) !== EVALUATION_KIND_LEVEL[kind]) return false;
  return can(actor, kind === 'self_assessment' ? 'evaluations:self' : 'evaluations:score');
}

/**
 * R-EVAL-1: who may do what with a round already read through the caller's scope. The level that runs the kind
 * scores and signs it while it is being scored (assigned third-party evaluators score it too); a signed-off round is final. Findings become rectification items by
 * the same level (never from a self-assessment: the contractor does not set itself corrections).
 */
export function roundAbilities(actor: Actor, r: Pick<RoundRow, 'kind' | 'status'>) {
  const runs = runsKind(actor, r.kind);
  const open = r.status === 'scoring';
  return {
    score: (runs || thirdParty(actor, r.kind)) && open,
    signOff: runs && open,
    rectify: runs && r.kind !== 'self_assessment',
    assign: runs && r.kind !== 'self_assessment' && open,
  };
}

/**
 * 六（六）: a third-party evaluator scores the rounds assigned to them (their scope holds exactly those), never a
 * contractor's self-assessment, and never signs one off.
 */
export const thirdParty = (actor: Actor, kind: EvaluationKind) =>
  actor.role === 'evaluator' && can(actor, 'evaluations:score') && kind !== 'self_assessment';
