import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { stations } from '../../modules/stations/stations.table';
import { users } from '../../modules/users/users.table';
import { auditEvents } from '../audit/audit.table';

// Every "contains" search escapes LIKE's wildcards (containsPattern): searching for "%" or "_" finds the names that
// contain that character, never every name.
let t: TestApp;
let admin: Session;
let county: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.as('city_admin', DIV.city)).session;
  const officer = await t.as('county_officer', DIV.puyangCounty);
  county = officer.session;
  const other = await t.makeUser('county_officer', DIV.puyangCounty);
  await t.db.update(users).set({ displayName: '百分之10%' }).where(eq(users.id, officer.user.id));
  await t.db.update(users).set({ displayName: '下划_线' }).where(eq(users.id, other.id));

  for (const [code, name] of [
    [DIV.liutun, '柳屯100%社工站'],
    [DIV.wenliu, '文留_社工站'],
  ]) {
    const s = await t.call(county, 'POST', '/api/v1/stations', stationBody(code));
    expect(s.statusCode).toBe(201);
    await t.db.update(stations).set({ name }).where(eq(stations.id, s.json().id));
  }
  for (const [i, name] of ['濮阳县百分%社会工作服务中心', '濮阳县下划_社会工作服务中心'].entries()) {
    const o = await t.call(county, 'POST', '/api/v1/organisations', {
      name,
      creditCode: makeCreditCode(821 + i),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
    });
    expect(o.statusCode).toBe(201);
  }
  await t.db.insert(auditEvents).values([
    { username: 'pct%user', action: 'login', summary: '测试' },
    { username: 'under_user', action: 'login', summary: '测试' },
  ]);
});
afterAll(() => t?.close());

const names = async (who: Session, url: string, field: string) => {
  const res = await t.call(who, 'GET', url);
  expect(res.statusCode, url).toBe(200);
  return res.json().items.map((x: Record<string, string>) => x[field]);
};

describe('searches take "%" and "_" literally', () => {
  it('station register (q)', async () => {
    expect(await names(county, '/api/v1/stations?q=%25', 'name')).toEqual(['柳屯100%社工站']);
    expect(await names(county, '/api/v1/stations?q=_', 'name')).toEqual(['文留_社工站']);
  });

  it('user accounts (q, on username and display name)', async () => {
    expect(await names(admin, '/api/v1/users?q=%25', 'displayName')).toEqual(['百分之10%']);
    expect(await names(admin, '/api/v1/users?q=_', 'displayName')).toEqual(['下划_线']);
  });

  it('organisations (q)', async () => {
    expect(await names(county, '/api/v1/organisations?q=%25', 'name')).toEqual(['濮阳县百分%社会工作服务中心']);
    expect(await names(county, '/api/v1/organisations?q=_', 'name')).toEqual(['濮阳县下划_社会工作服务中心']);
  });

  it('audit log (username)', async () => {
    expect(await names(admin, '/api/v1/audit-events?username=%25', 'username')).toEqual(['pct%user']);
    expect(await names(admin, '/api/v1/audit-events?username=_', 'username')).toEqual(['under_user']);
  });
});
