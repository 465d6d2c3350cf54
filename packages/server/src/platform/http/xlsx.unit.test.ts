import { describe, expect, it } from 'vitest';
import { ExcelJS, HEADER_ROW, reportWorkbook } from './xlsx';

interface Row {
  name: string;
  idNumber: string;
  count: number;
  amount: number;
  rate: number | null;
  hiredOn: string;
  at: string;
  note: string;
}

const rows: Row[] = [
  {
    name: '张三',
    idNumber: '410928199001011234',
    count: 3,
    amount: 4200.5,
    rate: 0.5,
    hiredOn: '2024-03-05',
    at: '2026-11-28T16:30:00.000Z',
    note: '很长的说明'.repeat(20),
  },
];

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('report sheet builder (issue 9: exports that print)', () => {
  it('writes typed cells, the top rows and the print setup', async () => {
    const buf = await reportWorkbook<Row>({
      name: '测试',
      title: '测试表',
      scope: '濮阳市',
      filters: '县（区）：清丰县',
      exportedAt: new Date('2026-11-29T02:00:00.000Z'),
      columns: [
        { header: '姓名', kind: 'text', value: (r) => r.name },
        { header: '身份证号', kind: 'id', value: (r) => r.idNumber },
        { header: '次数', kind: 'number', value: (r) => r.count },
        { header: '金额（元）', kind: 'money', value: (r) => r.amount },
        { header: '完成率', kind: 'percent', value: (r) => r.rate },
        { header: '聘用日期', kind: 'date', value: (r) => r.hiredOn },
        { header: '登记时间', kind: 'datetime', value: (r) => r.at },
        { header: '备注', kind: 'wraptext', value: (r) => r.note },
      ],
      rows,
      total: { ...rows[0], name: '合计', idNumber: '', rate: null },
    });
    const ws = await readBack(buf);
    expect(ws.name).toBe('测试');
    expect(ws.getCell('A1').value).toBe('测试表');
    expect(ws.getCell('A2').value).toBe('范围：濮阳市');
    expect(ws.getCell('A3').value).toBe('筛选条件：县（区）：清丰县');
    expect(ws.getCell('A4').value).toBe('导出时间：2026-11-29 10:00:00');
    expect(ws.getRow(HEADER_ROW).getCell(2).value).toBe('身份证号');

    const r = ws.getRow(HEADER_ROW + 1);
    expect(r.getCell(2).value).toBe('410928199001011234');
    expect(r.getCell(2).numFmt).toBe('@');
    expect(r.getCell(3).value).toBe(3);
    expect(r.getCell(4).value).toBe(4200.5);
    expect(r.getCell(4).numFmt).toBe('#,##0.00');
    expect(r.getCell(5).value).toBe(0.5);
    expect(r.getCell(5).numFmt).toBe('0.0%');
    expect(r.getCell(6).value).toEqual(new Date('2024-03-05T00:00:00.000Z'));
    expect(r.getCell(6).numFmt).toBe('yyyy-mm-dd');
    // 16:30 UTC is 00:30 the next day in Shanghai: the cell shows Shanghai wall time.
    expect(r.getCell(7).value).toEqual(new Date('2026-11-29T00:30:00.000Z'));
    expect(r.getCell(8).alignment?.wrapText).toBe(true);
    const total = ws.getRow(HEADER_ROW + 2);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(total.getCell(5).value).toBeNull();

    const p = ws.pageSetup;
    expect(p.orientation).toBe('landscape');
    expect(p.paperSize).toBe(9);
    expect(p.fitToPage).toBe(true);
    expect(p.fitToWidth).toBe(1);
    expect(p.fitToHeight).toBe(0);
    expect(p.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  });

  it('says 全部 when no filter is set', async () => {
    const ws = await readBack(
      await reportWorkbook<Row>({
        name: '空表',
        title: '空表',
        scope: '清丰县',
        filters: '',
        exportedAt: new Date('2026-11-29T02:00:00.000Z'),
        columns: [{ header: '姓名', kind: 'text', value: (r) => r.name }],
        rows: [],
      }),
    );
    expect(ws.getCell('A3').value).toBe('筛选条件：全部');
    expect(ws.rowCount).toBe(HEADER_ROW);
  });
});
