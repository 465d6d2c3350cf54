import {
  SUPERVISOR_KIND_LABELS,
  type CreateSupervisionSessionInput,
  type SupervisionHours,
  type SupervisionSessionQuery,
  type SupervisionSessionView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { WorkerLookup } from '../workers';
import { recordsSupervision } from './supervision.policy';
import { sessionScope, supervisionRepository as repo, yearRange, type SessionRow } from './supervision.repository';
import { namesFor, sessionView, type SupervisionNameDeps } from './supervision.view';

export interface SupervisionServiceDeps extends SupervisionNameDeps {
  db: Db;
  clock: Clock;
  workers: Pick<WorkerLookup, 'names' | 'assignedOn'>;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The stations a contractor may record supervision for: those its live contracts cover today (R-EVAL-4). */
function coveredStations(ctx: ActorContext): string[] {
  return ctx.actor.scope.kind === 'organisation' ? ctx.actor.scope.stationIds : [];
}

/**
 * 督导 (R-EVAL-4, 《实施方案》六（六）“建立专业督导机制”, 五（六）“完善督导服务”): the sessions the contractor's internal and
 * external supervisors hold for a station's workers, and each worker's hours per year. Each change is one
 * transaction with its audit event.
 */
export function createSupervisionService(d: SupervisionServiceDeps) {
  const { db, clock } = d;

  async function views(ctx: ActorContext, rows: SessionRow[]): Promise<SupervisionSessionView[]> {
    const attendees = await repo.attendeesOf(
      db,
      rows.map((r) => r.id),
    );
    const names = await namesFor(d, rows, [...attendees.values()].flat());
    return rows.map((r) => sessionView(r, attendees.get(r.id) ?? [], ctx.actor, names));
  }

  async function find(ctx: ActorContext, id: string): Promise<SessionRow> {
    const row = await repo.findInScope(db, sessionScope(ctx.actor), id);
    if (!row) throw notFound('督导记录');
    return row;
  }

  /** The station of a new record, checked: the contractor's live contract covers it today. */
  function checkStation(ctx: ActorContext, stationId: string) {
    if (!recordsSupervision(ctx.actor)) throw new AppError('FORBIDDEN', '督导记录由承接机构登记');
    if (!coveredStations(ctx).includes(stationId)) throw fieldError('stationId', '不是本机构在履行合同覆盖的社工站');
  }

  return {
    async list(ctx: ActorContext, q: SupervisionSessionQuery) {
      const { items, total } = await repo.page(db, sessionScope(ctx.actor), q);
      return pageOf(await views(ctx, items), total, q);
    },

    get: async (ctx: ActorContext, id: string) => (await views(ctx, [await find(ctx, id)]))[0],

    /**
     * Who may attend a session at a station on a day (today unless told): the workers assigned to it then, for the
     * form's picker. A station the contractor does not cover lists nobody.
     */
    async attendable(ctx: ActorContext, stationId: string, on?: string) {
      if (!recordsSupervision(ctx.actor)) throw new AppError('FORBIDDEN', '督导记录由承接机构登记');
      if (!coveredStations(ctx).includes(stationId)) return { items: [] };
      const rows = await d.workers.assignedOn([stationId], on ?? clock.today());
      const items = [...new Map(rows.map((r) => [r.workerId, r.name]))].map(([id, name]) => ({ id, name }));
      return { items: items.sort((a, b) => byName(a.name, b.name)) };
    },

    /**
     * R-EVAL-4: a session held on a day not after today (the Clock), for a station the contractor's live contract
     * covers, attended by workers assigned to that station on that day.
     */
    async create(ctx: ActorContext, input: CreateSupervisionSessionInput): Promise<SupervisionSessionView> {
      checkStation(ctx, input.stationId);
      const today = clock.today();
      if (input.heldOn > today) throw fieldError('heldOn', `不能晚于今天（${today}）`);
      const workerIds = [...new Set(input.workerIds)];
      const assigned = new Set((await d.workers.assignedOn([input.stationId], input.heldOn)).map((w) => w.workerId));
      if (workerIds.some((w) => !assigned.has(w)))
        throw fieldError('workerIds', `包含督导当天（${input.heldOn}）未派驻该社工站的社工`);
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station) throw fieldError('stationId', '社工站不存在');
      const organisationId = (ctx.actor.scope as { organisationId: string }).organisationId;
      const by = ctx.actor.userId;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(
          tx,
          {
            organisationId,
            stationId: station.id,
            divisionPath: station.divisionPath,
            supervisorName: input.supervisorName,
            supervisorKind: input.supervisorKind,
            heldOn: input.heldOn,
            hours: input.hours,
            topics: input.topics,
            followUp: input.followUp,
            createdBy: by,
            updatedBy: by,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          },
          workerIds,
        );
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'supervisionSession',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `登记督导记录：${station.name} ${input.heldOn} ${SUPERVISOR_KIND_LABELS[input.supervisorKind]}${input.supervisorName}，${input.hours} 小时`,
          after: { ...input, workerIds },
        });
        return row.id;
      });
      return (await views(ctx, [await find(ctx, id)]))[0];
    },

    /**
     * R-EVAL-4: hours per worker and station in a year, in the caller's scope, ordered by station and name — never by
     * hours: workers are not compared with each other (PEERS.md §6). A social worker sees their own rows only.
     */
    async hours(ctx: ActorContext, asked?: number): Promise<SupervisionHours> {
      const year = asked ?? Number(clock.today().slice(0, 4));
      const { from, to } = yearRange(year);
      const own = ctx.actor.scope.kind === 'stations' ? (ctx.actor.workerId ?? '') : undefined;
      const rows = await repo.hours(db, sessionScope(ctx.actor), from, to, own);
      const names = await namesFor(
        d,
        rows.map((r) => ({ stationId: r.stationId, organisationId: '' })),
        rows.map((r) => r.workerId),
      );
      const items = rows
        .map((r) => ({ ...r, workerName: names.worker(r.workerId), stationName: names.station(r.stationId) }))
        .sort((a, b) => byName(a.stationName, b.stationName) || byName(a.workerName, b.workerName));
      return { year, items };
    },
  };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;
