import type { DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { fieldError, notFound } from '../../platform/http/errors';
import { workersRepository as repo } from './workers.repository';
import type { WorkerDeps, WorkerReads } from './workers.reads';
import type { ActorContext } from '../../platform/http/context';

/** Station assignments (R-STAFF-1): the worker's scope and the unit they are counted in move the same day. */
export function createAssignments(d: WorkerDeps & { reads: WorkerReads }) {
  const { db, reads } = d;

  /** Writes assignments and one audit line inside the caller's transaction: assigning one, and the roster import's. */
  async function place(
    tx: DbOrTx,
    ctx: ActorContext,
    placements: {
      worker: { id: string; name: string };
      station: { id: string; divisionPath: string; name?: string };
      startOn: string;
    }[],
  ) {
    const [one] = placements;
    if (!one) return;
    for (let i = 0; i < placements.length; i += 500)
      await repo.insertAssignments(
        tx,
        placements.slice(i, i + 500).map((p) => ({
          workerId: p.worker.id,
          stationId: p.station.id,
          divisionPath: p.station.divisionPath,
          startOn: p.startOn,
          createdBy: ctx.actor.userId,
        })),
      );
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'worker',
      ...(placements.length === 1
        ? {
            entityId: one.worker.id,
            // The audit log names the station of an assignment, not only the worker.
            summary: `派驻 ${one.worker.name} 到${one.station.name ?? '社工站'}（${one.startOn} 起）`,
            after: { stationId: one.station.id, startOn: one.startOn },
          }
        : { summary: `派驻 ${placements.length} 人到社工站`, after: { assignments: placements.length } }),
      divisionPath: one.station.divisionPath,
    });
  }

  return {
    place,
    /**
     * Assigns a worker to a station the organisation's live contract covers.
     * R-STAFF-1: a resident worker is resident at one station at a time, so another open assignment must end first.
     */
    async assign(ctx: ActorContext, workerId: string, input: { stationId: string; startOn: string }) {
      const w = await reads.loadOwn(ctx, workerId);
      if (!(await d.contracts.covers(w.organisationId, input.stationId)))
        throw fieldError('stationId', '该社工站不在本机构有效合同的服务范围内');
      const current = (await repo.assignmentsOf(db, [workerId])).filter(
        (a) => a.endOn === null || a.endOn >= input.startOn,
      );
      if (current.some((a) => a.stationId === input.stationId)) throw fieldError('stationId', '已派驻该社工站');
      if (current.length) {
        const [other] = await d.stations.summaries([current[0].stationId]);
        throw fieldError(
          'stationId',
          `${w.name}目前派驻在${other?.name ?? '其他社工站'}：驻站社工同一时间只驻一个社工站，请先结束该派驻（《实施方案》四（五））`,
        );
      }
      const [station] = await d.stations.summaries([input.stationId]);
      await db.transaction((tx) => place(tx, ctx, [{ worker: w, station, startOn: input.startOn }]));
      return reads.reload(ctx.actor, workerId);
    },

    async endAssignment(ctx: ActorContext, workerId: string, assignmentId: string, endOn: string) {
      const w = await reads.loadOwn(ctx, workerId);
      const a = (await repo.assignmentsOf(db, [workerId])).find((x) => x.id === assignmentId);
      if (!a) throw notFound('派驻记录');
      if (endOn < a.startOn) throw fieldError('endOn', `不能早于派驻开始日期 ${a.startOn}`);
      const [station] = await d.stations.summaries([a.stationId]);
      await db.transaction(async (tx) => {
        await repo.endAssignment(tx, assignmentId, endOn);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: workerId,
          divisionPath: a.divisionPath,
          summary: `结束 ${w.name} 在${station?.name ?? '社工站'}的派驻（${endOn}）`,
          after: { assignmentId, endOn },
        });
      });
      return reads.reload(ctx.actor, workerId);
    },
  };
}
