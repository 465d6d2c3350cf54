import type { PurchasePlanView } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import type { PlanRow } from './purchase-plans.repository';

/** R-PUR-2: a plan is edited while it is a draft or has been returned. */
export const EDITABLE = new Set(['draft', 'returned']);

/** The county that owns the plan writes and submits it. */
export const writesPlan = (actor: Actor, p: PlanRow) =>
  can(actor, 'purchase:write') && pathInScope(actor.scope, p.divisionPath);

/** Only the city files (备案) or returns a plan (R-PUR-2). */
export const filesPlans = (actor: Actor) => can(actor, 'purchase:file');

export function planAbilities(actor: Actor, p: PlanRow): PurchasePlanView['abilities'] {
  const county = writesPlan(actor, p);
  const city = filesPlans(actor);
  return {
    update: county && EDITABLE.has(p.status),
    submit: county && EDITABLE.has(p.status),
    file: city && p.status === 'submitted',
    return: city && p.status === 'submitted',
  };
}
