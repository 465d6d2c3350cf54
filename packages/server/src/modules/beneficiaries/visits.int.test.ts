import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitDueItem, VisitsDuePage } from '@shegong/shared';
import { servicesFixture } from '../../test-support/services-fixture';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app';

// Visits by risk (R-SVC-5) through the HTTP API on both databases: who is due, from which date, for whom; the
// intervals the city sets; "no service for N days" on the registry's list.
const TODAY = '2026-11-28';
let t: TestApp;
let f: Awaited<ReturnType<typeof servicesFixture>>;
const p: Record<string, string> = {};

const due = async (s: Session, query = '') => {
  const r = await t.call(s, 'GET', `/api/v1/visits/due${query ? `?${query}` : ''}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as VisitsDuePage;
};
const idsOf = (page: VisitsDuePage) => page.items.map((i) => i.beneficiaryId);

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  f = await servicesFixture(t, 61);
  const { sw, person, record } = f;
  p.high = await person(sw.zhang, '高文秀', { risk: 'high', assessedOn: '2026-10-01' });
  p.medium = await person(sw.zhang, '钟玉兰', { risk: 'medium', assessedOn: '2026-05-01' });
  p.low = await person(sw.zhang, '刘德胜', { risk: 'low', assessedOn: '2026-01-05' });
  p.none = await person(sw.zhang, '吴守义');
  p.recent = await person(sw.zhang, '孙桂芝', { risk: 'medium', assessedOn: '2026-05-01' });
  p.colleague = await person(sw.li, '郑福来', { risk: 'high', assessedOn: '2026-11-20' });
  // A minor graded high, the colleague's: withheld from 张晓梅 (R-SCOPE-2), listed for the lead.
  p.child = await person(sw.li, '李小雨', {
    risk: 'high',
    assessedOn: '2026-11-01',
    birth: '20150601',
    categories: [{ category: 'left_behind_child', startedOn: '2025-09-01', source: '入户走访' }],
    extra: { guardian: { name: '李大山', relation: '祖父', phone: '13900001111' } },
  });
  await record(sw.zhang, [p.medium], '2026-09-01');
  await record(sw.zhang, [p.low], '2026-06-01');
  await record(sw.zhang, [p.recent], '2026-11-01');
}, 180_000);
afterAll(() => t?.close());

describe('visits due (R-SVC-5)', () => {
  it('R-SVC-5 a worker sees their own people due by today + 7 days, overdue first, with days overdue', async () => {
    const page = await due(f.sw.zhang);
    expect(page).toMatchObject({ total: 3, overdue: 1, horizon: '2026-12-05' });
    expect(page.items.map((i) => [i.name, i.riskLevel, i.lastVisitOn, i.dueOn, i.daysOverdue, i.overdue])).toEqual([
      // Never visited: due from the day the person was graded.
      ['高文秀', 'high', null, '2026-10-01', 58, true],
      // Last visit + 180 days falls today.
      ['刘德胜', 'low', '2026-06-01', '2026-11-28', 0, false],
      // Due in two days: inside the week's look-ahead.
      ['钟玉兰', 'medium', '2026-09-01', '2026-11-30', -2, false],
    ]);
    expect(page.items[0]).toMatchObject({ stationId: f.ids.liutun, workerName: '张晓梅', intervalDays: 30 });
    // Not graded, or visited recently: never listed, whatever the look-ahead.
    expect(idsOf(await due(f.sw.zhang, 'withinDays=60'))).not.toContain(p.none);
    expect(idsOf(await due(f.sw.zhang, 'withinDays=60'))).not.toContain(p.recent);
    expect((await due(f.sw.zhang, 'withinDays=0')).total).toBe(2);
  });

  it('R-SVC-5 R-SCOPE-2 the whole station: colleagues’ people too, but never a sensitive record withheld from the worker', async () => {
    const all = await due(f.sw.zhang, 'mine=false');
    expect(idsOf(all)).toEqual([p.high, p.colleague, p.low, p.medium]);
    expect(all.overdue).toBe(2);
    // The lead (and the county officer) see every graded person, the minor included.
    expect(idsOf(await due(f.lead))).toEqual([p.high, p.child, p.colleague, p.low, p.medium]);
    expect(idsOf(await due(f.lead, `workerId=${f.workerIds.li}`))).toEqual([p.child, p.colleague]);
    expect(idsOf(await due(f.lead, 'risk=high'))).toEqual([p.high, p.child, p.colleague]);
  });

  it('R-SVC-5 R-SCOPE-2 officers see initials; another station’s filter shows nothing', async () => {
    const county = await due(f.county, `stationId=${f.ids.liutun}`);
    expect(county.total).toBe(5);
    const names = county.items.map((i: VisitDueItem) => i.name);
    expect(names).toContain('高*秀');
    expect(names.some((n) => n === '高文秀' || n === '李小雨')).toBe(false);
    expect((await due(f.county, `stationId=${f.ids.wenliu}`)).total).toBe(0);
    // The city officer may not see the minor (no sensitive permission): left out, not shown masked.
    expect(idsOf(await due(f.city))).not.toContain(p.child);
  });

  it('R-SVC-5 a home visit takes the person off the list at once; a phone call does not count as a visit', async () => {
    await f.record(f.sw.zhang, [p.high], TODAY);
    await f.record(f.sw.zhang, [p.low], TODAY, { form: 'phone_followup' });
    const page = await due(f.sw.zhang);
    expect(idsOf(page)).toEqual([p.low, p.medium]);
    expect(page.overdue).toBe(0);
  });

  it('R-SVC-5 the station handover counts the people due a visit today, as the list does', async () => {
    const handover = await t.call(f.lead, 'GET', `/api/v1/beneficiaries/handover/${f.ids.liutun}`);
    expect(handover.statusCode, handover.body).toBe(200);
    const today = await due(f.lead, 'withinDays=0');
    expect(today.total).toBeGreaterThan(0);
    expect(handover.json().visitsDue).toBe(today.total);
  });

  it('R-SVC-5 bad queries answer a Chinese 400', async () => {
    for (const q of ['withinDays=61', 'withinDays=-1', 'risk=extreme', 'stationId=x']) {
      const r = await t.call(f.sw.zhang, 'GET', `/api/v1/visits/due?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().message, q).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('no service for N days (R-SVC-5, the registry list filter)', () => {
  it('R-SVC-5 lists people without any service in the last N days, from the last service kept per person', async () => {
    const r = await t.call(f.sw.zhang, 'GET', '/api/v1/beneficiaries?noServiceDays=30&pageSize=50');
    expect(r.statusCode, r.body).toBe(200);
    const listed = r.json().items.map((i: { id: string }) => i.id);
    expect(listed).toEqual(expect.arrayContaining([p.none, p.medium, p.colleague]));
    // Served on 2026-11-01 (27 days ago) and today: not listed.
    for (const id of [p.recent, p.high, p.low]) expect(listed).not.toContain(id);
  });
});

describe('visit intervals (R-SVC-5)', () => {
  it('R-SVC-5 defaults until the city sets them; the city changes all three, versioned and audited', async () => {
    const before = (await t.call(f.sw.zhang, 'GET', '/api/v1/visits/intervals')).json();
    expect(before.items.map((i: { days: number; isDefault: boolean }) => [i.days, i.isDefault])).toEqual([
      [30, true],
      [90, true],
      [180, true],
    ]);
    expect(before.abilities.update).toBe(false);
    const body = { high: { days: 14, version: 0 }, medium: { days: 60, version: 0 }, low: { days: 120, version: 0 } };
    expect((await t.call(f.county, 'PUT', '/api/v1/visits/intervals', body)).statusCode).toBe(403);
    const set = await t.call(f.cityAdmin, 'PUT', '/api/v1/visits/intervals', body);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items.map((i: { days: number; version: number }) => [i.days, i.version])).toEqual([
      [14, 1],
      [60, 1],
      [120, 1],
    ]);
    // The same versions again: someone changed them since (409), nothing written.
    const stale = await t.call(f.cityAdmin, 'PUT', '/api/v1/visits/intervals', {
      ...body,
      low: { days: 100, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await t.call(f.cityAdmin, 'GET', '/api/v1/audit-events?entityType=visitInterval');
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0].summary).toMatch(/高风险 14 天/);
    // The due list follows at once: 钟玉兰's visit of 2026-09-01 + 60 days is now past.
    const page = await due(f.sw.zhang);
    expect(page.items.find((i) => i.beneficiaryId === p.medium)).toMatchObject({
      dueOn: '2026-10-31',
      daysOverdue: 28,
      intervalDays: 60,
    });
  });

  it('R-SVC-5 a higher risk may not have the longer interval; bounds are checked (400, nothing written)', async () => {
    const cur = (await t.call(f.cityAdmin, 'GET', '/api/v1/visits/intervals')).json().items;
    const v = (i: number) => cur[i].version as number;
    const bad = await t.call(f.cityAdmin, 'PUT', '/api/v1/visits/intervals', {
      high: { days: 100, version: v(0) },
      medium: { days: 60, version: v(1) },
      low: { days: 120, version: v(2) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors.high).toMatch(/不能长于中风险/);
    const tooShort = await t.call(f.cityAdmin, 'PUT', '/api/v1/visits/intervals', {
      high: { days: 3, version: v(0) },
      medium: { days: 60, version: v(1) },
      low: { days: 120, version: v(2) },
    });
    expect(tooShort.statusCode).toBe(400);
    const after = (await t.call(f.cityAdmin, 'GET', '/api/v1/visits/intervals')).json().items;
    expect(after.map((i: { days: number }) => i.days)).toEqual([14, 60, 120]);
  });
});
