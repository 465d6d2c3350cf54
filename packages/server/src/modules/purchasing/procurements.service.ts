import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import {
  awardIneligibility,
  type AwardInput,
  type CreateProcurementInput,
  type ProcurementView,
  type PurchaseMethod,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope, scopeCondition } from '../../platform/auth/scope';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { Clock } from '../../platform/clock';
import { procurements, purchasePlans } from './purchasing.table';

type Ctx = RequestContext & { actor: Actor };
export type ProcurementRow = typeof procurements.$inferSelect;

/** R-PUR-3: the announcement (public at once) and the award, where R-ORG-1 eligibility is enforced. */
/** Which contract was signed from each procurement; supplied by the contracts module, which builds on this one. */
export type ContractsByProcurement = (procurementIds: string[]) => Promise<Map<string, string>>;

export function createProcurementService(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contractsOf: ContractsByProcurement;
}) {
  const { db, clock, divisions } = d;
  const scopeOf = (a: Actor) => scopeCondition(a.scope, { divisionPath: procurements.divisionPath });

  async function view(p: ProcurementRow): Promise<ProcurementView> {
    const [names, contractIds, stationRows] = await Promise.all([
      d.organisations.names(p.awardOrganisationId ? [p.awardOrganisationId] : []),
      d.contractsOf([p.id]),
      d.stations.summaries(p.stationIds),
    ]);
    return {
      id: p.id,
      countyCode: p.countyCode,
      countyName: divisions.find(p.countyCode)?.name ?? '',
      purchasePlanId: p.purchasePlanId,
      title: p.title,
      serviceContent: p.serviceContent,
      serviceStandards: p.serviceStandards,
      requirements: p.requirements,
      method: p.method as PurchaseMethod,
      bidderConditions: p.bidderConditions,
      budgetFen: p.budgetFen,
      stations: stationRows.map((x) => ({ id: x.id, name: x.name })),
      publishedOn: p.publishedOn,
      status: p.status,
      award:
        p.awardOrganisationId && p.awardedOn
          ? {
              organisationId: p.awardOrganisationId,
              organisationName: names.get(p.awardOrganisationId) ?? '',
              amountFen: p.awardAmountFen ?? 0,
              awardedOn: p.awardedOn,
            }
          : null,
      contractId: contractIds.get(p.id) ?? null,
      version: p.version,
    };
  }

  async function load(actor: Actor, id: string) {
    const rows = await db
      .select()
      .from(procurements)
      .where(and(eq(procurements.id, id), scopeOf(actor), isNull(procurements.archivedAt)))
      .limit(1);
    if (!rows[0]) throw notFound('采购项目');
    return rows[0];
  }

  return {
    view,
    load,
    async list(actor: Actor, q: { county?: string; status?: ProcurementRow['status'] }) {
      const conds: (SQL | undefined)[] = [scopeOf(actor), isNull(procurements.archivedAt)];
      if (q.county) conds.push(eq(procurements.countyCode, q.county));
      if (q.status) conds.push(eq(procurements.status, q.status));
      const rows = await db
        .select()
        .from(procurements)
        .where(and(...conds))
        .orderBy(desc(procurements.publishedOn));
      const items = await Promise.all(rows.map(view));
      return { items, total: items.length };
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id));
    },
    /** Published announcements for the public portal. */
    async publicList() {
      const rows = await db
        .select()
        .from(procurements)
        .where(and(isNull(procurements.archivedAt), inArray(procurements.status, ['published', 'awarded'])))
        .orderBy(desc(procurements.publishedOn));
      return Promise.all(rows.map(view));
    },
    async create(ctx: Ctx, input: CreateProcurementInput) {
      const unit = divisions.require(input.countyCode, 'countyCode', 'county');
      if (!pathInScope(ctx.actor.scope, unit.path)) throw fieldError('countyCode', '只能为本县（区）组织采购');
      if (input.purchasePlanId) {
        const plan = (
          await db
            .select()
            .from(purchasePlans)
            .where(and(eq(purchasePlans.id, input.purchasePlanId), eq(purchasePlans.countyCode, unit.code)))
            .limit(1)
        )[0];
        if (!plan) throw fieldError('purchasePlanId', '年度购买服务计划不存在或不属于本县（区）');
        if (plan.status !== 'filed')
          throw fieldError('purchasePlanId', '年度购买服务计划尚未经市民政局备案（R-PUR-2）');
      }
      await d.stations.ofCounty(unit.code, input.stationIds);
      const created = await db.transaction(async (tx) => {
        const [p] = await tx
          .insert(procurements)
          .values({
            ...input,
            budgetFen: input.budget,
            stationIds: [...new Set(input.stationIds)],
            countyCode: unit.code,
            divisionPath: unit.path,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'procurement',
          entityId: p.id,
          divisionPath: p.divisionPath,
          summary: `发布采购公告 ${p.title}`,
          after: input,
        });
        return p;
      });
      return view(created);
    },
    /** The award (中标/成交通知书); refused with the rule and the reason when R-ORG-1 is not met. */
    async award(ctx: Ctx, id: string, input: AwardInput) {
      const p = await load(ctx.actor, id);
      if (!pathInScope(ctx.actor.scope, p.divisionPath)) throw notFound('采购项目');
      if (p.status !== 'published')
        throw new AppError(
          'INVALID_TRANSITION',
          p.status === 'awarded' ? '该采购项目已确定承接主体' : '该采购项目已终止',
        );
      if (input.awardedOn < p.publishedOn) throw fieldError('awardedOn', `不能早于采购公告日期 ${p.publishedOn}`);
      const org = await d.organisations.get(input.organisationId);
      if (!org) throw fieldError('organisationId', '承接主体不存在');
      const reasons = awardIneligibility(org, input.awardedOn);
      if (reasons.length) {
        throw new AppError(
          'AWARD_INELIGIBLE',
          `不能确定 ${org.name} 为承接主体（R-ORG-1）：${reasons.map((r) => r.message).join('；')}`,
          { findings: reasons, fieldErrors: { organisationId: reasons[0].message } },
        );
      }
      const n = await db.transaction(async (tx) => {
        const [n] = await tx
          .update(procurements)
          .set({
            status: 'awarded',
            awardOrganisationId: org.id,
            awardAmountFen: input.amount,
            awardedOn: input.awardedOn,
            version: p.version + 1,
            updatedAt: clock.now(),
            updatedBy: ctx.actor.userId,
          })
          .where(and(eq(procurements.id, id), eq(procurements.status, 'published')))
          .returning();
        if (!n) throw new AppError('VERSION_CONFLICT', '该采购项目已被他人修改，请刷新后再操作');
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'procurement',
          entityId: id,
          divisionPath: p.divisionPath,
          summary: `确定承接主体：${org.name}（${input.awardedOn} 发出中标/成交通知书）`,
          before: { status: p.status },
          after: { status: 'awarded', organisationId: org.id, amountFen: input.amount, awardedOn: input.awardedOn },
        });
        return n;
      });
      return view(n);
    },
  };
}
export type ProcurementService = ReturnType<typeof createProcurementService>;
