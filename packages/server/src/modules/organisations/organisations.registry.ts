import type { CreateOrganisationInput, OrganisationQuery, UpdateOrganisationInput } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { diff, writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { OrganisationDeps } from './organisations.deps';
import { organisationView } from './organisations.view';
import { canWriteOrganisation, checkCode, registrarUnit } from './organisations.policy';
import {
  organisationScope,
  organisationsRepository as repo,
  type NewOrganisation,
  type OrganisationRow,
} from './organisations.repository';
import type { ActorContext } from '../../platform/http/context';

const stale = () => new AppError('VERSION_CONFLICT', '该社会组织已被他人修改，请刷新后再保存');

/** The organisation registry (R-ORG-1): list, read, register, change. */
export function createOrganisationRegistry({ db, clock, divisions }: OrganisationDeps) {
  const view = (o: OrganisationRow, actor: Actor | null) =>
    organisationView(o, actor, { today: clock.today(), divisionName: divisions.find(o.divisionCode)?.name ?? '' });

  /** The row, when the caller may read it; another organisation answers exactly like a missing one (R-SCOPE-1). */
  async function load(actor: Actor, id: string): Promise<OrganisationRow> {
    const o = await repo.findInScope(db, organisationScope(actor.scope), id);
    if (!o) throw notFound('社会组织');
    return o;
  }

  return {
    view,
    load,
    /** One page of the registry: two queries whatever the page size. */
    async list(actor: Actor, q: OrganisationQuery) {
      const { items, total } = await repo.list(db, organisationScope(actor.scope), q);
      return pageOf(
        items.map((o) => view(o, actor)),
        total,
        q,
      );
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id), actor);
    },
    async create(ctx: ActorContext, input: CreateOrganisationInput) {
      const unit = registrarUnit(divisions, ctx.actor, input.divisionCode);
      const code = input.creditCode.trim().toUpperCase();
      const { valid } = checkCode(code, input.creditCodeReason);
      if (await repo.idByCreditCode(db, code)) throw fieldError('creditCode', '该统一社会信用代码已登记');
      return db.transaction(async (tx) => {
        const o = await repo.insert(tx, {
          ...input,
          creditCode: code,
          creditCodeValid: valid,
          creditCodeReason: valid ? '' : (input.creditCodeReason ?? ''),
          divisionCode: unit.code,
          divisionPath: unit.path,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'organisation',
          entityId: o.id,
          divisionPath: o.divisionPath,
          summary: `登记社会组织 ${o.name}`,
          after: view(o, null),
        });
        return view(o, ctx.actor);
      });
    },
    async update(ctx: ActorContext, id: string, input: UpdateOrganisationInput) {
      const current = await load(ctx.actor, id);
      if (!canWriteOrganisation(ctx.actor, current)) throw notFound('社会组织');
      if (current.version !== input.version) throw stale();
      const { version, ...fields } = input;
      const patch: Partial<NewOrganisation> = { ...fields };
      if (fields.divisionCode && fields.divisionCode !== current.divisionCode)
        patch.divisionPath = registrarUnit(divisions, ctx.actor, fields.divisionCode).path;
      if (fields.creditCode || fields.creditCodeReason !== undefined) {
        const code = (fields.creditCode ?? current.creditCode).trim().toUpperCase();
        const reason = fields.creditCodeReason ?? current.creditCodeReason;
        const { valid } = checkCode(code, reason);
        Object.assign(patch, { creditCode: code, creditCodeValid: valid, creditCodeReason: valid ? '' : reason });
      }
      return db.transaction(async (tx) => {
        const o = await repo.update(tx, id, version, {
          ...patch,
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
        if (!o) throw stale();
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'organisation',
          entityId: o.id,
          divisionPath: o.divisionPath,
          summary: `修改社会组织 ${o.name}`,
          ...diff(view(current, null) as never, view(o, null) as never),
        });
        return view(o, ctx.actor);
      });
    },
  };
}
export type OrganisationRegistry = ReturnType<typeof createOrganisationRegistry>;
