import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../../platform/auth/auth-plugin';
import type { SessionStore } from '../../platform/auth/sessions';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let py: Session;
let qf: Session;
let stationId: string;
beforeAll(async () => {
  t = await createTestApp();
  py = (await t.as('county_officer', DIV.puyangCounty)).session;
  qf = (await t.as('county_officer', DIV.qingfeng)).session;
  stationId = (await t.call(py, 'POST', '/api/v1/stations', stationBody(DIV.liutun))).json().id;
});
afterAll(() => t?.close());

describe('R-PLAN-2 一县（区）一中心 and village/community service rooms', () => {
  it('registers one county centre per unit and refuses a second', async () => {
    const body = { countyCode: DIV.puyangCounty, name: '濮阳县社会工作服务中心', status: 'operating' };
    const first = await t.call(py, 'POST', '/api/v1/county-centres', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ countyName: '濮阳县', version: 1 });
    const second = await t.call(py, 'POST', '/api/v1/county-centres', body);
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('《实施方案》一（二）');
    const other = await t.call(py, 'POST', '/api/v1/county-centres', { ...body, countyCode: DIV.qingfeng });
    expect(other.statusCode).toBe(400);
    expect((await t.call(qf, 'GET', '/api/v1/county-centres')).json().items).toEqual([]);
    const edited = await t.call(py, 'PATCH', `/api/v1/county-centres/${first.json().id}`, {
      version: 1,
      phone: '0393-1111111',
    });
    expect(edited.json()).toMatchObject({ phone: '0393-1111111', version: 2 });
    expect(
      (await t.call(qf, 'PATCH', `/api/v1/county-centres/${first.json().id}`, { version: 2, phone: 'x' })).statusCode,
    ).toBe(404);
  });

  it('names a service room “××村（社区）社会工作服务室” and refuses a duplicate village', async () => {
    const r = await t.call(py, 'POST', `/api/v1/stations/${stationId}/service-rooms`, {
      villageName: '西街村',
      kind: 'village',
      status: 'operating',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().name).toBe('西街村社会工作服务室');
    const dup = await t.call(py, 'POST', `/api/v1/stations/${stationId}/service-rooms`, {
      villageName: '西街村',
      kind: 'village',
      status: 'planned',
    });
    expect(dup.statusCode).toBe(400);
    const bad = await t.call(py, 'POST', `/api/v1/stations/${stationId}/service-rooms`, {
      villageName: '西街',
      kind: 'village',
      status: 'planned',
    });
    expect(bad.json().details.fieldErrors.villageName).toContain('村');
    expect((await t.call(py, 'GET', `/api/v1/stations/${stationId}/service-rooms`)).json().items).toHaveLength(1);
  });

  it('pages the county centres like every list ({items,total,page,pageSize}) and validates the paging', async () => {
    const city = (await t.as('city_officer', DIV.city)).session;
    const nanle = (await t.as('county_officer', '410923000000')).session;
    for (const [s, code] of [
      [qf, DIV.qingfeng],
      [nanle, '410923000000'],
    ] as const) {
      const body = { countyCode: code, name: '某县社会工作服务中心', status: 'planned' };
      expect((await t.call(s, 'POST', '/api/v1/county-centres', body)).statusCode).toBe(201);
    }
    const first = (await t.call(city, 'GET', '/api/v1/county-centres?pageSize=2')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await t.call(city, 'GET', '/api/v1/county-centres?page=2&pageSize=2')).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await t.call(city, 'GET', '/api/v1/county-centres?pageSize=0')).statusCode).toBe(400);
    expect((await t.call(city, 'GET', '/api/v1/county-centres?county=1')).statusCode).toBe(400);
  });
});

describe('API description', () => {
  it('publishes OpenAPI with every v1 path and serves Swagger UI', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/users/{userId}',
      '/api/v1/stations/{stationId}',
      '/api/v1/plan/progress',
      '/api/v1/audit-events',
      '/api/v1/public/stations',
      '/api/v1/divisions',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect((await t.call(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('refuses to register a v1 route that declares no access rule', async () => {
    const bare = Fastify();
    registerAuth(bare, {} as SessionStore, {
      workerStations: async () => [],
      organisationStations: async () => [],
      evaluatorReach: async () => ({ roundIds: [], stationIds: [] }),
    });
    await expect(async () => {
      bare.get('/api/v1/unguarded', async () => 'x');
      await bare.ready();
    }).rejects.toThrow(/declares no access rule/);
  });
});
