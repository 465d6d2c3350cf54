import { CONTRACT_TERMS } from '@shegong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';

// Lists of contracts, procurements, public announcements and purchase plans are paged the one way
// ({items,total,page,pageSize}, filters validated) and built with a constant number of queries whatever their length
// (issue 8: no N+1); so is the compliance overview (R-CON-1…3).
let t: TestApp;
let county: Session;
let city: Session;
let station = '';
let org = '';
let n = 0;
const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  city = (await t.as('city_officer', DIV.city)).session;
  station = (
    await t.call(
      county,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.liutun, { status: 'operating', openedOn: '2021-07-01' }),
    )
  ).json().id;
  const o = await t.call(county, 'POST', '/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(801),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: DIV.puyangCounty,
  });
  org = o.json().id;
});
afterAll(() => t?.close());

/** `count` procurements, each awarded and signed into a contract (with its first agreement), and as many plans. */
async function grow(count: number) {
  for (let i = 0; i < count; i++) {
    n++;
    const p = await t.call(county, 'POST', '/api/v1/procurements', {
      countyCode: DIV.puyangCounty,
      title: `第 ${n} 号社工站项目`,
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [station],
      publishedOn: '2026-01-05',
    });
    expect(p.statusCode).toBe(201);
    const a = await t.call(county, 'POST', `/api/v1/procurements/${p.json().id}/award`, {
      organisationId: org,
      amount: '500000.00',
      awardedOn: '2026-02-01',
    });
    expect(a.statusCode).toBe(200);
    const c = await t.call(county, 'POST', '/api/v1/contracts', {
      procurementId: p.json().id,
      title: `第 ${n} 号服务合同`,
      signedOn: n % 2 ? '2026-02-10' : '2026-03-20',
      cycleStart: '2026-03-01',
      terms,
      firstAgreement: { amount: '500000.00' },
    });
    expect(c.statusCode).toBe(201);
    const plan = await t.call(county, 'POST', '/api/v1/purchase-plans', {
      countyCode: DIV.puyangCounty,
      year: 2026,
      title: `第 ${n} 号年度购买服务计划`,
    });
    expect(plan.statusCode).toBe(201);
  }
}

const LISTS: [string, () => Session | null][] = [
  ['/api/v1/contracts?pageSize=100', () => county],
  ['/api/v1/procurements?pageSize=100', () => county],
  ['/api/v1/public/announcements?pageSize=100', () => null],
  ['/api/v1/purchase-plans?pageSize=100', () => county],
  ['/api/v1/contracts/compliance', () => city],
];

describe('contract and purchasing lists: query counts, paging and filters', () => {
  it('R-CON-1…3, R-PUR-2, R-PUR-3: each list costs the same number of queries for 1 row as for 50 (no N+1)', async () => {
    await grow(1);
    const one: number[] = [];
    for (const [url, who] of LISTS) {
      one.push(await t.countQueries(() => t.call(who(), 'GET', url)));
      if (!url.includes('compliance')) expect((await t.call(who(), 'GET', url)).json().items).toHaveLength(1);
    }
    await grow(49);
    for (const [i, [url, who]] of LISTS.entries()) {
      const fifty = await t.countQueries(() => t.call(who(), 'GET', url));
      const page = (await t.call(who(), 'GET', url)).json();
      if (!url.includes('compliance')) expect(page).toMatchObject({ total: 50, page: 1, pageSize: 100 });
      expect(fifty, url).toBe(one[i]);
    }
    const contracts = (await t.call(county, 'GET', '/api/v1/contracts?pageSize=100')).json().items;
    expect(contracts.every((c: { agreements: unknown[]; stations: unknown[] }) => c.agreements.length === 1)).toBe(
      true,
    );
    expect(contracts[0].stations).toEqual([{ id: station, name: expect.any(String) }]);
    const procurements = (await t.call(county, 'GET', '/api/v1/procurements?pageSize=100')).json().items;
    expect(procurements.every((p: { contractId: string | null }) => p.contractId)).toBe(true);
    const overview = (await t.call(city, 'GET', '/api/v1/contracts/compliance'))
      .json()
      .items.find((x: { countyCode: string }) => x.countyCode === DIV.puyangCounty);
    // Every other contract was signed 47 days after its award (R-CON-1); none is published (R-CON-3).
    expect(overview).toMatchObject({ contracts: 50, lateSigning: 25, unpublished: 50, stationsWithoutContract: 0 });
  });

  it('pages are counted in SQL and do not overlap', async () => {
    for (const base of ['/api/v1/contracts', '/api/v1/procurements', '/api/v1/purchase-plans']) {
      const p1 = (await t.call(county, 'GET', `${base}?page=1&pageSize=20`)).json();
      const p3 = (await t.call(county, 'GET', `${base}?page=3&pageSize=20`)).json();
      expect(p1).toMatchObject({ total: 50, page: 1, pageSize: 20 });
      expect(p1.items).toHaveLength(20);
      expect(p3).toMatchObject({ total: 50, page: 3, pageSize: 20 });
      expect(p3.items).toHaveLength(10);
      const ids = new Set(p1.items.map((x: { id: string }) => x.id));
      expect(p3.items.some((x: { id: string }) => ids.has(x.id))).toBe(false);
    }
    const pub = (await t.call(null, 'GET', '/api/v1/public/announcements?page=2&pageSize=30')).json();
    expect(pub).toMatchObject({ total: 50, page: 2, pageSize: 30 });
    expect(pub.items).toHaveLength(20);
  });

  it('filters narrow the total and are validated', async () => {
    const other = (await t.call(county, 'GET', `/api/v1/contracts?county=${DIV.qingfeng}`)).json();
    expect(other).toMatchObject({ items: [], total: 0 });
    expect((await t.call(county, 'GET', '/api/v1/procurements?status=published')).json().total).toBe(0);
    expect((await t.call(county, 'GET', '/api/v1/purchase-plans?status=draft&year=2026')).json().total).toBe(50);
    for (const url of [
      '/api/v1/contracts?pageSize=500',
      '/api/v1/contracts?county=abc',
      '/api/v1/procurements?status=open',
      '/api/v1/purchase-plans?year=1999',
      '/api/v1/purchase-plans?page=0',
      '/api/v1/public/announcements?pageSize=0',
      '/api/v1/contracts?sort=title',
    ]) {
      const r = await t.call(url.includes('public') ? null : county, 'GET', url);
      expect(r.statusCode, url).toBe(400);
    }
  });

  it('exports the compliance overview as a real .xlsx with the same figures', async () => {
    const res = await t.call(city, 'GET', '/api/v1/contracts/compliance/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('合同合规')!;
    const py = ws.getColumn(1).values.findIndex((v) => v === '濮阳县');
    expect([2, 3, 4, 5, 6].map((c) => ws.getRow(py).getCell(c).value)).toEqual([50, 25, 50, 0, 0]);
  });
});
