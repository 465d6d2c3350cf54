import type { WorkerOption, WorkerOptionQuery, WorkerQuery, WorkerView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/http/errors';
import { pageOf, pageWindow } from '../../platform/http/paging';
import { workerScope, workersRepository as repo, type WorkerRow } from './workers.repository';
import { firstPlacements, hoursByWorker, viewContext, workerView, type WorkerViewDeps } from './workers.view';
import { seesWorkerPii } from './workers.policy';
import type { ActorContext } from '../../platform/http/context';
import type { DivisionService } from '../divisions';

export interface WorkerDeps extends WorkerViewDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
}

/** Reading the roster: records in the caller's scope (404 otherwise), their views, and the audit of clear reads. */
export function createWorkerReads(d: WorkerDeps) {
  const { db, clock } = d;
  const scopeOf = (a: Actor) => workerScope(a.scope, clock.today());

  async function views(rows: WorkerRow[], actor: Actor): Promise<WorkerView[]> {
    const ctx = await viewContext(d, rows);
    const today = clock.today();
    return rows.map((w) => workerView(w, actor, ctx, today));
  }

  /** R-SCOPE-2: a read that shows ID numbers and phones in clear is an audit event naming the records (one per request). */
  async function auditClearRead(ctx: ActorContext, rows: WorkerRow[], what: string) {
    if (!seesWorkerPii(ctx.actor) || rows.length === 0) return;
    const names = rows
      .slice(0, 20)
      .map((w) => w.name)
      .join('、');
    await writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'worker',
      entityId: rows.length === 1 ? rows[0].id : undefined,
      divisionPath: rows[0].currentPath,
      summary: `${what}：${names}${rows.length > 20 ? ` 等 ${rows.length} 人` : ''}（身份证号、电话明文）`,
      after: { workerIds: rows.map((w) => w.id) },
    });
  }

  async function load(actor: Actor, id: string): Promise<WorkerRow> {
    const w = await repo.findInScope(db, scopeOf(actor), id, clock.today());
    if (!w) throw notFound('社工');
    return w;
  }

  /**
   * The ids of the workers whose derived deadline status (R-STAFF-4) is `status`. The status follows from training
   * hours, assignments and contract dates through the shared rules, so it is computed, not stored: four queries for
   * the whole filtered roster, then the page is taken from the matching ids.
   */
  async function idsWithStatus(where: ReturnType<typeof repo.where>, status: string) {
    const today = clock.today();
    const facts = await repo.qualificationFacts(db, where, today);
    const hours = hoursByWorker(facts.hours);
    const { standingOf } = await firstPlacements(d.contracts, facts.assignments);
    return facts.rows.filter((w) => standingOf(w, hours.get(w.id) ?? [], today).status === status).map((w) => w.id);
  }

  return {
    scopeOf,
    views,
    load,
    /** A worker of the caller's own organisation, for the employer's changes (404 for anyone else). */
    async loadOwn(ctx: ActorContext, id: string): Promise<WorkerRow> {
      const w = await load(ctx.actor, id);
      const own = ctx.actor.scope.kind === 'organisation' && ctx.actor.scope.organisationId === w.organisationId;
      if (!own || !can(ctx.actor, 'workers:write')) throw notFound('社工');
      return w;
    },
    reload: async (actor: Actor, id: string) => (await views([await load(actor, id)], actor))[0],
    /** One page of the roster: a constant number of queries whatever the page size. */
    async list(ctx: ActorContext, q: WorkerQuery) {
      const today = clock.today();
      const where = repo.where(scopeOf(ctx.actor), q, today);
      let rows: WorkerRow[];
      let total: number;
      if (q.deadline) {
        const ids = await idsWithStatus(where, q.deadline);
        const { limit, offset } = pageWindow(q);
        rows = await repo.byIds(db, where, ids.slice(offset, offset + limit), today);
        total = ids.length;
      } else ({ rows, total } = await repo.page(db, where, q, today));
      const items = await views(rows, ctx.actor);
      await auditClearRead(ctx, rows, '查看社工名册');
      return pageOf(items, total, q);
    },
    /**
     * The worker picker (training attendees): the workers the roster would list, searched by name, at most
     * `pageSize` (≤ 50). Names and where they work only — no ID number or phone, so no read_pii audit line.
     * Four queries whatever the number.
     */
    async options(actor: Actor, q: WorkerOptionQuery): Promise<WorkerOption[]> {
      const today = clock.today();
      const rows = await repo.options(db, repo.where(scopeOf(actor), {}, today), q, q.pageSize);
      const [placed, orgNames] = await Promise.all([
        repo.activeAssignmentsOf(
          db,
          rows.map((w) => w.id),
          today,
        ),
        d.organisations.names(rows.map((w) => w.organisationId)),
      ]);
      const stations = await d.stations.summaries([...new Set(placed.map((a) => a.stationId))]);
      const stationName = new Map(stations.map((s) => [s.id, s.name]));
      return rows.map((w) => ({
        id: w.id,
        name: w.name,
        organisationName: orgNames.get(w.organisationId) ?? '',
        stationNames: placed.filter((a) => a.workerId === w.id).map((a) => stationName.get(a.stationId) ?? ''),
      }));
    },
    async get(ctx: ActorContext, id: string) {
      const w = await load(ctx.actor, id);
      await auditClearRead(ctx, [w], '查看社工详情');
      return (await views([w], ctx.actor))[0];
    },
  };
}
export type WorkerReads = ReturnType<typeof createWorkerReads>;
