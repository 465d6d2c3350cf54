import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { maskCitizenId } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';

// R-SCOPE-2: the 服务对象 export is the list as each role sees it — scope, names as initials for upper levels, IDs and
// phones masked unless the role needs them, sensitive records (minors, health) without details — and audited.

let t: TestApp;
let lead: Session;
let ids: Record<string, string> = {};
const ADULT = makeCitizenId('19560310', 411);
const CHILD = makeCitizenId('20160501', 422);
const DISABLED = makeCitizenId('19700707', 431);

/** The sheet's rows below the header (the row starting with 县（区）), as text keyed by header. */
async function rowsOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const texts: string[][] = [];
  ws.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  const head = texts.findIndex((r) => r[0] === '县（区）');
  const header = texts[head];
  return {
    above: texts.slice(0, head).flat().join(' '),
    rows: texts.slice(head + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
  };
}
const exportAs = async (s: Session, query = '') => {
  const res = await t.call(s, 'GET', `/api/v1/beneficiaries/export${query}`);
  return res;
};
const byId = (rows: Record<string, string>[], idNumber: string, clear: boolean) =>
  rows.find((r) => r['身份证号'] === (clear ? idNumber : maskCitizenId(idNumber)));

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  ({ ids } = await contractFixture(t, 81));
  lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
  const register = async (body: Record<string, unknown>) => {
    const res = await t.call(lead, 'POST', '/api/v1/beneficiaries', { stationId: ids.liutun, ...body });
    expect(res.statusCode, res.body).toBe(201);
  };
  await register({
    name: '王秀英',
    idNumber: ADULT,
    phone: '13903931234',
    village: '前柳屯村',
    categories: [{ category: 'dibao', startedOn: '2025-03-01', source: '低保名册' }],
  });
  await register({
    name: '周小雨',
    idNumber: CHILD,
    village: '前柳屯村',
    guardian: { name: '周建国', relation: '祖父', phone: '13803930102' },
    categories: [{ category: 'left_behind_child', startedOn: '2026-03-01', source: '入户排查' }],
  });
  await register({
    name: '陈志明',
    idNumber: DISABLED,
    phone: '13703930000',
    village: '后柳屯村',
    categories: [
      {
        category: 'disabled',
        disabilityKind: 'physical',
        disabilityGrade: '2',
        startedOn: '2020-01-01',
        source: '残联',
      },
    ],
  });
});
afterAll(() => t?.close());

describe('beneficiaries export (R-SCOPE-2)', () => {
  it('R-SCOPE-2: the project lead exports the station’s people in clear, health categories included', async () => {
    const res = await exportAs(lead);
    expect(res.statusCode, res.body).toBe(200);
    const { above, rows } = await rowsOf(res.rawPayload);
    expect(above).toContain('服务对象名单');
    expect(above).toContain('导出时间');
    expect(rows).toHaveLength(3);
    expect(byId(rows, ADULT, true)).toMatchObject({ 姓名: '王秀英', 联系电话: '13903931234', 类别: '低保' });
    expect(byId(rows, DISABLED, true)).toMatchObject({ 姓名: '陈志明', 类别: '残疾人' });
    expect(byId(rows, CHILD, true)).toMatchObject({ 姓名: '周小雨', 类别: '留守儿童' });
  });

  it('R-SCOPE-2: officers get initials and masked IDs and phones; the city officer gets sensitive records without details', async () => {
    const county = (await t.as('county_officer', DIV.puyangCounty)).session;
    const c = await rowsOf((await exportAs(county)).rawPayload);
    expect(c.rows).toHaveLength(3);
    expect(byId(c.rows, ADULT, false)).toMatchObject({ 姓名: '王*英', 联系电话: '139****1234', 类别: '低保' });
    // The county officer is one of the three who see minors' and health records (names still as initials).
    expect(byId(c.rows, DISABLED, false)).toMatchObject({ 姓名: '陈*明', 类别: '残疾人' });

    const city = (await t.as('city_officer', DIV.city)).session;
    const { rows } = await rowsOf((await exportAs(city)).rawPayload);
    expect(rows).toHaveLength(3);
    for (const id of [CHILD, DISABLED])
      expect(byId(rows, id, false)).toMatchObject({ 类别: '（敏感记录，不显示）', 联系电话: '', 年龄: '' });
    expect(JSON.stringify(rows)).not.toContain('13903931234');
    expect(JSON.stringify(rows)).not.toContain('周小雨');
  });

  it('R-SCOPE-2: another county exports nobody; a role without the list or export may not; filters and the audit event', async () => {
    const other = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await rowsOf((await exportAs(other)).rawPayload)).rows).toEqual([]);
    const liaison = (await t.as('township_liaison', DIV.liutun)).session;
    expect((await exportAs(liaison)).statusCode).toBe(403);
    const filtered = await rowsOf((await exportAs(lead, '?category=dibao')).rawPayload);
    expect(filtered.rows.map((r) => r['姓名'])).toEqual(['王秀英']);
    expect(filtered.above).toContain('类别：低保');
    const admin = (await t.as('city_admin', DIV.city)).session;
    const audit = await t.call(admin, 'GET', '/api/v1/audit-events?action=export&entityType=beneficiary');
    const events = audit.json().items as { summary: string }[];
    expect(events.some((e) => e.summary.includes('导出服务对象名单（3 人，其中 3 人身份证号、电话为明文）'))).toBe(
      true,
    );
    expect(events.some((e) => e.summary.includes('导出服务对象名单（3 人）'))).toBe(true);
  });
});
