import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';
import { payrollRecords } from './workers.table';

let t: TestApp;
let county: Session;
let org: Session;
let ids: Record<string, string> = {};
const ZHANG = makeCitizenId('19950312', 122);
const LIU = makeCitizenId('19920808', 131);
const HEADER = [
  '身份证号',
  '姓名',
  '实发工资（元）',
  '发放日期',
  '养老保险',
  '医疗保险',
  '失业保险',
  '工伤保险',
  '生育保险',
  '住房公积金',
];

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('薪酬社保');
  ws.addRow(HEADER);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (month: string, bytes: Buffer, dryRun: boolean) => {
  const mp = multipartWith(
    {},
    'file',
    '薪酬.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  );
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/payroll/${month}/import?dryRun=${dryRun}`,
    headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
};
const SHARES = { insuranceBase: '3500', employerShare: '980.5', employeeShare: 367.5 };
const ALL = { pension: true, medical: true, unemployment: true, injury: true, maternity: true, housingFund: true };
const rowCount = async () => (await t.db.select({ n: count() }).from(payrollRecords))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  ({ county, org, ids } = await contractFixture(t, 51));
  for (const [name, idNumber] of [
    ['张晓梅', ZHANG],
    ['刘伟', LIU],
  ]) {
    ids[name] = (
      await t.call(org, 'POST', '/api/v1/workers', {
        name,
        idNumber,
        education: 'bachelor',
        hireDate: '2026-01-05',
        role: 'resident',
      })
    ).json().id;
  }
});
afterAll(() => t?.close());

describe('R-STAFF-6 pay and 五险一金', () => {
  it('saves a month from the grid and flags what is missing', async () => {
    const full = { pension: true, medical: true, unemployment: true, injury: true, maternity: true, housingFund: true };
    const r = await t.call(org, 'PUT', '/api/v1/payroll/2026-01', {
      rows: [
        { workerId: ids['张晓梅'], salary: '3200.50', paidOn: '2026-02-10', ...full, ...SHARES },
        { workerId: ids['刘伟'], salary: 3000, paidOn: '2026-02-10', ...full, ...SHARES, housingFund: false },
      ],
    });
    expect(r.statusCode).toBe(200);
    const liu = r.json().items.find((x: { name: string }) => x.name === '刘伟');
    expect(liu).toMatchObject({ salaryFen: 300000, insuranceBaseFen: 350000, missing: ['住房公积金'] });
    expect(r.json().items.find((x: { name: string }) => x.name === '张晓梅')).toMatchObject({
      salaryFen: 320050,
      missing: [],
    });
  });

  it('flags the months without a complete record since hiring', async () => {
    const grid = (await t.call(org, 'GET', '/api/v1/payroll/2026-04')).json().items;
    expect(grid.find((x: { name: string }) => x.name === '张晓梅').gaps).toEqual(['2026-02', '2026-03']);
    expect(grid.find((x: { name: string }) => x.name === '刘伟').gaps).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('a dry run reports every bad row with row, column and rule; nothing is written', async () => {
    const before = await rowCount();
    const bad = LIU.slice(0, 17) + (LIU.endsWith('1') ? '2' : '1');
    const file = await xlsx([
      [ZHANG, '张晓梅', 3200, '2026-03-10', '是', '是', '是', '是', '是', '是'],
      [bad, '刘伟', 3000, '2026-03-10', '是', '是', '是', '是', '是', '是'],
      [makeCitizenId('19880101', 11), '王五', 3000, '2026-03-10', '是', '是', '是', '是', '是', '是'],
      [ZHANG, '张晓梅', '3.000,50', '3/10/2026', '是', '是', '是', '交了', '是', ''],
    ]);
    const r = await upload('2026-03', file, false);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.committed).toBe(false);
    const at = (row: number, column: string) =>
      body.issues.find((i: { row: number; column: string }) => i.row === row && i.column === column);
    expect(at(3, '身份证号').message).toContain('校验位');
    expect(at(4, '身份证号').message).toContain('名册中没有');
    expect(at(5, '身份证号').message).toContain('与第 2 行重复');
    expect(at(5, '实发工资（元）')).toMatchObject({ rule: '金额', value: '3.000,50', name: '张晓梅' });
    expect(at(5, '发放日期')).toMatchObject({ rule: '日期', value: '3/10/2026' });
    expect(at(5, '工伤保险').message).toContain('√/×');
    expect(at(5, '住房公积金')).toMatchObject({ rule: '必填' }); // an empty required cell no longer passes as 否
    expect(await rowCount()).toBe(before);
  });

  it('R-STAFF-6: the import checks a row with the grid save’s own entry schema — same refusal, same words', async () => {
    const saved = await t.call(org, 'PUT', '/api/v1/payroll/2026-02', {
      rows: [{ workerId: ids['张晓梅'], salary: '3000', paidOn: '1899-12-31', ...ALL }],
    });
    expect(saved.statusCode).toBe(400);
    // 1899/12/31 is a date form the import reads; the entry schema refuses the year, in the grid's words.
    const file = await xlsx([[ZHANG, '张晓梅', '3,000', '1899/12/31', '是', '是', '是', '是', '是', '是']]);
    const imported = (await upload('2026-02', file, true)).json();
    expect(imported.issues).toEqual([expect.objectContaining({ row: 2, column: '发放日期', rule: '格式' })]);
    expect(imported.issues[0].message).toBe(saved.json().details.fieldErrors['rows.0.paidOn']);
  });

  it('commits a clean file all at once; a missing insurance is flagged', async () => {
    const file = await xlsx([
      [ZHANG, '张晓梅', 3200, '2026-03-10', '是', '是', '是', '是', '是', '是'],
      [LIU, '刘伟', 3000, '2026-03-10', '是', '是', '是', '否', '是', '是'],
    ]);
    const dry = (await upload('2026-03', file, true)).json();
    expect(dry).toMatchObject({ dryRun: true, rows: 2, issues: [], committed: false });
    const done = (await upload('2026-03', file, false)).json();
    expect(done).toMatchObject({ committed: true, rows: 2 });
    const grid = (await t.call(county, 'GET', '/api/v1/payroll/2026-03')).json().items;
    // The file has no base or shares: with items paid, those are missing too.
    expect(grid.find((x: { name: string }) => x.name === '刘伟')).toMatchObject({
      missing: ['工伤保险', '缴费基数', '单位缴纳', '个人缴纳'],
      idNumber: expect.stringContaining('********'),
    });
  });

  it('serves a template the import accepts, refuses a non-spreadsheet, and keeps other counties out', async () => {
    const tpl = await t.call(org, 'GET', '/api/v1/payroll/2026-03/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([
      ...HEADER,
      '缴费基数（元）',
      '单位缴纳（元）',
      '个人缴纳（元）',
    ]);
    expect((await upload('2026-03', Buffer.from('not a spreadsheet'), true)).statusCode).toBe(400);
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(qf, 'GET', '/api/v1/payroll/2026-03')).json().items).toEqual([]);
    expect((await t.call(county, 'PUT', '/api/v1/payroll/2026-03', { rows: [] })).statusCode).toBe(403);
    expect((await t.call(org, 'GET', '/api/v1/payroll/2026-13')).statusCode).toBe(400);
  });
});
