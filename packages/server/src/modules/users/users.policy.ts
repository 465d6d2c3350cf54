import { ROLE_LABELS, ROLE_LEVEL, assignableRoles, isOrganisationRole, type Role } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { fieldError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';

/** Organisations as the user module needs them: only to place contractor staff, within the manager's reach. */
export interface OrganisationAccess {
  load(actor: Actor, id: string): Promise<{ id: string; name: string; divisionCode: string; divisionPath: string }>;
}

/** Where a new or changed account sits: its division code and path, and its organisation for contractor staff. */
export interface Placement {
  code: string;
  path: string;
  organisationId: string | null;
}

/** Who may hand out which role where (R-SCOPE-1). */
export function placementCheck({ divisions, orgs }: { divisions: DivisionService; orgs: OrganisationAccess }) {
  /** A role may be handed out only by a manager allowed to, at a division of the role's level, inside the manager's scope. */
  return async function checkPlacement(
    actor: Actor,
    role: Role,
    divisionCode: string,
    organisationId: string | null | undefined,
  ): Promise<Placement> {
    if (!assignableRoles(actor.role).includes(role)) throw fieldError('role', `您不能分配“${ROLE_LABELS[role]}”角色`);
    if (isOrganisationRole(role)) {
      // Contractor staff are placed by their organisation; its registering unit must be the manager's.
      if (!organisationId) throw fieldError('organisationId', `“${ROLE_LABELS[role]}”须选择所属承接机构`);
      const o = await orgs.load(actor, organisationId).catch(() => {
        throw fieldError('organisationId', '承接机构不存在');
      });
      if (!pathInScope(actor.scope, o.divisionPath))
        throw fieldError('organisationId', '只能为本单位登记的机构设置用户');
      return { code: o.divisionCode, path: o.divisionPath, organisationId: o.id };
    }
    const d = divisions.require(divisionCode, 'divisionCode');
    const level = ROLE_LEVEL[role];
    if (d.level !== level) {
      const levelName = { city: '市', county: '县（区）', township: '乡镇（街道）' }[level];
      throw fieldError('divisionCode', `“${ROLE_LABELS[role]}”的所属区划应为${levelName}`);
    }
    if (!pathInScope(actor.scope, d.path)) throw fieldError('divisionCode', '只能在本单位范围内设置用户');
    return { code: d.code, path: d.path, organisationId: null };
  };
}
