import { newAgreementRefusal } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import type { ContractParts, ContractRow } from './contracts.repository';

/** The same rule as `liveOn` on a row, for views: a contract past its end reads as ended the day after, with no job. */
export const endedOn = (c: { status: string; endsOn: string | null; cycleEnd: string }, today: string) =>
  c.status === 'ended' || (c.endsOn ?? c.cycleEnd) < today;

/** Who may change a contract: the county bureau (contracts:write) of the contract's unit or above. */
export const canWriteContract = (actor: Actor, c: Pick<ContractRow, 'divisionPath'>) =>
  can(actor, 'contracts:write') && pathInScope(actor.scope, c.divisionPath);

/** What the actor may do next with the contract (R-CON-2: renewal only after a passed evaluation). */
export function contractAbilities(actor: Actor, c: ContractRow, parts: ContractParts, today: string) {
  const county = canWriteContract(actor, c);
  const { ags, evs } = parts;
  return {
    addAgreement: county && !endedOn(c, today) && newAgreementRefusal(ags.length + 1, ags, evs, c.status) === null,
    addEvaluation: county && evs.length < ags.length,
    publish: county,
  };
}
