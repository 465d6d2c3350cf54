import {
  EVALUATION_KIND_LEVEL,
  isOrganisationRole,
  type EvaluationKind,
  type RectificationStatus,
} from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';

/** The level an actor acts at in 督导评估: the contractor's staff, a county's officers or the city's. */
export function evaluationLevel(actor: Actor): 'county' | 'city' | 'contractor' | null {
  if (isOrganisationRole(actor.role)) return 'contractor';
  if (actor.role === 'county_admin' || actor.role === 'county_officer') return 'county';
  if (actor.role === 'city_admin' || actor.role === 'city_officer') return 'city';
  return null;
}

/**
 * R-EVAL-4 (《实施方案》五（三）): the level that runs a round kind — the county its 中期 and 末期, the city its 抽查 —
 * records its findings as items and verifies their correction. A self-assessment's findings are the contractor's own.
 */
export function runsRound(actor: Actor, kind: EvaluationKind): boolean {
  const level = EVALUATION_KIND_LEVEL[kind];
  return level !== 'contractor' && evaluationLevel(actor) === level && can(actor, 'evaluations:score');
}

/** The contractor answers its own items (the scope already bounds it to its organisation's). */
export const answers = (actor: Actor): boolean =>
  evaluationLevel(actor) === 'contractor' && can(actor, 'evaluations:self');

/** What an actor may do with one item already read through its scope. */
export function rectificationAbilities(actor: Actor, r: { roundKind: EvaluationKind; status: RectificationStatus }) {
  return {
    submit: answers(actor) && r.status === 'open',
    verify: runsRound(actor, r.roundKind) && r.status === 'submitted',
  };
}
