import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFixture } from '../../test-support/contract-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  const { ids } = await contractFixture(t, 802);
  admin = (await t.as('city_admin', DIV.city)).session;
  // Contractor staff of the organisation (their organisation's name is looked up) and county officers, 50 at least.
  await t.makeUser('project_lead', DIV.city, { organisationId: ids.org }); // the only project lead
  for (let i = 0; i < 50; i++)
    if (i % 2 === 0) await t.makeUser('org_admin', DIV.city, { organisationId: ids.org });
    else await t.makeUser('county_officer', DIV.puyangCounty);
});
afterAll(() => t?.close());

describe('the user list is built with a constant number of queries (no N+1)', () => {
  it('answers 1 row and 50 rows (with organisation names) with the same number of queries', async () => {
    const one = (await t.call(admin, 'GET', '/api/v1/users?role=project_lead')).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0].organisationName).toBe('濮阳县益民社会工作服务中心');
    const fifty = (await t.call(admin, 'GET', '/api/v1/users?pageSize=50')).json();
    expect(fifty.items).toHaveLength(50);
    expect(fifty.total).toBeGreaterThan(50);
    expect(fifty.items.filter((u: { organisationName: string | null }) => u.organisationName).length).toBeGreaterThan(
      1,
    );
    const q1 = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/users?role=project_lead'));
    const q50 = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/users?pageSize=50'));
    expect(q50).toBe(q1);
  });
});
