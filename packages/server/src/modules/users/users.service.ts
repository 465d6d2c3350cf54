import {
  ROLE_LABELS,
  assignableRoles,
  type CreateUserInput,
  type Role,
  type UpdateUserInput,
  type UserQuery,
  type UserView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import type { SessionStore } from '../../platform/auth/sessions';
import { diff, writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { Clock } from '../../platform/clock';
import { pageOf } from '../../platform/http/paging';
import { placementCheck, type OrganisationAccess } from './users.policy';
import { userScope, usersRepository as repo, type NewUserRow, type UserRow } from './users.repository';
import { auditableUser as auditable, userView } from './users.view';
import type { ActorContext } from '../../platform/http/context';

export function createUserService(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  sessions: SessionStore;
  orgs: OrganisationAccess;
  organisations: OrganisationLookup;
}) {
  const { db, clock, divisions, sessions, orgs } = d;
  const scopeOf = (actor: Actor) => userScope(actor.scope);

  const checkPlacement = placementCheck({ divisions, orgs });

  /** Views of users: the organisation names of contractor staff looked up for all rows at once (no N+1). */
  async function named(rows: UserRow[]): Promise<UserView[]> {
    const ids = [...new Set(rows.map((u) => u.organisationId).filter((x): x is string => !!x))];
    const names = ids.length ? await d.organisations.names(ids) : new Map<string, string>();
    return rows.map((u) => userView(u, { divisions, orgNames: names, now: clock.now() }));
  }

  return {
    async list(actor: Actor, q: UserQuery) {
      const { items, total } = await repo.list(db, scopeOf(actor), q);
      return pageOf(await named(items), total, q);
    },

    async get(actor: Actor, id: string) {
      const u = await repo.findInScope(db, scopeOf(actor), id);
      if (!u) throw notFound('用户');
      return (await named([u]))[0];
    },

    async create(ctx: ActorContext, input: CreateUserInput) {
      const d = await checkPlacement(ctx.actor, input.role, input.divisionCode, input.organisationId);
      if (await repo.findByUsername(db, input.username))
        throw new AppError('USERNAME_TAKEN', `用户名“${input.username}”已被使用`, {
          fieldErrors: { username: '用户名已被使用' },
        });
      const passwordHash = await hashPassword(input.password);
      const u = await db.transaction(async (tx) => {
        const u = await repo.create(tx, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          divisionCode: d.code,
          divisionPath: d.path,
          organisationId: d.organisationId,
          phone: input.phone ?? null,
          passwordHash,
          mustChangePassword: true,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'user',
          entityId: u.id,
          divisionPath: d.path,
          summary: `新增用户 ${u.username}（${ROLE_LABELS[input.role]}）`,
          after: auditable(u),
        });
        return u;
      });
      return (await named([u]))[0];
    },

    async update(ctx: ActorContext, id: string, input: UpdateUserInput) {
      const actor = ctx.actor;
      const current = await repo.findInScope(db, scopeOf(actor), id);
      if (!current) throw notFound('用户');
      // A county administrator may not touch city accounts even if one lay in its path.
      if (!assignableRoles(actor.role).includes(current.role as Role)) throw notFound('用户');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', '该用户已被他人修改，请刷新后再保存');
      if (id === actor.userId && (input.status === 'disabled' || (input.role && input.role !== current.role))) {
        throw fieldError(input.status ? 'status' : 'role', '不能停用自己或修改自己的角色');
      }
      const role = input.role ?? (current.role as Role);
      const divisionCode = input.divisionCode ?? current.divisionCode;
      const d =
        input.role || input.divisionCode
          ? await checkPlacement(actor, role, divisionCode, current.organisationId)
          : { code: current.divisionCode, path: current.divisionPath, organisationId: current.organisationId };
      const patch: Partial<NewUserRow> = {
        displayName: input.displayName ?? current.displayName,
        role,
        divisionCode: d.code,
        divisionPath: d.path,
        organisationId: d.organisationId,
        status: input.status ?? current.status,
        phone: input.phone ?? current.phone,
        updatedBy: actor.userId,
        updatedAt: clock.now(),
        version: current.version + 1,
      };
      if (input.password) {
        Object.assign(patch, {
          passwordHash: await hashPassword(input.password),
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
        });
      }
      const u = await db.transaction(async (tx) => {
        const u = await repo.updateVersioned(tx, id, input.version, patch);
        if (!u) throw new AppError('VERSION_CONFLICT', '该用户已被他人修改，请刷新后再保存');
        const changes = diff(auditable(current), auditable(u));
        const what = input.password
          ? '重置密码'
          : input.status === 'disabled'
            ? '停用'
            : input.status === 'active' && current.status === 'disabled'
              ? '启用'
              : '修改';
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: u.id,
          divisionPath: u.divisionPath,
          summary: `${what}用户 ${u.username}`,
          ...changes,
          after: input.password ? { ...changes.after, password: '（已重置）' } : changes.after,
        });
        return u;
      });
      // Outside the transaction: PGlite has one connection, and the session table is not part of the change.
      if (
        u.status === 'disabled' ||
        input.password ||
        u.role !== current.role ||
        u.divisionPath !== current.divisionPath
      )
        await sessions.revokeAllFor(u.id);
      return (await named([u]))[0];
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
