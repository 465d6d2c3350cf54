import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFixture } from '../../test-support/contract-fixture';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let city: Session;
beforeAll(async () => {
  t = await createTestApp({ today: '2026-06-15' });
  await contractFixture(t, 801); // 柳屯镇 with a live contract, 文留镇 without
  city = (await t.as('city_officer', DIV.city)).session;
  const towns = (await t.call(null, 'GET', '/api/v1/divisions?level=township')).json().items as {
    code: string;
    parentCode: string;
  }[];
  const officers = new Map<string, Session>();
  for (const d of towns.filter((d) => d.code !== DIV.liutun && d.code !== DIV.wenliu).slice(0, 48)) {
    if (!officers.has(d.parentCode)) officers.set(d.parentCode, (await t.as('county_officer', d.parentCode)).session);
    const res = await t.call(officers.get(d.parentCode)!, 'POST', '/api/v1/stations', stationBody(d.code));
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t?.close());

describe('the station list is built with a constant number of queries (no N+1)', () => {
  it('answers 1 row and 50 rows (with contracts and resident counts) with the same number of queries', async () => {
    const one = await t.call(city, 'GET', '/api/v1/stations?q=柳屯');
    expect(one.json().items).toHaveLength(1);
    expect(one.json().items[0].contract).not.toBeNull();
    const fifty = await t.call(city, 'GET', '/api/v1/stations?pageSize=50');
    expect(fifty.json()).toMatchObject({ total: 50, page: 1, pageSize: 50 });
    expect(fifty.json().items).toHaveLength(50);
    const q1 = await t.countQueries(() => t.call(city, 'GET', '/api/v1/stations?q=柳屯'));
    const q50 = await t.countQueries(() => t.call(city, 'GET', '/api/v1/stations?pageSize=50'));
    expect(q50).toBe(q1);
  });

  it('pages in SQL: two pages hold different stations and the total counts the filter', async () => {
    const p1 = (await t.call(city, 'GET', '/api/v1/stations?pageSize=20')).json();
    const p3 = (await t.call(city, 'GET', '/api/v1/stations?page=3&pageSize=20')).json();
    expect(p1.total).toBe(50);
    expect(p3.items).toHaveLength(10);
    const ids = new Set(p1.items.map((s: { id: string }) => s.id));
    expect(p3.items.some((s: { id: string }) => ids.has(s.id))).toBe(false);
    expect((await t.call(city, 'GET', '/api/v1/stations?pageSize=201')).statusCode).toBe(400);
  });
});
