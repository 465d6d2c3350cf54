import {
  INSURANCE_ITEMS,
  checkCitizenId,
  payrollEntrySchema,
  type ImportResult,
  type PayrollEntry,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import { readSheet, templateWorkbook } from '../../platform/http/xlsx-import';
import { payrollRepository as repo } from './payroll.repository';
import { INSURANCE_KEYS, type PayrollService } from './payroll.service';
import { importChecks, yesNo } from './import-rows';
import { workerScope } from './workers.repository';
import type { ActorContext } from '../../platform/http/context';

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

    async importMonth(ctx: ActorContext, month: string, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
      if (ctx.actor.scope.kind !== 'organisation')
        throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的薪酬和社保');
      const sheet = await readSheet(bytes, PAYROLL_COLUMNS);
      const staff = await repo.rosterOf(d.db, workerScope(ctx.actor.scope, d.clock.today()));
      const byId = new Map(staff.map((w) => [w.idNumber, w]));
      const checks = importChecks(PAYROLL_COLUMNS);
      const rows: PayrollEntry[] = [];
      for (const r of sheet) {
        const cell = (c: string) => r.cells[c];
        const { issue, numberId, repeated, clean } = checks.row(r);
        const idNumber = cell('身份证号').toUpperCase();
        const idCheck = checkCitizenId(idNumber, d.clock.today());
        const asNumber = numberId('身份证号');
        const w = asNumber ? undefined : byId.get(idNumber);
        const repeat = repeated(idNumber);
        // One problem per ID cell, the first that applies (a number cell was reported by `numberId`).
        const idProblem: [string, string] | undefined = asNumber
          ? undefined
          : !idCheck.ok
            ? ['GB 11643', idCheck.message]
            : !w
              ? ['R-STAFF-6', '本机构名册中没有该社工，请先登记']
              : repeat
                ? ['唯一', repeat]
                : undefined;
        if (idProblem) issue('身份证号', ...idProblem);
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
        if (w && parsed.success && clean()) rows.push({ workerId: w.id, ...parsed.data });
      }
      return checks.answer(sheet.length, dryRun, () => d.payroll.save(ctx, month, rows, '导入'));
    },
  };
}
export type PayrollImport = ReturnType<typeof createPayrollImport>;
