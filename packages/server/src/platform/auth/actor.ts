import type { Permission, Role, Scope } from '@shegong/shared';

/** Who is calling: set on the request by the session hook, read by every route and service. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  divisionCode: string;
  permissions: readonly Permission[];
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  /** A social worker's roster record (users.worker_id): who is "the responsible worker" of a beneficiary. */
  workerId?: string;
}

/** Route options: every /api/v1 route names a permission, or says it is public or only needs a session. */
export type RouteAccess = { permission: Permission } | { public: true } | { session: 'any' };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function can(actor: Actor, p: Permission): boolean {
  return actor.permissions.includes(p);
}

/**
 * Beneficiaries' names in clear (DESIGN §4): station and organisation staff; upper levels see initials, and so does a
 * third-party evaluator, whose station scope is for reading the work under evaluation, not the people (R-EVAL-1).
 */
export const seesNamesInClear = (actor: Actor) => actor.scope.kind !== 'division' && actor.role !== 'evaluator';
