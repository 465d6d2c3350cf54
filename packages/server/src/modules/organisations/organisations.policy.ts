import { checkCreditCode } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { AppError, fieldError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';

/** Who may do what with one organisation (R-ORG-1, R-ORG-2). Reads: see `organisationScope` in the repository. */
type Registered = { id: string; divisionPath: string };

/** Writes stay with the registering unit or the city. */
export const canWriteOrganisation = (actor: Actor, o: Registered) =>
  can(actor, 'organisations:write') && pathInScope(actor.scope, o.divisionPath);

/** R-ORG-2: the registering unit, or the organisation's own staff with the disclose permission, publish. */
export const canDisclose = (actor: Actor, o: Registered) =>
  canWriteOrganisation(actor, o) ||
  (actor.scope.kind === 'organisation' && actor.scope.organisationId === o.id && can(actor, 'organisations:disclose'));

export const abilitiesOf = (actor: Actor | null, o: Registered) => ({
  update: !!actor && canWriteOrganisation(actor, o),
  disclose: !!actor && canDisclose(actor, o),
});

/** The unit an organisation is registered with: a county (or the city) within the caller's scope, never a township. */
export function registrarUnit(divisions: DivisionService, actor: Actor, code: string) {
  const unit = divisions.require(code, 'divisionCode');
  if (unit.level === 'township' || !pathInScope(actor.scope, unit.path))
    throw fieldError('divisionCode', '应为本单位（县（区）或市）');
  return unit;
}

/** R-ORG-1: a code that fails GB 32100 is kept only with a stated reason; a malformed one never. */
export function checkCode(code: string, reason: string | undefined): { valid: boolean } {
  const r = checkCreditCode(code);
  if (r.ok) return { valid: true };
  if (r.reason === 'format') throw fieldError('creditCode', r.message);
  if (!reason?.trim())
    throw new AppError(
      'VALIDATION_FAILED',
      `「统一社会信用代码」${r.message}；如代码确为登记证书所载，请在“未通过校验的说明”中写明原因（R-ORG-1）`,
      { fieldErrors: { creditCode: r.message, creditCodeReason: '代码未通过校验，须说明原因' } },
    );
  return { valid: false };
}
