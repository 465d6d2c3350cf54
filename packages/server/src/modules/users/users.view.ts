import type { Role, UserView } from '@shegong/shared';
import type { DivisionService } from '../divisions';
import type { UserRow } from './users.repository';

/** Fields kept in the audit trail: never the password hash. */
export const auditableUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  divisionCode: u.divisionCode,
  status: u.status,
  phone: u.phone,
  mustChangePassword: u.mustChangePassword,
});

/** The account as administrators see it; a lock shows only while it lasts. */
export function userView(
  u: UserRow,
  { divisions, orgNames, now }: { divisions: DivisionService; orgNames: ReadonlyMap<string, string>; now: Date },
): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    divisionCode: u.divisionCode,
    divisionName: divisions.find(u.divisionCode)?.name ?? '',
    organisationId: u.organisationId,
    organisationName: u.organisationId ? (orgNames.get(u.organisationId) ?? null) : null,
    status: u.status,
    phone: u.phone,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}
