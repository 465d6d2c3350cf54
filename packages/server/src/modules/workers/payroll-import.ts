import {
  CONTRIBUTION_FIELDS,
  INSURANCE_ITEMS,
  checkCitizenId,
  payrollEntrySchema,
  type PayrollEntry,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import { readImport, type CellValue } from '../../platform/http/import-checks';
import type { ColumnSpec, ImportSpec } from '../../platform/http/import-spec';
import { importTemplate } from '../../platform/http/import-workbooks';
import type { ActorContext } from '../../platform/http/context';
import { payrollRepository as repo } from './payroll.repository';
import { INSURANCE_KEYS, type PayrollService, type SavedEntry } from './payroll.service';
import { ID_COLUMN, NAME_SYNONYMS, importEndpoints, type ImportRun } from './import-rows';
import { workerScope } from './workers.repository';

/** The other names offices give each 五险一金 item. */
const INSURANCE_SYNONYMS: Record<keyof typeof INSURANCE_ITEMS, string[]> = {
  pension: ['养老险', '基本养老保险', '养老'],
  medical: ['医保', '医疗险', '基本医疗保险', '医疗'],
  unemployment: ['失业险', '失业'],
  injury: ['工伤险', '工伤'],
  maternity: ['生育险', '生育'],
  housingFund: ['公积金', '住房公积'],
};

/**
 * The monthly pay template (R-STAFF-6), in order. Each column after the ID and name fills the entry field named in
 * `field`: adding a column to the import is adding one line here (its kind decides how its cells are read).
 */
export const PAYROLL_FIELDS: (ColumnSpec & { field: keyof PayrollEntry })[] = [
  {
    column: '实发工资（元）',
    field: 'salary',
    kind: 'money',
    synonyms: ['实发工资', '实发金额', '实发', '实发薪酬', '工资'],
  },
  { column: '发放日期', field: 'paidOn', kind: 'date', synonyms: ['发放时间', '工资发放日期', '发薪日期'] },
  ...INSURANCE_KEYS.map((k) => ({
    column: INSURANCE_ITEMS[k],
    field: k,
    kind: 'yesno' as const,
    required: true,
    synonyms: INSURANCE_SYNONYMS[k],
  })),
  // The 五险一金 amounts (R-STAFF-6): a file without these columns records none; with them, see CONTRIBUTIONS below.
  {
    column: '缴费基数（元）',
    field: 'insuranceBase',
    kind: 'money',
    synonyms: ['缴费工资', '社保缴费基数', '缴费基数', '基数'],
  },
  {
    column: '单位缴纳（元）',
    field: 'employerShare',
    kind: 'money',
    synonyms: ['单位部分', '单位缴费', '单位承担', '单位缴纳金额'],
  },
  {
    column: '个人缴纳（元）',
    field: 'employeeShare',
    kind: 'money',
    synonyms: ['个人部分', '个人缴费', '个人承担', '个人缴纳金额'],
  },
];
/** Required on a row that pays any 五险一金 item, when the file has the column (an empty cell must not pass). */
const CONTRIBUTIONS = PAYROLL_FIELDS.filter((c) => c.field in CONTRIBUTION_FIELDS);
export const PAYROLL_SPEC: ImportSpec = {
  nameColumn: '姓名',
  columns: [ID_COLUMN, { column: '姓名', kind: 'text', synonyms: NAME_SYNONYMS }, ...PAYROLL_FIELDS],
};
const COLUMN_OF: Record<string, string> = Object.fromEntries(PAYROLL_FIELDS.map((c) => [c.field, c.column]));
const entryOfRow = payrollEntrySchema.omit({ workerId: true });
const sameName = (n: string) => n.normalize('NFKC').replace(/\s+/g, '');

/** A row's read cells as the entry schema's input (money as yuan text, dates YYYY-MM-DD, yes/no as booleans). */
const rowInput = (v: Record<string, CellValue>) =>
  Object.fromEntries(PAYROLL_FIELDS.map((c) => [c.field, v[c.column]]));

/**
 * The month's pay from Excel or CSV (R-STAFF-6): each row is checked by the grid's own entry schema and written by
 * the grid's own save, all rows at once and only when no row has a problem; the dry run runs the same checks. Only
 * matching the citizen ID to the roster lives here; the file's own checks are the platform's, by PAYROLL_SPEC.
 */
export function createPayrollImport(d: { db: Db; clock: Clock; payroll: PayrollService }) {
  const run: ImportRun<[string]> = async (ctx, upload, dryRun, month) => {
    if (ctx.actor.scope.kind !== 'organisation')
      throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的薪酬和社保');
    const checks = await readImport(PAYROLL_SPEC, upload);
    const staff = await repo.rosterOf(d.db, workerScope(ctx.actor.scope, d.clock.today()));
    const byId = new Map(staff.map((w) => [w.idNumber, w]));
    const absent = Object.fromEntries(
      PAYROLL_FIELDS.filter((c) => !checks.layout.at.has(c.column)).map((c) => [c.field, undefined]),
    );
    const rows: SavedEntry[] = [];
    for (const r of checks.rows()) {
      const { issue, repeated, clean, values } = r;
      const idNumber = String(values['身份证号'] ?? '');
      const w = byId.get(idNumber);
      // One problem per ID cell, the first that applies (a number cell or an empty one was reported by its form).
      if (!r.failed('身份证号')) {
        const idCheck = checkCitizenId(idNumber, d.clock.today());
        const repeat = repeated(idNumber);
        const idProblem: [string, string] | undefined = !idCheck.ok
          ? ['GB 11643', idCheck.message]
          : !w
            ? ['R-STAFF-6', '本机构名册中没有该社工，请先登记']
            : repeat
              ? ['唯一', repeat]
              : undefined;
        if (idProblem) issue('身份证号', ...idProblem);
      }
      const name = r.text('姓名');
      // Offices pad two-character names (王丽 padded with a full-width space): spaces of any width do not make another name.
      if (w && name && sameName(name) !== sameName(w.name)) issue('姓名', '一致', `与名册姓名“${w.name}”不一致`);
      const parsed = entryOfRow.safeParse(rowInput(values));
      if (!parsed.success)
        for (const i of parsed.error.issues) {
          const column = COLUMN_OF[String(i.path[0])] ?? '—';
          if (!r.failed(column)) issue(column, '格式', i.message);
        }
      if (parsed.success && INSURANCE_KEYS.some((k) => parsed.data[k]))
        for (const c of CONTRIBUTIONS)
          if (checks.layout.at.has(c.column) && values[c.column] == null && !r.failed(c.column))
            issue(c.column, '必填', `缴纳了五险一金的，须填写${c.column.replace('（元）', '')}（元）`);
      // A column the file does not have leaves what is stored (re-importing an older layout erases nothing).
      if (w && parsed.success && clean()) rows.push({ workerId: w.id, ...parsed.data, ...absent });
    }
    const result = await checks.answer(dryRun, () => d.payroll.save(ctx, month, rows, '导入'));
    return { checks, result };
  };
  const endpoints = importEndpoints(run);
  return {
    /** The month's template, pre-filled for an organisation with its workers of that month (ID as text, name). */
    async template(ctx: ActorContext, month: string) {
      // The grid's own read (and its read_pii audit, as the file carries the IDs in clear).
      const items =
        ctx.actor.scope.kind === 'organisation' ? (await d.payroll.grid(ctx, month, {}, '下载导入模板')).items : [];
      const rows = items.filter((w) => !w.idNumber.includes('*')).map((w) => [w.idNumber, w.name]);
      return importTemplate({
        sheet: `${month} 薪酬社保`,
        spec: PAYROLL_SPEC,
        rows,
        example: [
          '41092819950312122X',
          '张三',
          '3,600.50',
          '2026-03-10',
          '是',
          '是',
          '是',
          '是',
          '是',
          '否',
          '3,800',
          '1,012.30',
          '388.60',
        ],
      });
    },
    importMonth: (ctx: ActorContext, month: string, upload: Parameters<typeof endpoints.run>[1], dryRun: boolean) =>
      endpoints.run(ctx, upload, dryRun, month),
    monthProblems: (ctx: ActorContext, month: string, upload: Parameters<typeof endpoints.run>[1]) =>
      endpoints.problems(ctx, upload, month),
  };
}
export type PayrollImport = ReturnType<typeof createPayrollImport>;
