import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';

// Lists of organisations are paged the one way ({items,total,page,pageSize}) and built with a constant number of
// queries whatever their length (issue 8: no N+1); the public list shows registration facts only (R-ORG-2).
let t: TestApp;
let county: Session;
let seed = 500;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
});
afterAll(() => t?.close());

async function register(n: number) {
  for (let i = 0; i < n; i++) {
    const s = ++seed;
    const o = await t.call(county, 'POST', '/api/v1/organisations', {
      name: `濮阳县第${s}社会工作服务中心`,
      creditCode: makeCreditCode(s),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
      legalRepresentative: '王某某',
      contactPhone: '0393-1234567',
    });
    expect(o.statusCode).toBe(201);
    const d = await t.call(county, 'POST', `/api/v1/organisations/${o.json().id}/disclosures`, {
      kind: 'basic',
      title: `第${s}号基本情况`,
    });
    expect(d.statusCode).toBe(201);
  }
}

describe('organisation lists: paging and query counts', () => {
  it('R-ORG-2: the public list costs the same number of queries for 1 organisation as for 50 (no N+1)', async () => {
    await register(1);
    const url = '/api/v1/public/organisations?pageSize=100';
    const one = await t.countQueries(() => t.call(null, 'GET', url));
    expect((await t.call(null, 'GET', url)).json().items).toHaveLength(1);
    await register(49);
    const fifty = await t.countQueries(() => t.call(null, 'GET', url));
    const page = (await t.call(null, 'GET', url)).json();
    expect(page.items).toHaveLength(50);
    expect(page.items.every((o: { disclosures: unknown[] }) => o.disclosures.length === 1)).toBe(true);
    expect(fifty).toBe(one);
  });

  it('the registry list costs the same number of queries for 1 row as for 50', async () => {
    const one = await t.countQueries(() => t.call(county, 'GET', '/api/v1/organisations?pageSize=1'));
    const fifty = await t.countQueries(() => t.call(county, 'GET', '/api/v1/organisations?pageSize=50'));
    expect((await t.call(county, 'GET', '/api/v1/organisations?pageSize=50')).json().items).toHaveLength(50);
    expect(fifty).toBe(one);
  });

  it('pages are counted in SQL and do not overlap', async () => {
    const p3 = (await t.call(county, 'GET', '/api/v1/organisations?page=3&pageSize=20')).json();
    expect(p3).toMatchObject({ total: 50, page: 3, pageSize: 20 });
    expect(p3.items).toHaveLength(10);
    const ids = new Set<string>();
    for (const page of [1, 2, 3])
      for (const o of (await t.call(county, 'GET', `/api/v1/organisations?page=${page}&pageSize=20`)).json().items)
        ids.add(o.id);
    expect(ids.size).toBe(50);
    const pub = (await t.call(null, 'GET', '/api/v1/public/organisations?page=2&pageSize=30')).json();
    expect(pub).toMatchObject({ total: 50, page: 2, pageSize: 30 });
    expect(pub.items).toHaveLength(20);
    expect((await t.call(null, 'GET', '/api/v1/public/organisations')).json().pageSize).toBe(20);
  });

  it('filters are validated: a bad page, size, type or unknown filter answers 400', async () => {
    for (const q of ['page=0', 'pageSize=201', 'type=bogus', 'county=41', 'colour=red'])
      expect((await t.call(county, 'GET', `/api/v1/organisations?${q}`)).statusCode, q).toBe(400);
    for (const q of ['pageSize=0', 'county=410928000000'])
      expect((await t.call(null, 'GET', `/api/v1/public/organisations?${q}`)).statusCode, q).toBe(400);
  });

  it('the registry filters by local (an award picker asks for out-of-town organisations) and by name', async () => {
    const list = async (q: string) => (await t.call(county, 'GET', `/api/v1/organisations?pageSize=200&${q}`)).json();
    const [all, local, outOfTown] = await Promise.all([list(''), list('local=true'), list('local=false')]);
    expect(local.items.every((o: { local: boolean }) => o.local)).toBe(true);
    expect(outOfTown.items.every((o: { local: boolean }) => !o.local)).toBe(true);
    expect(local.total + outOfTown.total).toBe(all.total);
    const named = await list(`local=true&county=${DIV.puyangCounty}&q=${encodeURIComponent('第520社会')}`);
    expect(named.items.map((o: { name: string }) => o.name)).toEqual(['濮阳县第520社会工作服务中心']);
    expect((await t.call(county, 'GET', '/api/v1/organisations?local=yes')).statusCode).toBe(400);
  });

  it('the public list filters by name and shows no legal representative or contact data (R-ORG-2)', async () => {
    const r = (await t.call(null, 'GET', `/api/v1/public/organisations?q=${encodeURIComponent('第520社会')}`)).json();
    expect(r.total).toBe(1);
    expect(Object.keys(r.items[0]).sort()).toEqual([
      'address',
      'creditCode',
      'disclosures',
      'grade',
      'gradeValidUntil',
      'id',
      'local',
      'name',
      'registrationAuthority',
      'type',
      'typeLabel',
    ]);
    expect(JSON.stringify(r)).not.toContain('王某某');
    expect(JSON.stringify(r)).not.toContain('0393-1234567');
  });
});
