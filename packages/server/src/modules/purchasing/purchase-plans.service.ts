import {
  PLAN_REQUIRED_FIELDS,
  type CreatePurchasePlanInput,
  type PlanEventView,
  type PurchasePlanQuery,
  type PurchasePlanView,
  type UpdatePurchasePlanInput,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { diff, writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError, notFound, summarise } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { EDITABLE, filesPlans, planAbilities, writesPlan } from './purchase-plans.policy';
import { toPlanView } from './purchase-plans.view';
import { planScope, purchasePlansRepository, type PlanEventRow, type PlanRow } from './purchase-plans.repository';
import type { ActorContext } from '../../platform/http/context';

/** R-PUR-2: the county writes its annual purchase plan; the city files it (备案) or returns it with comments. */
export function createPurchasePlanService(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
}) {
  const { db, clock, divisions } = d;

  /** Views of many plans with a constant number of queries: all event trails and station names at once. */
  async function views(rows: PlanRow[], actor: Actor): Promise<PurchasePlanView[]> {
    const [events, stationRows] = await Promise.all([
      purchasePlansRepository.eventsOf(
        db,
        rows.map((p) => p.id),
      ),
      d.stations.summaries(rows.flatMap((p) => p.stationIds)),
    ]);
    const stationName = new Map(stationRows.map((s) => [s.id, s.name]));
    const trail = new Map<string, PlanEventRow[]>();
    for (const e of events) trail.set(e.planId, [...(trail.get(e.planId) ?? []), e]);
    return rows.map((p) =>
      toPlanView(p, {
        countyName: divisions.find(p.countyCode)?.name ?? '',
        stationName,
        events: trail.get(p.id) ?? [],
        abilities: planAbilities(actor, p),
      }),
    );
  }
  const view = async (p: PlanRow, actor: Actor) => (await views([p], actor))[0];

  async function load(actor: Actor, id: string) {
    const p = await purchasePlansRepository.findInScope(db, planScope(actor.scope), id);
    if (!p) throw notFound('年度购买服务计划');
    return p;
  }

  async function event(tx: DbOrTx, ctx: ActorContext, planId: string, action: PlanEventView['action'], comment = '') {
    await purchasePlansRepository.addEvent(tx, {
      planId,
      action,
      comment,
      userId: ctx.actor.userId,
      username: ctx.actor.username,
    });
  }

  /** A status change with its event and audit, guarded by the version the user saw. */
  async function transition(
    ctx: ActorContext,
    p: PlanRow,
    version: number,
    to: PlanRow['status'],
    action: PlanEventView['action'],
    comment: string,
    extra: Partial<PlanRow> = {},
  ) {
    if (p.version !== version) throw new AppError('VERSION_CONFLICT', '该计划已被他人修改，请刷新后再操作');
    const n = await db.transaction(async (tx) => {
      const n = await purchasePlansRepository.updateAtVersion(tx, p.id, version, {
        ...extra,
        status: to,
        version: version + 1,
        updatedAt: clock.now(),
        updatedBy: ctx.actor.userId,
      });
      if (!n) throw new AppError('VERSION_CONFLICT', '该计划已被他人修改，请刷新后再操作');
      await event(tx, ctx, p.id, action, comment);
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'purchasePlan',
        entityId: p.id,
        divisionPath: p.divisionPath,
        summary: `${{ submit: '报送', file: '备案', return: '退回' }[action as 'submit']}年度购买服务计划 ${p.title}${comment ? `：${comment}` : ''}`,
        before: { status: p.status },
        after: { status: to },
      });
      return n;
    });
    return view(n, ctx.actor);
  }

  return {
    async list(actor: Actor, q: PurchasePlanQuery) {
      const { rows, total } = await purchasePlansRepository.page(db, planScope(actor.scope), q);
      return pageOf(await views(rows, actor), total, q);
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id), actor);
    },
    async create(ctx: ActorContext, input: CreatePurchasePlanInput) {
      const unit = divisions.require(input.countyCode, 'countyCode', 'county');
      if (!pathInScope(ctx.actor.scope, unit.path)) throw fieldError('countyCode', '只能为本县（区）编制计划');
      await d.stations.ofCounty(unit.code, input.stationIds ?? []);
      const created = await db.transaction(async (tx) => {
        const p = await purchasePlansRepository.insert(tx, {
          ...input,
          budgetFen: input.budget ?? null,
          stationIds: [...new Set(input.stationIds ?? [])],
          countyCode: unit.code,
          divisionPath: unit.path,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await event(tx, ctx, p.id, 'create');
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'purchasePlan',
          entityId: p.id,
          divisionPath: p.divisionPath,
          summary: `编制年度购买服务计划 ${p.title}`,
          after: { ...input },
        });
        return p;
      });
      return view(created, ctx.actor);
    },
    async update(ctx: ActorContext, id: string, input: UpdatePurchasePlanInput) {
      const p = await load(ctx.actor, id);
      if (!pathInScope(ctx.actor.scope, p.divisionPath)) throw notFound('年度购买服务计划');
      if (!EDITABLE.has(p.status))
        throw new AppError('INVALID_TRANSITION', '计划已报送或已备案，不能修改；如需修改请由市民政局退回');
      if (p.version !== input.version) throw new AppError('VERSION_CONFLICT', '该计划已被他人修改，请刷新后再保存');
      const { version, budget, stationIds, ...fields } = input;
      if (stationIds) await d.stations.ofCounty(p.countyCode, stationIds);
      const patch = {
        ...fields,
        ...(budget !== undefined ? { budgetFen: budget } : {}),
        ...(stationIds ? { stationIds: [...new Set(stationIds)] } : {}),
      };
      const n = await db.transaction(async (tx) => {
        const n = await purchasePlansRepository.updateAtVersion(tx, id, version, {
          ...patch,
          version: version + 1,
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
        if (!n) throw new AppError('VERSION_CONFLICT', '该计划已被他人修改，请刷新后再保存');
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'purchasePlan',
          entityId: id,
          divisionPath: p.divisionPath,
          summary: `修改年度购买服务计划 ${n.title}`,
          ...diff(p as never, n as never),
        });
        return n;
      });
      return view(n, ctx.actor);
    },
    /** Submitting needs every part the plan text (五(一)) lists. */
    async submit(ctx: ActorContext, id: string, version: number) {
      const p = await load(ctx.actor, id);
      if (!writesPlan(ctx.actor, p)) throw new AppError('FORBIDDEN', '只有本县（区）民政局可以报送本单位的计划');
      if (!EDITABLE.has(p.status))
        throw new AppError(
          'INVALID_TRANSITION',
          `计划当前为“${p.status === 'filed' ? '已备案' : '已报送'}”，不能再次报送`,
        );
      const values: Record<string, unknown> = { ...p, budget: p.budgetFen };
      const missing = Object.fromEntries(
        Object.entries(PLAN_REQUIRED_FIELDS)
          .filter(([k]) => {
            const v = values[k];
            return v == null || v === '' || (Array.isArray(v) && v.length === 0) || (k === 'budget' && v === 0);
          })
          .map(([k]) => [k, '报送前须填写']),
      );
      if (Object.keys(missing).length)
        throw new AppError(
          'VALIDATION_FAILED',
          `计划内容不完整，${summarise(missing).replace('输入有误：', '')}（R-PUR-2）`,
          { fieldErrors: missing },
        );
      return transition(ctx, p, version, 'submitted', 'submit', '', { submittedAt: clock.now() });
    },
    /** R-PUR-2: only the city files (备案). */
    async file(ctx: ActorContext, id: string, version: number, comment: string) {
      const p = await load(ctx.actor, id);
      if (!filesPlans(ctx.actor))
        throw new AppError('FORBIDDEN', '只有市民政局可以备案县（区）年度购买服务计划（R-PUR-2）');
      if (p.status !== 'submitted') throw new AppError('INVALID_TRANSITION', '只有已报送的计划可以备案');
      return transition(ctx, p, version, 'filed', 'file', comment, { filedAt: clock.now() });
    },
    async return(ctx: ActorContext, id: string, version: number, comment: string) {
      const p = await load(ctx.actor, id);
      if (!filesPlans(ctx.actor))
        throw new AppError('FORBIDDEN', '只有市民政局可以退回县（区）年度购买服务计划（R-PUR-2）');
      if (p.status !== 'submitted') throw new AppError('INVALID_TRANSITION', '只有已报送的计划可以退回');
      if (!comment) throw fieldError('comment', '退回时须填写意见');
      return transition(ctx, p, version, 'returned', 'return', comment);
    },
  };
}
export type PurchasePlanService = ReturnType<typeof createPurchasePlanService>;
