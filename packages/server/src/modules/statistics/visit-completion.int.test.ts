import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_VISIT_INTERVAL_DAYS, VISIT_FORMS, type ServiceStatistics } from '@shegong/shared';
import { servicesFixture } from '../../test-support/services-fixture';
import { createTestApp, DIV, type TestApp } from '../../test-support/test-app';

// R-SVC-5 visit completion, read from each person's stored visit days and first grade (ADR 0016), against the
// definition computed here from the rows themselves — the records, their people and the risk assessments — for many
// periods, for a unit and for the whole city, before and after a late older visit, a withdrawn visit, a visit moved to
// another date, a visit changed into a phone call and a backdated first assessment; and the stored days themselves.
const TODAY = '2026-11-28';
let t: TestApp;
let f: Awaited<ReturnType<typeof servicesFixture>>;
const p: Record<string, string> = {};
const rec: Record<string, string> = {};

const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthEnd = (m: number) => new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
/** The stored day number (`visit_days`), computed here independently: days since 2000-01-01. */
const dayNo = (d: string) => (Date.parse(`${d}T00:00:00Z`) - Date.parse('2000-01-01T00:00:00Z')) / 86_400_000;
const monthStart = (m: number) => `2026-${String(m).padStart(2, '0')}-01`;

/** Due and done over [from, to] by the definition, from the people, assessments and live home-visit records. */
async function oracle(from: string, to: string) {
  const people = await rows<{
    id: string;
    risk_level: 'high' | 'medium' | 'low';
    graded: string;
  }>(sql`select b.id::text, b.risk_level,
      coalesce((select min(r.assessed_on) from beneficiary_risk_assessments r where r.beneficiary_id = b.id),
        (b.created_at at time zone 'Asia/Shanghai')::date)::text as graded
    from beneficiaries b where b.archived_at is null and b.risk_level is not null`);
  const visits = await rows<{
    id: string;
    day: string;
  }>(sql`select p.beneficiary_id::text as id, r.served_on::text as day
    from service_records r join service_record_people p on p.record_id = r.id
    where r.archived_at is null and r.form = any(${sql.param([...VISIT_FORMS])}::text[])`);
  const days = new Map<string, string[]>();
  for (const v of visits) days.set(v.id, [...(days.get(v.id) ?? []), v.day]);
  const visited = (id: string, a: string, b: string) => (days.get(id) ?? []).some((d) => d >= a && d <= b);
  let due = 0;
  let done = 0;
  for (const x of people) {
    const interval = DEFAULT_VISIT_INTERVAL_DAYS[x.risk_level];
    const isDue = x.graded <= to && !visited(x.id, addDays(to, -interval + 1), addDays(from, -1));
    if (!isDue) continue;
    due++;
    if (visited(x.id, from, to)) done++;
  }
  return { due, done };
}

/** The periods checked: each month of 2026 to November, every quarter-long window, and the year to date. */
const periods = [
  ...Array.from({ length: 11 }, (_, i) => [i + 1, i + 1]),
  ...Array.from({ length: 9 }, (_, i) => [i + 1, i + 3]),
  [1, 11],
];

async function compareAll() {
  for (const [a, b] of periods) {
    const from = monthStart(a);
    const to = monthEnd(b);
    const want = await oracle(from, to);
    for (const [s, scope] of [
      [f.city, DIV.puyangCounty],
      [f.city, DIV.city],
    ] as const) {
      const r = await t.call(
        s,
        'GET',
        `/api/v1/statistics/services?scope=${scope}&from=${from.slice(0, 7)}&to=${to.slice(0, 7)}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      const got = (r.json() as ServiceStatistics).visits;
      expect({ due: got.due, done: got.done }, `${scope} ${from}…${to}`).toEqual(want);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  f = await servicesFixture(t, 63);
  const { sw, person, record } = f;
  p.high = await person(sw.zhang, '高秀兰', { risk: 'high', assessedOn: '2026-01-05' });
  p.medium = await person(sw.zhang, '钟福来', { risk: 'medium', assessedOn: '2026-06-01' });
  p.low = await person(sw.zhang, '郑玉梅', { risk: 'low', assessedOn: '2026-03-01' });
  p.never = await person(sw.zhang, '李德顺', { risk: 'high', assessedOn: '2026-02-10' });
  p.late = await person(sw.zhang, '王桂英', { risk: 'high', assessedOn: '2026-10-20' });
  await person(sw.zhang, '赵明', {});
  for (const d of ['2026-03-10', '2026-05-03', '2026-11-02']) await record(sw.zhang, [p.high], d);
  rec.september = await record(sw.zhang, [p.high], '2026-09-15');
  rec.medium = await record(sw.zhang, [p.medium], '2026-06-20');
  rec.group = await record(sw.zhang, [p.high, p.low], '2026-07-07');
  // A phone call is not a visit.
  await record(sw.zhang, [p.low], '2026-10-05', { form: 'phone_followup' });
});
afterAll(async () => {
  await t?.close();
});

describe('visit completion from stored visit days (R-SVC-5)', () => {
  it('R-SVC-5 equals the definition computed from the records, for a unit and the city, over 21 periods', async () => {
    await compareAll();
    // The data makes both figures move over the year, so the comparison is not of zeros.
    const year = await oracle('2026-01-01', '2026-11-30');
    expect(year.due).toBeGreaterThan(3);
    expect(year.done).toBeGreaterThan(1);
  });

  it('R-SVC-5 stays equal after a late older visit, a withdrawn, a moved and a changed visit and a backdated first grade', async () => {
    const { sw, record } = f;
    // An older visit entered after later ones: its day goes in order among the others.
    await record(sw.zhang, [p.never], '2026-04-01');
    await record(sw.zhang, [p.never], '2026-03-05');
    // Withdrawn: the September visit no longer counts.
    const got = await t.call(sw.zhang, 'GET', `/api/v1/service-records/${rec.september}`);
    const w = await t.call(sw.zhang, 'POST', `/api/v1/service-records/${rec.september}/archive`, {
      version: got.json().version,
      reason: '重复录入',
    });
    expect(w.statusCode, w.body).toBe(200);
    // Moved to another date: the old day leaves, the new one counts.
    const m0 = await t.call(sw.zhang, 'GET', `/api/v1/service-records/${rec.medium}`);
    const m = await t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${rec.medium}`, {
      version: m0.json().version,
      servedOn: '2026-08-20',
    });
    expect(m.statusCode, m.body).toBe(200);
    // A first assessment dated before the one on file: the schedule starts earlier.
    const a = await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${p.late}/risk-assessments`, {
      level: 'medium',
      reason: '补录早先的评估',
      assessedOn: '2026-02-01',
    });
    expect(a.statusCode, a.body).toBe(201);
    // A visit changed into a phone call: its day leaves the person's visit days.
    const g0 = await t.call(sw.zhang, 'GET', `/api/v1/service-records/${rec.group}`);
    const g = await t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${rec.group}`, {
      version: g0.json().version,
      form: 'phone_followup',
    });
    expect(g.statusCode, g.body).toBe(200);
    await compareAll();
    // The stored days themselves: each person's live home-visit days, distinct and ascending.
    const stored = await rows<{ id: string; days: number[] }>(
      sql`select beneficiary_id::text as id, visit_days as days from beneficiary_contacts`,
    );
    const fromRecords = await rows<{ id: string; day: string }>(sql`select p.beneficiary_id::text as id,
        r.served_on::text as day from service_records r join service_record_people p on p.record_id = r.id
      where r.archived_at is null and r.form = any(${sql.param([...VISIT_FORMS])}::text[])`);
    const want = new Map<string, number[]>();
    for (const x of fromRecords) want.set(x.id, [...new Set([...(want.get(x.id) ?? []), dayNo(x.day)])]);
    for (const x of stored) expect(x.days, x.id).toEqual([...(want.get(x.id) ?? [])].sort((a, b) => a - b));
    expect(stored.find((x) => x.id === p.high)?.days).toHaveLength(3);
  });
  it('R-SVC-5 a person added to a record at the same moment as their first visit keeps both visit days', async () => {
    const { sw, person, record } = f;
    for (let i = 0; i < 4; i++) {
      // A person with no contact row yet, changed and recorded at once (on PostgreSQL the two run concurrently).
      const racer = await person(sw.zhang, `孙${'一二三四'[i]}`, { risk: 'high', assessedOn: '2026-03-01' });
      const shared = await record(sw.zhang, [p.low], '2026-08-05');
      const got = await t.call(sw.zhang, 'GET', `/api/v1/service-records/${shared}`);
      const [changed, fresh] = await Promise.all([
        t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${shared}`, {
          version: got.json().version,
          beneficiaryIds: [p.low, racer],
        }),
        record(sw.zhang, [racer], '2026-08-20'),
      ]);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(fresh).toBeTruthy();
      const [row] = await rows<{ days: number[] }>(
        sql`select visit_days as days from beneficiary_contacts where beneficiary_id = ${racer}`,
      );
      expect(row.days).toEqual([dayNo('2026-08-05'), dayNo('2026-08-20')]);
    }
    await compareAll();
  });
});
