import { textProblem, type ImportIssue, type ImportResult } from '@shegong/shared';
import type { SheetRow } from '../../platform/http/xlsx-import';

/** What to tell an office whose ID column holds numbers: the digits are already lost, so only retyping helps. */
export const NUMBER_ID_MESSAGE =
  '该单元格是数字格式，Excel 已把 18 位身份证号存成数字并丢失了末几位：请把该列设为“文本”格式后重新录入身份证号';

/** A 是/否 cell as a boolean, an empty one as 否; anything else is left for the schema to refuse. */
export const yesNo = (v: string): boolean | string => (v === '是' ? true : v === '否' || v === '' ? false : v);

/**
 * The checks the roster and the pay imports make of the file itself, in one place (the rows' content is checked by
 * the single create's and the grid's own rules): the text of every column, an ID typed into a number cell, the same
 * person twice in the file, and a sheet with no data row. `row(r)` starts a row's checks; `answer` ends the import.
 */
export function importChecks(columns: readonly string[]) {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  return {
    issues,
    /** Starts checking one row: reports its text problems and answers the row's own checks. */
    row(r: SheetRow) {
      const before = issues.length;
      const issue = (column: string, rule: string, message: string) =>
        issues.push({ row: r.row, column, rule, message });
      for (const c of columns) {
        const problem = textProblem(r.cells[c]);
        if (problem) issue(c, '文字', problem);
      }
      return {
        issue,
        /** Whether `column` (an ID) was typed into a number cell, reported with the reason: its digits are lost. */
        numberId(column: string): boolean {
          if (r.kinds[column] !== 'number') return false;
          issue(column, '文本格式', NUMBER_ID_MESSAGE);
          return true;
        },
        /** The words for a `key` an earlier row of the file already had (`与第 n 行重复`); remembers this row. */
        repeated(key: string): string | undefined {
          const first = seen.get(key);
          seen.set(key, r.row);
          return first === undefined ? undefined : `与第 ${first} 行重复`;
        },
        /** Whether the row has no problem so far. */
        clean: () => issues.length === before,
      };
    },
    /** The import's answer: a sheet with no data row is refused; `commit` runs only when no row has a problem. */
    async answer(rows: number, dryRun: boolean, commit: () => Promise<unknown>): Promise<ImportResult> {
      if (rows === 0) issues.push({ row: 2, column: '—', rule: '非空', message: '表格中没有数据行' });
      const ok = issues.length === 0;
      if (ok && !dryRun) await commit();
      return { dryRun, rows, issues, committed: ok && !dryRun, columns: [], expected: [], missing: [] };
    },
  };
}
