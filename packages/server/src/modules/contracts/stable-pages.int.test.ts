import { CONTRACT_TERMS } from '@shegong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { contracts } from './contracts.table';
import { procurements, purchasePlans } from '../purchasing/purchasing.table';

// Rows inserted in one transaction share `created_at`, and these lists sort by dates and then `created_at`: unless the
// id ends the ORDER BY, LIMIT/OFFSET pages may repeat one row and skip another (issue 8 review). Also: a contract whose
// stored terms lack a key (a term added later) still reads — the view schema does not require every term.
let t: TestApp;
let county: Session;
const COPIES = 40;
const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));
let contractId = '';

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  const station = (
    await t.call(
      county,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.liutun, { status: 'operating', openedOn: '2021-07-01' }),
    )
  ).json().id;
  const org = (
    await t.call(county, 'POST', '/api/v1/organisations', {
      name: '濮阳县稳页社会工作服务中心',
      creditCode: makeCreditCode(811),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
    })
  ).json().id;
  const p = await t.call(county, 'POST', '/api/v1/procurements', {
    countyCode: DIV.puyangCounty,
    title: '样板社工站项目',
    serviceContent: '服务',
    serviceStandards: '标准',
    requirements: '要求',
    method: 'public_tender',
    bidderConditions: '条件',
    stationIds: [station],
    publishedOn: '2026-01-05',
  });
  expect(p.statusCode).toBe(201);
  await t.call(county, 'POST', `/api/v1/procurements/${p.json().id}/award`, {
    organisationId: org,
    amount: '500000.00',
    awardedOn: '2026-02-01',
  });
  const c = await t.call(county, 'POST', '/api/v1/contracts', {
    procurementId: p.json().id,
    title: '样板服务合同',
    signedOn: '2026-02-10',
    cycleStart: '2026-03-01',
    terms,
    firstAgreement: { amount: '500000.00' },
  });
  expect(c.statusCode).toBe(201);
  contractId = c.json().id;
  const plan = await t.call(county, 'POST', '/api/v1/purchase-plans', {
    countyCode: DIV.puyangCounty,
    year: 2026,
    title: '样板年度购买服务计划',
  });
  expect(plan.statusCode).toBe(201);

  // COPIES more of each, all in ONE transaction: the same dates and the same created_at.
  const [proc] = await t.db.select().from(procurements).where(eq(procurements.id, p.json().id));
  const [con] = await t.db.select().from(contracts).where(eq(contracts.id, contractId));
  const [pl] = await t.db.select().from(purchasePlans).where(eq(purchasePlans.id, plan.json().id));
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < COPIES; i++) {
      const { id: _p, createdAt: _pc, updatedAt: _pu, ...procFields } = proc;
      const [np] = await tx
        .insert(procurements)
        .values({ ...procFields, title: `副本项目 ${i}` })
        .returning();
      const { id: _c, createdAt: _cc, updatedAt: _cu, ...conFields } = con;
      await tx.insert(contracts).values({ ...conFields, procurementId: np.id, title: `副本合同 ${i}` });
      const { id: _l, createdAt: _lc, updatedAt: _lu, ...planFields } = pl;
      await tx.insert(purchasePlans).values({ ...planFields, title: `副本计划 ${i}` });
    }
  });
});
afterAll(() => t?.close());

/** Walks every page of a list and answers the ids in the order the pages gave them. */
async function walk(who: Session | null, base: string, pageSize: number) {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; total < 0 || (page - 1) * pageSize < total; page++) {
    const res = await t.call(who, 'GET', `${base}?page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, `${base} page ${page}`).toBe(200);
    total = res.json().total;
    ids.push(...res.json().items.map((x: { id: string }) => x.id));
  }
  return { ids, total };
}

describe('paged lists have a unique sort key', () => {
  it.each([
    ['/api/v1/contracts', false],
    ['/api/v1/procurements', false],
    ['/api/v1/purchase-plans', false],
    ['/api/v1/public/announcements', true],
  ])('walking the pages of %s yields each row exactly once', async (base, anonymous) => {
    for (const pageSize of [3, 7, 10]) {
      const { ids, total } = await walk(anonymous ? null : county, base, pageSize);
      expect(total).toBe(COPIES + 1);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size, `${base} pageSize ${pageSize}`).toBe(total);
    }
  });
});

describe('contract terms as stored', () => {
  it('R-CON-1: a contract whose stored terms lack a key (or hold one no longer known) still reads', async () => {
    const { breachLiability: _missing, ...partial } = terms;
    await t.db
      .update(contracts)
      .set({ terms: { ...partial, retiredTerm: '旧条款' } as unknown as (typeof contracts.$inferInsert)['terms'] })
      .where(eq(contracts.id, contractId));
    const one = await t.call(county, 'GET', `/api/v1/contracts/${contractId}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().terms).toEqual(partial);
    expect(one.json().terms).not.toHaveProperty('breachLiability');
    const list = await t.call(county, 'GET', '/api/v1/contracts?pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.find((c: { id: string }) => c.id === contractId).terms).toEqual(partial);
  });
});
