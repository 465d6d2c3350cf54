import { Worker } from 'node:worker_threads';
import type { SheetCellKind } from '@shegong/shared';
import { AppError } from './errors';

export type CellKind = SheetCellKind;

/** One non-empty row of an uploaded sheet as read: its row number in Excel, every cell's text and kind, by column. */
export interface RawRow {
  row: number;
  cells: string[];
  kinds: CellKind[];
}

/** Largest number of data rows one import takes (the message tells the user to split the file). */
export const MAX_IMPORT_ROWS = 5000;
/** Rows above the header that may hold a title (the header is looked for among the first rows). */
export const HEADER_SCAN_ROWS = 10;

const WORKER = new URL('./sheet-reader.worker.mjs', import.meta.url);
const TIMEOUT_MS = 60_000;

type Outcome = { rows: RawRow[] } | { error: 'not_xlsx' | 'no_sheet' | 'too_many_rows' | 'too_large' };
/** The worker sends the rows in batches, each when asked for (so other requests run between), then the outcome. */
type Message = Outcome | { batch: RawRow[] };

/**
 * Excel stores characters XML cannot hold as `_xHHHH_` (a NUL typed in a cell is `_x0000_`); the streaming reader
 * leaves them escaped. Decoded here, so the one text rule sees — and refuses — what the office actually typed.
 */
const unescapeOoxml = (v: string) =>
  v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Runs the reader in a worker with a bounded heap and a deadline; the worker is always terminated. */
function runWorker(bytes: Buffer, maxRows: number): Promise<Outcome> {
  // A copy with its own ArrayBuffer: a small Buffer may sit in Node's shared pool, which must not be transferred.
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { bytes: copy, maxRows },
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
    const rows: RawRow[] = [];
    worker.on('message', (m: Message) => {
      if ('batch' in m) {
        for (const r of m.batch) rows.push({ ...r, cells: r.cells.map(unescapeOoxml) });
        // The next batch after other requests have had their turn.
        setImmediate(() => !settled && worker.postMessage('next'));
      } else settle(() => resolve('rows' in m ? { rows } : m));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ error: 'too_large' }) : reject(err))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`sheet reader exited with code ${code} before answering`))),
    );
  });
}

export const invalidFile = (message: string, file: string) =>
  new AppError('VALIDATION_FAILED', message, { fieldErrors: { file } });

export const tooManyRows = (maxRows: number) =>
  invalidFile(`「文件」数据行超过 ${maxRows} 行，请分成多个文件分批导入`, `数据行超过 ${maxRows} 行`);

/**
 * Every non-empty row of the first sheet of an uploaded .xlsx (all columns), off the event loop and with bounded
 * memory. Refuses a file that is not a workbook, has more than `maxRows` data rows (plus the rows a title and the
 * header may take; found while streaming) or is too large or malformed to read. Dates typed as dates come back as
 * YYYY-MM-DD; `kinds` tells, e.g., that an ID was typed into a number cell and has lost digits.
 */
export async function readXlsxRows(bytes: Buffer, opts: { maxRows?: number } = {}): Promise<RawRow[]> {
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const o = await runWorker(bytes, maxRows + HEADER_SCAN_ROWS);
  if ('rows' in o) return o.rows;
  switch (o.error) {
    case 'not_xlsx':
      throw invalidFile('「文件」不是有效的 .xlsx 表格', '不是有效的 .xlsx 文件');
    case 'no_sheet':
      throw invalidFile('「文件」没有工作表', '没有工作表');
    case 'too_many_rows':
      throw tooManyRows(maxRows);
    case 'too_large':
      throw invalidFile('「文件」过大或结构异常，无法读取（请检查是否为正常的 Excel 表格）', '过大或结构异常');
  }
}
