import { parse } from 'csv-parse/sync';
import { AppError } from './errors';
import { HEADER_SCAN_ROWS, MAX_IMPORT_ROWS, invalidFile, readXlsxRows, tooManyRows, type RawRow } from './xlsx-import';

/** An uploaded import file: its bytes and its name as sent. */
export interface UploadedFile {
  bytes: Buffer;
  filename: string;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from([0x50, 0x4b]);

/** UTF-8 (a BOM dropped) when the bytes are valid UTF-8, else GB18030 (GBK), as Excel and WPS save a CSV in China. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The non-empty records of a CSV as rows numbered as Excel numbers them when it opens the file. */
export function readCsvRows(bytes: Buffer, maxRows = MAX_IMPORT_ROWS): RawRow[] {
  // NUL bytes: a binary file, or Excel's "Unicode text" (UTF-16), which is no CSV.
  if (bytes.includes(0))
    throw invalidFile(
      '「文件」不是有效的 .csv 文本表格：请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入',
      '不是有效的 .csv 文件',
    );
  const rows: RawRow[] = [];
  const cap = maxRows + HEADER_SCAN_ROWS;
  try {
    parse(decodeCsv(bytes), {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], { records }: { records: number }) => {
        const cells = record.map((c) => c.trim());
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        if (!cells.length) return null;
        if (rows.length === cap) throw tooManyRows(maxRows);
        rows.push({ row: records, cells, kinds: cells.map((c) => (c === '' ? 'empty' : 'string')) });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalidFile(
      '「文件」不是有效的 .csv 表格（引号或分隔符有误），请在 Excel/WPS 中另存为 .xlsx 后再导入',
      '不是有效的 .csv 文件',
    );
  }
  return rows;
}

/**
 * The rows of an uploaded .xlsx or .csv (UTF-8 or GBK). An .xls or WPS .et (an OLE2 file) is refused with what to
 * do; anything else that is neither a zip nor a file named .csv is refused as not a table.
 */
export async function readTable(file: UploadedFile, opts: { maxRows?: number } = {}): Promise<RawRow[]> {
  const head = file.bytes.subarray(0, 4);
  if (head.equals(OLE2))
    throw invalidFile(
      '「文件」是旧版 .xls（或 WPS .et）格式，无法读取：请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入',
      '旧版 .xls 格式',
    );
  // LibreOffice's own format is a zip too, with its mimetype stored first, uncompressed.
  const ods =
    /\.ods$/i.test(file.filename) || file.bytes.subarray(0, 120).includes('application/vnd.oasis.opendocument');
  if (head.subarray(0, 2).equals(ZIP) && ods)
    throw invalidFile(
      '「文件」是 LibreOffice 的 .ods 格式：请在 LibreOffice 中“另存为” .xlsx（Excel 2007-365）或 .csv 后再导入',
      '.ods 格式',
    );
  if (head.subarray(0, 2).equals(ZIP)) return readXlsxRows(file.bytes, opts);
  if (/\.(csv|txt)$/i.test(file.filename)) return readCsvRows(file.bytes, opts.maxRows);
  throw invalidFile('「文件」不是有效的 .xlsx 或 .csv 表格', '不是有效的 .xlsx 或 .csv 文件');
}
