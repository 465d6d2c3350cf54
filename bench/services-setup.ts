/**
 * The services benchmark's world: generated fresh (stations, workers, people, then 10,000,000 service records with
 * their cases, alerts, referrals, last contacts and rollups), or found again in a database an earlier run kept
 * (BENCH_KEEP=1, then BENCH_REUSE=<its name>). Bench users: 16 social workers at 16 busy stations (the writers), a
 * county officer of the busiest station's unit and a city officer.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Database } from '../packages/server/src/db/database';
import { CITY_CODE, loadReferenceData } from '../packages/server/src/modules/divisions';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';
import { generatePeople, generateServices, generateWorld } from '../packages/server/src/cli/generate';

export const PASSWORD = 'Bench-Services-123';
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/** A writer: a bench user who is the social worker of one station, with people of that station to serve. */
export interface Writer {
  username: string;
  stationId: string;
  people: string[];
}
export interface ServicesSetup {
  writers: Writer[];
  county: { username: string; unitCode: string };
  city: { username: string };
  /** Stations to ask month statistics of (a spread of busy and quiet ones). */
  stationIds: string[];
  /** Units (county-level) to ask 12-month statistics of. */
  unitCodes: string[];
}

/** A new database (dropped on close unless BENCH_KEEP), or the kept one named by BENCH_REUSE; with its URL. */
export async function openBenchDatabase(adminUrl: string) {
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `shegong_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  if (!reuse) await admin(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString(), poolSize: Number(process.env.BENCH_POOL ?? 10) });
  const keep = !!(process.env.BENCH_KEEP || reuse);
  console.log(`database ${name}${keep ? ' kept after the run' : ''}`);
  return {
    ...db,
    url: u.toString(),
    reused: !!reuse,
    close: async () => (await db.close(), keep ? undefined : admin(`drop database ${name} with (force)`)),
  };
}

const rowsOf = async <T>(database: Database, q: SQL) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

export async function generate(
  database: Database,
  today: string,
  n: { people: number; stations: number; workers: number; records: number },
) {
  await loadReferenceData(database.db, silent);
  let t = performance.now();
  const world = await generateWorld(database.db, { seed: 11, today, stations: n.stations, workers: n.workers });
  console.log(`world: ${world.stations.length} stations, ${world.workers} workers in ${secs(t)}`);
  t = performance.now();
  const people = await generatePeople(database.db, {
    seed: 11,
    today,
    count: n.people,
    stations: world.stations,
    batch: 10_000,
    onProgress: (k) => k % 100_000 === 0 && console.log(`  … ${k.toLocaleString('en')} people (${secs(t)})`),
  });
  console.log(
    `people: ${people.people.toLocaleString('en')}, ${people.links.toLocaleString('en')} station links in ${secs(t)}`,
  );
  t = performance.now();
  await database.db.execute(sql`analyze`);
  const sum = await generateServices(database.db, { seed: 11, today, records: n.records, log: console.log });
  const f = (x: number) => x.toLocaleString('en');
  console.log(
    `services: ${f(sum.records)} records over ${sum.stations} stations, ${f(sum.people)} people named, ${f(sum.workers)} ` +
      `worker rows, ${f(sum.cases)} cases, ${f(sum.alerts)} alerts, ${f(sum.referrals)} referrals, ` +
      `${f(sum.monthStats)} month-stat rows, ${f(sum.peopleMonths)} people-month rows, ${f(sum.contacts)} last contacts in ${secs(t)}`,
  );
  await createUsers(database, today);
}

/** The bench users (idempotent: a reused database keeps them). */
async function createUsers(database: Database, today: string) {
  const hash = await hashPassword(PASSWORD);
  // The 16 stations with most records this year that have a worker under a live contract and people to serve.
  const picks = await rowsOf<{ station_id: string; worker_id: string; org: string; code: string; path: string }>(
    database,
    sql`select distinct on (x.station_id) x.station_id, a.worker_id, c.organisation_id as org,
        o.division_code as code, o.division_path as path, x.n
      from (select station_id, sum(records) as n from service_month_stats
        where month >= date_trunc('year', ${today}::date) group by station_id order by n desc limit 16) x
      join worker_assignments a on a.station_id = x.station_id and a.end_on is null
      join contract_stations cs on cs.station_id = x.station_id
      join contracts c on c.id = cs.contract_id and c.cycle_start <= ${today}::date and c.cycle_end >= ${today}::date
      join organisations o on o.id = c.organisation_id
      join workers w on w.id = a.worker_id and w.organisation_id = c.organisation_id
      order by x.station_id, a.worker_id`,
  );
  let i = 0;
  for (const p of picks)
    await database.db.execute(sql`insert into users (username, display_name, role, division_code, division_path,
      organisation_id, worker_id, password_hash, must_change_password)
      values (${`bench.svc.worker.${i++}`}, '社工', 'social_worker', ${p.code}, ${p.path}, ${p.org}, ${p.worker_id},
        ${hash}, false)`);
  const unit = (
    await rowsOf<{ code: string }>(
      database,
      sql`select s.county_code as code from stations s where s.id = ${picks[0].station_id}`,
    )
  )[0].code;
  await database.db.execute(sql`insert into users (username, display_name, role, division_code, division_path,
    password_hash, must_change_password) values
    ('bench.svc.county_officer', '县民政局', 'county_officer', ${unit}, ${`/${CITY_CODE}/${unit}/`}, ${hash}, false),
    ('bench.svc.city_officer', '市民政局', 'city_officer', ${CITY_CODE}, ${`/${CITY_CODE}/`}, ${hash}, false)`);
}

/** The bench users and what they ask for, read back from the database (fresh or kept). */
export async function load(database: Database): Promise<ServicesSetup> {
  const writers = await rowsOf<{ username: string; station_id: string }>(
    database,
    sql`select u.username, a.station_id from users u join worker_assignments a on a.worker_id = u.worker_id
      and a.end_on is null where u.username like 'bench.svc.worker.%' order by u.username`,
  );
  const out: Writer[] = [];
  for (const w of writers) {
    const people = await rowsOf<{ id: string }>(
      database,
      sql`select beneficiary_id as id from beneficiary_stations where station_id = ${w.station_id}
        and archived_at is null order by md5(beneficiary_id::text) limit 200`,
    );
    out.push({ username: w.username, stationId: w.station_id, people: people.map((p) => p.id) });
  }
  const county = (
    await rowsOf<{ code: string }>(
      database,
      sql`select division_code as code from users where username = 'bench.svc.county_officer'`,
    )
  )[0];
  const stationIds = (
    await rowsOf<{ id: string }>(database, sql`select id from stations order by md5(id::text) limit 300`)
  ).map((r) => r.id);
  const unitCodes = (
    await rowsOf<{ code: string }>(database, sql`select distinct county_code as code from stations order by 1`)
  ).map((r) => r.code);
  return {
    writers: out,
    county: { username: 'bench.svc.county_officer', unitCode: county.code },
    city: { username: 'bench.svc.city_officer' },
    stationIds,
    unitCodes,
  };
}
