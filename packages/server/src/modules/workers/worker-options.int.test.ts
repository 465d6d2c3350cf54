import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import { createTestApp, DIV, sessionCookie, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';
import { ROSTER_COLUMNS } from './roster-import';
import { workers } from './workers.table';

// Issue 8 review: the attendee picker answers names only (scoped like the roster, searched on the server, ≤ 50);
// the pending-confirmation banner reads the server's count; an imported worker is recorded where a created one is.
let t: TestApp;
let county: Session;
let org: Session;
let other: Session;
let city: Session;
let ids: Record<string, string> = {};

const hire = (who: Session, name: string, seq: number) =>
  t.call(who, 'POST', '/api/v1/workers', {
    name,
    idNumber: makeCitizenId('19950312', seq),
    phone: '13812345678',
    education: 'bachelor',
    socialWorkMajor: false,
    localHukou: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
const row = (name: string, id: string) =>
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
      })[c] ?? '',
  );
async function importRoster(who: Session, rows: string[][]) {
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
    url: '/api/v1/workers/import?dryRun=false',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
  expect(r.statusCode).toBe(200);
  return r.json() as { committed: boolean; issues: unknown[] };
}
const options = async (who: Session, q = '') => {
  const res = await t.call(who, 'GET', `/api/v1/workers/options${q ? `?${q}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, items: res.json().items as { id: string; name: string; organisationName: string }[] };
};
const readPiiEvents = async () =>
  (await t.call(city, 'GET', '/api/v1/audit-events?action=read_pii&pageSize=1')).json().total as number;

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  ({ county, org, ids } = await contractFixture(t, 81));
  other = await orgAdmin(t, 'other81.hr', ids.other);
  city = (await t.as('city_admin', DIV.city)).session;
  for (let i = 0; i < 55; i++)
    expect((await hire(org, `选项社工${String(i).padStart(2, '0')}`, 300 + i)).statusCode).toBe(201);
  expect((await hire(other, '他机构社工', 400)).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('the worker picker (GET /workers/options)', () => {
  it('R-SCOPE-1: scoped like the roster — another organisation’s and another county’s workers never appear', async () => {
    const mine = await options(org, 'pageSize=50');
    expect(mine.items).toHaveLength(50);
    expect(mine.items.every((w) => w.organisationName === '濮阳县益民社会工作服务中心')).toBe(true);
    expect(mine.body).not.toContain('他机构社工');
    expect((await options(other)).items.map((w) => w.name)).toEqual(['他机构社工']);
    expect((await options(org, 'q=他机构')).items).toEqual([]);
    const qingfeng = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await options(qingfeng, 'q=社工')).items).toEqual([]);
    // The county sees both organisations' workers, and may narrow to one.
    expect((await options(county, 'q=他机构')).items).toHaveLength(1);
    const ofOther = await options(county, `organisationId=${ids.other}`);
    expect(ofOther.items.map((w) => w.name)).toEqual(['他机构社工']);
  });

  it('searches by name on the server, so workers beyond the first 50 can be picked; at most 50 answers', async () => {
    const found = await options(org, 'q=选项社工54');
    expect(found.items.map((w) => w.name)).toEqual(['选项社工54']);
    expect((await options(org, 'q=%')).items).toEqual([]); // LIKE's wildcards are searched as text
    expect((await t.call(org, 'GET', '/api/v1/workers/options?pageSize=51')).statusCode).toBe(400);
    expect((await t.call(org, 'GET', '/api/v1/workers/options?color=red')).statusCode).toBe(400);
  });

  it('R-SCOPE-2: answers no personal data and writes no read_pii audit line, even to the employer', async () => {
    const before = await readPiiEvents();
    const { body, items } = await options(org, 'pageSize=50');
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'organisationName', 'stationNames']);
    expect(body).not.toMatch(/\d{17}[\dX]/);
    expect(body).not.toContain('13812345678');
    expect(await readPiiEvents()).toBe(before);
    // The roster itself still audits the employer's clear read.
    await t.call(org, 'GET', '/api/v1/workers?pageSize=5');
    expect(await readPiiEvents()).toBe(before + 1);
  });

  it('costs as many queries for 50 answers as for 1', async () => {
    const one = await t.countQueries(() => t.call(org, 'GET', '/api/v1/workers/options?q=选项社工54'));
    const fifty = await t.countQueries(() => t.call(org, 'GET', '/api/v1/workers/options?pageSize=50'));
    expect(fifty).toBe(one);
  });
});

describe('trainings awaiting confirmation of their organiser (R-STAFF-3)', () => {
  it('pendingConfirm=true counts every pending session, not one page of them', async () => {
    const record = (who: Session, title: string) =>
      t.call(who, 'POST', '/api/v1/trainings', {
        title,
        organiser: '某培训机构',
        organiserLevel: 'county_civil_affairs',
        startOn: '2026-05-01',
        endOn: '2026-05-01',
        hours: 4,
        workerIds: [],
      });
    for (let i = 0; i < 23; i++) expect((await record(org, `待确认培训${i}`)).statusCode).toBe(201);
    expect((await record(county, '县局培训')).statusCode).toBe(201); // an officer's own record needs no confirmation
    const pending = (await t.call(county, 'GET', '/api/v1/trainings?pendingConfirm=true&pageSize=20')).json();
    expect(pending).toMatchObject({ total: 23, pageSize: 20 });
    expect(pending.items).toHaveLength(20);
    expect(pending.items.every((x: { abilities: { confirm: boolean } }) => x.abilities.confirm)).toBe(true);
    const first = pending.items[0] as { id: string };
    await t.call(county, 'POST', `/api/v1/trainings/${first.id}/confirm`, { organiserLevel: 'other' });
    expect((await t.call(county, 'GET', '/api/v1/trainings?pendingConfirm=true')).json().total).toBe(22);
    // Those who cannot confirm have none pending; the filter validates its value.
    expect((await t.call(org, 'GET', '/api/v1/trainings?pendingConfirm=true')).json().total).toBe(0);
    const qingfeng = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(qingfeng, 'GET', '/api/v1/trainings?pendingConfirm=true')).json().total).toBe(0);
    expect((await t.call(county, 'GET', '/api/v1/trainings?pendingConfirm=yes')).statusCode).toBe(400);
  });
});

describe('one employer rule for the single create and the roster import', () => {
  it('an imported worker and a created one are recorded at the organisation’s division, whatever the user’s', async () => {
    // An administrator of the organisation whose own account sits at a township, not the organisation's county.
    const admin = (await t.as('county_admin', DIV.puyangCounty)).session;
    const made = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'org81.township',
      displayName: '乡镇账号',
      role: 'org_admin',
      divisionCode: DIV.liutun,
      organisationId: ids.org,
      password: 'Org-Admin-123',
    });
    expect(made.statusCode, made.body).toBe(201);
    const login = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'org81.township',
      password: 'Org-Admin-123',
    });
    const s = { cookie: sessionCookie(login), csrf: login.json().csrfToken };
    await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Org-Admin-123',
      newPassword: 'Org-Admin-456',
    });
    const created = await hire(s, '单个登记', 500);
    expect(created.statusCode, created.body).toBe(201);
    expect((await importRoster(s, [row('名册导入', makeCitizenId('19950312', 501))])).committed).toBe(true);
    const rows = await t.db
      .select({ name: workers.name, path: workers.divisionPath })
      .from(workers)
      .where(inArray(workers.name, ['单个登记', '名册导入']));
    expect(rows).toHaveLength(2);
    expect(rows[0].path).toBe(rows[1].path);
    expect(rows[0].path).toBe(`/${DIV.city}/${DIV.puyangCounty}/`);
  });
});
