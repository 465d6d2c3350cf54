import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let officer: Session;
let city: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = (await t.as('county_officer', DIV.puyangCounty)).session;
  city = (await t.as('city_officer', DIV.city)).session;
});
afterAll(() => t?.close());

describe('R-PLAN-1 progress against 附件1', () => {
  it('starts from the plan: 27/32/30, 89 in total, nothing built', async () => {
    const r = (await t.call(city, 'GET', '/api/v1/plan/progress')).json();
    expect(r.years).toEqual([2021, 2022, 2023]);
    expect(r.total.years['2021'].planned).toBe(27);
    expect(r.total.years['2022'].planned).toBe(32);
    expect(r.total.years['2023'].planned).toBe(30);
    expect(r.total.total).toMatchObject({ planned: 89, built: 0, percent: 0 });
    const py = r.rows.find((x: { name: string }) => x.name === '濮阳县');
    expect(py.years['2021'].planned).toBe(6);
    expect(r.rows.find((x: { name: string }) => x.name === '示范区').total.planned).toBe(1);
  });

  it('counts operating and suspended stations as built, per unit and year', async () => {
    await t.call(
      officer,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.liutun, { status: 'operating', openedOn: '2021-08-01' }),
    );
    const w = (
      await t.call(
        officer,
        'POST',
        '/api/v1/stations',
        stationBody(DIV.wenliu, { status: 'operating', openedOn: '2021-08-01' }),
      )
    ).json();
    await t.call(officer, 'PATCH', `/api/v1/stations/${w.id}`, {
      version: 1,
      status: 'suspended',
      suspendedOn: '2022-01-05',
    });
    await t.call(
      officer,
      'POST',
      '/api/v1/stations',
      stationBody('410928103000', { status: 'building', batchYear: 2022 }),
    );
    const r = (await t.call(city, 'GET', '/api/v1/plan/progress')).json();
    const py = r.rows.find((x: { name: string }) => x.name === '濮阳县');
    expect(py.years['2021']).toEqual({ planned: 6, registered: 2, built: 2, operating: 1, percent: 33.3 });
    expect(py.years['2022']).toMatchObject({ planned: 6, registered: 1, built: 0 });
    expect(py.total).toMatchObject({ planned: 20, registered: 3, built: 2, percent: 10 });
    expect(r.total.total).toMatchObject({ planned: 89, built: 2, percent: 2.2 });
  });

  it('exports a real .xlsx with the title, the filter, every unit and the total, and audits it', async () => {
    const res = await t.call(city, 'GET', '/api/v1/plan/progress/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('建设进度')!;
    expect(String(ws.getCell('A1').value)).toContain('建设进度');
    const names = ws.getColumn(1).values.map(String);
    expect(names).toEqual(expect.arrayContaining(['濮阳县', '清丰县', '工业园区', '合计']));
    const header = ws.getRow(5).values as string[];
    const total = ws.getRow(ws.rowCount).values as unknown[];
    expect(total[1]).toBe('合计');
    expect(total[header.indexOf('计划合计')]).toBe(89);
    expect(total[header.indexOf('建成合计')]).toBe(2);
    const audit = (
      await t.call((await t.as('city_admin', DIV.city)).session, 'GET', '/api/v1/audit-events?action=export')
    ).json();
    expect(audit.items[0].summary).toContain('导出建设进度');
  });

  it('the public directory lists operating stations only, with no personal data', async () => {
    const r = (await t.call(null, 'GET', '/api/v1/public/stations')).json();
    expect(r.items.map((s: { name: string }) => s.name)).toEqual(['柳屯镇社会工作服务站']);
    expect(Object.keys(r.items[0]).sort()).toEqual([
      'address',
      'countyName',
      'id',
      'name',
      'openingHours',
      'phone',
      'townshipName',
    ]);
  });
});
