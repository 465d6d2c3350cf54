import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ServiceStatistics } from '@shegong/shared';
import { servicesFixture } from '../../test-support/services-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { monthBit, unitOf } from './rollups.repository';

// The unit rollups (`service_unit_people`, `service_unit_month_stats`; issue 11: the city's year) against the facts, on both databases: after new
// records, a change that moves a record to another month and a withdrawal, its rows are exactly what the records left
// give, and the city's and the unit's distinct people equal what this test counts from the records it made.
const TODAY = '2026-11-28';
let t: TestApp;
let f: Awaited<ReturnType<typeof servicesFixture>>;
const made = new Map<string, { people: string[]; servedOn: string }>();
const p: string[] = [];

const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

/** The unit rows as the live records give them, computed here: (unit, person, block) → months bits. */
async function fromFacts() {
  const facts = await rows<{ path: string; id: string; day: string }>(
    sql`select p.division_path as path, p.beneficiary_id as id, p.served_on::text as day from service_record_people p
      join service_records r on r.id = p.record_id where r.archived_at is null`,
  );
  const out = new Map<string, bigint>();
  for (const x of facts) {
    const { block, bit } = monthBit(x.day);
    const key = `${unitOf(x.path)} ${x.id} ${block}`;
    out.set(key, (out.get(key) ?? 0n) | bit);
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, v.toString()]));
}
async function stored() {
  const r = await rows<{ k: string; months: string }>(
    sql`select unit_path || ' ' || beneficiary_id || ' ' || block as k, months::text as months from service_unit_people`,
  );
  return Object.fromEntries(r.map((x) => [x.k, x.months]));
}
/** The unit month rows, stored and as the live records give them (unit, month, item, form → figures). */
async function unitStats() {
  const q = (from: ReturnType<typeof sql>) =>
    rows<{ k: string; f: string }>(sql`select k, f from (${from}) x order by k`);
  const stored = await q(sql`select unit_path || ' ' || month || ' ' || catalogue_code || ' ' || form as k,
    records || '/' || person_services || '/' || head_count || '/' || minutes as f from service_unit_month_stats`);
  const facts = await rows<{ path: string; k: string; f: string }>(
    sql`select division_path as path, date_trunc('month', served_on)::date || ' ' || catalogue_code || ' ' || form as k,
      count(*) || '/' || sum(people_count) || '/' || sum(head_count) || '/' || sum(duration_minutes) as f
      from service_records where archived_at is null group by 1, 2`,
  );
  // One station here, so its unit's rows are its rows.
  return {
    stored,
    facts: facts.map((x) => ({ k: `${unitOf(x.path)} ${x.k}`, f: x.f })).sort((a, b) => (a.k < b.k ? -1 : 1)),
  };
}

/** Distinct people the records made here name in [from, to]. */
const servedIn = (from: string, to: string) =>
  new Set([...made.values()].filter((m) => m.servedOn >= from && m.servedOn <= to).flatMap((m) => m.people)).size;

const stats = async (s: Session, query: string) => {
  const r = await t.call(s, 'GET', `/api/v1/statistics/services?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ServiceStatistics;
};

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  f = await servicesFixture(t, 71);
  const risks = [{ risk: 'high' }, { risk: 'medium', assessedOn: '2026-04-01' }, { risk: 'low' }, {}] as const;
  for (const [i, name] of ['孙秀英', '周德明', '吴桂花', '郑国强'].entries())
    p.push(await f.person(f.sw.zhang, name, risks[i]));
  const record = async (people: string[], servedOn: string, form = 'home_visit') =>
    made.set(await f.record(f.sw.zhang, people, servedOn, { form }), { people, servedOn });
  await record([p[0]], '2026-03-10');
  await record([p[0], p[1]], '2026-03-20', 'phone_followup');
  await record([p[1]], '2026-06-02');
  await record([p[2]], '2026-09-15');
  await record([p[2], p[3]], '2026-11-05');
  await record([p[3]], '2026-11-20', 'phone_followup');
}, 180_000);
afterAll(() => t?.close());

describe('unit rollups kept in step with the records (R-SVC-2)', () => {
  it('R-SVC-2 unit people rows equal the months the records give, after new records', async () => {
    expect(await stored()).toEqual(await fromFacts());
    expect(Object.keys(await stored())).toHaveLength(4);
    const u = await unitStats();
    expect(u.stored).toEqual(u.facts);
    expect(u.stored.length).toBeGreaterThan(3);
  });

  it('R-SVC-2 a record moved to another month and a withdrawn record move the unit rows with them', async () => {
    // 周德明's June visit moves to August; 孙秀英's only March-10 visit is withdrawn (the March-20 call keeps March).
    const [moved] = [...made].find(([, m]) => m.servedOn === '2026-06-02')!;
    const cur = (await t.call(f.sw.zhang, 'GET', `/api/v1/service-records/${moved}`)).json();
    const r = await t.call(f.sw.zhang, 'PATCH', `/api/v1/service-records/${moved}`, {
      version: cur.version,
      servedOn: '2026-08-12',
    });
    expect(r.statusCode, r.body).toBe(200);
    made.set(moved, { ...made.get(moved)!, servedOn: '2026-08-12' });
    expect(await stored()).toEqual(await fromFacts());

    const [gone] = [...made].find(([, m]) => m.servedOn === '2026-11-20')!;
    const g = (await t.call(f.sw.zhang, 'GET', `/api/v1/service-records/${gone}`)).json();
    const a = await t.call(f.sw.zhang, 'POST', `/api/v1/service-records/${gone}/archive`, {
      version: g.version,
      reason: '重复录入',
    });
    expect(a.statusCode, a.body).toBe(200);
    made.delete(gone);
    expect(await stored()).toEqual(await fromFacts());
    const u = await unitStats();
    expect(u.stored).toEqual(u.facts);
  });

  it('R-SVC-2 the city and the unit count the distinct people the records name, for periods over one or two blocks', async () => {
    let due = 0;
    for (const [from, to, last] of [
      ['2026-03', '2026-03', '2026-03-31'],
      ['2026-06', '2026-11', '2026-11-30'],
      ['2026-07', '2026-08', '2026-08-31'],
      // 2024-12 … 2026-11 spans two 60-month blocks (2020-01 … 2024-12 and 2025-01 …).
      ['2024-12', '2026-11', '2026-11-30'],
    ]) {
      const want = servedIn(`${from}-01`, last);
      const city = await stats(f.city, `from=${from}&to=${to}`);
      expect(city.totals.peopleServed, `${from} city`).toBe(want);
      expect(city.breakdown.map((b) => [b.id, b.peopleServed])).toEqual(want ? [[DIV.puyangCounty, want]] : []);
      const county = await stats(f.county, `scope=${DIV.puyangCounty}&from=${from}&to=${to}`);
      expect(county.totals.peopleServed, `${from} county`).toBe(want);
      // The station's figure (station rows) agrees with the unit's (unit rows).
      const station = await stats(f.lead, `scope=${f.ids.liutun}&from=${from}&to=${to}`);
      expect(station.totals.peopleServed).toBe(want);
      expect(city.byCategory).toEqual(county.byCategory);
      // R-SVC-5: the city's visit completion (its people read in one pass) equals its only unit's (probed per person).
      expect(city.visits).toEqual(county.visits);
      due += city.visits.due;
      // The unit's figures (unit rows) equal the station's (station rows).
      for (const k of ['totals', 'byDomain', 'byItem', 'byForm', 'byMonth'] as const)
        expect(county[k], k).toEqual(station[k]);
    }
    expect(due).toBeGreaterThan(0);
  });
});
