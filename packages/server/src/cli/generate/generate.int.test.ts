import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  checkCitizenId,
  checkCreditCode,
  checkIdentity,
  checkPeriod,
  ADULT_AGE,
  ageOf,
  type BeneficiaryCategory,
} from '@shegong/shared';
import { createTestApp, DIV, TEST_TODAY, type TestApp } from '../../test-support/test-app';
import { generatePeople, planPeople, type PeopleStation } from './people';
import { generateWorld, type World } from './world';

// The generator that fills the benchmark and the demo: every row it writes must pass the rules the service enforces.
function group<T>(items: T[], key: (t: T) => string) {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}
const rows = async <T>(database: TestApp, q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe('people generator', () => {
  let database: TestApp;
  let stations: PeopleStation[];
  let world: World;
  beforeAll(async () => {
    database = await createTestApp();
    world = await generateWorld(database.db, { seed: 3, today: TEST_TODAY, stations: 6, workers: 20 });
    stations = world.stations;
  });
  afterAll(() => database.close());

  it('builds stations spread over the units, contractors with contracts live today, workers assigned today', async () => {
    expect(world.stations).toHaveLength(6);
    expect(new Set(world.stations.map((s) => s.unitCode)).size).toBeGreaterThan(3);
    expect(world.workers).toBe(20);
    const codes = await rows<{ c: string }>(database, sql`select credit_code as c from organisations`);
    expect(codes.length).toBe(world.organisations.length);
    for (const { c } of codes) expect(checkCreditCode(c).ok, c).toBe(true);
    const live = await rows<{ n: number }>(
      database,
      sql`select count(distinct cs.station_id)::int as n from contract_stations cs join contracts c on c.id = cs.contract_id
        where c.cycle_start <= ${TEST_TODAY}::date and c.cycle_end >= ${TEST_TODAY}::date and c.status = 'active'`,
    );
    expect(live[0].n).toBe(6);
    const assigned = await rows<{ station_id: string; id_number: string }>(
      database,
      sql`select a.station_id, w.id_number from worker_assignments a join workers w on w.id = a.worker_id
        where a.start_on <= ${TEST_TODAY}::date and a.end_on is null`,
    );
    expect(new Set(assigned.map((a) => a.station_id)).size).toBe(6);
    for (const a of assigned) expect(checkCitizenId(a.id_number, TEST_TODAY).ok).toBe(true);
    for (const s of world.stations) expect(s.workerIds.length).toBeGreaterThan(0);
  });

  it('plans the same people from the same seed', () => {
    const opts = { seed: 7, today: TEST_TODAY, count: 50, stations };
    const a = [...planPeople(opts)].flat();
    const b = [...planPeople(opts)].flat();
    expect(a.map((p) => p.idNumber ?? p.name)).toEqual(b.map((p) => p.idNumber ?? p.name));
  });

  it('writes 300 people whose every row passes R-SVC-1 identity and period rules, one record per ID', async () => {
    const sum = await generatePeople(database.db, { seed: 42, today: TEST_TODAY, count: 300, stations, batch: 120 });
    expect(sum.people).toBe(300);
    expect(sum.perStation.reduce((a, b) => a + b, 0)).toBe(300);
    const people = await rows<{
      id: string;
      id_number: string | null;
      no_id_reason: string | null;
      gender: 'male' | 'female';
      birth_date: string | null;
      birth_year: number;
      guardian_name: string | null;
      name: string;
    }>(
      database,
      sql`select id, id_number, no_id_reason, gender, birth_date::text, birth_year, guardian_name, name from beneficiaries`,
    );
    expect(people).toHaveLength(300);
    const periods = await rows<{
      beneficiary_id: string;
      category: BeneficiaryCategory;
      tekun_form: 'dispersed' | 'centralised' | null;
      disability_kind: 'physical' | null;
      disability_grade: '1' | null;
      started_on: string;
      ended_on: string | null;
    }>(
      database,
      sql`select beneficiary_id, category, tekun_form, disability_kind, disability_grade, started_on::text, ended_on::text from beneficiary_categories`,
    );
    const byPerson = group(periods, (p) => p.beneficiary_id);
    for (const p of people) {
      const { identity, errors } = checkIdentity(
        {
          idNumber: p.id_number ?? '',
          noIdReason: p.no_id_reason as never,
          gender: p.gender,
          birthYear: p.birth_year,
          guardian: p.guardian_name ? { name: p.guardian_name } : null,
        },
        TEST_TODAY,
      );
      expect(errors, `${p.name} ${p.id_number}`).toEqual({});
      if (p.id_number) expect(identity.birthDate).toBe(p.birth_date);
      const mine = byPerson.get(p.id) ?? [];
      expect(mine.length, p.name).toBeGreaterThan(0);
      mine.forEach((c, i) => {
        const input = {
          category: c.category,
          tekunForm: c.tekun_form,
          disabilityKind: c.disability_kind,
          disabilityGrade: c.disability_grade,
          startedOn: c.started_on,
          endedOn: c.ended_on,
        };
        const others = mine
          .filter((_, j) => j !== i)
          .map((o) => ({ category: o.category, startedOn: o.started_on, endedOn: o.ended_on }));
        expect(checkPeriod(input, { birthDate: p.birth_date, birthYear: p.birth_year }, others, TEST_TODAY)).toEqual(
          {},
        );
      });
    }
    // One person once: IDs are distinct, and the unique index held (the insert would have failed otherwise).
    const ids = people.flatMap((p) => (p.id_number ? [p.id_number] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(people.some((p) => !p.id_number)).toBe(true);
    // The responsible worker is one of the station's own.
    const wrong = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from beneficiaries b where b.worker_id is not null and not exists
        (select 1 from worker_assignments a where a.worker_id = b.worker_id and a.station_id = b.station_id)`,
    );
    expect(wrong[0].n).toBe(0);
    // Scope reads beneficiary_stations: every person is served there by the registering station (R-SCOPE-2).
    const home = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from beneficiaries b join beneficiary_stations l
        on l.beneficiary_id = b.id and l.station_id = b.station_id and l.division_path = b.division_path`,
    );
    expect(home[0].n).toBe(300);
    expect(sum.links).toBeGreaterThanOrEqual(300);

    // The app reads them as it reads its own: a city officer's list counts them all, a county officer's its unit's.
    const city = (await database.as('city_officer', DIV.city)).session;
    const all = await database.call(city, 'GET', '/api/v1/beneficiaries?pageSize=200');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(300);
    const unit = world.stations[0].unitCode;
    const county = (await database.as('county_officer', unit)).session;
    const mine = await database.call(county, 'GET', '/api/v1/beneficiaries?pageSize=200');
    const expected = await rows<{ n: number }>(
      database,
      sql`select count(distinct l.beneficiary_id)::int as n from beneficiary_stations l join stations s on s.id = l.station_id
        where s.county_code = ${unit}`,
    );
    expect(mine.json().total).toBe(expected[0].n);
    const one = await database.call(county, 'GET', `/api/v1/beneficiaries/${mine.json().items[0].id}`);
    expect(one.statusCode).toBe(200);
    // Minors have a guardian; realistic mix: 低保 is the most common category.
    for (const p of people)
      if ((ageOf({ birthDate: p.birth_date, birthYear: p.birth_year }, TEST_TODAY) ?? 99) < ADULT_AGE)
        expect(p.guardian_name).toBeTruthy();
    const counts = group(periods, (p) => p.category);
    const top = [...counts].sort((a, b) => b[1].length - a[1].length)[0][0];
    expect(top).toBe('dibao');
  });
});
