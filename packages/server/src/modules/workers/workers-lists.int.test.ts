import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { withClauses } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';
import { ROSTER_COLUMNS } from './roster-import';

// Issue 8: lists are paged the same way and built with a constant number of queries; the roster import checks each
// row with the single create's own schema and rules.
let t: TestApp;
let county: Session;
let city: Session;
let org: Session;
let ids: Record<string, string> = {};

const cells = (name: string, id: string, extra: Partial<Record<string, string>> = {}) =>
  ROSTER_COLUMNS.map(
    (c) =>
      ({
        姓名: name,
        身份证号: id,
        学历: '本科',
        社会工作专业毕业: '否',
        本地户籍: '是',
        聘用日期: '2026-03-01',
        岗位: '驻站社工',
        派驻社工站: '柳屯镇社会工作服务站',
        ...extra,
      })[c] ?? '',
  );
async function importRoster(who: Session, rows: string[][], dryRun: boolean) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('社工名册');
  ws.addRow(ROSTER_COLUMNS);
  rows.forEach((r) => ws.addRow(r));
  const mp = multipartWith(
    {},
    'file',
    '名册.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from(await wb.xlsx.writeBuffer()),
  );
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workers/import?dryRun=${dryRun}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
  expect(r.statusCode).toBe(200);
  return r.json() as { committed: boolean; issues: { row: number; column: string; rule: string; message: string }[] };
}
/** `n` workers from sequence number `from`, each with a training session. */
async function staff(from: number, n: number) {
  const rows = Array.from({ length: n }, (_, i) => cells(`社工${from + i}`, makeCitizenId('19950312', from + i)));
  expect((await importRoster(org, rows, false)).committed).toBe(true);
  const listed = (await t.call(org, 'GET', '/api/v1/workers?pageSize=200')).json().items as { id: string }[];
  for (const w of listed.slice(-n))
    await t.call(org, 'POST', '/api/v1/trainings', {
      title: '社会工作实务培训',
      organiser: '濮阳县民政局',
      organiserLevel: 'county_civil_affairs',
      startOn: '2026-05-01',
      endOn: '2026-05-02',
      hours: 8,
      workerIds: [w.id],
    });
}
const costs = async () => ({
  workers: await t.countQueries(() => t.call(county, 'GET', '/api/v1/workers?pageSize=100')),
  byDeadline: await t.countQueries(() => t.call(county, 'GET', '/api/v1/workers?deadline=ok&pageSize=100')),
  trainings: await t.countQueries(() => t.call(county, 'GET', '/api/v1/trainings?pageSize=100')),
  overview: await t.countQueries(() => t.call(city, 'GET', '/api/v1/workers/overview')),
  payroll: await t.countQueries(() => t.call(org, 'GET', '/api/v1/payroll/2026-06')),
});

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  ({ county, org, ids } = await contractFixture(t, 71));
  city = (await t.as('city_admin', DIV.city)).session;
});
afterAll(() => t?.close());

describe('lists of workers and trainings: paged, constant queries', () => {
  it('the roster, its deadline filter, the trainings, the staff overview and the pay grid cost as many queries for 50 workers as for 1', async () => {
    await staff(100, 1);
    const one = await costs();
    await staff(101, 49);
    const fifty = await costs();
    expect(fifty).toEqual(one);
    expect((await t.call(county, 'GET', '/api/v1/workers')).json()).toMatchObject({ total: 50, page: 1, pageSize: 20 });
    const overview = (await t.call(city, 'GET', '/api/v1/workers/overview')).json().items;
    expect(overview.find((r: { countyCode: string }) => r.countyCode === DIV.puyangCounty)).toMatchObject({
      workers: 50,
      operatingStations: 2,
      understaffedStations: 1,
    });
  });

  it('answers {items, total, page, pageSize}, counts and pages in the database, and validates filters', async () => {
    const page3 = (await t.call(county, 'GET', '/api/v1/workers?page=3&pageSize=20')).json();
    expect(page3).toMatchObject({ total: 50, page: 3, pageSize: 20 });
    expect(page3.items).toHaveLength(10);
    const all = (await t.call(county, 'GET', '/api/v1/workers?pageSize=200'))
      .json()
      .items.map((w: { id: string }) => w.id);
    expect(new Set(all).size).toBe(50);
    // R-STAFF-4: the deadline filter pages the workers whose computed status matches (all assigned, none qualified yet).
    const ok = (await t.call(county, 'GET', '/api/v1/workers?deadline=ok&pageSize=5')).json();
    expect(ok).toMatchObject({ total: 50, pageSize: 5 });
    expect(ok.items).toHaveLength(5);
    expect((await t.call(county, 'GET', '/api/v1/workers?deadline=overdue')).json().total).toBe(0);
    const trainings = (await t.call(county, 'GET', '/api/v1/trainings?pageSize=7')).json();
    expect(trainings).toMatchObject({ total: 50, pageSize: 7 });
    expect(trainings.items).toHaveLength(7);
    const mine = (await t.call(county, 'GET', `/api/v1/trainings?workerId=${all[0]}`)).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].attendees.map((a: { workerId: string }) => a.workerId)).toEqual([all[0]]);
    for (const bad of ['pageSize=500', 'page=0', 'role=boss', 'deadline=soon', 'stationId=x', 'color=red'])
      expect((await t.call(county, 'GET', `/api/v1/workers?${bad}`)).statusCode).toBe(400);
    expect((await t.call(county, 'GET', '/api/v1/trainings?workerId=nope')).statusCode).toBe(400);
  });
});

describe('the roster import refuses a row exactly as the single create does', () => {
  const older = makeCitizenId('19780101', 33);
  const single = (who: Session, idNumber: string, education: string) =>
    t.call(who, 'POST', '/api/v1/workers', {
      name: '年长者',
      idNumber,
      education,
      hireDate: '2026-03-01',
      role: 'resident',
    });

  it('R-STAFF-2: age and degree without an exception — same rule, same words, nothing written', async () => {
    const created = await single(org, older, 'secondary_vocational');
    expect(created.statusCode).toBe(422);
    expect(created.json().code).toBe('HIRING_REFUSED');
    const before = (await t.call(org, 'GET', '/api/v1/workers')).json().total;
    const imported = await importRoster(org, [cells('年长者', older, { 学历: '中专' })], false);
    expect(imported.committed).toBe(false);
    expect((await t.call(org, 'GET', '/api/v1/workers')).json().total).toBe(before);
    expect(imported.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '聘用日期',
        rule: 'R-STAFF-2',
        message: expect.stringContaining('48 周岁'),
      }),
      expect.objectContaining({ row: 2, column: '学历', rule: 'R-STAFF-2' }),
    ]);
    const fieldErrors = created.json().details.fieldErrors;
    expect(withClauses(imported.issues[0].message)).toBe(fieldErrors.hireDate);
    expect(withClauses(imported.issues[1].message)).toBe(fieldErrors.education);
  });

  it('R-STAFF-2: once the county records an exception, both accept the person', async () => {
    const ex = await t.call(county, 'POST', '/api/v1/hiring-exceptions', {
      organisationId: ids.org,
      idNumber: older,
      reason: '具有多年社区工作经验，经研究同意聘用',
    });
    expect(ex.statusCode).toBe(201);
    expect((await importRoster(org, [cells('年长者', older, { 学历: '中专' })], true)).issues).toEqual([]);
    const created = await single(org, older, 'secondary_vocational');
    expect(created.statusCode).toBe(201);
    expect(created.json().hiringExceptionReason).toContain('多年社区工作经验');
  });

  it('R-STAFF-1: a person on another organisation’s roster — same rule, same words', async () => {
    const other = await orgAdmin(t, 'other71.hr', ids.other);
    const onOurs = makeCitizenId('19950312', 100);
    const created = await single(other, onOurs, 'bachelor');
    expect(created.statusCode).toBe(400);
    const imported = await importRoster(other, [cells('社工100', onOurs, { 派驻社工站: '' })], true);
    expect(imported.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '身份证号',
        rule: 'R-STAFF-1',
        message: expect.stringContaining('其他承接机构的名册'),
      }),
    ]);
    expect(withClauses(imported.issues[0].message)).toBe(created.json().details.fieldErrors.idNumber);
  });
});
