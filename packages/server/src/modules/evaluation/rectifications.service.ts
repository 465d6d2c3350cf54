import {
  EVALUATION_KIND_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type CreateRectificationInput,
  type RectificationQuery,
  type RectificationView,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { answers, runsRound } from './rectifications.policy';
import {
  rectificationScope,
  rectificationsRepository as repo,
  roundScope,
  type RectificationInsert,
  type RectificationRow,
} from './rectifications.repository';
import { namesFor, rectificationView, type RectificationNameDeps } from './rectifications.view';

export interface RectificationServiceDeps extends RectificationNameDeps {
  db: Db;
  clock: Clock;
}

type Step = 'submit' | 'verify' | 'return';
const STEP_WORDS: Record<Step, string> = { submit: '提交整改情况', verify: '核实通过', return: '退回' };
/** The status each step starts from (R-EVAL-4: open → submitted → verified, or returned to open). */
const STEP_FROM: Record<Step, RectificationRow['item']['status']> = {
  submit: 'open',
  verify: 'submitted',
  return: 'submitted',
};

const stale = () => new AppError('VERSION_CONFLICT', '整改事项已被他人修改，请刷新后重试');

/**
 * 整改 (R-EVAL-4, 《实施方案》五（三）): a round's findings become items the contractor corrects by a deadline and the
 * level that ran the round verifies. Each change is one transaction with its audit event.
 */
export function createRectificationService(d: RectificationServiceDeps) {
  const { db, clock } = d;

  async function view(ctx: ActorContext, r: RectificationRow): Promise<RectificationView> {
    return rectificationView(r, ctx.actor, await namesFor(d, [r]), clock.today());
  }

  async function find(ctx: ActorContext, id: string): Promise<RectificationRow> {
    const row = await repo.findInScope(db, rectificationScope(ctx.actor), id);
    if (!row) throw notFound('整改事项');
    return row;
  }

  /** Whether the step is the actor's to take at all (else 403 whatever the state). */
  function concerns(ctx: ActorContext, r: RectificationRow, step: Step): boolean {
    return step === 'submit' ? answers(ctx.actor) : runsRound(ctx.actor, r.roundKind);
  }

  async function step(
    ctx: ActorContext,
    id: string,
    version: number,
    what: Step,
    set: (r: RectificationRow) => Partial<RectificationInsert>,
    after: Record<string, unknown> = {},
  ): Promise<RectificationView> {
    await find(ctx, id);
    await db.transaction(async (tx) => {
      const r = await repo.lock(tx, id);
      if (!r) throw notFound('整改事项');
      if (!concerns(ctx, r, what))
        throw new AppError(
          'FORBIDDEN',
          what === 'submit'
            ? '整改情况由承接机构提交'
            : `${EVALUATION_KIND_LABELS[r.roundKind]}的整改事项由组织该评估的${r.roundKind === 'spot_check' ? '市级' : '县（区）'}民政部门核实`,
        );
      if (r.item.status !== STEP_FROM[what])
        throw new AppError(
          'INVALID_TRANSITION',
          `整改事项当前为“${RECTIFICATION_STATUS_LABELS[r.item.status]}”，不能${STEP_WORDS[what]}`,
        );
      if (r.item.version !== version) throw stale();
      const row = await repo.update(tx, id, version, {
        ...set(r),
        updatedAt: clock.now(),
        updatedBy: ctx.actor.userId,
      });
      if (!row) throw stale();
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'rectification',
        entityId: id,
        divisionPath: r.item.divisionPath,
        summary: `${STEP_WORDS[what]}：${r.item.finding.slice(0, 40)}`,
        before: { status: r.item.status },
        after: { status: row.status, ...after },
      });
    });
    return view(ctx, await find(ctx, id));
  }

  return {
    /**
     * The item whose evidence files are read (anyone who reads it) or added: only by the contractor while the item is
     * open (before it submits, or after a return), so what the county verified does not change under it.
     */
    async forFiles(ctx: ActorContext, id: string, write: boolean) {
      const r = await find(ctx, id);
      if (write && !answers(ctx.actor)) throw new AppError('FORBIDDEN', '整改佐证材料由承接机构上传');
      if (write && r.item.status !== 'open')
        throw new AppError(
          'INVALID_TRANSITION',
          `整改事项当前为“${RECTIFICATION_STATUS_LABELS[r.item.status]}”，不能再添加佐证材料`,
        );
      return {
        id: r.item.id,
        divisionPath: r.item.divisionPath,
        summary: `整改佐证材料（${r.item.finding.slice(0, 20)}）`,
      };
    },

    async list(ctx: ActorContext, q: RectificationQuery) {
      const today = clock.today();
      const { items, total } = await repo.page(db, rectificationScope(ctx.actor), q, today);
      const names = await namesFor(d, items);
      return pageOf(
        items.map((r) => rectificationView(r, ctx.actor, names, today)),
        total,
        q,
      );
    },

    get: async (ctx: ActorContext, id: string) => view(ctx, await find(ctx, id)),

    /** R-EVAL-4: a finding of a round in the caller's scope, by the level that runs that round kind. */
    async create(ctx: ActorContext, input: CreateRectificationInput): Promise<RectificationView> {
      const round = await repo.roundInScope(db, roundScope(ctx.actor), input.roundId);
      if (!round) throw notFound('评估');
      if (!runsRound(ctx.actor, round.kind))
        throw new AppError(
          'FORBIDDEN',
          round.kind === 'self_assessment'
            ? '自评发现的问题由承接机构自行整改，不在此登记'
            : `${EVALUATION_KIND_LABELS[round.kind]}的整改事项由组织该评估的${round.kind === 'spot_check' ? '市级' : '县（区）'}民政部门登记`,
        );
      const today = clock.today();
      if (input.deadline < today) throw fieldError('deadline', `不能早于今天（${today}）`);
      const by = ctx.actor.userId;
      const id = await db.transaction(async (tx: DbOrTx) => {
        const row = await repo.insert(tx, {
          roundId: round.id,
          contractId: round.contractId,
          divisionPath: round.divisionPath,
          organisationId: round.organisationId,
          finding: input.finding,
          requirement: input.requirement,
          deadline: input.deadline,
          createdBy: by,
          updatedBy: by,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'rectification',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `登记整改事项（${EVALUATION_KIND_LABELS[round.kind]}）：${input.finding.slice(0, 40)}`,
          after: { finding: row.finding, requirement: row.requirement, deadline: input.deadline },
        });
        return row.id;
      });
      return view(ctx, await find(ctx, id));
    },

    /** The contractor's correction: open → submitted. */
    submit: (ctx: ActorContext, id: string, body: { version: number; correction: string }) =>
      step(
        ctx,
        id,
        body.version,
        'submit',
        () => ({
          status: 'submitted',
          correction: body.correction,
          submittedAt: clock.now(),
          submittedBy: ctx.actor.userId,
        }),
        { correction: body.correction },
      ),

    /** The round's level confirms the correction: submitted → verified (closed). */
    verify: (ctx: ActorContext, id: string, body: { version: number }) =>
      step(ctx, id, body.version, 'verify', () => ({
        status: 'verified',
        verifiedAt: clock.now(),
        verifiedBy: ctx.actor.userId,
      })),

    /** Not corrected yet: submitted → open, with the reason; the contractor answers again. */
    return: (ctx: ActorContext, id: string, body: { version: number; comment: string }) =>
      step(ctx, id, body.version, 'return', () => ({ status: 'open', returnComment: body.comment }), {
        returnComment: body.comment,
      }),
  };
}
export type RectificationService = ReturnType<typeof createRectificationService>;
