import {
  awardIneligibility,
  type AwardInput,
  type CreateProcurementInput,
  type ProcurementQuery,
  type ProcurementView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import { toProcurementView } from './procurements.view';
import { procurementScope, procurementsRepository, type ProcurementRow } from './procurements.repository';
import type { ActorContext } from '../../platform/http/context';

/**
 * Which contract was signed from each procurement. A port: the contracts module builds on this one (a contract is
 * signed from an award), so purchasing never imports it; app.ts passes the contracts lookup's answer in.
 */
export type ContractsByProcurement = (procurementIds: string[]) => Promise<Map<string, string>>;

/** R-PUR-3: the announcement (public at once) and the award, where R-ORG-1 eligibility is enforced. */
export function createProcurementService(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  organisations: OrganisationLookup;
  contractsOf: ContractsByProcurement;
}) {
  const { db, clock, divisions } = d;

  /** Views of many procurements with a constant number of queries: names, contracts and stations for all at once. */
  async function views(rows: ProcurementRow[]): Promise<ProcurementView[]> {
    const [names, contractIds, stationRows] = await Promise.all([
      d.organisations.names(rows.flatMap((p) => (p.awardOrganisationId ? [p.awardOrganisationId] : []))),
      d.contractsOf(rows.map((p) => p.id)),
      d.stations.summaries(rows.flatMap((p) => p.stationIds)),
    ]);
    const stationName = new Map(stationRows.map((s) => [s.id, s.name]));
    return rows.map((p) =>
      toProcurementView(p, {
        countyName: divisions.find(p.countyCode)?.name ?? '',
        stationName,
        organisationName: names,
        contractId: contractIds.get(p.id) ?? null,
      }),
    );
  }
  const view = async (p: ProcurementRow) => (await views([p]))[0];

  async function load(actor: Actor, id: string) {
    const p = await procurementsRepository.findInScope(db, procurementScope(actor.scope), id);
    if (!p) throw notFound('采购项目');
    return p;
  }

  return {
    async list(actor: Actor, q: ProcurementQuery) {
      const { rows, total } = await procurementsRepository.page(db, procurementScope(actor.scope), q);
      return pageOf(await views(rows), total, q);
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id));
    },
    /** Published announcements and results for the public portal. */
    async publicList(q: { page: number; pageSize: number }) {
      const { rows, total } = await procurementsRepository.publicPage(db, q);
      return pageOf(await views(rows), total, q);
    },
    async create(ctx: ActorContext, input: CreateProcurementInput) {
      const unit = divisions.require(input.countyCode, 'countyCode', 'county');
      if (!pathInScope(ctx.actor.scope, unit.path)) throw fieldError('countyCode', '只能为本县（区）组织采购');
      if (input.purchasePlanId) {
        const plan = await procurementsRepository.planOfCounty(db, input.purchasePlanId, unit.code);
        if (!plan) throw fieldError('purchasePlanId', '年度购买服务计划不存在或不属于本县（区）');
        if (plan.status !== 'filed')
          throw fieldError('purchasePlanId', '年度购买服务计划尚未经市民政局备案（R-PUR-2）');
      }
      await d.stations.ofCounty(unit.code, input.stationIds);
      const created = await db.transaction(async (tx) => {
        const p = await procurementsRepository.insert(tx, {
          ...input,
          budgetFen: input.budget,
          stationIds: [...new Set(input.stationIds)],
          countyCode: unit.code,
          divisionPath: unit.path,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
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
    async award(ctx: ActorContext, id: string, input: AwardInput) {
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
        const n = await procurementsRepository.award(tx, id, {
          awardOrganisationId: org.id,
          awardAmountFen: input.amount,
          awardedOn: input.awardedOn,
          version: p.version + 1,
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
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
