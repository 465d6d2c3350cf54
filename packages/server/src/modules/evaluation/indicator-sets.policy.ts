import type { IndicatorSetRow } from './indicator-sets.repository';
import { can, type Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/http/errors';

/** The city configures the indicator sets (evaluations:configure, city_admin only); every evaluation reader reads them. */
export const mayConfigure = (actor: Actor) => can(actor, 'evaluations:configure');

/**
 * R-EVAL-2 (六（六）): a set in use or retired, or one any evaluation round scores on, is frozen whole: its rounds'
 * scores name its items by position, so a change would silently rewrite them. Changes make a new version.
 */
export const isFrozen = (r: Pick<IndicatorSetRow, 'status'>, roundCount: number) =>
  r.status !== 'draft' || roundCount > 0;

export function frozenError(r: Pick<IndicatorSetRow, 'status'>, roundCount: number): AppError {
  const why =
    r.status === 'in_use'
      ? '该版本已启用'
      : r.status === 'retired'
        ? '该版本已停用'
        : `已有 ${roundCount} 次评估使用该版本`;
  return new AppError(
    'INDICATOR_SET_FROZEN',
    `${why}，指标体系已冻结，不能修改；如需调整，请在此版本基础上新建版本（《实施方案》六（六））`,
  );
}

/** What the caller may do with a set, as the web shows it (the server refuses the same). */
export function indicatorSetAbilities(
  actor: Actor,
  r: Pick<IndicatorSetRow, 'status'>,
  roundCount: number,
  familyHasDraft: boolean,
) {
  const city = mayConfigure(actor);
  const open = !isFrozen(r, roundCount);
  return { edit: city && open, adopt: city && open, newVersion: city && r.status !== 'draft' && !familyHasDraft };
}
