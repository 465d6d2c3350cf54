import {
  REVIEW_STATUS_LABELS,
  REVIEW_TARGET_LABELS,
  type CreateSupervisionReviewInput,
  type SupervisionReviewQuery,
  type SupervisionReviewView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { CaseLookup } from '../cases';
import type { ServiceRecordLookup } from '../services';
import { answersReview, recordsSupervision } from './supervision.policy';
import { sessionScope, supervisionRepository as sessions } from './supervision.repository';
import {
  reviewScope,
  reviewsRepository as repo,
  type ReviewInsert,
  type ReviewRow,
} from './supervision-reviews.repository';
import { namesFor, reviewView, type SupervisionNameDeps } from './supervision.view';

export interface SupervisionReviewDeps extends SupervisionNameDeps {
  db: Db;
  clock: Clock;
  cases: CaseLookup;
  serviceRecords: ServiceRecordLookup;
}

type Step = 'answer' | 'close';
const STEP_WORDS: Record<Step, string> = { answer: '回复', close: '关闭' };
/** R-EVAL-4: a comment is open until the worker answers it, then the contractor's supervisor closes it. */
const STEP_FROM: Record<Step, ReviewRow['status']> = { answer: 'open', close: 'answered' };

const stale = () => new AppError('VERSION_CONFLICT', '督导意见已被他人修改，请刷新后重试');

/**
 * 督导意见 (R-EVAL-4, 《实施方案》五（六）): a supervisor's comment on a sampled case file or service record of a station in
 * the contractor's reach, tracked until the worker whose work it is answers it and the contractor closes it.
 */
export function createSupervisionReviewService(d: SupervisionReviewDeps) {
  const { db, clock } = d;

  async function views(ctx: ActorContext, rows: ReviewRow[]): Promise<SupervisionReviewView[]> {
    const names = await namesFor(
      d,
      rows,
      rows.map((r) => r.workerId),
    );
    return rows.map((r) => reviewView(r, ctx.actor, names));
  }

  async function find(ctx: ActorContext, id: string): Promise<ReviewRow> {
    const row = await repo.findInScope(db, reviewScope(ctx.actor), id);
    if (!row) throw notFound('督导意见');
    return row;
  }

  /** The sampled record, found only in the caller's scope (another station's answers 404 like a missing one). */
  async function target(ctx: ActorContext, input: CreateSupervisionReviewInput) {
    if (input.targetKind === 'case') {
      const c = await d.cases.inScope(ctx.actor.scope, input.targetId);
      if (!c) throw notFound('个案档案');
      return { stationId: c.stationId, divisionPath: c.divisionPath, workerId: c.workerId };
    }
    const r = await d.serviceRecords.inScope(ctx.actor.scope, input.targetId);
    if (!r) throw notFound('服务记录');
    // A record done by one worker is that worker's to answer; one done together has no single owner (the lead answers).
    return {
      stationId: r.stationId,
      divisionPath: r.divisionPath,
      workerId: r.workerIds.length === 1 ? r.workerIds[0] : null,
    };
  }

  async function step(
    ctx: ActorContext,
    id: string,
    version: number,
    what: Step,
    set: Partial<ReviewInsert>,
  ): Promise<SupervisionReviewView> {
    await find(ctx, id);
    await db.transaction(async (tx) => {
      const r = await repo.lock(tx, id);
      if (!r) throw notFound('督导意见');
      if (what === 'answer' ? !answersReview(ctx.actor, r) : !recordsSupervision(ctx.actor))
        throw new AppError(
          'FORBIDDEN',
          what === 'answer' ? '督导意见由被督导的社工或项目主管回复' : '督导意见由承接机构关闭',
        );
      if (r.status !== STEP_FROM[what])
        throw new AppError(
          'INVALID_TRANSITION',
          `督导意见当前为“${REVIEW_STATUS_LABELS[r.status]}”，不能${STEP_WORDS[what]}`,
        );
      if (r.version !== version) throw stale();
      const row = await repo.update(tx, id, version, { ...set, updatedAt: clock.now(), updatedBy: ctx.actor.userId });
      if (!row) throw stale();
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'supervisionReview',
        entityId: id,
        divisionPath: r.divisionPath,
        summary: `${STEP_WORDS[what]}督导意见：${r.comment.slice(0, 40)}`,
        before: { status: r.status },
        after: { status: row.status, ...(set.answer ? { answer: set.answer } : {}) },
      });
    });
    return (await views(ctx, [await find(ctx, id)]))[0];
  }

  return {
    async list(ctx: ActorContext, q: SupervisionReviewQuery) {
      const { items, total } = await repo.page(db, reviewScope(ctx.actor), q);
      return pageOf(await views(ctx, items), total, q);
    },

    get: async (ctx: ActorContext, id: string) => (await views(ctx, [await find(ctx, id)]))[0],

    /** R-EVAL-4: the contractor records a comment on a case file or service record of a station it covers. */
    async create(ctx: ActorContext, input: CreateSupervisionReviewInput): Promise<SupervisionReviewView> {
      if (!recordsSupervision(ctx.actor) || ctx.actor.scope.kind !== 'organisation')
        throw new AppError('FORBIDDEN', '督导意见由承接机构登记');
      const organisationId = ctx.actor.scope.organisationId;
      const t = await target(ctx, input);
      if (!ctx.actor.scope.stationIds.includes(t.stationId)) throw notFound(REVIEW_TARGET_LABELS[input.targetKind]);
      if (input.sessionId) {
        const s = await sessions.findInScope(db, sessionScope(ctx.actor), input.sessionId);
        if (!s) throw notFound('督导记录');
        if (s.stationId !== t.stationId) throw fieldError('sessionId', '与被抽查的档案或记录不属于同一社工站');
      }
      const by = ctx.actor.userId;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          sessionId: input.sessionId ?? null,
          organisationId,
          stationId: t.stationId,
          divisionPath: t.divisionPath,
          targetKind: input.targetKind,
          targetId: input.targetId,
          workerId: t.workerId,
          reviewerName: input.reviewerName,
          comment: input.comment,
          createdBy: by,
          updatedBy: by,
          // The Clock's instant: a comment's day decides which period's coverage counts it.
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'supervisionReview',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `登记督导意见（${REVIEW_TARGET_LABELS[input.targetKind]}）：${input.comment.slice(0, 40)}`,
          after: { ...input, workerId: t.workerId },
        });
        return row.id;
      });
      return (await views(ctx, [await find(ctx, id)]))[0];
    },

    /** The worker (or the project lead) answers: open → answered. */
    answer: (ctx: ActorContext, id: string, body: { version: number; answer: string }) =>
      step(ctx, id, body.version, 'answer', {
        status: 'answered',
        answer: body.answer,
        answeredAt: clock.now(),
        answeredBy: ctx.actor.userId,
      }),

    /** The contractor's supervisor accepts the answer: answered → closed. */
    close: (ctx: ActorContext, id: string, body: { version: number }) =>
      step(ctx, id, body.version, 'close', { status: 'closed', closedAt: clock.now(), closedBy: ctx.actor.userId }),
  };
}
export type SupervisionReviewService = ReturnType<typeof createSupervisionReviewService>;
