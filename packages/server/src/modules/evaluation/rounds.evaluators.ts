import type { AssignEvaluatorsInput } from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError } from '../../platform/http/errors';
import { evaluationLevel, roundAbilities } from './rounds.policy';
import { roundsRepository as repo } from './rounds.repository';
import type { RoundDeps, RoundService } from './rounds.service';

/**
 * 第三方评估 (R-EVAL-1, 六（六）“建立第三方评估机制”): the bureau running a round assigns third-party evaluators to it;
 * they then reach that round and, while it is scored, its contract's stations and their records (see `evaluatorReach`).
 */
export function createRoundEvaluators(d: Pick<RoundDeps, 'db' | 'clock' | 'users'>, rounds: RoundService) {
  return {
    /** The evaluators a county or the city may assign (users of the `evaluator` role, active). */
    async candidates(actor: Actor) {
      const level = evaluationLevel(actor);
      if (level !== 'county' && level !== 'city')
        throw new AppError('FORBIDDEN', '由开展评估的民政部门指派第三方评估人员');
      return { items: await d.users.evaluators() };
    },

    async assign(ctx: ActorContext, id: string, input: AssignEvaluatorsInput) {
      const r = await rounds.load(ctx.actor, id);
      if (!roundAbilities(ctx.actor, r).assign) {
        if (r.status === 'signed_off') throw new AppError('EVALUATION_SIGNED_OFF', '该评估已签署，不能再指派评估人员');
        throw new AppError('FORBIDDEN', '由开展该评估的民政部门指派第三方评估人员');
      }
      if (r.version !== input.version) throw new AppError('VERSION_CONFLICT', '该评估已被他人修改，请刷新后重试');
      const allowed = new Map((await d.users.evaluators()).map((u) => [u.id, u.name]));
      const ids = [...new Set(input.userIds)];
      const stranger = ids.find((u) => !allowed.has(u));
      if (stranger) throw fieldError('userIds', '只能指派在用的第三方评估人员账号');
      const before = await repo.evaluatorsOf(d.db, id);
      const now = d.clock.now();
      await d.db.transaction(async (tx) => {
        if (!(await repo.update(tx, id, r.version, { updatedAt: now, updatedBy: ctx.actor.userId })))
          throw new AppError('VERSION_CONFLICT', '该评估已被他人修改，请刷新后重试');
        await repo.setEvaluators(tx, id, ids, ctx.actor.userId, now);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'evaluationRound',
          entityId: id,
          divisionPath: r.divisionPath,
          summary: `指派第三方评估人员：${ids.map((u) => allowed.get(u)).join('、') || '（无）'}`,
          before: { evaluators: before },
          after: { evaluators: ids },
        });
      });
      return rounds.get(ctx.actor, id);
    },
  };
}
export type RoundEvaluators = ReturnType<typeof createRoundEvaluators>;

/**
 * The scope of a third-party evaluator (DESIGN §4), computed on every request: the rounds assigned to them, and the
 * stations of the contracts of those still being scored. A signed-off round stays readable; its stations do not.
 */
export function createEvaluatorReach(d: Pick<RoundDeps, 'db' | 'stationIdsOf'>) {
  return async (userId: string): Promise<{ roundIds: string[]; stationIds: string[] }> => {
    const rows = await repo.reachOf(d.db, userId);
    const open = [...new Set(rows.filter((r) => r.status === 'scoring').map((r) => r.contractId))];
    const stations = await Promise.all(open.map((c) => d.stationIdsOf(c)));
    return { roundIds: rows.map((r) => r.roundId), stationIds: [...new Set(stations.flat())] };
  };
}
