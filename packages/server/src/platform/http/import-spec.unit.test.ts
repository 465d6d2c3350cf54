import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChecks } from './import-checks';
import { sheetLayout, type ImportSpec } from './import-spec';
import { readCsvRows, readTable } from './import-table';
import type { RawRow } from './xlsx-import';

const SPEC: ImportSpec = {
  nameColumn: '姓名',
  columns: [
    { column: '姓名', kind: 'text', required: true },
    { column: '身份证号', kind: 'id', required: true, synonyms: ['身份证号码'] },
    { column: '实发工资（元）', kind: 'money', synonyms: ['实发金额'] },
    { column: '聘用日期', kind: 'date', required: true, synonyms: ['入职日期'] },
    { column: '住房公积金', kind: 'yesno', required: true, synonyms: ['公积金'] },
  ],
};
const rows = (...cells: string[][]): RawRow[] =>
  cells.map((c, i) => ({ row: i + 1, cells: c, kinds: c.map((v) => (v ? 'string' : 'empty')) }));

describe('import layout (R-STAFF-1, R-STAFF-6)', () => {
  it('finds the header below title rows and maps normalised names and synonyms', () => {
    const l = sheetLayout(
      SPEC,
      rows(
        ['某某社工站 2026 年花名册'],
        ['填报单位：某中心'],
        ['序号', ' 姓 名 ', '*身份证号码：', '实发工资(元)', '入职日期', '公积金'],
        ['1', '张三', '41092819950312122X', '3,600', '2021/3/5', '√'],
      ),
    );
    expect(l.headerRow).toBe(3);
    expect(l.columns).toEqual([
      { header: '序号', column: null, how: 'ignored' },
      { header: '姓 名', column: '姓名', how: 'synonym' },
      { header: '*身份证号码：', column: '身份证号', how: 'synonym' },
      { header: '实发工资(元)', column: '实发工资（元）', how: 'synonym' },
      { header: '入职日期', column: '聘用日期', how: 'synonym' },
      { header: '公积金', column: '住房公积金', how: 'synonym' },
    ]);
    expect(l.missing).toEqual([]);
    expect(l.data.map((r) => r.row)).toEqual([4]);
  });

  it('a manual mapping overrides, ignores, and names a blank header by its column letter', () => {
    const sheet = rows(
      ['姓名', '身份证号', '参加工作时间', '', '公积金'],
      ['张三', '41092819950312122X', '2021-3-5', 'x', '否'],
    );
    const auto = sheetLayout(SPEC, sheet);
    expect(auto.missing).toEqual(['聘用日期']);
    expect(auto.columns[3]).toEqual({ header: '（第 D 列，无表头）', column: null, how: 'ignored' });
    const l = sheetLayout(SPEC, sheet, { 参加工作时间: '聘用日期', 公积金: '' });
    expect(l.columns[2]).toEqual({ header: '参加工作时间', column: '聘用日期', how: 'manual' });
    expect(l.columns[4]).toEqual({ header: '公积金', column: null, how: 'manual' });
    expect(l.missing).toEqual(['住房公积金']);
  });

  it('two headers for one column stop the import with a header problem', () => {
    const c = importChecks(
      SPEC,
      rows(['姓名', '身份证号', '身份证号码', '聘用日期', '公积金'], ['张三', 'a', 'b', '2021-03-05', '是']),
    );
    expect(c.stopped).toBe(true);
    expect(c.issues).toEqual([expect.objectContaining({ row: 1, column: '身份证号', rule: '表头' })]);
    expect(c.rows()).toEqual([]);
  });

  it('reads cells by kind and fills header, value and name into each problem; empty required cells are problems', () => {
    const c = importChecks(
      SPEC,
      rows(
        ['姓名', '身份证号码', '实发金额', '入职日期', '公积金'],
        ['张三', '4109 2819 9503 1212 2x', '￥4,200', '2021年3月5日', ''],
      ),
    );
    const [r] = c.rows();
    expect(r.values).toEqual({
      姓名: '张三',
      身份证号: '41092819950312122X',
      '实发工资（元）': '4200',
      聘用日期: '2021-03-05',
      住房公积金: null,
    });
    expect(c.issues).toEqual([
      { row: 2, column: '住房公积金', header: '公积金', rule: '必填', message: '“住房公积金”必须填写', name: '张三' },
    ]);
  });
});

describe('CSV as Excel and WPS save it', () => {
  const text = '姓名,身份证号\r\n张三,"41092819950312122X"\r\n\r\n李四,4.10928199001011E+17\r\n';
  it('reads UTF-8 with a BOM and GBK alike, numbering rows as Excel does', () => {
    const utf8 = readCsvRows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const gbk = readCsvRows(gbkOf(text));
    expect(utf8).toEqual(gbk);
    expect(utf8.map((r) => [r.row, r.cells])).toEqual([
      [1, ['姓名', '身份证号']],
      [2, ['张三', '41092819950312122X']],
      [4, ['李四', '4.10928199001011E+17']],
    ]);
  });
  it('caps the rows and refuses binary or .xls files with what to do', async () => {
    const many = '姓名\n' + 'x\n'.repeat(30);
    expect(() => readCsvRows(Buffer.from(many), 10)).toThrow('数据行超过 10 行');
    await expect(readTable({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), filename: 'a.xls' })).rejects.toThrow(
      '另存为',
    );
    // LibreOffice's own .ods (made by LibreOffice from the roster fixture), even renamed to .xlsx.
    const ods = readFileSync(new URL('../../../test-fixtures/imports/roster-office.ods', import.meta.url));
    for (const filename of ['名册.ods', '名册.xlsx'])
      await expect(readTable({ bytes: ods, filename })).rejects.toThrow('另存为” .xlsx');
    await expect(readTable({ bytes: Buffer.from('a\u0000b'), filename: 'a.csv' })).rejects.toThrow('不是有效的 .csv');
    await expect(readTable({ bytes: Buffer.from('hello'), filename: 'a.pdf' })).rejects.toThrow(
      '不是有效的 .xlsx 或 .csv',
    );
  });
});

/** GBK bytes of a text (Node has no GBK encoder: the few characters of the test, by table). */
function gbkOf(s: string): Buffer {
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    身: [0xc9, 0xed],
    份: [0xb7, 0xdd],
    证: [0xd6, 0xa4],
    号: [0xba, 0xc5],
    张: [0xd5, 0xc5],
    三: [0xc8, 0xfd],
    李: [0xc0, 0xee],
    四: [0xcb, 0xc4],
  };
  return Buffer.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
}
