import { PassThrough } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sheetLayout, type ImportSpec } from './import-spec';
import { MAX_IMPORT_ROWS, readXlsxRows } from './xlsx-import';

const COLUMNS = ['姓名', '身份证号', '聘用日期'];
const specOf = (columns: string[]): ImportSpec => ({
  columns: columns.map((column) => ({ column, kind: 'text', required: true })),
});

/** Each data row's text and kind by template column: the reader and the header layout together. */
async function readSheet(bytes: Buffer, columns: string[], opts: { maxRows?: number } = {}) {
  const { data, at } = sheetLayout(specOf(columns), await readXlsxRows(bytes, opts), {}, opts.maxRows);
  const pick = <T>(values: T[], empty: T) =>
    Object.fromEntries(columns.map((c) => [c, values[at.get(c) ?? -1] ?? empty]));
  return data.map((r) => ({ row: r.row, cells: pick(r.cells, ''), kinds: pick<string>(r.kinds, 'empty') }));
}
const TOO_LARGE = '「文件」过大或结构异常，无法读取（请检查是否为正常的 Excel 表格）';
const tooManyRows = (n: number) => `「文件」数据行超过 ${n} 行，请分成多个文件分批导入`;

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('名册'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large workbook written as Excel writes one (shared strings after the sheet), without holding it in memory. */
async function streamedWorkbook(rows: number) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('名册');
  ws.addRow(COLUMNS).commit();
  for (let i = 0; i < rows; i++)
    ws.addRow([`社工${i % 500}`, `41092819900101${String(i % 10000).padStart(4, '0')}`, '2026-03-01']).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

// --- hand-made zips, to build workbooks ExcelJS would never write ---------------------------------------------------
interface Part {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  method: 0 | 8;
}
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, crc: crc32(data), size: data.length, method: 0 };
};
/** Deflates head + body×repeat + tail as a stream, so the test never holds the inflated text. */
async function deflated(name: string, head: string, body: string, megabytes: number, tail: string): Promise<Part> {
  const z = createDeflateRaw();
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.from(body.repeat(Math.ceil((1 << 20) / body.length)));
  let crc = crc32(head),
    size = Buffer.byteLength(head);
  z.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!z.write(chunk)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end(tail);
  await ended;
  return { name, data: Buffer.concat(out), crc: crc32(tail, crc), size: size + Buffer.byteLength(tail), method: 8 };
}
/** A zip of the parts; `declared` replaces every uncompressed size in the headers (a bomb lies about them). */
function zip(parts: Part[], declared?: number) {
  const local: Buffer[] = [],
    central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = Math.min(declared ?? p.size, 0xffffffff);
    const h = Buffer.alloc(30),
      c = Buffer.alloc(46);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(p.method, 8);
    h.writeUInt32LE(p.crc, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(p.method, 10);
    c.writeUInt32LE(p.crc, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, p.data);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central),
    end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}
const skeleton = () => [
  stored('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  stored(
    'xl/workbook.xml',
    `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  stored(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];
const HEADER_ROW = `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`;

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the file to be refused').toBeTruthy();
  return err as { message: string; code: string; details: { fieldErrors: { file: string } } };
}

describe('readSheet (bounded .xlsx reader in a worker)', () => {
  it('maps columns by header, skips empty rows, keeps Excel row numbers and reads only the first sheet', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.addRow(['备注', '聘用日期', '姓名', '身份证号']);
      ws.addRow(['x', '2026-03-01', ' 张晓梅 ', '410928199503121220']);
      ws.addRow([]);
      ws.addRow(['只有备注']);
      ws.addRow(['', '2026-04-01', '刘伟', '410928199208081311']);
      wb.addWorksheet('第二页').addRow(['姓名', '身份证号', '聘用日期']).commit();
    });
    expect(await readSheet(bytes, COLUMNS)).toEqual([
      {
        row: 2,
        cells: { 姓名: '张晓梅', 身份证号: '410928199503121220', 聘用日期: '2026-03-01' },
        kinds: { 姓名: 'string', 身份证号: 'string', 聘用日期: 'string' },
      },
      {
        row: 5,
        cells: { 姓名: '刘伟', 身份证号: '410928199208081311', 聘用日期: '2026-04-01' },
        kinds: { 姓名: 'string', 身份证号: 'string', 聘用日期: 'string' },
      },
    ]);
  });

  it('joins the runs of a rich-text cell', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(COLUMNS);
      ws.addRow([
        { richText: [{ text: '张' }, { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '三' }] },
        '410928199503121220',
        '',
      ]);
    });
    const [r] = await readSheet(bytes, COLUMNS);
    expect(r.cells['姓名']).toBe('张三');
    expect(r.kinds['姓名']).toBe('string');
  });

  it('reports number, date, boolean, formula and error cells by kind', async () => {
    const typedAsNumber = Number('410928199001011234'); // what Excel keeps of an ID typed into a number cell
    const bytes = await workbook((ws) => {
      ws.addRow([...COLUMNS, '公式', '布尔', '错误']);
      ws.addRow([
        '张三',
        typedAsNumber,
        new Date(Date.UTC(2026, 2, 1)),
        { formula: 'A2&"x"', result: '张三x' },
        true,
        { error: '#N/A' },
      ]);
      ws.addRow(['李四', 12345, 46082, { formula: 'C3+1', result: 46083 }, false, null]);
      ws.getCell('C3').numFmt = 'yyyy-mm-dd';
      ws.getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
    });
    const [a, b] = await readSheet(bytes, [...COLUMNS, '公式', '布尔', '错误']);
    expect(a.kinds).toEqual({
      姓名: 'string',
      身份证号: 'number',
      聘用日期: 'date',
      公式: 'formula',
      布尔: 'boolean',
      错误: 'error',
    });
    expect(a.cells).toEqual({
      姓名: '张三',
      身份证号: String(typedAsNumber),
      聘用日期: '2026-03-01',
      公式: '张三x',
      布尔: '是',
      错误: '',
    });
    expect(a.cells['身份证号']).toBe('410928199001011260'); // the last digits are gone: callers see kind 'number'
    expect(b.cells).toMatchObject({
      身份证号: '12345',
      聘用日期: '2026-03-01',
      公式: '2026-03-02',
      布尔: '否',
      错误: '',
    });
    expect(b.kinds).toMatchObject({ 聘用日期: 'date', 公式: 'formula', 错误: 'empty' });
  });

  it('names the missing columns (R-STAFF-1: no row is read without its key columns)', async () => {
    const bytes = await workbook((ws) => ws.addRow(['姓名']));
    expect(sheetLayout(specOf(COLUMNS), await readXlsxRows(bytes)).missing).toEqual(['身份证号', '聘用日期']);
  });

  it('refuses bytes that are not an .xlsx', async () => {
    for (const bytes of [
      Buffer.from('姓名,身份证号\n张三,1\n'),
      Buffer.alloc(0),
      (await workbook((ws) => ws.addRow(COLUMNS))).subarray(0, 500),
    ]) {
      const err = await refusal(readSheet(bytes, COLUMNS));
      expect(err.message).toBe('「文件」不是有效的 .xlsx 表格');
      expect(err.details.fieldErrors).toHaveProperty('file');
    }
  });

  it('takes maxRows data rows and refuses maxRows + 1', async () => {
    const sheet = (n: number) =>
      workbook((ws) => {
        ws.addRow(COLUMNS);
        for (let i = 0; i < n; i++) ws.addRow([`社工${i}`, '410928199503121220', '2026-03-01']);
        ws.addRow([]); // empty rows do not count
      });
    expect(await readSheet(await sheet(10), COLUMNS, { maxRows: 10 })).toHaveLength(10);
    const err = await refusal(readSheet(await sheet(11), COLUMNS, { maxRows: 10 }));
    expect(err.message).toBe(tooManyRows(10));
  });

  it('refuses a 200,000-row workbook while streaming, off the event loop', async () => {
    const bytes = await streamedWorkbook(200_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    try {
      const err = await refusal(readSheet(bytes, COLUMNS));
      expect(err.message).toBe(tooManyRows(MAX_IMPORT_ROWS));
    } finally {
      clearInterval(timer);
    }
    // ExcelJS's async load still yields now and then (the old reader let 22 of ~390 ticks fire on this file), so
    // "some fired" is not enough: at least a quarter of the ticks the call's span allows must have fired.
    const possible = (performance.now() - started) / 10;
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(ticks, `${ticks} of ~${Math.round(possible)} ticks fired`).toBeGreaterThanOrEqual(possible / 4);
  });

  it('refuses huge shared strings, honest about their size or not, without crashing', async () => {
    const strings = await deflated('xl/sharedStrings.xml', `<sst ${NS}>`, '<si><t>abcdefgh</t></si>', 320, '</sst>');
    const sheet = stored(
      'xl/worksheets/sheet1.xml',
      `<worksheet ${NS}><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    );
    expect(strings.data.length).toBeLessThan(2 << 20);
    expect((await refusal(readSheet(zip([...skeleton(), strings, sheet]), ['姓名']))).message).toBe(TOO_LARGE);
    // Declared sizes that lie get past the early check; the worker's heap limit stops it.
    expect((await refusal(readSheet(zip([...skeleton(), strings, sheet], 1000), ['姓名']))).message).toBe(TOO_LARGE);
  });

  it('refuses a sheet with one enormous cell', async () => {
    const sheet = await deflated(
      'xl/worksheets/sheet1.xml',
      `<worksheet ${NS}><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`,
      'xxxxxxxxxxxxxxxx',
      400,
      '</t></is></c></row></sheetData></worksheet>',
    );
    expect((await refusal(readSheet(zip([...skeleton(), sheet]), ['姓名']))).message).toBe(TOO_LARGE);
    // and still reads a normal file afterwards
    const ok = stored(
      'xl/worksheets/sheet1.xml',
      `<worksheet ${NS}><sheetData>${HEADER_ROW}<row r="3"><c r="A3" t="inlineStr"><is><t>王五</t></is></c></row></sheetData></worksheet>`,
    );
    expect(await readSheet(zip([...skeleton(), ok]), ['姓名'])).toEqual([
      { row: 3, cells: { 姓名: '王五' }, kinds: { 姓名: 'string' } },
    ]);
  });
});
