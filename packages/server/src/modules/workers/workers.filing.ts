import { checkCitizenId, maskCitizenId } from '@shegong/shared';
import { can } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError } from '../../platform/http/errors';
import { workersRepository as repo, type WorkerRow } from './workers.repository';
import type { WorkerDeps, WorkerReads } from './workers.reads';
import { canApproveFiling } from './workers.policy';
import type { ActorContext } from '../../platform/http/context';

const VERBS = { submit: '报备', approve: '审核通过', return: '退回' } as const;
const TARGET = { submit: 'submitted', approve: 'filed', return: 'returned' } as const;

/** The county's part of the roster: filing (R-STAFF-6), unmasking with a reason (R-SCOPE-2), hiring exceptions (R-STAFF-2). */
export function createFiling(d: WorkerDeps & { reads: WorkerReads }) {
  const { db, clock, reads } = d;
  return {
    /** R-STAFF-6 filing: the organisation submits, the county approves or returns with comments. */
    async filing(ctx: ActorContext, workerId: string, action: keyof typeof VERBS, version: number, comment: string) {
      const w = await reads.load(ctx.actor, workerId);
      const v = (await reads.views([w], ctx.actor))[0];
      const allowed = action === 'submit' ? v.abilities.submit : canApproveFiling(ctx.actor, w);
      if (!allowed)
        throw new AppError(
          'INVALID_TRANSITION',
          action === 'submit' ? '当前状态不能报备' : '只有社工所在县（区）民政局可以审核已报备的社工',
        );
      if (action === 'return' && !comment) throw fieldError('comment', '退回时须填写意见');
      if (w.version !== version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再操作');
      const to: WorkerRow['filingStatus'] = TARGET[action];
      await db.transaction(async (tx) => {
        const n = await repo.update(tx, workerId, version, {
          filingStatus: to,
          filingComment: comment,
          ...(to === 'filed' ? { filedAt: clock.now() } : {}),
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
        if (!n) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再操作');
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: workerId,
          divisionPath: w.currentPath,
          summary: `社工 ${w.name} 备案：${VERBS[action]}${comment ? `（${comment}）` : ''}`,
          before: { filingStatus: w.filingStatus },
          after: { filingStatus: to },
        });
      });
      return reads.reload(ctx.actor, workerId);
    },

    /** Shows one worker's ID number and phone to an officer who states why; the reading is audited (R-SCOPE-2). */
    async unmask(ctx: ActorContext, workerId: string, reason: string) {
      const w = await reads.load(ctx.actor, workerId);
      if (!can(ctx.actor, 'workers:unmask')) throw new AppError('FORBIDDEN', '您的角色不能查看明文个人信息');
      await writeAudit(db, ctx, {
        action: 'unmask',
        entityType: 'worker',
        entityId: w.id,
        divisionPath: w.currentPath,
        summary: `查看社工 ${w.name} 的身份证号和电话：${reason}`,
      });
      return { idNumber: w.idNumber, phone: w.phone };
    },

    /**
     * R-STAFF-2: a county records an exception for a contractor that works in its unit (registered there, or holding a
     * live contract there); any other organisation answers exactly like a missing one.
     */
    async recordException(ctx: ActorContext, input: { organisationId: string; idNumber: string; reason: string }) {
      const id = checkCitizenId(input.idNumber, clock.today());
      if (!id.ok) throw fieldError('idNumber', id.message);
      const org = await d.organisations.get(input.organisationId);
      const ours =
        !!org &&
        (pathInScope(ctx.actor.scope, org.divisionPath) || (await d.contracts.worksIn(org.id, ctx.actor.scope)));
      if (!org || !ours) throw fieldError('organisationId', '承接机构不存在或不在本单位');
      const e = await db.transaction(async (tx) => {
        const row = await repo.insertHiringException(tx, {
          ...input,
          divisionPath: ctx.actor.scope.path,
          createdAt: clock.now(),
          createdBy: ctx.actor.userId,
          createdByName: ctx.actor.displayName,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'hiringException',
          entityId: row.id,
          divisionPath: ctx.actor.scope.path,
          summary: `登记聘用条件例外：${org.name} ${maskCitizenId(input.idNumber)}，理由：${input.reason}`,
        });
        return row;
      });
      return { id: e.id, organisationId: e.organisationId, idNumber: maskCitizenId(e.idNumber), reason: e.reason };
    },
  };
}
