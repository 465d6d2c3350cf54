import ExcelJS from 'exceljs';
import type { ImportResult } from '@shegong/shared';
import type { ColumnKind, ImportSpec } from './import-spec';
import type { RawRow } from './xlsx-import';
import { HEADER_FILL, a4Landscape, displayWidth } from './xlsx';

/** Column widths sized to the content, in Excel's character units. */
const fit = (texts: string[], min = 8, max = 40) => Math.min(max, Math.max(min, ...texts.map(displayWidth)) + 2);

/** Rows of wrapped text as high as their longest cell needs (ExcelJS does not measure; LibreOffice keeps it). */
function fitHeight(row: ExcelJS.Row, widths: number[]) {
  let lines = 1;
  row.eachCell((cell, col) => {
    lines = Math.max(lines, Math.ceil(displayWidth(cell.text) / Math.max(1, (widths[col - 1] ?? 10) - 1)));
  });
  if (lines > 1) row.height = 15 * lines;
}

/** The platform's print setup (xlsx.ts) with the header frozen. */
function printable(ws: ExcelJS.Worksheet, headerRow: number) {
  const { pageSetup, headerFooter } = a4Landscape(headerRow);
  ws.pageSetup = { ...ws.pageSetup, ...pageSetup };
  ws.headerFooter = { ...ws.headerFooter, ...headerFooter };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}

const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** The accepted forms of each kind, as the template's instructions sheet tells them. */
export const FORMS_OF: Record<ColumnKind, string> = {
  text: '文字',
  id: '18 位身份证号，单元格须为“文本”格式（数字格式会丢失末几位）',
  phone: '手机号或座机号',
  date: '年在前的日期：2021-03-05、2021/3/5、2021.3.5、2021年3月5日、20210305 或日期单元格',
  money: '金额（元，最多两位小数）：3600、3,600.50、4200元、￥4,200',
  yesno: '是/否（也接受 Y/N、√/×、有/无、1/0）',
  choice: '',
};
const TEXT_KINDS: ColumnKind[] = ['id', 'phone', 'text', 'choice'];

/**
 * An import template: the data sheet first (header only, or pre-filled rows), text columns formatted as text,
 * columns sized to their content, header frozen, printable on A4 landscape; then a 填写说明 sheet with each column's
 * rule and accepted forms and a valid example row (so the example is never imported by mistake).
 */
export async function importTemplate(opts: {
  sheet: string;
  spec: ImportSpec;
  rows?: (string | null)[][];
  example?: string[];
}): Promise<ArrayBuffer> {
  const { spec, rows = [] } = opts;
  const names = spec.columns.map((c) => c.column);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet);
  const h = ws.addRow(names);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  for (const r of rows) ws.addRow(r);
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const widest = c.kind === 'id' ? 22 : 8;
    col.width = fit([c.column, ...rows.map((r) => r[i] ?? '')], widest);
    if (TEXT_KINDS.includes(c.kind)) col.numFmt = '@';
  });
  printable(ws, 1);

  const help = wb.addWorksheet('填写说明');
  const widths = [20, 9, 56, 40, 22];
  widths.forEach((w, i) => {
    help.getColumn(i + 1).width = w;
    help.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  help.getColumn(5).numFmt = '@';
  help.addRow(['列', '是否必填', '填写要求', '也可用的表头', '示例']).font = { bold: true };
  spec.columns.forEach((c, i) => {
    const forms = c.kind === 'choice' ? `从以下选一：${(c.options ?? []).join('、')}` : FORMS_OF[c.kind];
    const r = help.addRow([
      c.column,
      c.required ? '必填' : '选填',
      forms,
      (c.synonyms ?? []).join('、'),
      opts.example?.[i] ?? '',
    ]);
    fitHeight(r, widths);
  });
  help.addRow([]);
  const note = help.addRow([
    '说明：在第一张工作表中从第 2 行起填写，每人一行；表头也可用“也可用的表头”中的名称，或在导入页面上手动对应。',
  ]);
  help.mergeCells(note.number, 1, note.number, widths.length);
  printable(help, 1);
  return wb.xlsx.writeBuffer();
}

/**
 * The uploaded sheet as read — every row at its own row number, all columns as text — with a 问题 column
 * (`列：说明；…`) and the problem rows highlighted, so the office fixes the file in Excel and uploads it again.
 */
export async function problemsWorkbook(
  checks: { sheet: RawRow[]; layout: { headerRow: number } },
  result: ImportResult,
): Promise<ArrayBuffer> {
  const rows = checks.sheet;
  const { headerRow } = checks.layout;
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 1);
  const problemCol = width + 1;
  const byRow = new Map<number, string[]>();
  for (const i of result.issues)
    byRow.set(i.row, [...(byRow.get(i.row) ?? []), `${i.column === '—' ? '' : `${i.column}：`}${i.message}`]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入问题');
  for (let c = 1; c <= problemCol; c++) ws.getColumn(c).numFmt = '@';
  for (const r of rows) {
    const row = ws.getRow(r.row);
    r.cells.forEach((text, i) => {
      row.getCell(i + 1).value = text;
    });
  }
  const header = ws.getRow(headerRow);
  const headerProblems = byRow.get(headerRow);
  header.getCell(problemCol).value = headerProblems ? `问题（表头：${headerProblems.join('；')}）` : '问题';
  header.font = { bold: true };
  for (let c = 1; c <= problemCol; c++) header.getCell(c).fill = HEADER_FILL;
  const widths = Array.from({ length: width }, (_, c) => fit(rows.map((r) => r.cells[c] ?? '')));
  widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  const problems = ws.getColumn(problemCol);
  problems.width = 60;
  problems.alignment = { wrapText: true, vertical: 'top' };
  for (const [n, texts] of byRow) {
    if (n === headerRow) continue;
    const row = ws.getRow(n);
    row.getCell(problemCol).value = texts.join('；');
    row.getCell(problemCol).font = { color: { argb: 'FFC00000' } };
    for (let c = 1; c <= problemCol; c++) row.getCell(c).fill = PROBLEM_FILL;
    fitHeight(row, [...widths, 60]);
  }
  printable(ws, headerRow);
  return wb.xlsx.writeBuffer();
}
