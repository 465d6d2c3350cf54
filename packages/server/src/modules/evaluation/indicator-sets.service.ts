import { randomUUID } from 'node:crypto';
import {
  EXAMPLE_INDICATOR_SET,
  indicatorSetProblems,
  type CreateIndicatorSetInput,
  type IndicatorSetInput,
  type IndicatorSetQuery,
  type IndicatorSetView,
  type UpdateIndicatorSetInput,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, isUniqueViolation, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { frozenError, indicatorSetAbilities, isFrozen, mayConfigure } from './indicator-sets.policy';
import { indicatorSetsRepository as repo, type IndicatorSetRow } from './indicator-sets.repository';
import { contentOf, indicatorSetListItem, indicatorSetView } from './indicator-sets.view';

export interface IndicatorSetServiceDeps {
  db: Db;
  clock: Clock;
}

/** The shipped example's family: fixed, so two processes starting on an empty database insert it once. */
export const EXAMPLE_FAMILY_ID = '5e7a0000-0000-4000-8000-00000000e201';

const stale = () => new AppError('VERSION_CONFLICT', '指标体系已被他人修改，请刷新后重试');
const forbidden = () => new AppError('FORBIDDEN', '指标体系由市级民政部门设置');
const title = (r: Pick<IndicatorSetRow, 'name' | 'versionNo'>) => `“${r.name}”第 ${r.versionNo} 版`;
const pathOf = (ctx: ActorContext) => (ctx.actor.scope.kind === 'division' ? ctx.actor.scope.path : undefined);

/** R-EVAL-2: each level's points add up, the bands descend to 0, the pass line is a band's floor; else 400, nothing written. */
function checkTree(input: IndicatorSetInput) {
  const problems = indicatorSetProblems(input);
  const messages = Object.values(problems);
  if (messages.length)
    throw new AppError('VALIDATION_FAILED', `指标体系有 ${messages.length} 处需要修改：${messages.join('；')}`, {
      fieldErrors: problems,
    });
}

/**
 * The city's indicator sets (R-EVAL-2, 《实施方案》六（六））: versioned within a family; a draft is edited, adopting it
 * freezes it and retires the family's earlier version in use; a change to a frozen set is a new version. Every change
 * is audited in its transaction.
 */
export function createIndicatorSetService(d: IndicatorSetServiceDeps) {
  const { db, clock } = d;

  async function view(ctx: ActorContext, r: IndicatorSetRow, tx: DbOrTx = db): Promise<IndicatorSetView> {
    const [roundCount, draft] = await Promise.all([repo.roundCount(tx, r.id), repo.draftOf(tx, r.familyId)]);
    return indicatorSetView(r, roundCount, indicatorSetAbilities(ctx.actor, r, roundCount, !!draft));
  }

  async function find(id: string): Promise<IndicatorSetRow> {
    const row = await repo.byId(db, id);
    if (!row) throw notFound('指标体系');
    return row;
  }

  /** A new version of `basedOn`'s family copying it (versionNo = family max + 1); one draft per family at a time. */
  async function newVersion(ctx: ActorContext, basedOn: string) {
    return db.transaction(async (tx) => {
      const source = await repo.byId(tx, basedOn);
      if (!source) throw notFound('指标体系');
      const family = await repo.lockFamily(tx, source.familyId);
      const draft = family.find((r) => r.status === 'draft');
      if (draft)
        throw new AppError(
          'DUPLICATE',
          `该指标体系已有草稿（第 ${draft.versionNo} 版），请先修改或启用该草稿，不能再新建版本`,
        );
      const content = contentOf(source);
      checkTree(content);
      const versionNo = Math.max(...family.map((r) => r.versionNo)) + 1;
      const row = await repo.insert(tx, {
        ...content,
        familyId: source.familyId,
        versionNo,
        status: 'draft',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'indicatorSet',
        entityId: row.id,
        divisionPath: pathOf(ctx),
        summary: `新建指标体系${title(row)}（复制第 ${source.versionNo} 版）`,
        after: { basedOn: source.id, versionNo },
      });
      return row;
    });
  }

  async function newFamily(ctx: ActorContext, input: IndicatorSetInput) {
    checkTree(input);
    return db.transaction(async (tx) => {
      const row = await repo.insert(tx, {
        ...input,
        familyId: randomUUID(),
        versionNo: 1,
        status: 'draft',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'indicatorSet',
        entityId: row.id,
        divisionPath: pathOf(ctx),
        summary: `新建指标体系${title(row)}（草稿）`,
        after: input,
      });
      return row;
    });
  }

  /** One change of a draft: in reach, at the version the caller saw, not frozen; audited with it. */
  async function change(
    ctx: ActorContext,
    id: string,
    version: number,
    apply: (tx: DbOrTx, r: IndicatorSetRow) => Promise<IndicatorSetRow>,
  ): Promise<IndicatorSetView> {
    if (!mayConfigure(ctx.actor)) throw forbidden();
    return db.transaction(async (tx) => {
      const r = await repo.lock(tx, id);
      if (!r) throw notFound('指标体系');
      const roundCount = await repo.roundCount(tx, id);
      if (isFrozen(r, roundCount)) throw frozenError(r, roundCount);
      if (r.version !== version) throw stale();
      const row = await apply(tx, r);
      return view(ctx, row, tx);
    });
  }

  async function edit(ctx: ActorContext, id: string, body: IndicatorSetInput & { version: number }) {
    const { version, ...input } = body;
    return change(ctx, id, version, async (tx, r) => {
      checkTree(input);
      const row = await repo.update(tx, id, version, { ...input, updatedBy: ctx.actor.userId });
      if (!row) throw stale();
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'indicatorSet',
        entityId: id,
        divisionPath: pathOf(ctx),
        summary: `修改指标体系${title(row)}（草稿）`,
        ...diff(contentOf(r), contentOf(row)),
      });
      return row;
    });
  }

  /** Adopting freezes the draft (in use) and retires the family's earlier version in use. */
  async function adopt(ctx: ActorContext, id: string, version: number) {
    return change(ctx, id, version, async (tx, r) => {
      checkTree(contentOf(r));
      await repo.lockFamily(tx, r.familyId);
      const retired = await repo.retireOthers(tx, r.familyId, id, ctx.actor.userId);
      const row = await repo.update(tx, id, version, {
        status: 'in_use',
        adoptedAt: clock.now(),
        adoptedBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      if (!row) throw stale();
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'indicatorSet',
        entityId: id,
        divisionPath: pathOf(ctx),
        summary: `启用指标体系${title(row)}`,
        before: { status: r.status },
        after: { status: row.status },
      });
      for (const old of retired)
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'indicatorSet',
          entityId: old.id,
          divisionPath: pathOf(ctx),
          summary: `停用指标体系${title(old)}（已启用第 ${row.versionNo} 版）`,
          before: { status: 'in_use' },
          after: { status: 'retired' },
        });
      return row;
    });
  }

  return {
    async list(_ctx: ActorContext, q: IndicatorSetQuery) {
      const page = await repo.page(db, q);
      return pageOf(page.items.map(indicatorSetListItem), page.total, q);
    },
    async get(ctx: ActorContext, id: string): Promise<IndicatorSetView> {
      return view(ctx, await find(id));
    },
    async create(ctx: ActorContext, input: CreateIndicatorSetInput): Promise<IndicatorSetView> {
      if (!mayConfigure(ctx.actor)) throw forbidden();
      try {
        const row = 'basedOn' in input ? await newVersion(ctx, input.basedOn) : await newFamily(ctx, input);
        return await view(ctx, row);
      } catch (e) {
        // Two new versions of one family at once: the family/version index keeps one.
        if (isUniqueViolation(e)) throw new AppError('DUPLICATE', '该指标体系刚由他人新建了版本，请刷新后查看');
        throw e;
      }
    },
    async update(ctx: ActorContext, id: string, body: UpdateIndicatorSetInput): Promise<IndicatorSetView> {
      return 'adopt' in body ? adopt(ctx, id, body.version) : edit(ctx, id, body);
    },

    /** R-EVAL-2: an empty table gets the example as a draft the city adapts before adopting (never a second one). */
    async seedExample(): Promise<void> {
      if (!(await repo.isEmpty(db))) return;
      const system: RequestContext = { actor: null, ip: null, requestId: 'startup' };
      await db.transaction(async (tx) => {
        const row = await repo.insertOnce(tx, {
          ...EXAMPLE_INDICATOR_SET,
          familyId: EXAMPLE_FAMILY_ID,
          versionNo: 1,
          status: 'draft',
          isExample: true,
        });
        if (row)
          await writeAudit(tx, system, {
            action: 'create',
            entityType: 'indicatorSet',
            entityId: row.id,
            summary: `平台提供示例指标体系${title(row)}（草稿，请结合本地实际修改后启用）`,
          });
      });
    },
  };
}
export type IndicatorSetService = ReturnType<typeof createIndicatorSetService>;
