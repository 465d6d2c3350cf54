import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';

// Requirement ids (R-ST-1, R-STAFF-6 …) are internal: the API keeps them in `ruleId`, `code` and `rule`, but every
// text a person reads (messages, actions, summaries, error messages) names the plan's clause instead.
const RULE_ID = /R-[A-Z]+-\d/;
/** Fields that carry ids for programs, not text for people. */
const ID_FIELDS = new Set(['ruleId', 'code', 'rule', 'id']);

/** Every string a page could show from an API answer, with where it was found. */
function shownTexts(v: unknown, at = '$'): [string, string][] {
  if (typeof v === 'string') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => shownTexts(x, `${at}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => (ID_FIELDS.has(k) ? [] : shownTexts(x, `${at}.${k}`)));
  return [];
}
const leaks = (body: unknown) => shownTexts(body).filter(([, s]) => RULE_ID.test(s));

let t: TestApp;
let county: Session;
let city: Session;
let org: Session;

beforeAll(async () => {
  t = await createTestApp();
  ({ county, org } = await contractFixture(t, 91));
  city = (await t.as('city_admin', DIV.city)).session;
  // A worker over the hiring age and a station without residents: findings on workers and stations.
  await t.call(org, 'POST', '/api/v1/workers', {
    name: '郑强',
    idNumber: makeCitizenId('19700101', 401),
    education: 'high_school_or_below',
    hireDate: '2026-01-05',
    role: 'resident',
    hiringExceptionReason: '原驻站人员续聘',
  });
});
afterAll(() => t?.close());

describe('rule ids never reach a person (the plan’s clause does)', () => {
  it('findings, compliance, staffing and progress answers carry ids only in ruleId/code', async () => {
    for (const url of [
      '/api/v1/stations?pageSize=200',
      '/api/v1/contracts?pageSize=200',
      '/api/v1/contracts/compliance',
      '/api/v1/workers?pageSize=200',
      '/api/v1/workers/overview',
      '/api/v1/plan/progress',
      '/api/v1/audit-events?pageSize=200',
    ]) {
      const r = await t.call(url.startsWith('/api/v1/workers?') ? org : city, 'GET', url);
      expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBe(200);
      expect(leaks(r.json()), url).toEqual([]);
    }
    const withFindings = (await t.call(city, 'GET', '/api/v1/stations?pageSize=200')).json();
    // Not vacuous: the stations do carry findings, their ids in ruleId only.
    expect(JSON.stringify(withFindings)).toMatch(/"ruleId":"R-[A-Z]+-\d/);
  });

  it('error messages name the clause: a second station in a township (R-ST-1)', async () => {
    const r = await t.call(county, 'POST', '/api/v1/stations', stationBody(DIV.liutun));
    expect(r.statusCode).toBe(409);
    expect(leaks(r.json())).toEqual([]);
    expect(r.json().message).toContain('《实施方案》四（六）');
  });

  it('import problems: the issue messages carry no rule id', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('薪酬社保');
    ws.addRow([
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
    ]);
    ws.addRow([makeCitizenId('19880101', 402), '王五', 3000, '2026-03-10', '是', '是', '是', '是', '是', '是']);
    const mp = multipartWith(
      {},
      'file',
      '薪酬.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/payroll/2026-03/import?dryRun=true`,
      headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.json().issues.length).toBeGreaterThan(0);
    expect(leaks(r.json())).toEqual([]);
  });
});
