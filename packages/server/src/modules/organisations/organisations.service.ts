import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
  ORGANISATION_TYPE_LABELS,
  checkCreditCode,
  organisationFindings,
  type CreateDisclosureInput,
  type CreateOrganisationInput,
  type DisclosureView,
  type Grade,
  type OrganisationQuery,
  type OrganisationType,
  type OrganisationView,
  type UpdateOrganisationInput,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { disclosures, organisations } from './organisations.table';
import type { Attachments } from '../../platform/files/attachments';

type Ctx = RequestContext & { actor: Actor };
export type OrganisationRow = typeof organisations.$inferSelect;

/**
 * The organisation registry (R-ORG-1) and disclosures (R-ORG-2). Organisations are public information, so every
 * officer reads all of them (an award may go to one registered elsewhere); writes stay with the registering unit
 * or the city. Contractor staff see only their own organisation.
 */
export function createOrganisationService(db: Db, clock: Clock, divisions: DivisionService, attachments: Attachments) {
  const today = () => clock.today();
  const readScope = (actor: Actor): SQL | undefined =>
    actor.scope.kind === 'organisation' ? eq(organisations.id, actor.scope.organisationId) : undefined;
  const canWrite = (actor: Actor, o: OrganisationRow) =>
    can(actor, 'organisations:write') && pathInScope(actor.scope, o.divisionPath);

  function view(o: OrganisationRow, actor: Actor | null): OrganisationView {
    const facts = { ...o, grade: o.grade as Grade | null };
    return {
      id: o.id,
      name: o.name,
      creditCode: o.creditCode,
      creditCodeValid: o.creditCodeValid,
      creditCodeReason: o.creditCodeReason,
      type: o.type as OrganisationType,
      registrationAuthority: o.registrationAuthority,
      registeredOn: o.registeredOn,
      legalRepresentative: o.legalRepresentative,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      address: o.address,
      businessScope: o.businessScope,
      socialWorkInScope: o.socialWorkInScope,
      grade: o.grade as Grade | null,
      gradeValidUntil: o.gradeValidUntil,
      local: o.local,
      divisionCode: o.divisionCode,
      divisionName: divisions.find(o.divisionCode)?.name ?? '',
      findings: organisationFindings(facts, today()),
      version: o.version,
      abilities: {
        update: !!actor && canWrite(actor, o),
        disclose:
          !!actor &&
          (canWrite(actor, o) ||
            (actor.scope.kind === 'organisation' &&
              actor.scope.organisationId === o.id &&
              can(actor, 'organisations:disclose'))),
      },
    };
  }

  /** R-ORG-1: a code that fails GB 32100 is kept only with a stated reason. */
  function checkCode(code: string, reason: string | undefined): { valid: boolean } {
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

  async function load(actor: Actor, id: string) {
    const rows = await db
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, id), isNull(organisations.archivedAt), readScope(actor)))
      .limit(1);
    if (!rows[0]) throw notFound('社会组织');
    return rows[0];
  }

  async function disclosuresOf(organisationIds: string[]): Promise<Map<string, DisclosureView[]>> {
    const out = new Map<string, DisclosureView[]>();
    if (organisationIds.length === 0) return out;
    const rows = await db
      .select()
      .from(disclosures)
      .where(and(inArray(disclosures.organisationId, organisationIds), isNull(disclosures.archivedAt)))
      .orderBy(desc(disclosures.publishedAt));
    const filesOf = await attachments.list(
      'disclosure',
      rows.map((d) => d.id),
    );
    for (const d of rows) {
      const list = out.get(d.organisationId) ?? [];
      list.push({
        id: d.id,
        organisationId: d.organisationId,
        kind: d.kind as DisclosureView['kind'],
        title: d.title,
        content: d.content,
        year: d.year,
        files: filesOf.get(d.id) ?? [],
        publishedAt: d.publishedAt.toISOString(),
      });
      out.set(d.organisationId, list);
    }
    return out;
  }

  const service = {
    view,
    load,
    async list(actor: Actor, q: OrganisationQuery) {
      const conds: (SQL | undefined)[] = [isNull(organisations.archivedAt), readScope(actor)];
      if (q.county) conds.push(eq(organisations.divisionCode, q.county));
      if (q.type) conds.push(eq(organisations.type, q.type));
      if (q.q) conds.push(or(ilike(organisations.name, `%${q.q}%`), ilike(organisations.creditCode, `%${q.q}%`)));
      const where = and(...conds);
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(where)
          .orderBy(asc(organisations.name))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: count() }).from(organisations).where(where),
      ]);
      return { items: items.map((o) => view(o, actor)), total, page: q.page, pageSize: q.pageSize };
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id), actor);
    },
    async create(ctx: Ctx, input: CreateOrganisationInput) {
      const unit = divisions.require(input.divisionCode, 'divisionCode');
      if (unit.level === 'township' || !pathInScope(ctx.actor.scope, unit.path))
        throw fieldError('divisionCode', '应为本单位（县（区）或市）');
      const code = input.creditCode.trim().toUpperCase();
      const { valid } = checkCode(code, input.creditCodeReason);
      const dup = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.creditCode, code))
        .limit(1);
      if (dup[0]) throw fieldError('creditCode', '该统一社会信用代码已登记');
      return db.transaction(async (tx) => {
        const [o] = await tx
          .insert(organisations)
          .values({
            ...input,
            creditCode: code,
            creditCodeValid: valid,
            creditCodeReason: valid ? '' : (input.creditCodeReason ?? ''),
            divisionCode: unit.code,
            divisionPath: unit.path,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
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
    async update(ctx: Ctx, id: string, input: UpdateOrganisationInput) {
      const current = await load(ctx.actor, id);
      if (!canWrite(ctx.actor, current)) throw notFound('社会组织');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', '该社会组织已被他人修改，请刷新后再保存');
      const { version, ...fields } = input;
      const patch: Partial<typeof organisations.$inferInsert> = { ...fields };
      if (fields.divisionCode && fields.divisionCode !== current.divisionCode) {
        const unit = divisions.require(fields.divisionCode, 'divisionCode');
        if (unit.level === 'township' || !pathInScope(ctx.actor.scope, unit.path))
          throw fieldError('divisionCode', '应为本单位（县（区）或市）');
        patch.divisionPath = unit.path;
      }
      if (fields.creditCode || fields.creditCodeReason !== undefined) {
        const code = (fields.creditCode ?? current.creditCode).trim().toUpperCase();
        const reason = fields.creditCodeReason ?? current.creditCodeReason;
        const { valid } = checkCode(code, reason);
        Object.assign(patch, { creditCode: code, creditCodeValid: valid, creditCodeReason: valid ? '' : reason });
      }
      return db.transaction(async (tx) => {
        const [o] = await tx
          .update(organisations)
          .set({ ...patch, version: version + 1, updatedAt: clock.now(), updatedBy: ctx.actor.userId })
          .where(and(eq(organisations.id, id), eq(organisations.version, version)))
          .returning();
        if (!o) throw new AppError('VERSION_CONFLICT', '该社会组织已被他人修改，请刷新后再保存');
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

    async listDisclosures(organisationId: string): Promise<DisclosureView[]> {
      return (await disclosuresOf([organisationId])).get(organisationId) ?? [];
    },
    /** R-ORG-2 on the public portal: organisations with social work in scope and what they disclose (three queries). */
    async publicList() {
      const rows = await db
        .select({
          id: organisations.id,
          name: organisations.name,
          creditCode: organisations.creditCode,
          type: organisations.type,
          grade: organisations.grade,
          gradeValidUntil: organisations.gradeValidUntil,
          registrationAuthority: organisations.registrationAuthority,
          local: organisations.local,
          address: organisations.address,
        })
        .from(organisations)
        .where(and(isNull(organisations.archivedAt), eq(organisations.socialWorkInScope, true)))
        .orderBy(asc(organisations.name));
      const byOrg = await disclosuresOf(rows.map((o) => o.id));
      return rows.map((o) => ({
        ...o,
        typeLabel: ORGANISATION_TYPE_LABELS[o.type as OrganisationType],
        disclosures: byOrg.get(o.id) ?? [],
      }));
    },
    /** The disclosure, when the caller may publish for its organisation (for attaching files). */
    async disclosureForWrite(actor: Actor, organisationId: string, disclosureId: string) {
      const o = await load(actor, organisationId);
      // Another unit's organisation answers exactly like a missing one (R-SCOPE-1).
      if (!view(o, actor).abilities.disclose) throw notFound('社会组织');
      const d = (
        await db
          .select()
          .from(disclosures)
          .where(
            and(eq(disclosures.id, disclosureId), eq(disclosures.organisationId, o.id), isNull(disclosures.archivedAt)),
          )
          .limit(1)
      )[0];
      if (!d) throw notFound('公开信息');
      return { organisation: o, disclosure: d };
    },
    /** A disclosure of a public organisation, for the public download of its files. */
    async publicDisclosure(organisationId: string, disclosureId: string) {
      const rows = await db
        .select({ id: disclosures.id })
        .from(disclosures)
        .innerJoin(organisations, eq(organisations.id, disclosures.organisationId))
        .where(
          and(
            eq(disclosures.id, disclosureId),
            eq(organisations.id, organisationId),
            isNull(disclosures.archivedAt),
            isNull(organisations.archivedAt),
          ),
        )
        .limit(1);
      if (!rows[0]) throw notFound('公开信息');
      return rows[0];
    },
    /** R-ORG-2: the organisation (or its registering unit) publishes a disclosure; it is public at once. */
    async disclose(ctx: Ctx, organisationId: string, input: CreateDisclosureInput) {
      const o = await load(ctx.actor, organisationId);
      if (!view(o, ctx.actor).abilities.disclose) throw notFound('社会组织');
      return db.transaction(async (tx) => {
        const [d] = await tx
          .insert(disclosures)
          .values({
            organisationId,
            kind: input.kind,
            title: input.title,
            content: input.content,
            year: input.year,
            createdBy: ctx.actor.userId,
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'disclosure',
          entityId: d.id,
          divisionPath: o.divisionPath,
          summary: `${o.name} 公开信息：${d.title}`,
          after: input,
        });
        return d;
      });
    },
  };
  return service;
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;
