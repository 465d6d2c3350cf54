import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import {
  INSURANCE_ITEMS,
  checkCitizenId,
  isoDate,
  maskCitizenId,
  missingMonths,
  textProblem,
  yuanSchema,
  type ImportIssue,
  type ImportResult,
  type InsuranceItem,
  type PayrollRowInput,
  type PayrollRowView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError } from '../../platform/http/errors';
import { readSheet, templateWorkbook } from '../../platform/http/xlsx-import';
import type { StationLookup } from '../stations';
import { NUMBER_ID_MESSAGE } from './roster-import';
import { workerScope, workersRepository } from './workers.repository';
import { payrollRecords, workers } from './workers.table';
import { seesWorkerPii } from './workers.view';

type Ctx = RequestContext & { actor: Actor };
const ITEMS = Object.keys(INSURANCE_ITEMS) as InsuranceItem[];
const monthEnd = (m: string) =>
  new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
const prevMonth = (m: string) =>
  m.endsWith('-01')
    ? `${Number(m.slice(0, 4)) - 1}-12`
    : `${m.slice(0, 4)}-${String(Number(m.slice(5, 7)) - 1).padStart(2, '0')}`;
const backMonths = (m: string, n: number) => Array.from({ length: n }).reduce<string>((x) => prevMonth(x), m);
const complete = (r: { salaryFen: number | null; paidOn: string | null } & Record<InsuranceItem, boolean>) =>
  !!r.salaryFen && !!r.paidOn && ITEMS.every((k) => r[k]);

/** Template columns of the monthly pay import, in order. */
export const PAYROLL_COLUMNS = ['身份证号', '姓名', '实发工资（元）', '发放日期', ...Object.values(INSURANCE_ITEMS)];

/** R-STAFF-6: monthly salary and 五险一金 per worker, a grid per month, gaps flagged, Excel import all-or-nothing. */
export function createPayrollService(d: { db: Db; clock: Clock; stations: StationLookup }) {
  const { db, clock } = d;
  const scopeOf = (a: Actor) => workerScope(a.scope, clock.today());

  /** Workers in scope employed during the month. */
  const staffOf = (actor: Actor, month: string) =>
    db
      .select()
      .from(workers)
      .where(and(scopeOf(actor), isNull(workers.archivedAt), lte(workers.hireDate, monthEnd(month))))
      .orderBy(workers.name);

  async function grid(actor: Actor, month: string): Promise<PayrollRowView[]> {
    const staff = await staffOf(actor, month);
    if (staff.length === 0) return [];
    const ids = staff.map((w) => w.id);
    const from = backMonths(month, 12);
    const [records, asg] = await Promise.all([
      db
        .select()
        .from(payrollRecords)
        .where(
          and(inArray(payrollRecords.workerId, ids), gte(payrollRecords.month, from), lte(payrollRecords.month, month)),
        ),
      workersRepository.assignmentsOf(db, ids),
    ]);
    const during = asg.filter((a) => a.startOn <= monthEnd(month) && (a.endOn === null || a.endOn >= `${month}-01`));
    const names = new Map((await d.stations.summaries(during.map((a) => a.stationId))).map((s) => [s.id, s.name]));
    const assigned = during.map((a) => ({ workerId: a.workerId, name: names.get(a.stationId) ?? '' }));
    return staff.map((w) => {
      const mine = records.filter((r) => r.workerId === w.id);
      const r = mine.find((x) => x.month === month);
      const insurance = Object.fromEntries(ITEMS.map((k) => [k, !!r?.[k]])) as Record<InsuranceItem, boolean>;
      const missing = [
        ...(!r?.salaryFen || !r?.paidOn ? ['工资'] : []),
        ...ITEMS.filter((k) => !insurance[k]).map((k) => INSURANCE_ITEMS[k]),
      ];
      const start = w.hireDate.slice(0, 7) > from ? w.hireDate.slice(0, 7) : from;
      const gaps =
        start <= prevMonth(month)
          ? missingMonths(start, prevMonth(month), new Set(mine.filter(complete).map((x) => x.month)))
          : [];
      return {
        workerId: w.id,
        name: w.name,
        idNumber: seesWorkerPii(actor) ? w.idNumber : maskCitizenId(w.idNumber),
        stationNames: assigned
          .filter((a) => a.workerId === w.id)
          .map((a) => a.name)
          .join('、'),
        salaryFen: r?.salaryFen ?? null,
        paidOn: r?.paidOn ?? null,
        insurance,
        missing,
        gaps,
      };
    });
  }

  /** Writes a month's rows in one transaction; every worker must be the caller's own staff. */
  async function save(
    ctx: Ctx,
    month: string,
    rows: (Omit<PayrollRowInput, 'salary'> & { salaryFen: number | null })[],
    source: string,
  ) {
    if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
      throw new AppError('FORBIDDEN', '只有承接机构可以登记本机构社工的薪酬和社保');
    const orgId = ctx.actor.scope.organisationId;
    const ids = [...new Set(rows.map((r) => r.workerId))];
    if (ids.length !== rows.length) throw fieldError('rows', '同一社工出现多次');
    const own = ids.length
      ? await db
          .select({ id: workers.id })
          .from(workers)
          .where(and(inArray(workers.id, ids), eq(workers.organisationId, orgId), isNull(workers.archivedAt)))
      : [];
    if (own.length !== ids.length) throw fieldError('rows', '包含不属于本机构的社工');
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const values = {
          salaryFen: r.salaryFen,
          paidOn: r.paidOn,
          ...Object.fromEntries(ITEMS.map((k) => [k, r[k]])),
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        };
        await tx
          .insert(payrollRecords)
          .values({ workerId: r.workerId, organisationId: orgId, month, ...values })
          .onConflictDoUpdate({ target: [payrollRecords.workerId, payrollRecords.month], set: values });
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
    /** The month's grid; a grid with ID numbers in clear is an audit event naming the workers (R-SCOPE-2). */
    async grid(ctx: Ctx, month: string) {
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
    async put(ctx: Ctx, month: string, rows: PayrollRowInput[]) {
      const parsed = rows.map((r, i) => {
        if (r.salary == null || r.salary === '') return { ...r, salaryFen: null };
        const s = yuanSchema.safeParse(r.salary);
        if (!s.success) throw fieldError(`rows.${i}.salary`, s.error.issues[0].message);
        return { ...r, salaryFen: s.data };
      });
      await save(ctx, month, parsed, '登记');
      return { items: await grid(ctx.actor, month) };
    },

    template: () =>
      templateWorkbook(
        '薪酬社保',
        PAYROLL_COLUMNS,
        ['410928199503121220', '示例（导入前删除此行）', 3200, '2026-03-10', '是', '是', '是', '是', '是', '否'],
        ['身份证号'],
      ),

    /** Checks every row and reports each problem; writes only when no row has one, all at once. */
    async importMonth(ctx: Ctx, month: string, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
      if (ctx.actor.scope.kind !== 'organisation')
        throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的薪酬和社保');
      const sheet = await readSheet(bytes, PAYROLL_COLUMNS);
      const staff = await db
        .select({ id: workers.id, idNumber: workers.idNumber, name: workers.name })
        .from(workers)
        .where(and(eq(workers.organisationId, ctx.actor.scope.organisationId), isNull(workers.archivedAt)));
      const byId = new Map(staff.map((w) => [w.idNumber, w]));
      const issues: ImportIssue[] = [];
      const seen = new Map<string, number>();
      const rows: (Omit<PayrollRowInput, 'salary'> & { salaryFen: number | null })[] = [];
      for (const { row: n, cells, kinds } of sheet) {
        const cell = (c: string) => cells[c];
        const issue = (column: string, rule: string, message: string) => issues.push({ row: n, column, rule, message });
        for (const c of PAYROLL_COLUMNS) {
          const problem = textProblem(cell(c));
          if (problem) issue(c, '文字', problem);
        }
        const idNumber = cell('身份证号').toUpperCase();
        const idCheck = checkCitizenId(idNumber, clock.today());
        const w = kinds['身份证号'] === 'number' ? undefined : byId.get(idNumber);
        if (kinds['身份证号'] === 'number') issue('身份证号', '文本格式', NUMBER_ID_MESSAGE);
        else if (!idCheck.ok) issue('身份证号', 'GB 11643', idCheck.message);
        else if (!w) issue('身份证号', 'R-STAFF-6', '本机构名册中没有该社工，请先登记');
        else if (seen.has(idNumber)) issue('身份证号', '唯一', `与第 ${seen.get(idNumber)} 行重复`);
        seen.set(idNumber, n);
        if (w && cell('姓名') && cell('姓名') !== w.name) issue('姓名', '一致', `与名册姓名“${w.name}”不一致`);
        const salary = cell('实发工资（元）');
        const fen = salary ? yuanSchema.safeParse(salary) : null;
        if (fen && !fen.success) issue('实发工资（元）', '金额', '应为不小于 0、最多两位小数的金额');
        const paidOn = cell('发放日期');
        const paidOk = !paidOn || isoDate.safeParse(paidOn).success;
        if (!paidOk) issue('发放日期', '日期', `“${paidOn}”不是有效的日期，应为 YYYY-MM-DD`);
        const flags = Object.fromEntries(
          ITEMS.map((k) => {
            const v = cell(INSURANCE_ITEMS[k]);
            if (v && !['是', '否'].includes(v)) issue(INSURANCE_ITEMS[k], '是/否', '应填“是”或“否”');
            return [k, v === '是'];
          }),
        ) as Record<InsuranceItem, boolean>;
        if (w)
          rows.push({
            workerId: w.id,
            salaryFen: fen?.success ? fen.data : null,
            paidOn: paidOk && paidOn ? paidOn : null,
            ...flags,
          });
      }
      if (rows.length === 0 && issues.length === 0)
        issues.push({ row: 2, column: '—', rule: '非空', message: '表格中没有数据行' });
      const ok = issues.length === 0;
      if (ok && !dryRun) await save(ctx, month, rows, '导入');
      return { dryRun, rows: sheet.length, issues, committed: ok && !dryRun };
    },
  };
}
export type PayrollService = ReturnType<typeof createPayrollService>;
