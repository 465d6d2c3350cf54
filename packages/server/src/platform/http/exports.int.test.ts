import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type TwoWorlds } from '../../test-support/two-worlds';
import { HEADER_ROW } from './xlsx';

/**
 * Issue 9, exports: every working list exports what its filters select, in the caller's scope and with the list's
 * masking, as typed cells (numbers, percents, dates, IDs as text) on a sheet that prints A4 landscape.
 */
let t: TestApp;
let w: TwoWorlds;
beforeAll(async () => {
  t = await createTestApp({ today: WORLDS_TODAY });
  w = await buildTwoWorlds(t);
}, 120_000);
afterAll(() => t?.close());

async function sheetOf(s: Session, url: string) {
  const res = await t.call(s, 'GET', url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const rows = Array.from({ length: ws.rowCount - HEADER_ROW }, (_, i) => ws.getRow(HEADER_ROW + 1 + i));
  const cell = (row: ExcelJS.Row, header: string) => {
    const i = headers.indexOf(header);
    expect(i, `column ${header}`).toBeGreaterThanOrEqual(0);
    return row.getCell(i + 1);
  };
  const text = rows.flatMap((r) => (r.values as unknown[]).map((v) => (v instanceof Date ? '' : String(v ?? ''))));
  return { ws, headers, rows, cell, text: text.join('|') };
}

function expectHouseStyle(ws: ExcelJS.Worksheet, scope: string, filters = '全部') {
  expect(String(ws.getCell('A2').value)).toBe(`范围：${scope}`);
  expect(String(ws.getCell('A3').value)).toBe(`筛选条件：${filters}`);
  expect(String(ws.getCell('A4').value)).toMatch(new RegExp(`^导出时间：${WORLDS_TODAY} \\d{2}:\\d{2}:\\d{2}$`));
  expect(ws.pageSetup).toMatchObject({
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
}

const dateCell = (c: ExcelJS.Cell, iso: string) => {
  expect(c.value).toEqual(new Date(`${iso}T00:00:00.000Z`));
  expect(c.numFmt).toBe('yyyy-mm-dd');
};

describe('exports (issue 9): typed cells, scope, masking, print setup', () => {
  it('stations: opening date as a date, the contractor of the live contract, the county beside the name', async () => {
    const a = await sheetOf(w.A.sessions.county_officer, '/api/v1/stations/export');
    expectHouseStyle(a.ws, '濮阳县');
    expect(a.rows).toHaveLength(1);
    const r = a.rows[0];
    expect(a.cell(r, '县（区）').value).toBe('濮阳县');
    dateCell(a.cell(r, '开放日期'), '2021-07-01');
    expect(a.cell(r, '承接机构').value).toBe(w.A.organisation.name);
    expect(a.cell(r, '批次（年度）').value).toBeTypeOf('number');
    expect(a.cell(r, '驻站社工（人）').value).toBe(1);
    for (const m of w.B.marks) expect(a.text).not.toContain(m);

    const city = await sheetOf(w.city.city_officer, `/api/v1/stations/export?county=${w.B.countyCode}`);
    expectHouseStyle(city.ws, '濮阳市', '县（区）：清丰县');
    expect(city.rows.map((x) => city.cell(x, '县（区）').value)).toEqual(['清丰县']);
    expect(city.text).not.toContain(w.A.organisation.name);
  });

  it('roster: ID and phone masked as on screen and written as text, dates as date cells; another unit absent', async () => {
    const a = await sheetOf(w.A.sessions.county_officer, `/api/v1/workers/export?stationId=${w.A.ids.station}`);
    expectHouseStyle(a.ws, '濮阳县', `社工站：${'柳屯镇社会工作服务站'}`);
    expect(a.rows).toHaveLength(1);
    const r = a.rows[0];
    expect(a.cell(r, '姓名').value).toBe(w.A.workerName);
    expect(a.cell(r, '县（区）').value).toBe('濮阳县');
    const id = a.cell(r, '身份证号');
    expect(id.value).toBeTypeOf('string');
    expect(id.numFmt).toBe('@');
    expect(String(id.value)).toContain('*');
    expect(a.text).not.toContain(w.A.idNumber);
    expect(String(a.cell(r, '联系电话').value)).not.toBe('13812345678');
    dateCell(a.cell(r, '聘用日期'), '2026-03-01');
    expect(a.cell(r, '培训学时').value).toBeTypeOf('number');
    expect(a.cell(r, '驻站社工站').alignment?.wrapText).toBe(true);
    for (const m of w.B.marks) expect(a.text).not.toContain(m);

    // Another unit's station id selects nothing and names nothing.
    const other = await sheetOf(w.A.sessions.county_officer, `/api/v1/workers/export?stationId=${w.B.ids.station}`);
    expectHouseStyle(other.ws, '濮阳县', '社工站：—');
    expect(other.rows).toHaveLength(0);

    const city = await sheetOf(w.city.city_officer, '/api/v1/workers/export');
    expect(city.rows.map((x) => city.cell(x, '县（区）').value).sort()).toEqual(['清丰县', '濮阳县'].sort());
  });

  it('trainings: hours and attendees as numbers, dates as date cells, in scope only', async () => {
    const a = await sheetOf(w.A.sessions.county_officer, '/api/v1/trainings/export');
    expectHouseStyle(a.ws, '濮阳县');
    expect(a.rows).toHaveLength(1);
    const r = a.rows[0];
    expect(a.cell(r, '学时').value).toBe(8);
    expect(a.cell(r, '参训人数').value).toBe(1);
    dateCell(a.cell(r, '开始日期'), '2026-04-01');
    expect(String(a.cell(r, '参训社工（学时）').value)).toBe(`${w.A.workerName}（8）`);
    for (const m of w.B.marks) expect(a.text).not.toContain(m);
  });

  it('staff overview: counts as numbers and the share qualified as a percent-formatted fraction', async () => {
    const a = await sheetOf(w.A.sessions.county_officer, '/api/v1/workers/overview/export');
    expectHouseStyle(a.ws, '濮阳县');
    const [unit, total] = a.rows;
    expect(a.cell(unit, '单位').value).toBe('濮阳县');
    expect(a.cell(unit, '社工人数').value).toBe(1);
    const share = a.cell(unit, '具备资质比例');
    expect(share.value).toBe(1);
    expect(share.numFmt).toBe('0.0%');
    expect(a.cell(total, '单位').value).toBe('合计');
    expect(a.cell(total, '单位').font?.bold).toBe(true);
  });

  it('contracts: money as numbers with two decimals, dates as date cells, in scope only', async () => {
    const a = await sheetOf(w.A.sessions.county_officer, '/api/v1/contracts/export');
    expectHouseStyle(a.ws, '濮阳县');
    expect(a.rows).toHaveLength(1);
    const r = a.rows[0];
    expect(a.cell(r, '承接机构').value).toBe(w.A.organisation.name);
    const money = a.cell(r, '本年度协议金额（元）');
    expect(money.value).toBe(500000);
    expect(money.numFmt).toBe('#,##0.00');
    dateCell(a.cell(r, '公告日期'), '2026-02-03');
    expect(a.text).not.toMatch(/R-[A-Z]+-\d/);
    for (const m of w.B.marks) expect(a.text).not.toContain(m);

    const city = await sheetOf(w.city.city_admin, `/api/v1/contracts/export?county=${w.B.countyCode}`);
    expectHouseStyle(city.ws, '濮阳市', '县（区）：清丰县');
    expect(city.rows.map((x) => city.cell(x, '县（区）').value)).toEqual(['清丰县']);
  });

  it('compliance and progress: numbers stay numbers, rates are percent-formatted fractions, totals in bold', async () => {
    const c = await sheetOf(w.A.sessions.county_officer, '/api/v1/contracts/compliance/export');
    expectHouseStyle(c.ws, '濮阳县');
    expect(c.cell(c.rows[0], '合同数').value).toBe(1);
    expect(c.cell(c.rows.at(-1)!, '单位').value).toBe('合计');

    const p = await sheetOf(w.city.city_officer, `/api/v1/plan/progress/export?county=${w.A.countyCode}`);
    expectHouseStyle(p.ws, '濮阳市', '县（区）：濮阳县');
    const total = p.rows.at(-1)!;
    expect(p.cell(total, '单位').value).toBe('合计');
    expect(p.cell(total, '计划合计').value).toBeTypeOf('number');
    const rate = p.cell(total, '总完成率');
    expect(rate.value).toBeTypeOf('number');
    expect(rate.value as number).toBeLessThanOrEqual(1);
    expect(rate.numFmt).toBe('0.0%');
    expect(p.text).not.toMatch(/\d%/);
  });

  it('every export is an audit event and needs the export permission', async () => {
    // The staff overview is the officers' (plan:read), so its export too.
    expect((await t.call(w.A.sessions.org_admin, 'GET', '/api/v1/workers/overview/export')).statusCode).toBe(403);
    // A resident social worker works from no list of others: no export.
    const denied = await t.call(w.A.sessions.social_worker, 'GET', '/api/v1/workers/export');
    expect(denied.statusCode).toBe(403);
    // The contractor exports its own roster (R-STAFF-6), with no other organisation's worker in it.
    const own = await sheetOf(w.A.sessions.org_admin, '/api/v1/workers/export');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.text).toContain(w.A.workerName);
    expect(own.text).not.toContain(w.B.workerName);
    const audit = (await t.call(w.city.city_admin, 'GET', '/api/v1/audit-events?action=export&pageSize=100')).json();
    const summaries = (audit.items as { summary: string }[]).map((e) => e.summary).join('\n');
    for (const s of ['导出社工名册', '导出培训记录', '导出队伍概况', '导出合同台账', '导出合同合规情况'])
      expect(summaries).toContain(s);
  });
});
