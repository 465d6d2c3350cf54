import { hashPassword } from '../../platform/auth/passwords';
import { writeAudit } from '../../platform/audit/audit';
import { fieldError, isUniqueViolation, notFound } from '../../platform/http/errors';
import { usersRepository } from '../users';
import type { WorkerDeps, WorkerReads } from './workers.reads';
import type { ActorContext } from '../../platform/http/context';

/** Social worker logins (驻站社工): opened from the roster record, scoped each day to the worker's stations. */
export function createWorkerAccounts(d: WorkerDeps & { reads: WorkerReads }) {
  const { db, clock, reads } = d;
  return {
    /** Gives a worker a login that must change its password first; audited. */
    async createAccount(ctx: ActorContext, workerId: string, input: { username: string; password: string }) {
      const w = await reads.loadOwn(ctx, workerId);
      if (await usersRepository.usernameOrWorkerTaken(db, input.username, workerId))
        throw fieldError('username', '用户名已被使用，或该社工已有账号');
      const org = await d.organisations.get(w.organisationId);
      if (!org) throw notFound('承接机构');
      const passwordHash = await hashPassword(input.password);
      // The unique index on users.worker_id decides between two requests sent at once.
      await db
        .transaction(async (tx) => {
          const now = clock.now();
          const u = await usersRepository.insert(tx, {
            username: input.username,
            displayName: w.name,
            role: 'social_worker',
            divisionCode: org.divisionCode,
            divisionPath: org.divisionPath,
            organisationId: w.organisationId,
            workerId,
            passwordHash,
            mustChangePassword: true,
            createdAt: now,
            updatedAt: now,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          });
          if (!u) throw fieldError('username', '用户名已被使用，或该社工已有账号');
          await writeAudit(tx, ctx, {
            action: 'create',
            entityType: 'user',
            entityId: u.id,
            divisionPath: org.divisionPath,
            summary: `为社工 ${w.name} 开通账号 ${u.username}（驻站社工）`,
          });
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw fieldError('username', '用户名已被使用，或该社工已有账号');
          throw e;
        });
      return { username: input.username };
    },
  };
}
