import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import {
  agreementPeriod,
  contractFindings,
  newAgreementRefusal,
  type AgreementView,
  type ContractTerm,
  type ContractView,
  type CreateAgreementInput,
  type CreateContractInput,
  type CreateEvaluationInput,
  type EvaluationView,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope, scopeCondition } from '../../platform/auth/scope';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { ProcurementService } from '../purchasing';
import type { StationLookup } from '../stations';
import { agreements, contractEvaluations, contractStations, contracts } from './contracts.table';
import { endedOn } from './contracts.lookup';
import type { Attachments } from '../../platform/files/attachments';

type Ctx = RequestContext & { actor: Actor };
type ContractRow = typeof contracts.$inferSelect;

/** R-CON-1…3: contracts signed from an award, with one agreement a year and the evaluation that gates renewal. */
export interface ContractDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  procurements: ProcurementService;
  attachments: Attachments;
  stations: StationLookup;
  organisations: OrganisationLookup;
}

export function createContractService({
  db,
  clock,
  divisions,
  procurements: procurementService,
  attachments,
  stations,
  organisations,
}: ContractDeps) {
  const todayInChina = () => clock.today();
  const scopeOf = (a: Actor) =>
    scopeCondition(a.scope, { divisionPath: contracts.divisionPath, organisationId: contracts.organisationId });

  async function parts(id: string) {
    const [ags, evs, sts] = await Promise.all([
      db.select().from(agreements).where(eq(agreements.contractId, id)).orderBy(asc(agreements.yearNo)),
      db
        .select()
        .from(contractEvaluations)
        .where(eq(contractEvaluations.contractId, id))
        .orderBy(asc(contractEvaluations.yearNo)),
      db.select({ id: contractStations.stationId }).from(contractStations).where(eq(contractStations.contractId, id)),
    ]);
    return { ags, evs, stationIds: sts.map((s) => s.id) };
  }

  async function view(c: ContractRow, actor: Actor): Promise<ContractView> {
    const [{ ags, evs, stationIds }, files] = await Promise.all([parts(c.id), attachments.list('contract', [c.id])]);
    const [names, stationRows] = await Promise.all([
      organisations.names([c.organisationId]),
      stations.summaries(stationIds),
    ]);
    const today = todayInChina();
    const agreementViews: AgreementView[] = ags.map((a) => ({
      id: a.id,
      yearNo: a.yearNo,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      amountFen: a.amountFen,
      signedOn: a.signedOn,
      publishedOn: a.publishedOn,
    }));
    const evaluationViews: EvaluationView[] = evs.map((e) => ({
      id: e.id,
      yearNo: e.yearNo,
      result: e.result,
      evaluatedOn: e.evaluatedOn,
      evaluator: e.evaluator,
      summary: e.summary,
    }));
    const ended = endedOn(c, today);
    const county = can(actor, 'contracts:write') && pathInScope(actor.scope, c.divisionPath);
    return {
      id: c.id,
      title: c.title,
      countyCode: c.countyCode,
      countyName: divisions.find(c.countyCode)?.name ?? '',
      purchaserName: c.purchaserName,
      procurementId: c.procurementId,
      contractorId: c.organisationId,
      contractorName: names.get(c.organisationId) ?? '',
      stations: stationRows.map((x) => ({ id: x.id, name: x.name })),
      awardedOn: c.awardedOn,
      signedOn: c.signedOn,
      publishedOn: c.publishedOn,
      cycleStart: c.cycleStart,
      cycleEnd: c.cycleEnd,
      endsOn: c.endsOn,
      status: ended ? 'ended' : c.status,
      terms: c.terms,
      agreements: agreementViews,
      evaluations: evaluationViews,
      currentYearNo: ags.find((a) => a.periodStart <= today && a.periodEnd >= today)?.yearNo ?? null,
      files: files.get(c.id) ?? [],
      findings: contractFindings({ ...c, agreements: ags, evaluations: evs }, today),
      version: c.version,
      abilities: {
        addAgreement: county && !ended && newAgreementRefusal(ags.length + 1, ags, evs, c.status) === null,
        addEvaluation: county && evs.length < ags.length,
        publish: county,
      },
    };
  }

  async function load(actor: Actor, id: string) {
    const rows = await db
      .select()
      .from(contracts)
      .where(and(eq(contracts.id, id), scopeOf(actor), isNull(contracts.archivedAt)))
      .limit(1);
    if (!rows[0]) throw notFound('合同');
    return rows[0];
  }
  async function loadForWrite(ctx: Ctx, id: string) {
    const c = await load(ctx.actor, id);
    if (!can(ctx.actor, 'contracts:write') || !pathInScope(ctx.actor.scope, c.divisionPath)) throw notFound('合同');
    return c;
  }
  const bump = (tx: DbOrTx, ctx: Ctx, c: ContractRow) =>
    tx
      .update(contracts)
      .set({ version: c.version + 1, updatedAt: clock.now(), updatedBy: ctx.actor.userId })
      .where(eq(contracts.id, c.id));

  return {
    view,
    load,
    loadForWrite,
    async list(actor: Actor, q: { county?: string }) {
      const conds: (SQL | undefined)[] = [scopeOf(actor), isNull(contracts.archivedAt)];
      if (q.county) conds.push(eq(contracts.countyCode, q.county));
      const rows = await db
        .select()
        .from(contracts)
        .where(and(...conds))
        .orderBy(desc(contracts.signedOn));
      const items = await Promise.all(rows.map((c) => view(c, actor)));
      return { items, total: items.length };
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id), actor);
    },

    async create(ctx: Ctx, input: CreateContractInput) {
      const p = await procurementService.load(ctx.actor, input.procurementId).catch(() => {
        throw fieldError('procurementId', '采购项目不存在或不在本单位');
      });
      if (!pathInScope(ctx.actor.scope, p.divisionPath))
        throw fieldError('procurementId', '采购项目不存在或不在本单位');
      if (p.status !== 'awarded' || !p.awardedOn || !p.awardOrganisationId)
        throw fieldError('procurementId', '该采购项目尚未确定承接主体');
      if (input.signedOn < p.awardedOn)
        throw fieldError('signedOn', `不能早于中标（成交）通知书日期 ${p.awardedOn}（R-CON-1）`);
      if (input.signedOn > todayInChina()) throw fieldError('signedOn', '不能晚于今天');
      const exists = await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(eq(contracts.procurementId, p.id))
        .limit(1);
      if (exists[0]) throw fieldError('procurementId', '该采购项目已签订合同');
      const unit = divisions.find(p.countyCode)!;
      const cycleEnd = agreementPeriod(input.cycleStart, 3).end;
      const y1 = agreementPeriod(input.cycleStart, 1);
      const created = await db.transaction(async (tx) => {
        const [c] = await tx
          .insert(contracts)
          .values({
            countyCode: p.countyCode,
            divisionPath: p.divisionPath,
            purchaserName: `${unit.name}民政局`,
            procurementId: p.id,
            organisationId: p.awardOrganisationId!,
            title: input.title,
            awardedOn: p.awardedOn!,
            signedOn: input.signedOn,
            publishedOn: input.publishedOn,
            cycleStart: input.cycleStart,
            cycleEnd,
            terms: input.terms as Record<ContractTerm, string>,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
        if (p.stationIds.length)
          await tx.insert(contractStations).values(p.stationIds.map((stationId) => ({ contractId: c.id, stationId })));
        await tx.insert(agreements).values({
          contractId: c.id,
          yearNo: 1,
          periodStart: y1.start,
          periodEnd: y1.end,
          amountFen: input.firstAgreement.amount,
          signedOn: input.signedOn,
          publishedOn: input.firstAgreement.publishedOn,
          createdBy: ctx.actor.userId,
        });
        const late = contractFindings({ ...c, agreements: [], evaluations: [] }, todayInChina()).find(
          (f) => f.ruleId === 'R-CON-1',
        );
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'contract',
          entityId: c.id,
          divisionPath: c.divisionPath,
          summary: `签订合同 ${c.title}${late ? `（违规：${late.message}）` : ''}`,
          after: { ...input },
        });
        return c;
      });
      // Views read with the pool, so only after the transaction has committed.
      return view(created, ctx.actor);
    },

    /** R-CON-2: the next year's agreement only after that year's passed evaluation; never a fourth. */
    async addAgreement(ctx: Ctx, id: string, input: CreateAgreementInput) {
      const c = await loadForWrite(ctx, id);
      const { ags, evs } = await parts(id);
      const refusal = newAgreementRefusal(input.yearNo, ags, evs, c.status, input.signedOn);
      if (refusal)
        throw new AppError('RENEWAL_REFUSED', refusal, {
          fieldErrors: { [refusal.includes('签订日期') ? 'signedOn' : 'yearNo']: refusal },
        });
      if (input.signedOn < c.signedOn) throw fieldError('signedOn', `不能早于合同签订日期 ${c.signedOn}`);
      if (input.signedOn > todayInChina()) throw fieldError('signedOn', '不能晚于今天');
      const period = agreementPeriod(c.cycleStart, input.yearNo);
      await db.transaction(async (tx) => {
        const [a] = await tx
          .insert(agreements)
          .values({
            contractId: id,
            yearNo: input.yearNo,
            periodStart: period.start,
            periodEnd: period.end,
            amountFen: input.amount,
            signedOn: input.signedOn,
            publishedOn: input.publishedOn,
            createdBy: ctx.actor.userId,
          })
          .returning();
        await bump(tx, ctx, c);
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `续签第 ${a.yearNo} 年协议（${period.start} 至 ${period.end}）`,
          after: { ...input },
        });
      });
      return view(await load(ctx.actor, id), ctx.actor);
    },

    /** The annual result (R-CON-2); a failed one ends the contract at the end of that year and reopens procurement. */
    async addEvaluation(ctx: Ctx, id: string, input: CreateEvaluationInput) {
      const c = await loadForWrite(ctx, id);
      const { ags, evs } = await parts(id);
      const year = ags.find((a) => a.yearNo === input.yearNo);
      if (!year) throw fieldError('yearNo', `第 ${input.yearNo} 年协议尚未签订`);
      if (evs.some((e) => e.yearNo === input.yearNo))
        throw fieldError('yearNo', `第 ${input.yearNo} 年度评估结果已记录`);
      // R-CON-2: an evaluation records what happened; it cannot be dated in the future.
      if (input.evaluatedOn > todayInChina()) throw fieldError('evaluatedOn', '评估日期不能晚于今天');
      await db.transaction(async (tx) => {
        await tx.insert(contractEvaluations).values({ contractId: id, ...input, createdBy: ctx.actor.userId });
        if (input.result === 'failed') {
          await tx
            .update(contracts)
            .set({
              status: 'ending',
              endsOn: year.periodEnd,
              version: c.version + 1,
              updatedAt: clock.now(),
              updatedBy: ctx.actor.userId,
            })
            .where(eq(contracts.id, id));
        } else {
          await bump(tx, ctx, c);
        }
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `记录第 ${input.yearNo} 年度评估结果：${input.result === 'passed' ? '合格' : `不合格，合同于 ${year.periodEnd} 终止`}`,
          after: { ...input },
        });
      });
      return view(await load(ctx.actor, id), ctx.actor);
    },

    /** R-CON-3: records the publication date of the contract or of one year's agreement. */
    async publish(ctx: Ctx, id: string, publishedOn: string, agreementId?: string) {
      const c = await loadForWrite(ctx, id);
      if (publishedOn < c.signedOn) throw fieldError('publishedOn', `不能早于签订日期 ${c.signedOn}`);
      await db.transaction(async (tx) => {
        if (agreementId) {
          const [a] = await tx
            .update(agreements)
            .set({ publishedOn })
            .where(and(eq(agreements.id, agreementId), eq(agreements.contractId, id)))
            .returning();
          if (!a) throw notFound('年度协议');
        } else {
          await tx.update(contracts).set({ publishedOn }).where(eq(contracts.id, id));
        }
        await bump(tx, ctx, c);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `登记${agreementId ? '年度协议' : '合同'}公告日期 ${publishedOn}`,
          after: { publishedOn, agreementId },
        });
      });
      return view(await load(ctx.actor, id), ctx.actor);
    },
  };
}
export type ContractService = ReturnType<typeof createContractService>;
