import {
  addDays,
  maskName,
  RISK_LABELS,
  RISK_LEVELS,
  type UpdateVisitIntervalsInput,
  type VisitIntervals,
  type VisitsDuePage,
  type VisitsDueQuery,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { can, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError } from '../../platform/http/errors';
import type { StationLookup } from '../stations';
import type { WorkerLookup } from '../workers';
import { seesNames } from './beneficiaries.policy';
import { beneficiariesRepository, beneficiaryScope } from './beneficiaries.repository';
import { linksIn, visitsRepository as repo } from './visits.repository';

export interface VisitDeps {
  db: Db;
  clock: Clock;
  stations: Pick<StationLookup, 'summaries'>;
  workers: Pick<WorkerLookup, 'names'>;
}

/** Whose people a visit completion counts: the stations of a division, or named stations. */
export type PeopleScope = { path: string } | { stationIds: string[] };

/** Visits by risk (R-SVC-5): who is due a visit, the intervals the city sets, and visit completion for statistics. */
export function createVisitService(d: VisitDeps) {
  const { db, clock } = d;

  /**
   * The due list's condition: the registry's own scope and filters (R-SCOPE-1), a social worker's own people by
   * default, and never a record withheld from the caller — being on the list reveals a risk grade (R-SCOPE-2).
   */
  function whereOf(actor: Actor, q: VisitsDueQuery) {
    const mine = q.mine ?? actor.role === 'social_worker';
    const scope = beneficiaryScope(actor.scope, { stationId: q.stationId });
    const workerId = mine ? (actor.workerId ?? '00000000-0000-0000-0000-000000000000') : q.workerId;
    const withheld = can(actor, 'beneficiaries:sensitive') ? undefined : { workerId: actor.workerId ?? null };
    return beneficiariesRepository.where(scope, { workerId, risk: q.risk, withheld }, clock.today());
  }

  async function intervalsView(actor: Actor, tx: DbOrTx = db): Promise<VisitIntervals> {
    const rows = await repo.intervals(tx);
    const days = await repo.intervalDays(tx);
    return {
      items: RISK_LEVELS.map((level) => {
        const row = rows.find((r) => r.riskLevel === level);
        return {
          riskLevel: level,
          days: days[level],
          isDefault: !row,
          version: row?.version ?? 0,
          updatedAt: row?.updatedAt.toISOString() ?? null,
        };
      }),
      abilities: { update: canConfigure(actor) },
    };
  }

  /** R-SVC-5: the intervals are the city's to set (`visits:configure` at the city). */
  const canConfigure = (actor: Actor) =>
    can(actor, 'visits:configure') && actor.scope.kind === 'division' && actor.scope.path.split('/').length <= 3;

  return {
    /** People due a visit by today + the look-ahead, overdue first (R-SVC-5). */
    async due(ctx: ActorContext, q: VisitsDueQuery): Promise<VisitsDuePage> {
      const today = clock.today();
      const horizon = addDays(today, q.withinDays);
      const days = await repo.intervalDays(db);
      const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
      const { rows, total, overdue } = await repo.duePage(db, whereOf(ctx.actor, q), days, today, horizon, page);
      const [stations, workers] = await Promise.all([
        d.stations.summaries(rows.map((r) => r.stationId)),
        d.workers.names(rows.map((r) => r.workerId).filter((w): w is string => !!w)),
      ]);
      const stationName = new Map(stations.map((s) => [s.id, s.name]));
      const names = seesNames(ctx.actor);
      return {
        items: rows.map((r) => ({
          beneficiaryId: r.id,
          name: names ? r.name : maskName(r.name),
          village: r.village,
          stationId: r.stationId,
          stationName: stationName.get(r.stationId) ?? '',
          workerName: r.workerId ? (workers.get(r.workerId) ?? null) : null,
          riskLevel: r.riskLevel!,
          intervalDays: r.interval,
          lastVisitOn: r.lastVisitOn,
          dueOn: r.dueOn,
          daysOverdue: r.daysOverdue,
          overdue: r.daysOverdue > 0,
        })),
        total,
        overdue,
        horizon,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
    intervals: (ctx: ActorContext) => intervalsView(ctx.actor),
    /** The city sets the three intervals at once (versioned, audited); shorter for higher risk. */
    async updateIntervals(ctx: ActorContext, input: UpdateVisitIntervalsInput): Promise<VisitIntervals> {
      const actor = ctx.actor;
      if (!canConfigure(actor)) throw new AppError('FORBIDDEN', '走访周期由市民政局设置');
      if (input.high.days > input.medium.days) throw fieldError('high', '高风险的走访周期不能长于中风险');
      if (input.medium.days > input.low.days) throw fieldError('medium', '中风险的走访周期不能长于低风险');
      return db.transaction(async (tx) => {
        const before = await repo.intervalDays(tx);
        const at = clock.now();
        for (const level of RISK_LEVELS) {
          const { days, version } = input[level];
          if (!(await repo.setInterval(tx, level, days, version, actor.userId, at)))
            throw new AppError('VERSION_CONFLICT', '走访周期已被他人修改，请刷新后重试');
        }
        const after = await repo.intervalDays(tx);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'visitInterval',
          divisionPath: actor.scope.path,
          summary: `设置走访周期：${RISK_LEVELS.map((l) => `${RISK_LABELS[l]} ${after[l]} 天`).join('，')}`,
          before,
          after,
        });
        return intervalsView(actor, tx);
      });
    },
    /** Visit completion over a period (R-SVC-5) for the people of a scope; see `VISIT_COMPLETION_DEFINITION`. */
    async completion(people: PeopleScope, from: string, to: string) {
      const days = await repo.intervalDays(db);
      const cond = 'path' in people ? linksIn.path(people.path) : linksIn.stations(people.stationIds);
      // The whole city (a one-level path) reads its people in one pass (see the repository).
      const wide = 'path' in people && people.path.split('/').filter(Boolean).length <= 1;
      return repo.completion(db, cond, days, from, to, wide);
    },
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
