import {
  INSURANCE_ITEMS,
  checkCitizenId,
  payrollEntrySchema,
  textProblem,
  type ImportIssue,
  type ImportResult,
  type PayrollEntry,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import { readSheet, templateWorkbook } from '../../platform/http/xlsx-import';
import { payrollRepository as repo } from './payroll.repository';
import { INSURANCE_KEYS, type PayrollService } from './payroll.service';
import { NUMBER_ID_MESSAGE } from './roster-import';
import { workerScope } from './workers.repository';

type Ctx = RequestContext & { actor: Actor };

/** Template columns of the monthly pay import, in order. */
export const PAYROLL_COLUMNS = ['身份证号', '姓名', '实发工资（元）', '发放日期', ...Object.values(INSURANCE_ITEMS)];
/** The column of each field of the entry schema, so a row's problems point at its cells. */
const COLUMN_OF: Record<string, string> = {
  salary: '实发工资（元）',
  paidOn: '发放日期',
  ...INSURANCE_ITEMS,
};
const entryOfRow = payrollEntrySchema.omit({ workerId: true });

/** A row's cells as the entry schema's input: 是/否 as booleans, empty cells as none; anything else left to refuse. */
function rowInput(cell: (c: string) => string) {
  const yesNo = (v: string) => (v === '是' ? true : v === '否' || v === '' ? false : v);
  return {
    salary: cell('实发工资（元）') || null,
    paidOn: cell('发放日期') || null,
    ...Object.fromEntries(INSURANCE_KEYS.map((k) => [k, yesNo(cell(INSURANCE_ITEMS[k]))])),
  };
}

/**
 * The month's pay from Excel (R-STAFF-6): each row is checked by the grid's own entry schema and written by the
 * grid's own save, all rows at once and only when no row has a problem; the dry run runs the same checks. Only
 * matching the citizen ID to the roster and the file's own checks (text, number cells, repeats) live here.
 */
export function createPayrollImport(d: { db: Db; clock: Clock; payroll: PayrollService }) {
  return {
    template: () =>
      templateWorkbook(
        '薪酬社保',
        PAYROLL_COLUMNS,
        ['410928199503121220', '示例（导入前删除此行）', 3200, '2026-03-10', '是', '是', '是', '是', '是', '否'],
        ['身份证号'],
      ),

    async importMonth(ctx: Ctx, month: string, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
      if (ctx.actor.scope.kind !== 'organisation')
        throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的薪酬和社保');
      const sheet = await readSheet(bytes, PAYROLL_COLUMNS);
      const staff = await repo.rosterOf(d.db, workerScope(ctx.actor.scope, d.clock.today()));
      const byId = new Map(staff.map((w) => [w.idNumber, w]));
      const issues: ImportIssue[] = [];
      const seen = new Map<string, number>();
      const rows: PayrollEntry[] = [];
      for (const { row: n, cells, kinds } of sheet) {
        const cell = (c: string) => cells[c];
        const before = issues.length;
        const issue = (column: string, rule: string, message: string) => issues.push({ row: n, column, rule, message });
        for (const c of PAYROLL_COLUMNS) {
          const problem = textProblem(cell(c));
          if (problem) issue(c, '文字', problem);
        }
        const idNumber = cell('身份证号').toUpperCase();
        const idCheck = checkCitizenId(idNumber, d.clock.today());
        const w = kinds['身份证号'] === 'number' ? undefined : byId.get(idNumber);
        if (kinds['身份证号'] === 'number') issue('身份证号', '文本格式', NUMBER_ID_MESSAGE);
        else if (!idCheck.ok) issue('身份证号', 'GB 11643', idCheck.message);
        else if (!w) issue('身份证号', 'R-STAFF-6', '本机构名册中没有该社工，请先登记');
        else if (seen.has(idNumber)) issue('身份证号', '唯一', `与第 ${seen.get(idNumber)} 行重复`);
        seen.set(idNumber, n);
        if (w && cell('姓名') && cell('姓名') !== w.name) issue('姓名', '一致', `与名册姓名“${w.name}”不一致`);
        const parsed = entryOfRow.safeParse(rowInput(cell));
        if (!parsed.success)
          for (const i of parsed.error.issues) {
            const field = String(i.path[0]);
            issue(
              COLUMN_OF[field] ?? '—',
              field === 'salary' ? '金额' : field === 'paidOn' ? '日期' : '是/否',
              i.message,
            );
          }
        if (w && parsed.success && issues.length === before) rows.push({ workerId: w.id, ...parsed.data });
      }
      if (sheet.length === 0) issues.push({ row: 2, column: '—', rule: '非空', message: '表格中没有数据行' });
      const ok = issues.length === 0;
      if (ok && !dryRun) await d.payroll.save(ctx, month, rows, '导入');
      return { dryRun, rows: sheet.length, issues, committed: ok && !dryRun };
    },
  };
}
export type PayrollImport = ReturnType<typeof createPayrollImport>;
