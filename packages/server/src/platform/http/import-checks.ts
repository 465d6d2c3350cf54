import {
  readChoice,
  readDate,
  readId,
  readMoney,
  readPhone,
  readYesNo,
  textProblem,
  type ImportIssue,
  type ImportMapping,
  type ImportResult,
} from '@shegong/shared';
import { AppError } from './errors';
import { readTable } from './import-table';
import {
  expectedColumns,
  mappingProblem,
  sheetLayout,
  type ColumnSpec,
  type ImportSpec,
  type SheetLayout,
} from './import-spec';
import type { ImportUpload } from './xlsx-upload';
import type { RawRow } from './xlsx-import';

/** A cell in the schemas' form: text, a YYYY-MM-DD date, yuan as text, a yes/no, or null when empty and optional. */
export type CellValue = string | boolean | null;

/** The rule name each kind reports its cell problems under. */
const RULE = {
  text: '文字',
  id: '文本格式',
  phone: '格式',
  date: '日期',
  money: '金额',
  yesno: '是/否',
  choice: '取值',
};

/** One data row being checked: its cells in the schemas' form and where to report a problem. */
export interface RowCheck {
  row: number;
  values: Record<string, CellValue>;
  /** The cell as read (trimmed text; '' when empty or the column is absent). */
  text(column: string): string;
  issue(column: string, rule: string, message: string, value?: string): void;
  /** Whether `column`'s cell was refused by its form (e.g. an ID in a number cell). */
  failed(column: string): boolean;
  /** The words for a `key` an earlier row of the file already had (`与第 n 行重复`); remembers this row. */
  repeated(key: string): string | undefined;
  /** Whether the row has no problem so far. */
  clean(): boolean;
}

/** Reads one cell by its column's kind; an empty required cell is a problem, an empty optional one is '' or null. */
type ReadCell = { ok: true; value: CellValue } | { ok: false; rule: string; message: string; shown?: string };

function readCell(spec: ColumnSpec, text: string, kind: RawRow['kinds'][number]): ReadCell {
  if (text === '')
    return spec.required
      ? { ok: false, rule: '必填', message: `“${spec.column}”必须填写` }
      : { ok: true, value: ['date', 'money', 'yesno'].includes(spec.kind) ? null : '' };
  const problem = textProblem(text);
  if (problem) return { ok: false, rule: '文字', message: problem };
  const r =
    spec.kind === 'id'
      ? readId(text, kind)
      : spec.kind === 'phone'
        ? readPhone(text)
        : spec.kind === 'date'
          ? readDate(text, kind)
          : spec.kind === 'money'
            ? readMoney(text, kind)
            : spec.kind === 'yesno'
              ? readYesNo(text)
              : spec.kind === 'choice'
                ? readChoice(text, spec.options ?? [])
                : { ok: true as const, value: text };
  if (r.ok) return r;
  return { ok: false, rule: RULE[spec.kind], message: r.message, shown: (r as { shown?: string }).shown };
}

/**
 * The checks every import makes of the file itself, in one place: the header (required columns, two headers for one
 * column), each cell's form by its column's kind (empty required cells, dates, money, yes/no, choices, an ID typed
 * into a number cell, characters that cannot be stored), the same key twice in the file and a sheet with no data
 * row. Each problem carries the file's header, the value as read and the row's name. The rows' content is checked by
 * the module's own schemas and rules through `RowCheck`. `answer` ends the import.
 */
export function importChecks(spec: ImportSpec, rows: RawRow[], mapping: ImportMapping = {}, maxRows?: number) {
  const layout: SheetLayout = sheetLayout(spec, rows, mapping, maxRows);
  const issues: ImportIssue[] = [...layout.issues];
  for (const column of layout.missing)
    issues.push({
      row: layout.headerRow,
      column,
      rule: '必填列',
      message: `文件中没有“${column}”列：请在页面上把文件中的某一列对应到“${column}”，或使用下载的模板`,
    });
  /** Missing columns or a header conflict: no row is checked, nothing is written. */
  const stopped = issues.length > 0;
  const seen = new Map<string, number>();
  const raw = (r: RawRow, column: string) => {
    const i = layout.at.get(column);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };

  function check(r: RawRow): RowCheck {
    // This row's own problems: rows are read before the module checks them, so a count of all issues would not do.
    let own = 0;
    const failed = new Set<string>();
    const name = spec.nameColumn ? raw(r, spec.nameColumn) : '';
    const issue = (column: string, rule: string, message: string, value?: string) => {
      const i = layout.at.get(column);
      const v = value ?? raw(r, column);
      own++;
      issues.push({
        row: r.row,
        column,
        rule,
        message,
        ...(i === undefined ? {} : { header: layout.headers[i] }),
        ...(v ? { value: v } : {}),
        ...(name ? { name } : {}),
      });
    };
    const values: Record<string, CellValue> = {};
    for (const c of spec.columns) {
      const i = layout.at.get(c.column);
      const read = readCell(c, raw(r, c.column), i === undefined ? 'empty' : (r.kinds[i] ?? 'empty'));
      if (read.ok) values[c.column] = read.value;
      else {
        values[c.column] = null;
        failed.add(c.column);
        issue(c.column, read.rule, read.message, read.shown);
      }
    }
    return {
      row: r.row,
      values,
      text: (column) => raw(r, column),
      issue,
      failed: (column) => failed.has(column),
      repeated(key) {
        const first = seen.get(key);
        seen.set(key, r.row);
        return first === undefined ? undefined : `与第 ${first} 行重复`;
      },
      clean: () => own === 0,
    };
  }

  return {
    layout,
    /** Every non-empty row of the file as read (title rows and header included), for the problems download. */
    sheet: rows,
    issues,
    stopped,
    /** Each data row, checked by its cells' forms (none when the header stopped the import). */
    rows: (): RowCheck[] => (stopped ? [] : layout.data.map(check)),
    /** The same rows in chunks, yielding to the event loop between them (a 100,000-row import stays responsive). */
    async *chunks(size = 2000): AsyncGenerator<RowCheck[]> {
      if (stopped) return;
      for (let i = 0; i < layout.data.length; i += size) {
        yield layout.data.slice(i, i + size).map(check);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    /** The import's answer: a sheet with no data row is refused; `commit` runs only when no row has a problem. */
    async answer(dryRun: boolean, commit: () => Promise<unknown>): Promise<ImportResult> {
      const count = layout.data.length;
      if (!stopped && count === 0)
        issues.push({ row: layout.headerRow + 1, column: '—', rule: '非空', message: '表格中没有数据行' });
      const ok = issues.length === 0;
      if (ok && !dryRun) await commit();
      return {
        dryRun,
        rows: count,
        issues,
        committed: ok && !dryRun,
        columns: layout.columns,
        expected: expectedColumns(spec),
        missing: layout.missing,
      };
    },
  };
}
export type ImportChecks = ReturnType<typeof importChecks>;

/** Reads an upload (.xlsx or .csv) and starts its checks; a mapping naming no template column is refused. */
export async function readImport(
  spec: ImportSpec,
  upload: ImportUpload,
  opts: { maxRows?: number } = {},
): Promise<ImportChecks> {
  const wrong = mappingProblem(spec, upload.mapping);
  if (wrong) throw new AppError('VALIDATION_FAILED', `「列对应」${wrong}`, { fieldErrors: { mapping: wrong } });
  return importChecks(spec, await readTable(upload.file, opts), upload.mapping, opts.maxRows);
}
