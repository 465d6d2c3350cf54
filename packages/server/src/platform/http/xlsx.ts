import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '../clock';

/** Sends a workbook with a UTF-8 file name that Excel, WPS and browsers all read. */
export function sendXlsx(reply: FastifyReply, buf: Buffer | ArrayBuffer, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(Buffer.from(buf as ArrayBuffer));
}

/**
 * How a column's cells are written: numbers stay numbers (sums and sorting work in Excel), money with two decimals,
 * rates as fractions shown as a percent, dates as date cells, IDs and phones as text (an 18-digit ID as a number
 * loses its last digits), long text wrapped.
 */
export type ColumnKind = 'text' | 'id' | 'number' | 'money' | 'percent' | 'date' | 'datetime' | 'wraptext';

/** A cell's value: dates as `YYYY-MM-DD`, datetimes as an ISO instant or Date, percents as fractions (0.5 = 50%). */
export type CellValue = string | number | Date | null | undefined;

export interface SheetColumn<T> {
  header: string;
  kind: ColumnKind;
  /** In characters; a default by kind and header otherwise. */
  width?: number;
  value: (row: T) => CellValue;
}

export interface ReportSheet<T> {
  /** The worksheet tab (at most 31 characters). */
  name: string;
  title: string;
  /** Whose data: the actor's unit or organisation (濮阳市, 清丰县, an organisation's name). */
  scope: string;
  /** The list's filters in words; empty for none. */
  filters: string;
  exportedAt: Date;
  columns: readonly SheetColumn<T>[];
  rows: readonly T[];
  /** A last row in bold (合计), written with the same columns. */
  total?: T;
}

const FONT = '宋体';
const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  id: '@',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const DEFAULT_WIDTH: Record<ColumnKind, number> = {
  text: 12,
  id: 22,
  number: 10,
  money: 14,
  percent: 10,
  date: 12,
  datetime: 18,
  wraptext: 40,
};
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** Rows above the table: title, 范围, 筛选条件, 导出时间. The header row follows. */
export const HEADER_ROW = 5;

/**
 * How every sheet the platform writes prints (exports, templates, problem lists): A4 landscape fitted to the page
 * width, the header row repeated on every page, page numbers in the footer.
 */
export const a4Landscape = (headerRow: number): Partial<ExcelJS.AddWorksheetOptions> => ({
  pageSetup: {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
});
/** The header row's fill in every sheet the platform writes. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };

/** Display width in Excel's character units at 10 pt: a CJK character is about 1.8 digits wide. */
export const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 1.8 : 1), 0);

const LINE_HEIGHT = 13;
/** Lines a wrapped text takes in a column of this width (each paragraph broken at the width). */
function linesOf(v: ExcelJS.CellValue, kind: ColumnKind, width: number) {
  if (typeof v !== 'string' || (kind !== 'text' && kind !== 'wraptext')) return 1;
  const room = Math.max(1, width - 1);
  return v.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(displayWidth(p) / room)), 0);
}
/** Neither Excel nor LibreOffice lays out wrapped text of a file it opens: the row gets the height of its lines. */
function fitHeight(row: ExcelJS.Row, kinds: ColumnKind[], widths: number[]) {
  const lines = Math.max(...kinds.map((k, i) => linesOf(row.getCell(i + 1).value, k, widths[i])));
  if (lines > 1) row.height = lines * LINE_HEIGHT + 3;
}

/**
 * A date cell for `YYYY-MM-DD` (UTC midnight is how ExcelJS writes a calendar day); a datetime cell in Shanghai
 * wall time, since a spreadsheet has no time zone.
 */
function cellOf(kind: ColumnKind, v: CellValue): ExcelJS.CellValue {
  if (v == null || v === '') return null;
  if (kind === 'date' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : v;
  }
  if (kind === 'datetime') {
    const t = typeof v === 'string' ? Date.parse(v) : v instanceof Date ? v.getTime() : NaN;
    return Number.isNaN(t) ? String(v) : new Date(t + SHANGHAI_OFFSET_MS);
  }
  if (kind === 'id' || kind === 'text' || kind === 'wraptext') return typeof v === 'string' ? v : String(v);
  return v;
}

/** Adds one export sheet in the house style (UX.md, Exports) and its print setup; answers the worksheet. */
export function addReportSheet<T>(wb: ExcelJS.Workbook, spec: ReportSheet<T>): ExcelJS.Worksheet {
  const cols = spec.columns;
  const n = cols.length;
  const ws = wb.addWorksheet(spec.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    ...a4Landscape(HEADER_ROW),
  });
  const top = [
    spec.title,
    `范围：${spec.scope || '—'}`,
    `筛选条件：${spec.filters || '全部'}`,
    `导出时间：${shanghaiDateTime(spec.exportedAt)}`,
  ];
  top.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.font = i === 0 ? { name: FONT, bold: true, size: 14 } : { name: FONT, size: 10 };
    if (n > 1) ws.mergeCells(i + 1, 1, i + 1, n);
    row.alignment = i === 0 ? { horizontal: 'center', vertical: 'middle' } : { vertical: 'middle' };
  });
  ws.getRow(1).height = 24;

  const header = ws.addRow(cols.map((c) => c.header));
  header.eachCell((c) => {
    c.font = { name: FONT, bold: true, size: 10 };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });

  const write = (item: T, bold: boolean) => {
    const row = ws.addRow(cols.map((c) => cellOf(c.kind, c.value(item))));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT, size: 10, bold };
      cell.border = BORDER;
      const fmt = NUM_FMT[c.kind];
      if (fmt) cell.numFmt = fmt;
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'wraptext' || c.kind === 'text' };
    });
    fitHeight(row, kinds, widths);
  };
  const kinds = cols.map((c) => c.kind);
  const widths = cols.map((c) => c.width ?? Math.max(DEFAULT_WIDTH[c.kind], Math.min(30, displayWidth(c.header) + 2)));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  fitHeight(
    header,
    cols.map(() => 'text'),
    widths,
  );
  for (const item of spec.rows) write(item, false);
  if (spec.total) write(spec.total, true);
  return ws;
}

/** A one-sheet export as the bytes to send. */
export async function reportWorkbook<T>(spec: ReportSheet<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addReportSheet(wb, spec);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { ExcelJS };
