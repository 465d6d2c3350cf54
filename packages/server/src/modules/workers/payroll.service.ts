import { payrollEntrySchema, type PayrollEntry, type PayrollQuery, type PayrollRowInput } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError } from '../../platform/http/errors';
import { INSURANCE_KEYS, payrollGrid, type PayrollGridDeps } from './payroll.grid';
import { payrollWorkbook } from './payroll.export';
import { payrollRepository as repo } from './payroll.repository';
import { workerScope } from './workers.repository';
import { seesWorkerPii } from './workers.policy';
import type { ActorContext } from '../../platform/http/context';

export { INSURANCE_KEYS };

/** One worker's month to store; a field left undefined keeps what is stored (an imported file without that column). */
export type SavedEntry = Pick<PayrollEntry, 'workerId'> & Partial<Omit<PayrollEntry, 'workerId'>>;

/** R-STAFF-6: monthly salary and 五险一金 per worker, a grid per month, gaps flagged; one save for the grid and the import. */
export function createPayrollService(d: PayrollGridDeps) {
  const { db, clock } = d;
  const grid = (actor: Actor, month: string, q?: PayrollQuery) => payrollGrid(d, actor, month, q);

  /**
   * Writes a month's entries (already checked by `payrollEntrySchema`) in one transaction: the grid's save and the
   * import's commit. Every worker must be the caller's own staff, once.
   */
  async function save(ctx: ActorContext, month: string, rows: SavedEntry[], source: string) {
    if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
      throw new AppError('FORBIDDEN', '只有承接机构可以登记本机构社工的薪酬和社保');
    const orgId = ctx.actor.scope.organisationId;
    const ids = [...new Set(rows.map((r) => r.workerId))];
    if (ids.length !== rows.length) throw fieldError('rows', '同一社工出现多次');
    const roster = new Map(
      (await repo.rosterOf(db, workerScope(ctx.actor.scope, clock.today()))).map((w) => [w.id, w.name]),
    );
    if (ids.some((id) => !roster.has(id))) throw fieldError('rows', '包含不属于本机构的社工');
    // The audit log names the workers of the rows (names only, never their ID numbers).
    const names = ids
      .slice(0, 10)
      .map((id) => roster.get(id))
      .join('、');
    const who = ids.length > 10 ? `${names} 等 ${ids.length} 人` : ids.length ? `${names}，${ids.length} 人` : '0 人';
    await db.transaction(async (tx) => {
      for (const r of rows) {
        await repo.upsert(
          tx,
          { workerId: r.workerId, organisationId: orgId, month },
          {
            salaryFen: r.salary,
            paidOn: r.paidOn,
            insuranceBaseFen: r.insuranceBase,
            employerShareFen: r.employerShare,
            employeeShareFen: r.employeeShare,
            ...Object.fromEntries(INSURANCE_KEYS.map((k) => [k, r[k]])),
            updatedAt: clock.now(),
            updatedBy: ctx.actor.userId,
          },
        );
      }
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'payroll',
        divisionPath: ctx.actor.scope.path,
        summary: `${source}${month} 薪酬和社保（${who}）`,
        after: { month, workers: rows.length },
      });
    });
  }

  return {
    save,
    /** The month's grid; a grid with ID numbers in clear is an audit event naming the workers (R-SCOPE-2). */
    async grid(ctx: ActorContext, month: string, q: PayrollQuery = {}, what = '查看') {
      const g = await grid(ctx.actor, month, q);
      if (g.items.length && seesWorkerPii(ctx.actor)) {
        await writeAudit(db, ctx, {
          action: 'read_pii',
          entityType: 'payroll',
          divisionPath: ctx.actor.scope.path,
          summary: `${what} ${month} 薪酬社保表（${g.items.length} 人，身份证号明文）`,
          after: { month, workerIds: g.items.map((r) => r.workerId) },
        });
      }
      return g;
    },
    /** The month's grid as an .xlsx (same filters and masking as the screen); an audited export (R-SCOPE-2). */
    async exportWorkbook(ctx: ActorContext, month: string, q: PayrollQuery = {}) {
      const g = await grid(ctx.actor, month, q);
      const { scope } = ctx.actor;
      const own = scope.kind === 'organisation' ? scope.organisationId : undefined;
      const ownName = own ? (await d.organisations.names([own])).get(own) : undefined;
      // The chosen organisation is named from the rows, so an organisation outside the scope is never named.
      const filters = [
        q.county ? `县（区）：${d.divisions.find(q.county)?.name ?? ''}` : '',
        q.organisationId ? `承接机构：${g.items[0]?.organisationName ?? '所选机构（本月无在册社工）'}` : '',
      ];
      const buf = await payrollWorkbook(
        month,
        g,
        ownName ?? d.divisions.find(ctx.actor.divisionCode)?.name ?? '',
        filters.filter(Boolean).join('；'),
        clock.now(),
      );
      const clear = seesWorkerPii(ctx.actor);
      await writeAudit(db, ctx, {
        action: 'export',
        entityType: 'payroll',
        divisionPath: scope.path,
        summary: `导出 ${month} 薪酬社保表（${g.items.length} 人${clear ? '，身份证号明文' : ''}）`,
        after: { month, filters: q, ...(clear ? { workerIds: g.items.map((r) => r.workerId) } : {}) },
      });
      return buf;
    },
    async put(ctx: ActorContext, month: string, rows: PayrollRowInput[]) {
      const entries = rows.map((r, i) => {
        const p = payrollEntrySchema.safeParse(r);
        if (!p.success) throw fieldError(`rows.${i}.${p.error.issues[0].path.join('.')}`, p.error.issues[0].message);
        return p.data;
      });
      await save(ctx, month, entries, '登记');
      return grid(ctx.actor, month);
    },
  };
}
export type PayrollService = ReturnType<typeof createPayrollService>;
