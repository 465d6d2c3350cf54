import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shegong/shared';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';

/**
 * R-SCOPE-1 beyond the route matrix (route-matrix.int.test.ts covers every route with a record id, and every list
 * and export): aggregates per unit and what each role may do at all.
 */
let t: TestApp;
let ownStation: string; // 濮阳县 柳屯镇
const sessions: Partial<Record<string, Session>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const qf = await t.as('county_officer', DIV.qingfeng);
  await t.call(qf.session, 'POST', '/api/v1/stations', stationBody(DIV.chengguanQF));
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
    expect((await t.call((await t.as('city_admin', DIV.city)).session, 'GET', '/api/v1/audit-events')).statusCode).toBe(
      200,
    );
  });
  it('a county administrator cannot create users outside its unit or hand out city roles', async () => {
    const s = sessions.county_admin!;
    const base = { username: 'newuser1', displayName: '新用户', password: 'Abcdef12345' };
    const outside = await t.call(s, 'POST', '/api/v1/users', {
      ...base,
      role: 'county_officer',
      divisionCode: DIV.qingfeng,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details.fieldErrors.divisionCode).toContain('本单位');
    const cityRole = await t.call(s, 'POST', '/api/v1/users', {
      ...base,
      role: 'city_officer',
      divisionCode: DIV.city,
    });
    expect(cityRole.statusCode).toBe(400);
    const ok = await t.call(s, 'POST', '/api/v1/users', {
      ...base,
      role: 'township_liaison',
      divisionCode: DIV.liutun,
    });
    expect(ok.statusCode).toBe(201);
  });
  it('a township liaison sees only its own township station and cannot change it', async () => {
    const liaison = await t.as('township_liaison', DIV.liutun);
    expect((await t.call(liaison.session, 'GET', `/api/v1/stations/${ownStation}`)).statusCode).toBe(200);
    expect(
      (await t.call(liaison.session, 'PATCH', `/api/v1/stations/${ownStation}`, { version: 1, address: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});
