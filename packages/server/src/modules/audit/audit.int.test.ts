import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';

// The audit log is paged like every list ({items,total,page,pageSize}), newest first, with validated filters.
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.as('city_admin', DIV.city)).session;
  for (let i = 0; i < 4; i++) await t.as('county_officer', DIV.puyangCounty); // four more logins
});
afterAll(() => t?.close());

describe('audit log', () => {
  it('answers one page and the total of the filter, newest first, without overlap', async () => {
    const all = (await t.call(admin, 'GET', '/api/v1/audit-events?action=login&pageSize=200')).json();
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 200 });
    const p1 = (await t.call(admin, 'GET', '/api/v1/audit-events?action=login&pageSize=2')).json();
    const p3 = (await t.call(admin, 'GET', '/api/v1/audit-events?action=login&pageSize=2&page=3')).json();
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p3.items).toHaveLength(1);
    expect([...p1.items, ...p3.items].map((e: { id: string }) => e.id)).toEqual(
      [all.items[0], all.items[1], all.items[4]].map((e: { id: string }) => e.id),
    );
    expect(all.items[0].at >= all.items[4].at).toBe(true);
    expect(Object.keys(all.items[0]).sort()).toEqual(
      [
        'action',
        'after',
        'at',
        'before',
        'entityId',
        'entityName',
        'entityType',
        'id',
        'ip',
        'summary',
        'username',
      ].sort(),
    );
  });

  it('costs the same number of queries for a page of 1 as for a page of 5', async () => {
    const one = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/audit-events?action=login&pageSize=1'));
    const five = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/audit-events?action=login&pageSize=5'));
    expect(five).toBe(one);
  });

  it('refuses bad filters with a field error', async () => {
    for (const q of ['action=drop', 'entityType=a%20b', 'from=2026-02-30', 'pageSize=201', 'page=0', 'colour=red'])
      expect((await t.call(admin, 'GET', `/api/v1/audit-events?${q}`)).statusCode, q).toBe(400);
    const r = await t.call(admin, 'GET', '/api/v1/audit-events?from=2026-05-02&to=2026-05-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.to).toBe('结束日期不能早于开始日期');
  });
});
