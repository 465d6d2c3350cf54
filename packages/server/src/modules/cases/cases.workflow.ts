import {
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  maskName,
  readinessErrors,
  REASON_ACTIONS,
  type CaseAction,
  type CaseTransferInput,
  type CaseTransitionInput,
} from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { refuse } from './cases.errors';
import { canAct, canTransfer } from './cases.policy';
import type { CaseDeps, CaseReads } from './cases.reads';
import { casesRepository as repo, type CaseRow } from './cases.repository';

type Transition = Required<CaseTransitionInput>;
type Transfer = Required<CaseTransferInput>;

/**
 * The case's steps (R-SVC-3, MZ/T 094): the worker submits the plan and the closure, the project lead approves or
 * returns them with a reason; the lead or the current worker hands the case to a colleague at the station. Each step
 * is kept in the case's timeline and the audit log, in the same transaction as the change.
 */
export function createCaseWorkflow(d: CaseDeps & { reads: CaseReads }) {
  const { db, clock, reads } = d;

  /** Why a step is refused: the wrong stage (409) or the wrong person (403); nothing is written. */
  function refusal(c: CaseRow, action: CaseAction) {
    const t = CASE_TRANSITIONS[action];
    if (!t.from.includes(c.status))
      return new AppError(
        'INVALID_TRANSITION',
        `个案当前为「${CASE_STATUS_LABELS[c.status]}」，不能${CASE_ACTION_LABELS[action]}`,
      );
    return new AppError(
      'FORBIDDEN',
      t.by === 'approver' ? '只有项目主管可以审核个案的服务计划和结案' : '只有个案社工可以提交服务计划或结案申请',
    );
  }

  async function personOf(c: CaseRow, ctx: ActorContext) {
    return maskName((await d.people.names(ctx.actor, [c.beneficiaryId])).get(c.beneficiaryId) ?? '');
  }

  return {
    async act(ctx: ActorContext, id: string, action: CaseAction, input: Transition) {
      const { actor } = ctx;
      const today = clock.today();
      const current = await reads.load(actor, id);
      if (!canAct(actor, current, action)) throw refusal(current, action);
      if (REASON_ACTIONS.includes(action) && input.note.trim().length < 2) refuse({ note: '请写明退回的原因' });
      if (action === 'submit-plan' || action === 'submit-closure') {
        const [goals, tasks] = await Promise.all([repo.goalsOf(db, id), repo.tasksOf(db, id)]);
        refuse(readinessErrors(action, { ...current, goals, tasks }, today));
      }
      const to = CASE_TRANSITIONS[action].to;
      const by = actor.userId;
      const now = clock.now();
      const person = await personOf(current, ctx);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, input.version, {
          status: to,
          ...(action === 'approve-plan' && { planApprovedAt: now, planApprovedBy: by }),
          ...(action === 'approve-closure' && { closedOn: today }),
          updatedBy: by,
          updatedAt: now,
        });
        if (!updated) throw new AppError('VERSION_CONFLICT', '该个案已被他人修改，请刷新后再操作');
        await repo.addEvent(tx, { caseId: id, kind: action, note: input.note, createdBy: by, at: now });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'case',
          entityId: id,
          divisionPath: updated.divisionPath,
          summary: `${CASE_ACTION_LABELS[action]}：个案 ${person}`,
          before: { status: current.status },
          after: { status: to },
        });
        return updated;
      });
      return reads.viewOf(actor, row);
    },

    /** 转移个案: to a colleague assigned to the case's station today; kept in the timeline. */
    async transfer(ctx: ActorContext, id: string, input: Transfer) {
      const { actor } = ctx;
      const current = await reads.load(actor, id);
      if (!canTransfer(actor, current))
        throw current.status === 'closed'
          ? new AppError('INVALID_TRANSITION', '个案已结案，不能转移')
          : new AppError('FORBIDDEN', '只有项目主管或当前个案社工可以转移个案');
      if (input.workerId === current.workerId) refuse({ workerId: '已是该个案的社工' });
      const assigned = await d.workers.assignedToday([current.stationId]);
      if (!assigned.some((w) => w.workerId === input.workerId)) refuse({ workerId: '须是今天在该社工站工作的社工' });
      const by = actor.userId;
      const now = clock.now();
      const person = await personOf(current, ctx);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, input.version, {
          workerId: input.workerId,
          updatedBy: by,
          updatedAt: now,
        });
        if (!updated) throw new AppError('VERSION_CONFLICT', '该个案已被他人修改，请刷新后再操作');
        await repo.addEvent(tx, {
          caseId: id,
          kind: 'transferred',
          note: input.note,
          detail: { fromWorkerId: current.workerId, toWorkerId: input.workerId },
          createdBy: by,
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'case',
          entityId: id,
          divisionPath: updated.divisionPath,
          summary: `转移个案 ${person}`,
          before: { workerId: current.workerId },
          after: { workerId: input.workerId },
        });
        return updated;
      });
      return reads.viewOf(actor, row);
    },
  };
}
