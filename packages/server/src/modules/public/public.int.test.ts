import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, stationBody, type Session, type TestApp } from '../../test-support/test-app';

// The public station directory (no login) is paged like every list and costs the same queries for 1 station as for
// 50 (issue 8: no N+1); the whole city (89 stations) fits one page of 200.
let t: TestApp;
const officers = new Map<string, Session>();
let townships: { code: string; parentCode: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const all = (await t.call(null, 'GET', '/api/v1/divisions')).json().items as {
    code: string;
    parentCode: string;
    level: string;
  }[];
  townships = all.filter((d) => d.level === 'township');
});
afterAll(() => t?.close());

async function open(n: number, from: number) {
  for (const d of townships.slice(from, from + n)) {
    let s = officers.get(d.parentCode);
    if (!s) officers.set(d.parentCode, (s = (await t.as('county_officer', d.parentCode)).session));
    const r = await t.call(
      s,
      'POST',
      '/api/v1/stations',
      stationBody(d.code, { status: 'operating', openedOn: '2021-08-01', phone: '0393-1234567' }),
    );
    expect(r.statusCode, r.body).toBe(201);
  }
}

describe('public station directory', () => {
  it('costs the same number of queries for 1 operating station as for 50', async () => {
    await open(1, 0);
    const url = '/api/v1/public/stations?pageSize=200';
    const one = await t.countQueries(() => t.call(null, 'GET', url));
    await open(49, 1);
    const fifty = await t.countQueries(() => t.call(null, 'GET', url));
    const page = (await t.call(null, 'GET', url)).json();
    expect(page).toMatchObject({ total: 50, page: 1, pageSize: 200 });
    expect(page.items).toHaveLength(50);
    expect(fifty).toBe(one);
  });

  it('pages in SQL, filters by county and validates its query', async () => {
    const p2 = (await t.call(null, 'GET', '/api/v1/public/stations?page=2&pageSize=30')).json();
    expect(p2).toMatchObject({ total: 50, page: 2, pageSize: 30 });
    expect(p2.items).toHaveLength(20);
    const county = townships[0].parentCode;
    const inCounty = townships.slice(0, 50).filter((d) => d.parentCode === county).length;
    expect((await t.call(null, 'GET', `/api/v1/public/stations?county=${county}`)).json().total).toBe(inCounty);
    for (const q of ['pageSize=201', 'page=0', 'county=4109', 'name=x'])
      expect((await t.call(null, 'GET', `/api/v1/public/stations?${q}`)).statusCode, q).toBe(400);
  });
});
