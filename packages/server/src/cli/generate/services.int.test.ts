import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  ageOf,
  catalogueFit,
  checkServiceRecord,
  VISIT_FORMS,
  type BeneficiaryCategory,
  type ServiceForm,
} from '@shegong/shared';
import { createTestApp, TEST_TODAY, type TestApp } from '../../test-support/test-app';
import { generatePeople } from './people';
import { generateServices, type ServicesSummary } from './services';
import { BIG } from './services.load';
import { generateWorld } from './world';

// The service-record generator behind the benchmark (R-SVC-2…5 at scale), at a small scale: every row it writes passes
// the rules the service enforces, and the rollups equal what the facts say (R-SVC-2 statistics from records entered once).

const rows = async <T>(database: TestApp, q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
const keyed = <T>(items: T[], key: (t: T) => string) => new Map(items.map((t) => [key(t), t]));

describe('service record generator', () => {
  let database: TestApp;
  let sum: ServicesSummary;
  let schemaBefore: string[];
  const schema = async () =>
    (
      await rows<{ d: string }>(
        database,
        sql`select c.conname || ' ' || pg_get_constraintdef(c.oid) as d from pg_constraint c
          where c.conrelid::regclass::text in (${sql.join(BIG, sql`, `)}) or c.confrelid::regclass::text in (${sql.join(BIG, sql`, `)})
          union all select indexdef from pg_indexes where tablename in (${sql.join(BIG, sql`, `)}) order by 1`,
      )
    ).map((r) => r.d);

  beforeAll(async () => {
    database = await createTestApp();
    const world = await generateWorld(database.db, { seed: 5, today: TEST_TODAY, stations: 5, workers: 12 });
    await generatePeople(database.db, { seed: 5, today: TEST_TODAY, count: 300, stations: world.stations });
    schemaBefore = await schema();
    sum = await generateServices(database.db, {
      seed: 5,
      today: TEST_TODAY,
      records: 2000,
      batch: 800,
      alertShare: 1,
      rebuildIndexes: true,
      log: process.env.DEBUG_GEN ? console.log : undefined,
    });
  });
  afterAll(() => database.close());

  it('writes records that pass R-SVC-2/R-SVC-3: the form names its people or counts heads, the item fits someone served', async () => {
    expect(sum.records).toBe(2000);
    const records = await rows<{
      id: string;
      served_on: string;
      duration_minutes: number;
      form: ServiceForm;
      catalogue_code: string;
      domain_code: number;
      people_count: number;
      head_count: number;
      named: number;
      ids: string[] | null;
    }>(
      database,
      sql`select r.id, r.served_on::text, r.duration_minutes, r.form, r.catalogue_code, r.domain_code, r.people_count,
        r.head_count, (select count(*)::int from service_record_people p where p.record_id = r.id) as named,
        (select array_agg(p.beneficiary_id::text) from service_record_people p where p.record_id = r.id) as ids
        from service_records r`,
    );
    expect(records).toHaveLength(2000);
    const people = keyed(
      await rows<{ id: string; birth_date: string | null; birth_year: number; cats: BeneficiaryCategory[] | null }>(
        database,
        sql`select b.id, b.birth_date::text, b.birth_year, (select array_agg(c.category) from beneficiary_categories c
          where c.beneficiary_id = b.id and (c.ended_on is null or c.ended_on >= ${TEST_TODAY}::date)) as cats
          from beneficiaries b`,
      ),
      (p) => p.id,
    );
    const from = `${Number(TEST_TODAY.slice(0, 4)) - 3}${TEST_TODAY.slice(4)}`;
    let fits = 0;
    for (const r of records) {
      expect(r.served_on > from && r.served_on <= TEST_TODAY, r.served_on).toBe(true);
      expect(r.named, r.id).toBe(r.people_count);
      const facts = {
        servedOn: r.served_on,
        durationMinutes: r.duration_minutes,
        form: r.form,
        catalogueCode: r.catalogue_code,
        peopleCount: r.people_count,
        headCount: r.head_count,
      };
      expect(checkServiceRecord(facts, TEST_TODAY), `${r.form} ${r.catalogue_code}`).toEqual({});
      expect(Number(r.catalogue_code.split('.')[0])).toBe(r.domain_code);
      const served = (r.ids ?? []).map((id) => people.get(id)!);
      const fit = catalogueFit(
        r.catalogue_code,
        served.map((p) => ({
          age: ageOf({ birthDate: p.birth_date, birthYear: p.birth_year }, TEST_TODAY),
          categories: p.cats ?? [],
        })),
      );
      if (served.length && fit.fits) fits++;
      if (r.form === 'community_activity') expect(r.head_count).toBeGreaterThan(0);
    }
    // Guidance, not a rule (a 重阳 gathering of elders counts heads under 养老服务): the item fits the people named.
    expect(fits).toBe(records.filter((r) => r.people_count > 0).length);
    // The mix: visits and phone follow-ups far more than case work; weekdays busier than weekends.
    const by = (f: ServiceForm) => records.filter((r) => r.form === f).length;
    expect(by('home_visit') + by('phone_followup')).toBeGreaterThan(5 * by('case_work'));
    const weekend = records.filter((r) => [0, 6].includes(new Date(`${r.served_on}T00:00:00Z`).getUTCDay())).length;
    expect(weekend).toBeGreaterThan(0);
    expect(weekend / records.length).toBeLessThan(0.15);
  });

  it('names only people and workers of the record’s station, and case work on a live case of its person', async () => {
    const strayPeople = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from service_record_people p join service_records r on r.id = p.record_id
        where p.station_id <> r.station_id or p.served_on <> r.served_on or p.division_path <> r.division_path
        or not exists (select 1 from beneficiary_stations l where l.beneficiary_id = p.beneficiary_id
          and l.station_id = r.station_id and l.archived_at is null)`,
    );
    expect(strayPeople[0].n).toBe(0);
    const strayWorkers = await rows<{ n: number; all: number }>(
      database,
      sql`select count(*) filter (where not exists (select 1 from worker_assignments a where a.worker_id = w.worker_id
        and a.station_id = r.station_id))::int as n, count(distinct r.id)::int as all
        from service_record_workers w join service_records r on r.id = w.record_id`,
    );
    expect(strayWorkers[0]).toEqual({ n: 0, all: 2000 });
    const cases = await rows<{ bad: number; work: number; closed: number; open: number }>(
      database,
      sql`select (select count(*)::int from service_records r join cases c on c.id = r.case_id
          where r.form <> 'case_work' or c.station_id <> r.station_id or r.served_on < c.opened_on
          or r.served_on > coalesce(c.closed_on, ${TEST_TODAY}::date) or not exists (select 1 from service_record_people p
            where p.record_id = r.id and p.beneficiary_id = c.beneficiary_id)) as bad,
        (select count(*)::int from service_records where form = 'case_work' and case_id is not null) as work,
        (select count(*)::int from cases where status = 'closed') as closed,
        (select count(*)::int from cases where status <> 'closed') as open`,
    );
    expect(cases[0].bad).toBe(0);
    expect(cases[0].work).toBeGreaterThan(0);
    expect(cases[0].work).toBe(
      (
        await rows<{ n: number }>(
          database,
          sql`select count(*)::int as n from service_records where form = 'case_work'`,
        )
      )[0].n,
    );
    expect(cases[0].closed + cases[0].open).toBe(sum.cases);
    expect(cases[0].closed).toBeGreaterThan(cases[0].open);
    const closures = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from cases where (status = 'closed') <> (closed_on is not null and
        closure_reason is not null and closed_on <= ${TEST_TODAY}::date and plan_approved_at is not null)`,
    );
    expect(closures[0].n).toBe(0);
    // Alerts point at a crisis record and one of its people; referrals rest on the person's consent to referral.
    expect(sum.alerts).toBeGreaterThan(0);
    const alerts = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from alerts a join service_records r on r.id = a.service_record_id
        where r.form = 'crisis_intervention' and a.station_id = r.station_id and exists (select 1 from service_record_people p
          where p.record_id = r.id and p.beneficiary_id = a.beneficiary_id)
          and (a.status = 'open' or a.acknowledged_at >= a.raised_at)`,
    );
    expect(alerts[0].n).toBe(sum.alerts);
    expect(sum.referrals).toBeGreaterThan(0);
    const referrals = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from referrals f join beneficiary_consents c on c.id = f.consent_id
        where c.beneficiary_id = f.beneficiary_id and c.kind = 'referral' and c.decision = 'given'
        and c.recorded_on <= f.submitted_on`,
    );
    expect(referrals[0].n).toBe(sum.referrals);
  });

  it('builds the rollups equal to what the records say, and each person’s last service and visit', async () => {
    const facts = await rows<{
      station_id: string;
      month: string;
      catalogue_code: string;
      form: string;
      people_count: number;
      head_count: number;
      duration_minutes: number;
      organisation_id: string | null;
    }>(
      database,
      sql`select station_id, to_char(served_on, 'YYYY-MM-01') as month, catalogue_code, form, people_count, head_count,
        duration_minutes, organisation_id from service_records`,
    );
    const expected = new Map<
      string,
      { records: number; person: number; head: number; minutes: number; org: string | null }
    >();
    for (const f of facts) {
      const k = `${f.station_id} ${f.month} ${f.catalogue_code} ${f.form}`;
      const e = expected.get(k) ?? { records: 0, person: 0, head: 0, minutes: 0, org: f.organisation_id };
      e.records++;
      e.person += f.people_count;
      e.head += f.head_count;
      e.minutes += f.duration_minutes;
      expected.set(k, e);
    }
    const stats = await rows<{
      k: string;
      records: number;
      person: number;
      head: number;
      minutes: number;
      org: string | null;
    }>(
      database,
      sql`select station_id || ' ' || month::text || ' ' || catalogue_code || ' ' || form as k, records,
        person_services as person, head_count as head, minutes, organisation_id as org from service_month_stats`,
    );
    expect(new Map(stats.map(({ k, ...v }) => [k, v]))).toEqual(expected);

    const served = await rows<{ station_id: string; served_on: string; beneficiary_id: string; form: ServiceForm }>(
      database,
      sql`select p.station_id, p.served_on::text, p.beneficiary_id, r.form from service_record_people p
        join service_records r on r.id = p.record_id`,
    );
    const months = new Set(served.map((s) => `${s.station_id} ${s.served_on.slice(0, 7)}-01 ${s.beneficiary_id}`));
    const rolled = await rows<{ k: string }>(
      database,
      sql`select station_id || ' ' || month::text || ' ' || beneficiary_id as k from service_people_months`,
    );
    expect(rolled).toHaveLength(months.size);
    expect(new Set(rolled.map((r) => r.k))).toEqual(months);

    const last = new Map<string, { service: string; visit: string | null; days: number[] }>();
    const dayOf = (d: string) => (Date.parse(`${d}T00:00:00Z`) - Date.parse('2000-01-01T00:00:00Z')) / 86_400_000;
    for (const s of served) {
      const e = last.get(s.beneficiary_id) ?? { service: s.served_on, visit: null, days: [] };
      if (s.served_on > e.service) e.service = s.served_on;
      if (VISIT_FORMS.includes(s.form) && (!e.visit || s.served_on > e.visit)) e.visit = s.served_on;
      // R-SVC-5: every home-visit day, distinct and ascending (visit completion reads them).
      if (VISIT_FORMS.includes(s.form)) e.days = [...new Set([...e.days, dayOf(s.served_on)])].sort((a, b) => a - b);
      last.set(s.beneficiary_id, e);
    }
    const contacts = await rows<{ id: string; service: string; visit: string | null; days: number[] }>(
      database,
      sql`select beneficiary_id as id, last_service_on::text as service, last_visit_on::text as visit,
        visit_days as days from beneficiary_contacts`,
    );
    expect(new Map(contacts.map(({ id, ...v }) => [id, v]))).toEqual(last);
  });

  it('puts back every index and key it set aside for the load, and drops its lookup tables', async () => {
    expect(await schema()).toEqual(schemaBefore);
    const left = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from pg_tables where tablename like 'gen_svc_%'`,
    );
    expect(left[0].n).toBe(0);
  });
});
