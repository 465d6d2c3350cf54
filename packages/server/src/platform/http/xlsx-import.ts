import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { AppError } from './errors';

export type CellKind = 'empty' | 'string' | 'number' | 'date' | 'boolean' | 'formula' | 'error';

/** One data row of an uploaded sheet: its row number in Excel, each expected column's text and what kind of cell held it. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
  kinds: Record<string, CellKind>;
}

/** Largest number of data rows one import takes (the message tells the user to split the file). */
export const MAX_IMPORT_ROWS = 5000;

const WORKER = new URL('./sheet-reader.worker.mjs', import.meta.url);
const TIMEOUT_MS = 60_000;

type Outcome =
  | { rows: SheetRow[] }
  | { error: 'not_xlsx' | 'no_sheet' | 'too_many_rows' | 'too_large' }
  | { error: 'missing_columns'; missing: string[] };

/** Runs the reader in a worker with a bounded heap and a deadline; the worker is always terminated. */
function runWorker(bytes: Buffer, columns: string[], maxRows: number): Promise<Outcome> {
  // A copy with its own ArrayBuffer: a small Buffer may sit in Node's shared pool, which must not be transferred.
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { bytes: copy, columns, maxRows },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => resolve({ error: 'too_large' })), TIMEOUT_MS);
    worker.once('message', (o: Outcome) => settle(() => resolve(o)));
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ error: 'too_large' }) : reject(err))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`sheet reader exited with code ${code} before answering`))),
    );
  });
}

const invalid = (message: string, file: string) =>
  new AppError('VALIDATION_FAILED', message, { fieldErrors: { file } });

/**
 * Reads the first sheet of an uploaded .xlsx whose first row names the columns (the template's), off the event loop
 * and with bounded memory. Refuses a file that is not a workbook, lacks a column, has more than `maxRows` non-empty
 * data rows (found while streaming) or is too large or malformed to read; skips empty rows. Dates typed as dates come
 * back as YYYY-MM-DD; `kinds` tells, e.g., that an ID was typed into a number cell and has lost digits.
 */
/**
 * Excel stores characters XML cannot hold as `_xHHHH_` (a NUL typed in a cell is `_x0000_`); the streaming reader
 * leaves them escaped. Decoded here, so the one text rule sees — and refuses — what the office actually typed.
 */
const unescapeOoxml = (v: string) =>
  v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export async function readSheet(
  bytes: Buffer,
  columns: string[],
  opts: { maxRows?: number } = {},
): Promise<SheetRow[]> {
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const o = await runWorker(bytes, columns, maxRows);
  if ('rows' in o)
    return o.rows.map((r) => ({
      ...r,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, unescapeOoxml(v)])),
    }));
  switch (o.error) {
    case 'not_xlsx':
      throw invalid('「文件」不是有效的 .xlsx 表格', '不是有效的 .xlsx 文件');
    case 'no_sheet':
      throw invalid('「文件」没有工作表', '没有工作表');
    case 'missing_columns':
      throw invalid(`表头缺少列：${o.missing.join('、')}（请使用下载的模板）`, `缺少列 ${o.missing.join('、')}`);
    case 'too_many_rows':
      throw invalid(`「文件」数据行超过 ${maxRows} 行，请分成多个文件分批导入`, `数据行超过 ${maxRows} 行`);
    case 'too_large':
      throw invalid('「文件」过大或结构异常，无法读取（请检查是否为正常的 Excel 表格）', '过大或结构异常');
  }
}

/** A template workbook: the header row in bold, one example row, text format for ID columns. */
export async function templateWorkbook(
  sheet: string,
  columns: string[],
  example: unknown[],
  textColumns: string[] = [],
): Promise<ArrayBuffer> {
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
