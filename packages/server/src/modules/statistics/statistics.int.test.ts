import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceStatistics } from '@shegong/shared';
import { servicesFixture } from '../../test-support/services-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { alerts } from '../alerts/alerts.table';
import { cases } from '../cases/cases.table';
import { referrals } from '../referrals/referrals.table';
import { serviceRecords } from '../services/services.table';

// Service statistics (R-SVC-2…5) through the HTTP API on both databases: every figure equals what this test computes
// from the rows it made, moves the moment a record is saved, and stays inside the caller's scope (R-SCOPE-1).
const TODAY = '2026-11-28';
const PERIOD = 'from=2026-10&to=2026-11';
let t: TestApp;
let f: Awaited<ReturnType<typeof servicesFixture>>;
const p: Record<string, string> = {};

interface Made {
  people: string[];
  servedOn: string;
  form: string;
  code: string;
  minutes: number;
  headCount: number;
}
const made: Made[] = [];

async function record(people: string[], servedOn: string, form: string, code: string, minutes: number, headCount = 0) {
  await f.record(f.sw.zhang, people, servedOn, { form, code, minutes, headCount });
  made.push({ people, servedOn, form, code, minutes, headCount });
}

const stats = async (s: Session, query = PERIOD) => {
  const r = await t.call(s, 'GET', `/api/v1/statistics/services?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ServiceStatistics;
};

/** The figures of the records made in [from, to], computed here from the rows themselves. */
function expected(from: string, to: string) {
  const rows = made.filter((m) => m.servedOn >= from && m.servedOn <= to);
  const sum = (rs: Made[]) => ({
    records: rs.length,
    personServices: rs.reduce((a, m) => a + m.people.length, 0),
    headCount: rs.reduce((a, m) => a + m.headCount, 0),
    minutes: rs.reduce((a, m) => a + m.minutes, 0),
  });
  const by = (key: (m: Made) => string) =>
    Object.fromEntries([...new Set(rows.map(key))].map((k) => [k, sum(rows.filter((m) => key(m) === k))]));
  return {
    totals: { ...sum(rows), peopleServed: new Set(rows.flatMap((m) => m.people)).size },
    byForm: by((m) => m.form),
    byItem: by((m) => m.code),
    byDomain: by((m) => m.code.split('.')[0]),
  };
}

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  f = await servicesFixture(t, 62);
  const { sw, person } = f;
  p.elder = await person(sw.zhang, '高文秀', {
    risk: 'high',
    categories: [
      { category: 'dibao', startedOn: '2024-01-01', source: '低保名册' },
      { category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' },
    ],
  });
  p.other = await person(sw.zhang, '钟玉兰', {
    risk: 'low',
    categories: [
      // 低保 renewed inside the period (two rows of one category): still one person in it.
      { category: 'dibao', startedOn: '2024-01-01', endedOn: '2026-10-31', source: '低保名册' },
      { category: 'dibao', startedOn: '2026-11-01', source: '低保复核' },
      // Ended before the period: not counted in it.
      { category: 'temporary_relief', startedOn: '2025-01-01', endedOn: '2025-06-30', source: '临时救助' },
    ],
  });
  p.child = await person(sw.zhang, '李小雨', {
    risk: 'medium',
    assessedOn: '2026-06-01',
    birth: '20150601',
    categories: [{ category: 'left_behind_child', startedOn: '2025-09-01', source: '入户走访' }],
    extra: { guardian: { name: '李大山', relation: '祖父', phone: '13900001111' } },
  });
  p.disabled = await person(sw.zhang, '吴守义', {
    categories: [
      {
        category: 'disabled',
        disabilityKind: 'physical',
        disabilityGrade: '2',
        startedOn: '2020-01-01',
        source: '残联名册',
      },
    ],
  });
  p.neverVisited = await person(sw.zhang, '郑福来', { risk: 'high', assessedOn: '2026-11-20' });
  await record([p.other], '2026-09-20', 'phone_followup', '1.4', 10);
  await record([p.child], '2026-09-15', 'home_visit', '3.3', 30);
  await record([p.elder], '2026-10-10', 'home_visit', '2.3', 40);
  await record([p.elder, p.other], '2026-11-05', 'home_visit', '2.3', 60);
  await record([], '2026-11-10', 'community_activity', '4.1', 120, 30);
  await record([p.child], '2026-11-12', 'group_work', '3.3', 90);
  await record([p.disabled], '2026-11-13', 'home_visit', '5.3', 45);

  // Cases, alerts and referrals as rows (their own tests cover how they are made); scope columns as the station's.
  const [r] = await t.db.select().from(serviceRecords).limit(1);
  const at = { stationId: f.ids.liutun, divisionPath: r.divisionPath, organisationId: f.ids.org };
  const kase = (openedOn: string, closedOn: string | null) => ({
    ...at,
    beneficiaryId: p.elder,
    source: 'visit' as const,
    openedOn,
    closedOn,
    status: closedOn ? ('closed' as const) : ('intervention' as const),
  });
  await t.db
    .insert(cases)
    .values([
      kase('2026-10-05', null),
      kase('2026-08-01', '2026-11-20'),
      kase('2026-05-01', null),
      kase('2026-11-02', '2026-11-25'),
      kase('2026-09-01', '2026-09-30'),
    ]);
  const alert = (raised: string, ackHours: number | null, closed: string | null) => ({
    ...at,
    beneficiaryId: p.child,
    kind: 'abuse' as const,
    description: '邻居反映孩子身上有伤',
    raisedAt: new Date(raised),
    acknowledgedAt: ackHours == null ? null : new Date(Date.parse(raised) + ackHours * 3600_000),
    closedAt: closed ? new Date(closed) : null,
    status: closed ? ('closed' as const) : ackHours == null ? ('open' as const) : ('acknowledged' as const),
  });
  await t.db
    .insert(alerts)
    .values([
      alert('2026-11-03T02:00:00Z', 3, '2026-11-10T02:00:00Z'),
      alert('2026-10-20T02:00:00Z', 5, null),
      alert('2026-11-25T02:00:00Z', null, null),
      alert('2026-09-01T02:00:00Z', 100, '2026-10-02T02:00:00Z'),
    ]);
  const consent = await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${p.elder}/consents`, {
    kind: 'referral',
    decision: 'given',
    givenBy: 'self',
    scope: '同意转介至镇民政所',
    recordedOn: '2026-08-01',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const referral = (submittedOn: string, decidedOn: string | null, amountFen: number | null) => ({
    ...at,
    beneficiaryId: p.elder,
    target: 'dibao' as const,
    agency: '镇民政所',
    submittedOn,
    decidedOn,
    amountFen,
    status: decidedOn ? ('obtained' as const) : ('submitted' as const),
    consentId: consent.json().id as string,
  });
  await t.db
    .insert(referrals)
    .values([
      referral('2026-10-12', '2026-11-15', 50_000),
      referral('2026-09-01', '2026-10-03', 30_000),
      referral('2026-11-01', null, null),
    ]);
}, 180_000);
afterAll(() => t?.close());

describe('service figures (R-SVC-2)', () => {
  it('R-SVC-2 a station’s period: records, person-services, head counts and minutes by domain, item, form and month', async () => {
    const s = await stats(f.lead, `scope=${f.ids.liutun}&${PERIOD}`);
    const e = expected('2026-10-01', '2026-11-30');
    expect(s).toMatchObject({ scope: { kind: 'station', id: f.ids.liutun }, from: '2026-10-01', to: '2026-11-30' });
    expect(s.totals).toEqual(e.totals);
    expect(Object.fromEntries(s.byForm.filter((x) => x.records).map(({ form, ...x }) => [form, x]))).toEqual(e.byForm);
    expect(Object.fromEntries(s.byItem.map(({ code, domainCode: _d, ...x }) => [code, x]))).toEqual(e.byItem);
    expect(Object.fromEntries(s.byDomain.map(({ domainCode, ...x }) => [String(domainCode), x]))).toEqual(e.byDomain);
    expect(s.byForm).toHaveLength(8);
    expect(s.byMonth).toEqual([
      { month: '2026-10', records: 1, personServices: 1 },
      { month: '2026-11', records: 4, personServices: 4 },
    ]);
    expect(s.breakdown).toEqual([]);
    // A month without records is there as 0 (August), so a trend never skips one.
    const summer = await stats(f.lead, `scope=${f.ids.liutun}&from=2026-08&to=2026-09`);
    expect(summer.byMonth.map((m) => [m.month, m.records])).toEqual([
      ['2026-08', 0],
      ['2026-09', 2],
    ]);
  });

  it('R-SVC-2 a new record is counted at once (the rollups move in its transaction)', async () => {
    const before = await stats(f.sw.zhang);
    await record([p.other], TODAY, 'home_visit', '2.3', 25);
    const after = await stats(f.sw.zhang);
    expect(after.totals.records).toBe(before.totals.records + 1);
    expect(after.totals.minutes).toBe(before.totals.minutes + 25);
    expect(after.totals).toEqual(expected('2026-10-01', '2026-11-30').totals);
  });

  it('R-SVC-1 people served by the categories they were in during the period (once each, renewed or not); health ones only for who may see them', async () => {
    const byCat = (s: ServiceStatistics) => Object.fromEntries(s.byCategory.map((c) => [c.category, c.people]));
    expect(byCat(await stats(f.lead))).toEqual({ dibao: 2, hardship_elder: 1, left_behind_child: 1, disabled: 1 });
    expect(byCat(await stats(f.city))).toEqual({ dibao: 2, hardship_elder: 1, left_behind_child: 1 });
    // September: only the phone call to 钟玉兰 and the visit to 李小雨.
    expect(byCat(await stats(f.lead, 'from=2026-09-01&to=2026-09-30'))).toEqual({ dibao: 1, left_behind_child: 1 });
  });
});

describe('visits, cases, alerts and referrals (R-SVC-3, R-SVC-5)', () => {
  it('R-SVC-5 visit completion: people due a visit in the period and those visited within it', async () => {
    // Due: 高文秀 (high), 钟玉兰 (low, last visited never before the period), 郑福来 (graded 11-20, never visited);
    // not due: 李小雨 (medium, visited 09-15 + 90 days falls after the period). Visited: 高文秀, 钟玉兰.
    expect((await stats(f.county, `scope=${DIV.puyangCounty}&${PERIOD}`)).visits).toEqual({
      due: 3,
      done: 2,
      percent: 66.7,
    });
  });

  it('R-SVC-3 R-SVC-5 cases opened, active and closed; alerts raised and handled with hours to acknowledge; referrals', async () => {
    const s = await stats(f.county, PERIOD);
    expect(s.cases).toEqual({ opened: 2, active: 2, closed: 2 });
    expect(s.alerts).toEqual({ raised: 3, handled: 2, meanHoursToAcknowledge: 4 });
    expect(s.referrals).toEqual({ submitted: 2, obtained: 2, amountFen: 80_000 });
  });
});

describe('scope (R-SCOPE-1)', () => {
  it('R-SCOPE-1 the city compares units, a unit its stations; workers are never ranked', async () => {
    const city = await stats(f.city);
    expect(city.scope.kind).toBe('city');
    expect(city.breakdown).toEqual([
      expect.objectContaining({ kind: 'unit', id: DIV.puyangCounty, name: '濮阳县', records: city.totals.records }),
    ]);
    const county = await stats(f.county);
    expect(county.scope).toMatchObject({ kind: 'unit', id: DIV.puyangCounty });
    expect(county.breakdown).toEqual([
      expect.objectContaining({ kind: 'station', id: f.ids.liutun, peopleServed: county.totals.peopleServed }),
    ]);
    expect(JSON.stringify(county)).not.toMatch(/张晓梅|李建国/);
  });

  it('R-SCOPE-1 another unit, station or organisation answers 404 like a missing one; an organisation sees its own', async () => {
    const call = (s: Session, scope: string) => t.call(s, 'GET', `/api/v1/statistics/services?scope=${scope}`);
    const missing = await call(f.county, randomUUID());
    expect(missing.statusCode).toBe(404);
    for (const [s, scope] of [
      [f.county, DIV.qingfeng],
      [f.county, DIV.city],
      [f.org, DIV.qingfeng],
      [f.sw.zhang, f.ids.wenliu],
      [f.org, f.ids.other],
    ] as const) {
      const r = await call(s, scope);
      expect(r.statusCode, scope).toBe(404);
      expect(r.json()).toEqual(missing.json());
    }
    const org = await stats(f.org);
    expect(org.scope).toMatchObject({ kind: 'organisation', id: f.ids.org });
    expect(org.totals).toEqual((await stats(f.county)).totals);
    expect((await stats(f.org, `scope=${DIV.puyangCounty}`)).scope.kind).toBe('unit');
  });

  it('R-SVC-2 without a period, the year to date by the server’s clock', async () => {
    const s = await stats(f.county, '');
    expect([s.from, s.to]).toEqual(['2026-01-01', '2026-11-30']);
    expect(s.totals).toEqual(expected('2026-01-01', '2026-11-30').totals);
  });

  it('R-SVC-2 bad periods answer a Chinese 400', async () => {
    for (const q of ['from=2026-13', 'from=2026-11&to=2026-10', 'from=2020-01&to=2026-11', 'scope=abc']) {
      const r = await t.call(f.county, 'GET', `/api/v1/statistics/services?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().message, q).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
