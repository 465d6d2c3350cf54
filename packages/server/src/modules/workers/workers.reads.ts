import type { WorkerQuery, WorkerView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/http/errors';
import { pageOf, pageWindow } from '../../platform/http/paging';
import { workerScope, workersRepository as repo, type WorkerRow } from './workers.repository';
import { hoursByWorker, seesWorkerPii, standing, viewContext, workerView, type WorkerViewDeps } from './workers.view';

export type Ctx = RequestContext & { actor: Actor };
export interface WorkerDeps extends WorkerViewDeps {
  db: Db;
  clock: Clock;
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
  async function auditClearRead(ctx: Ctx, rows: WorkerRow[], what: string) {
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
    const first = new Map<string, { startOn: string; stationId: string }>();
    for (const a of facts.assignments) if (!first.has(a.workerId)) first.set(a.workerId, a);
    const starts = await d.contracts.firstCycleStarts([...new Set([...first.values()].map((a) => a.stationId))]);
    return facts.rows
      .filter((w) => standing(w, hours.get(w.id) ?? [], first.get(w.id), starts, today).status === status)
      .map((w) => w.id);
  }

  return {
    scopeOf,
    views,
    load,
    /** A worker of the caller's own organisation, for the employer's changes (404 for anyone else). */
    async loadOwn(ctx: Ctx, id: string): Promise<WorkerRow> {
      const w = await load(ctx.actor, id);
      const own = ctx.actor.scope.kind === 'organisation' && ctx.actor.scope.organisationId === w.organisationId;
      if (!own || !can(ctx.actor, 'workers:write')) throw notFound('社工');
      return w;
    },
    reload: async (actor: Actor, id: string) => (await views([await load(actor, id)], actor))[0],
    /** One page of the roster: a constant number of queries whatever the page size. */
    async list(ctx: Ctx, q: WorkerQuery) {
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
    async get(ctx: Ctx, id: string) {
      const w = await load(ctx.actor, id);
      await auditClearRead(ctx, [w], '查看社工详情');
      return (await views([w], ctx.actor))[0];
    },
  };
}
export type WorkerReads = ReturnType<typeof createWorkerReads>;
