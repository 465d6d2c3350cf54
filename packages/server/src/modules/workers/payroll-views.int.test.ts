import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';

let t: TestApp;
let county: Session;
let city: Session;
let org: Session;
let other: Session;
let ids: Record<string, string> = {};
const ALL = { pension: true, medical: true, unemployment: true, injury: true, maternity: true, housingFund: true };
const NONE = {
  pension: false,
  medical: false,
  unemployment: false,
  injury: false,
  maternity: false,
  housingFund: false,
};
const ZHAO = makeCitizenId('19930415', 201);

async function hire(s: Session, name: string, idNumber: string) {
  const r = await t.call(s, 'POST', '/api/v1/workers', {
    name,
    idNumber,
    education: 'bachelor',
    hireDate: '2026-01-05',
    role: 'resident',
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ county, org, ids } = await contractFixture(t, 71));
  city = (await t.as('city_officer', DIV.city)).session;
  other = await orgAdmin(t, 'org72.hr', ids.other);
  ids['赵敏'] = await hire(org, '赵敏', ZHAO);
  ids['钱程'] = await hire(org, '钱程', makeCitizenId('19900101', 202));
  ids['孙丽'] = await hire(other, '孙丽', makeCitizenId('19910202', 203));
  const put = (s: Session, rows: unknown[]) => t.call(s, 'PUT', '/api/v1/payroll/2026-05', { rows });
  expect(
    (
      await put(org, [
        {
          workerId: ids['赵敏'],
          salary: '3200.50',
          paidOn: '2026-06-10',
          ...ALL,
          insuranceBase: '3500',
          employerShare: '980.50',
          employeeShare: 367.5,
        },
        // Items paid but no amounts: the base and both shares are then missing.
        { workerId: ids['钱程'], salary: 3000, paidOn: '2026-06-10', ...ALL, pension: false },
      ])
    ).statusCode,
  ).toBe(200);
  const r = await put(other, [{ workerId: ids['孙丽'], salary: 2800, paidOn: '2026-06-12', ...NONE }]);
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(() => t?.close());

type Row = { name: string; missing: string[] } & Record<string, unknown>;
const byName = (items: Row[], name: string) => items.find((r) => r.name === name)!;

describe('R-STAFF-6 五险一金 with base and shares', () => {
  it('R-STAFF-6: stores the contribution base and both shares in fen and flags them when an item is paid', async () => {
    const { items } = (await t.call(org, 'GET', '/api/v1/payroll/2026-05')).json();
    expect(byName(items, '赵敏')).toMatchObject({
      salaryFen: 320050,
      insuranceBaseFen: 350000,
      employerShareFen: 98050,
      employeeShareFen: 36750,
      missing: [],
      organisationName: '濮阳县益民社会工作服务中心',
      countyName: '濮阳县',
    });
    expect(byName(items, '钱程').missing).toEqual(['养老保险', '缴费基数', '单位缴纳', '个人缴纳']);
  });

  it('R-STAFF-6: a contribution amount is checked like the salary, naming the field in Chinese', async () => {
    const r = await t.call(org, 'PUT', '/api/v1/payroll/2026-06', {
      rows: [{ workerId: ids['赵敏'], salary: 3000, paidOn: null, ...ALL, employerShare: '-5' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors['rows.0.employerShare']).toContain('金额');
  });
});

describe('R-STAFF-6 payroll views of the city and counties', () => {
  it('the city sees every organisation with totals; filters narrow by unit and organisation', async () => {
    const all = (await t.call(city, 'GET', '/api/v1/payroll/2026-05')).json();
    expect(all.items.map((r: Row) => r.name).sort()).toEqual(['孙丽', '赵敏', '钱程'].sort());
    expect(all.totals).toEqual({
      workers: 3,
      paid: 3,
      salaryFen: 320050 + 300000 + 280000,
      insuranceBaseFen: 350000,
      employerShareFen: 98050,
      employeeShareFen: 36750,
      missing: 2,
    });
    expect(byName(all.items, '赵敏').idNumber).toContain('********');
    const one = (await t.call(county, 'GET', `/api/v1/payroll/2026-05?organisationId=${ids.other}`)).json();
    expect(one.items.map((r: Row) => r.name)).toEqual(['孙丽']);
    expect(one.totals).toMatchObject({ workers: 1, salaryFen: 280000, missing: 1 });
    const puyang = (await t.call(city, 'GET', `/api/v1/payroll/2026-05?county=${DIV.puyangCounty}`)).json();
    expect(puyang.totals.workers).toBe(3);
    const qingfeng = (await t.call(city, 'GET', `/api/v1/payroll/2026-05?county=${DIV.qingfeng}`)).json();
    expect(qingfeng).toEqual({ items: [], totals: expect.objectContaining({ workers: 0, salaryFen: 0 }) });
  });

  it('refuses a unit that is not a county-level unit, and another county sees nothing of this one', async () => {
    const bad = await t.call(city, 'GET', `/api/v1/payroll/2026-05?county=${DIV.liutun}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('县（区）');
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    const r = (await t.call(qf, 'GET', `/api/v1/payroll/2026-05?county=${DIV.puyangCounty}`)).json();
    expect(r.items).toEqual([]);
  });
});

async function workbook(s: Session, query = '') {
  const r = await t.call(s, 'GET', `/api/v1/payroll/2026-05/export${query}`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-disposition']).toContain(encodeURIComponent('2026年5月薪酬社保表.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(5).values as string[]).slice(1);
  const rows = Array.from({ length: ws.rowCount - 5 }, (_, i) => ws.getRow(6 + i));
  const cell = (row: ExcelJS.Row, h: string) => row.getCell(header.indexOf(h) + 1);
  return { ws, header, rows, cell };
}

describe('R-STAFF-6 payroll export', () => {
  it('exports the month with typed cells, masked IDs and a 合计 row, print-ready', async () => {
    const { ws, rows, cell } = await workbook(city);
    expect(ws.getCell('A1').value).toBe('2026年5月社工薪酬和五险一金发放表');
    expect(String(ws.getCell('A2').value)).toContain('濮阳市');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const zhao = rows.find((r) => cell(r, '姓名').value === '赵敏')!;
    expect(cell(zhao, '实发工资（元）').value).toBe(3200.5);
    expect(cell(zhao, '单位缴纳（元）').value).toBe(980.5);
    expect(cell(zhao, '缴费基数（元）').numFmt).toBe('#,##0.00');
    expect(cell(zhao, '发放日期').value).toBeInstanceOf(Date);
    expect(cell(zhao, '身份证号').value).toContain('********');
    expect(cell(zhao, '养老保险').value).toBe('是');
    const total = rows.at(-1)!;
    expect(cell(total, '姓名').value).toBe('合计 3 人');
    expect(cell(total, '实发工资（元）').value).toBe(9000.5);
    expect(cell(total, '本月缺项').value).toBe('2 人有缺项');
  });

  it('applies the filters and names them; another county exports none of these; a contractor exports its own only', async () => {
    const filtered = await workbook(county, `?organisationId=${ids.other}`);
    expect(String(filtered.ws.getCell('A3').value)).toContain('另一机构');
    expect(filtered.rows.map((r) => filtered.cell(r, '姓名').value)).toEqual(['孙丽', '合计 1 人']);
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    const none = await workbook(qf, `?organisationId=${ids.other}`);
    // An organisation outside the scope is not even named in the filter line.
    expect(String(none.ws.getCell('A3').value)).not.toContain('另一机构');
    expect(none.rows.map((r) => none.cell(r, '姓名').value)).toEqual(['合计 0 人']);
    // The organisation keeps its month as a spreadsheet too: its own workers, never the other organisation's.
    const own = await workbook(other);
    expect(own.rows.map((r) => own.cell(r, '姓名').value)).toEqual(['孙丽', '合计 1 人']);
  });
});

describe('R-STAFF-6 五险一金 amounts in the import', () => {
  // Offices' own headers: 缴费工资, 单位部分, 个人缴费 are the base and the two shares.
  const HEADERS = ['身份证号', '姓名', '实发工资', '发放日期', '养老', '医疗', '失业', '工伤', '生育', '公积金'];
  const upload = async (rows: unknown[][], headers = [...HEADERS, '缴费工资', '单位部分', '个人缴费']) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('薪酬社保');
    ws.addRow(headers);
    rows.forEach((r) => ws.addRow(r));
    const mp = multipartWith(
      {},
      'file',
      '薪酬.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payroll/2026-07/import?dryRun=false',
      headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const yes = ['是', '是', '是', '是', '是', '是'];

  it('R-STAFF-6: reads the base and shares under their synonyms; an empty one on a paying row is a problem', async () => {
    const bad = await upload([
      [ZHAO, '赵敏', 3200, '2026-08-10', ...yes, '3,500', '980.50', ''],
      // Nothing paid: the amounts may stay empty.
      [makeCitizenId('19900101', 202), '钱程', 3000, '2026-08-10', '否', '否', '否', '否', '否', '否', '', '', ''],
    ]);
    expect(bad.committed).toBe(false);
    expect(bad.columns.map((c: { column: string }) => c.column)).toContain('单位缴纳（元）');
    expect(bad.issues).toEqual([
      expect.objectContaining({ row: 2, column: '个人缴纳（元）', header: '个人缴费', rule: '必填', name: '赵敏' }),
    ]);
    expect(bad.issues[0].message).toBe('缴纳了五险一金的，须填写个人缴纳（元）');
    const good = await upload([[ZHAO, '赵敏', 3200, '2026-08-10', ...yes, '3,500', '980.50', '367.5']]);
    expect(good).toMatchObject({ committed: true, issues: [] });
    const { items } = (await t.call(org, 'GET', '/api/v1/payroll/2026-07')).json();
    expect(byName(items, '赵敏')).toMatchObject({
      insuranceBaseFen: 350000,
      employerShareFen: 98050,
      employeeShareFen: 36750,
      missing: [],
    });
  });

  it('R-STAFF-6: a file without the amount or salary columns leaves the stored ones as they are', async () => {
    const before = byName((await t.call(org, 'GET', '/api/v1/payroll/2026-07')).json().items, '赵敏');
    expect(before.insuranceBaseFen).toBe(350000);
    // The older layout: no amounts, and no salary or paid date either.
    const older = HEADERS.filter((h) => h !== '实发工资' && h !== '发放日期');
    // The name padded as offices pad two-character names (a full-width space) is still the roster's name.
    const r = await upload([[ZHAO, '赵\u3000敏', ...['是', '是', '是', '是', '是', '否']]], older);
    expect(r).toMatchObject({ committed: true, issues: [] });
    const after = byName((await t.call(org, 'GET', '/api/v1/payroll/2026-07')).json().items, '赵敏');
    expect(after).toMatchObject({
      salaryFen: before.salaryFen,
      paidOn: before.paidOn,
      insuranceBaseFen: 350000,
      employerShareFen: 98050,
      employeeShareFen: 36750,
    });
    expect(after.insurance).toMatchObject({ housingFund: false });
  });
});
