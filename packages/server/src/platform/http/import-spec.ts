import { headerKey, type ImportColumn, type ImportIssue, type ImportMapping } from '@shegong/shared';
import { HEADER_SCAN_ROWS, MAX_IMPORT_ROWS, tooManyRows, type RawRow } from './xlsx-import';

/** How a column's cells are read (shared/imports/cells.ts): each kind accepts the unambiguous forms offices type. */
export type ColumnKind = 'text' | 'id' | 'phone' | 'date' | 'money' | 'yesno' | 'choice';

/** One template column of an import: its name, how its cells are read, whether a cell may be empty, other names. */
export interface ColumnSpec {
  column: string;
  kind: ColumnKind;
  /** The column must be in the file and no cell of it may be empty (rule 必填). */
  required?: boolean;
  /** Other headers offices use for it (compared after headerKey: spaces, full-width forms, units dropped). */
  synonyms?: readonly string[];
  /** For `choice`: the accepted labels. */
  options?: readonly string[];
}

/**
 * A declarative import: the template's columns in order, and the column naming the person (shown with each
 * problem). Roster, payroll and every later import (beneficiaries …) are one of these; extending an import is
 * adding a column here and reading it in the module's row input.
 */
export interface ImportSpec {
  columns: readonly ColumnSpec[];
  nameColumn?: string;
}

/** How the uploaded sheet was understood: its header row, each file column's header and template column. */
export interface SheetLayout {
  /** Excel row number of the header row (1 when the sheet is empty). */
  headerRow: number;
  /** Each file column's header as shown (`（第 F 列，无表头）` when blank), by column index. */
  headers: string[];
  columns: ImportColumn[];
  /** Template column → file column index. */
  at: Map<string, number>;
  missing: string[];
  /** Problems of the header row itself (two headers for one column). */
  issues: ImportIssue[];
  /** The rows below the header that hold something in the template's columns. */
  data: RawRow[];
}

const letter = (i: number): string =>
  (i >= 26 ? letter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** The template column a header stands for, and how it was recognised. */
function resolver(spec: ImportSpec, mapping: ImportMapping) {
  const byKey = new Map<string, string>();
  for (const c of spec.columns) for (const s of c.synonyms ?? []) byKey.set(headerKey(s), c.column);
  for (const c of spec.columns) byKey.set(headerKey(c.column), c.column); // the template's own names win
  return (header: string): Omit<ImportColumn, 'header'> => {
    if (Object.hasOwn(mapping, header)) return { column: mapping[header] || null, how: 'manual' };
    const column = header ? byKey.get(headerKey(header)) : undefined;
    if (!column) return { column: null, how: 'ignored' };
    return { column, how: column === header.trim() ? 'exact' : 'synonym' };
  };
}

/**
 * Finds the header (the first of the first rows naming at least two template columns; title rows above it are
 * skipped), maps each file column to a template column (manual mapping, then the template's names and synonyms) and
 * names the required columns no header maps to. More than `maxRows` data rows are refused.
 */
export function sheetLayout(
  spec: ImportSpec,
  rows: RawRow[],
  mapping: ImportMapping = {},
  maxRows = MAX_IMPORT_ROWS,
): SheetLayout {
  const resolve = resolver(spec, mapping);
  const known = (r: RawRow) => r.cells.filter((c) => c && resolve(c.trim()).column).length;
  const head = rows.slice(0, HEADER_SCAN_ROWS).findIndex((r) => known(r) >= Math.min(2, spec.columns.length));
  const at = head < 0 ? 0 : head;
  const header = rows[at];
  const data = header ? rows.slice(at + 1) : [];
  // A loop, not a spread: a 100,000-row sheet would overflow the call stack as arguments.
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), header?.cells.length ?? 0);
  const headers: string[] = [];
  const columns: ImportColumn[] = [];
  const index = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const headerRow = header?.row ?? 1;
  for (let i = 0; i < width; i++) {
    const text = (header?.cells[i] ?? '').trim();
    const label = text || `（第 ${letter(i)} 列，无表头）`;
    headers[i] = label;
    if (!text && !data.some((r) => (r.cells[i] ?? '') !== '') && !Object.hasOwn(mapping, label)) continue;
    const seen = resolve(label);
    const first = seen.column === null ? undefined : index.get(seen.column);
    if (seen.column !== null && first !== undefined) {
      issues.push({
        row: headerRow,
        column: seen.column,
        header: label,
        rule: '表头',
        message: `“${headers[first]}”和“${label}”都对应“${seen.column}”：请在页面上把其中一列设为不导入`,
      });
    } else if (seen.column !== null) index.set(seen.column, i);
    columns.push({ header: label, ...seen });
  }
  // A row holding nothing in the template's columns (a note beside the table) is no data row.
  const used = [...index.values()];
  const filled = data.filter((r) => used.some((i) => (r.cells[i] ?? '') !== ''));
  if (filled.length > maxRows) throw tooManyRows(maxRows);
  const missing = spec.columns.filter((c) => c.required && !index.has(c.column)).map((c) => c.column);
  return { headerRow, headers, columns, at: index, missing, issues, data: filled };
}

/** The answer's `expected`: the template's columns in order and which are required. */
export const expectedColumns = (spec: ImportSpec) =>
  spec.columns.map((c) => ({ column: c.column, required: !!c.required }));

/** A manual mapping may only name template columns (or '' to ignore a header). */
export function mappingProblem(spec: ImportSpec, mapping: ImportMapping): string | null {
  const names = new Set(spec.columns.map((c) => c.column));
  const wrong = Object.values(mapping).find((c) => c !== '' && !names.has(c));
  return wrong === undefined ? null : `“${wrong}”不是模板中的列`;
}
