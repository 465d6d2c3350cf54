import {
  INSURANCE_ITEMS,
  maskCitizenId,
  missingMonths,
  payrollEntrySchema,
  type InsuranceItem,
  type PayrollEntry,
  type PayrollRowInput,
  type PayrollRowView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError } from '../../platform/http/errors';
import type { StationLookup } from '../stations';
import { payrollRepository as repo } from './payroll.repository';
import { workerScope, workersRepository } from './workers.repository';
import { seesWorkerPii } from './workers.policy';
import type { ActorContext } from '../../platform/http/context';

export const INSURANCE_KEYS = Object.keys(INSURANCE_ITEMS) as InsuranceItem[];
const monthEnd = (m: string) => {
  const days = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  return `${m}-${String(days).padStart(2, '0')}`;
};
const prevMonth = (m: string) =>
  m.endsWith('-01')
    ? `${Number(m.slice(0, 4)) - 1}-12`
    : `${m.slice(0, 4)}-${String(Number(m.slice(5, 7)) - 1).padStart(2, '0')}`;
const backMonths = (m: string, n: number) => Array.from({ length: n }).reduce<string>((x) => prevMonth(x), m);
const complete = (r: { salaryFen: number | null; paidOn: string | null } & Record<InsuranceItem, boolean>) =>
  !!r.salaryFen && !!r.paidOn && INSURANCE_KEYS.every((k) => r[k]);

/** R-STAFF-6: monthly salary and 五险一金 per worker, a grid per month, gaps flagged; one save for the grid and the import. */
export function createPayrollService(d: { db: Db; clock: Clock; stations: StationLookup }) {
  const { db, clock } = d;

  /** The month's grid: four queries whatever the number of workers. */
  async function grid(actor: Actor, month: string): Promise<PayrollRowView[]> {
    const staff = await repo.staffOf(db, workerScope(actor.scope, clock.today()), monthEnd(month));
    if (staff.length === 0) return [];
    const ids = staff.map((w) => w.id);
    const from = backMonths(month, 12);
    const [records, asg] = await Promise.all([
      repo.records(db, ids, from, month),
      workersRepository.assignmentsOf(db, ids),
    ]);
    const during = asg.filter((a) => a.startOn <= monthEnd(month) && (a.endOn === null || a.endOn >= `${month}-01`));
    const names = new Map((await d.stations.summaries(during.map((a) => a.stationId))).map((s) => [s.id, s.name]));
    const clear = seesWorkerPii(actor);
    return staff.map((w) => {
      const mine = records.filter((r) => r.workerId === w.id);
      const r = mine.find((x) => x.month === month);
      const insurance = Object.fromEntries(INSURANCE_KEYS.map((k) => [k, !!r?.[k]])) as Record<InsuranceItem, boolean>;
      const missing = [
        ...(!r?.salaryFen || !r?.paidOn ? ['工资'] : []),
        ...INSURANCE_KEYS.filter((k) => !insurance[k]).map((k) => INSURANCE_ITEMS[k]),
      ];
      const start = w.hireDate.slice(0, 7) > from ? w.hireDate.slice(0, 7) : from;
      const gaps =
        start <= prevMonth(month)
          ? missingMonths(start, prevMonth(month), new Set(mine.filter(complete).map((x) => x.month)))
          : [];
      return {
        workerId: w.id,
        name: w.name,
        idNumber: clear ? w.idNumber : maskCitizenId(w.idNumber),
        stationNames: during
          .filter((a) => a.workerId === w.id)
          .map((a) => names.get(a.stationId) ?? '')
          .join('、'),
        salaryFen: r?.salaryFen ?? null,
        paidOn: r?.paidOn ?? null,
        insurance,
        missing,
        gaps,
      };
    });
  }

  /**
   * Writes a month's entries (already checked by `payrollEntrySchema`) in one transaction: the grid's save and the
   * import's commit. Every worker must be the caller's own staff, once.
   */
  async function save(ctx: ActorContext, month: string, rows: PayrollEntry[], source: string) {
    if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
      throw new AppError('FORBIDDEN', '只有承接机构可以登记本机构社工的薪酬和社保');
    const orgId = ctx.actor.scope.organisationId;
    const ids = [...new Set(rows.map((r) => r.workerId))];
    if (ids.length !== rows.length) throw fieldError('rows', '同一社工出现多次');
    const own = await workersRepository.idsIn(db, workerScope(ctx.actor.scope, clock.today()), ids);
    if (own.length !== ids.length) throw fieldError('rows', '包含不属于本机构的社工');
    await db.transaction(async (tx) => {
      for (const r of rows) {
        await repo.upsert(
          tx,
          { workerId: r.workerId, organisationId: orgId, month },
          {
            salaryFen: r.salary,
            paidOn: r.paidOn,
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
        summary: `${source}${month} 薪酬和社保（${rows.length} 人）`,
        after: { month, workers: rows.length },
      });
    });
  }

  return {
    save,
    /** The month's grid; a grid with ID numbers in clear is an audit event naming the workers (R-SCOPE-2). */
    async grid(ctx: ActorContext, month: string) {
      const items = await grid(ctx.actor, month);
      if (items.length && seesWorkerPii(ctx.actor)) {
        await writeAudit(db, ctx, {
          action: 'read_pii',
          entityType: 'payroll',
          divisionPath: ctx.actor.scope.path,
          summary: `查看 ${month} 薪酬社保表（${items.length} 人，身份证号明文）`,
          after: { month, workerIds: items.map((r) => r.workerId) },
        });
      }
      return items;
    },
    async put(ctx: ActorContext, month: string, rows: PayrollRowInput[]) {
      const entries = rows.map((r, i) => {
        const p = payrollEntrySchema.safeParse(r);
        if (!p.success) throw fieldError(`rows.${i}.${p.error.issues[0].path.join('.')}`, p.error.issues[0].message);
        return p.data;
      });
      await save(ctx, month, entries, '登记');
      return { items: await grid(ctx.actor, month) };
    },
  };
}
export type PayrollService = ReturnType<typeof createPayrollService>;
