import ExcelJS from 'exceljs';
import { AppError } from './errors';

/** One data row of an uploaded sheet: its row number in Excel and each expected column's text. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

const text = (v: ExcelJS.CellValue): string => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (v && typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v ?? '').trim();
};

/**
 * Reads the first sheet of an uploaded .xlsx whose first row names the columns (the template's). Refuses a file that
 * is not a workbook or lacks a column; skips empty rows. Dates typed as dates come back as YYYY-MM-DD.
 */
export async function readSheet(bytes: Buffer, columns: string[]): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '「文件」不是有效的 .xlsx 表格', { fieldErrors: { file: '不是有效的 .xlsx 文件' } });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '「文件」没有工作表', { fieldErrors: { file: '没有工作表' } });
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `表头缺少列：${missing.join('、')}（请使用下载的模板）`, { fieldErrors: { file: `缺少列 ${missing.join('、')}` } });
  const rows: SheetRow[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const r = ws.getRow(n);
    const cells = Object.fromEntries(columns.map((c) => [c, text(r.getCell(header.indexOf(c) + 1).value)]));
    if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells });
  }
  return rows;
}

/** A template workbook: the header row in bold, one example row, text format for ID columns. */
export async function templateWorkbook(sheet: string, columns: string[], example: unknown[], textColumns: string[] = []): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns).font = { bold: true };
  ws.addRow(example);
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(10, c.length * 2 + 4);
    if (textColumns.includes(c)) ws.getColumn(i + 1).numFmt = '@';
  });
  return wb.xlsx.writeBuffer();
}
