import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shegong/shared';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';

/**
 * R-SCOPE-1, table-driven: for every role that could reach them, another unit's (or township's) station,
 * its findings, files and users answer 404 exactly like a missing record, and lists and exports leave them out.
 */
let t: TestApp;
let foreignStation: string; // 清丰县 城关镇
let ownStation: string; // 濮阳县 柳屯镇
let foreignUser: string;
const MISSING = '00000000-0000-4000-8000-000000000000';
const sessions: Partial<Record<string, Session>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const qf = await t.as('county_officer', DIV.qingfeng);
  foreignStation = (await t.call(qf.session, 'POST', '/api/v1/stations', stationBody(DIV.chengguanQF))).json().id;
  foreignUser = qf.user.id;
  const py = await t.as('county_officer', DIV.puyangCounty);
  ownStation = (await t.call(py.session, 'POST', '/api/v1/stations', stationBody(DIV.liutun))).json().id;
  for (const [key, role, div] of [
    ['county_admin', 'county_admin', DIV.puyangCounty],
    ['county_officer', 'county_officer', DIV.puyangCounty],
    ['township_liaison', 'township_liaison', DIV.wenliu],
  ] as [string, Role, string][]) {
    sessions[key] = (await t.as(role, div)).session;
  }
});
afterAll(() => t?.close());

const roles = ['county_admin', 'county_officer', 'township_liaison'];
const endpoints: [string, 'GET' | 'PATCH' | 'POST', (id: { station: string; user: string }) => string, unknown?][] = [
  ['read station', 'GET', (x) => `/api/v1/stations/${x.station}`],
  ['read findings', 'GET', (x) => `/api/v1/stations/${x.station}/findings`],
  ['change station', 'PATCH', (x) => `/api/v1/stations/${x.station}`, { version: 1, address: '越权修改' }],
  ['list service rooms', 'GET', (x) => `/api/v1/stations/${x.station}/service-rooms`],
  ['add service room', 'POST', (x) => `/api/v1/stations/${x.station}/service-rooms`, { villageName: '越权村', kind: 'village', status: 'planned' }],
  ['read user', 'GET', (x) => `/api/v1/users/${x.user}`],
  ['change user', 'PATCH', (x) => `/api/v1/users/${x.user}`, { version: 1, displayName: '越权' }],
];

describe.each(roles)('R-SCOPE-1 as %s', (role) => {
  it.each(endpoints)('%s outside the scope answers exactly like a missing record', async (_name, method, url, body) => {
    const s = sessions[role]!;
    const foreign = await t.call(s, method, url({ station: foreignStation, user: foreignUser }), body);
    const missing = await t.call(s, method, url({ station: MISSING, user: MISSING }), body);
    if (missing.statusCode === 403) {
      // The role lacks the permission altogether: refused before any record is looked up.
      expect(foreign.statusCode).toBe(403);
      return;
    }
    expect(missing.statusCode).toBe(404);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe(missing.json().code);
  });

  it('lists and exports leave the other unit out', async () => {
    const s = sessions[role]!;
    const list = await t.call(s, 'GET', '/api/v1/stations?pageSize=200');
    const ids = (list.json().items as { id: string }[]).map((x) => x.id);
    expect(ids).not.toContain(foreignStation);
    if (role !== 'township_liaison') expect(ids).toContain(ownStation);
    else expect(ids).toEqual([]); // 文留镇 has no station yet; 柳屯镇 is a neighbour
    const qfFilter = await t.call(s, 'GET', `/api/v1/stations?county=${DIV.qingfeng}`);
    if (qfFilter.statusCode === 200) expect(qfFilter.json().total).toBe(0);
    const users = await t.call(s, 'GET', '/api/v1/users?pageSize=200');
    if (users.statusCode === 200) expect((users.json().items as { id: string }[]).map((u) => u.id)).not.toContain(foreignUser);
    const exp = await t.call(s, 'GET', '/api/v1/stations/export');
    if (exp.statusCode === 200) expect(exp.rawPayload.includes(Buffer.from('城关镇'))).toBe(false);
  });
});

describe('county progress shows only the own unit', () => {
  it('a county officer sees one row; the city sees all nine units', async () => {
    const county = await t.call(sessions.county_officer!, 'GET', '/api/v1/plan/progress');
    expect(county.json().rows.map((r: { name: string }) => r.name)).toEqual(['濮阳县']);
    const city = await t.as('city_officer', DIV.city);
    const all = await t.call(city.session, 'GET', '/api/v1/plan/progress');
    expect(all.json().rows).toHaveLength(9);
    const other = await t.call(sessions.county_officer!, 'GET', `/api/v1/plan/progress?county=${DIV.qingfeng}`);
    expect(other.json().rows).toEqual([]);
  });
});

describe('who may do what', () => {
  it('only the city administrator reads the audit log', async () => {
    expect((await t.call(sessions.county_admin!, 'GET', '/api/v1/audit-events')).statusCode).toBe(403);
    expect((await t.call((await t.as('city_admin', DIV.city)).session, 'GET', '/api/v1/audit-events')).statusCode).toBe(200);
  });
  it('a county administrator cannot create users outside its unit or hand out city roles', async () => {
    const s = sessions.county_admin!;
    const base = { username: 'newuser1', displayName: '新用户', password: 'Abcdef12345' };
    const outside = await t.call(s, 'POST', '/api/v1/users', { ...base, role: 'county_officer', divisionCode: DIV.qingfeng });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details.fieldErrors.divisionCode).toContain('本单位');
    const cityRole = await t.call(s, 'POST', '/api/v1/users', { ...base, role: 'city_officer', divisionCode: DIV.city });
    expect(cityRole.statusCode).toBe(400);
    const ok = await t.call(s, 'POST', '/api/v1/users', { ...base, role: 'township_liaison', divisionCode: DIV.liutun });
    expect(ok.statusCode).toBe(201);
  });
  it('a township liaison sees only its own township station and cannot change it', async () => {
    const liaison = await t.as('township_liaison', DIV.liutun);
    expect((await t.call(liaison.session, 'GET', `/api/v1/stations/${ownStation}`)).statusCode).toBe(200);
    expect((await t.call(liaison.session, 'PATCH', `/api/v1/stations/${ownStation}`, { version: 1, address: 'x' })).statusCode).toBe(403);
  });
});
