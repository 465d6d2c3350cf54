/**
 * The beneficiaries benchmark's world: generated fresh (2,500 stations, 6,000 workers, 1,000,000 people and the four
 * bench users), or found again in a database an earlier run kept (BENCH_KEEP=1, then BENCH_REUSE=<its name>), so
 * that the measurements can be repeated without the generation.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import { openDatabase, type Database } from '../packages/server/src/db/database';
import { CITY_CODE, loadReferenceData } from '../packages/server/src/modules/divisions';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';
import { generatePeople, generateWorld, type PeopleStation } from '../packages/server/src/cli/generate';

export const PASSWORD = 'Bench-Registry-123';
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

export interface BenchRole {
  role: 'social_worker' | 'project_lead' | 'county_officer' | 'city_officer';
  scope: Scope;
  /** The stations whose list pages the role opens. */
  stationIds: string[];
}
export interface Setup {
  roles: BenchRole[];
  /** The project lead's stations: where the imported roster's people live. */
  orgStations: (PeopleStation & { name: string })[];
  /** Every citizen ID in the registry (the roster's people are new). */
  usedIds: Set<string>;
}

/** A new database (dropped on close unless BENCH_KEEP), or the kept one named by BENCH_REUSE. */
export async function openBenchDatabase(adminUrl: string): Promise<Database & { reused: boolean }> {
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
  const db = await openDatabase({ url: u.toString() });
  const keep = !!(process.env.BENCH_KEEP || reuse);
  if (keep) console.log(`database ${name} kept after the run`);
  return {
    ...db,
    reused: !!reuse,
    close: async () => (await db.close(), keep ? undefined : admin(`drop database ${name} with (force)`)),
  };
}

const rowsOf = async <T>(database: Database, q: SQL) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

/** Generates the world and its people, and inserts the four bench users (the busiest station's worker, …). */
export async function generate(
  database: Database,
  today: string,
  n: { people: number; stations: number; workers: number },
): Promise<Setup> {
  await loadReferenceData(database.db, silent);
  let t = performance.now();
  const world = await generateWorld(database.db, { seed: 10, today, stations: n.stations, workers: n.workers });
  console.log(
    `world: ${world.stations.length} stations, ${world.organisations.length} contractors, ${world.workers} workers in ${secs(t)}`,
  );
  t = performance.now();
  const usedIds = new Set<string>();
  const people = await generatePeople(database.db, {
    seed: 10,
    today,
    count: n.people,
    stations: world.stations,
    usedIds,
    batch: 10_000,
    onProgress: (k) => k % 100_000 === 0 && console.log(`  … ${k.toLocaleString('en')} people (${secs(t)})`),
  });
  const genSeconds = secs(t);
  t = performance.now();
  await database.db.execute(sql`vacuum analyze`);
  const sorted = [...people.perStation].sort((a, b) => a - b);
  const f = (x: number) => x.toLocaleString('en');
  console.log(
    `people: ${f(people.people)} (${f(people.withoutId)} without ID), ${f(people.periods)} category periods, ${f(people.risks)} risk assessments, ` +
      `${f(people.consents)} consents, ${f(people.householdMembers)} household members, ${f(people.links)} station links in ${genSeconds}; ` +
      `vacuum analyze ${secs(t)}; people per station median ${sorted[sorted.length >> 1]}, max ${sorted[sorted.length - 1]}`,
  );
  const busy = world.stations.reduce((b, s, i) =>
    s.workerIds.length && people.perStation[i] > people.perStation[world.stations.indexOf(b)] ? s : b,
  );
  const org = world.organisations.find((o) => o.stationIds.includes(busy.id))!;
  const unitPath = `/${CITY_CODE}/${busy.unitCode}/`;
  const inPath = (p: string) => world.stations.filter((s) => s.divisionPath.startsWith(p)).map((s) => s.id);
  const hash = await hashPassword(PASSWORD);
  const users = [
    ['social_worker', org.countyCode, org.divisionPath, org.id, busy.workerIds[0]],
    ['project_lead', org.countyCode, org.divisionPath, org.id, null],
    ['county_officer', busy.unitCode, unitPath, null, null],
    ['city_officer', CITY_CODE, `/${CITY_CODE}/`, null, null],
  ] as const;
  for (const [role, code, path, orgId, worker] of users)
    await database.db.execute(sql`insert into users (username, display_name, role, division_code, division_path,
      organisation_id, worker_id, password_hash, must_change_password)
      values (${`bench.${role}`}, ${role}, ${role}, ${code}, ${path}, ${orgId}, ${worker}, ${hash}, false)`);
  return {
    roles: [
      {
        role: 'social_worker',
        scope: { kind: 'stations', stationIds: [busy.id], path: org.divisionPath },
        stationIds: [busy.id],
      },
      {
        role: 'project_lead',
        scope: { kind: 'organisation', organisationId: org.id, stationIds: org.stationIds, path: org.divisionPath },
        stationIds: org.stationIds,
      },
      { role: 'county_officer', scope: { kind: 'division', path: unitPath }, stationIds: inPath(unitPath) },
      {
        role: 'city_officer',
        scope: { kind: 'division', path: `/${CITY_CODE}/` },
        stationIds: inPath(`/${CITY_CODE}/`),
      },
    ],
    orgStations: world.stations.filter((s) => org.stationIds.includes(s.id)),
    usedIds,
  };
}

/** The same facts read back from a kept database: the bench users, their scopes and stations, every ID number. */
export async function reuse(database: Database, today: string): Promise<Setup> {
  const users = await rowsOf<{
    role: BenchRole['role'];
    division_path: string;
    organisation_id: string | null;
    worker_id: string | null;
  }>(
    database,
    sql`select role, division_path, organisation_id, worker_id from users where username like 'bench.%' order by username`,
  );
  const ids = async (q: SQL) => (await rowsOf<{ id: string }>(database, q)).map((r) => r.id);
  const orgStationsOf = (org: string | null) =>
    sql`select cs.station_id as id from contract_stations cs join contracts c on c.id = cs.contract_id where c.organisation_id = ${org} and c.cycle_end >= ${today}::date`;
  const roles: BenchRole[] = [];
  for (const u of users) {
    if (u.role === 'social_worker') {
      const stationIds = await ids(
        sql`select station_id as id from worker_assignments where worker_id = ${u.worker_id} and end_on is null`,
      );
      roles.push({ role: u.role, scope: { kind: 'stations', stationIds, path: u.division_path }, stationIds });
    } else if (u.role === 'project_lead') {
      const stationIds = await ids(orgStationsOf(u.organisation_id));
      roles.push({
        role: u.role,
        scope: { kind: 'organisation', organisationId: u.organisation_id!, stationIds, path: u.division_path },
        stationIds,
      });
    } else
      roles.push({
        role: u.role,
        scope: { kind: 'division', path: u.division_path },
        stationIds: await ids(
          sql`select id from stations where division_path like ${`${u.division_path}%`} order by division_path`,
        ),
      });
  }
  const order = ['social_worker', 'project_lead', 'county_officer', 'city_officer'];
  roles.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const lead = users.find((u) => u.role === 'project_lead')!;
  const orgStations = await rowsOf<PeopleStation & { name: string }>(
    database,
    sql`select s.id, s.name, s.division_path as "divisionPath", s.township_code as "townshipCode",
      coalesce(d.stats_county_code || '000000', s.county_code) as "countyCode", d.kind = '街道' as street,
      array(select a.worker_id::text from worker_assignments a where a.station_id = s.id and a.end_on is null) as "workerIds"
      from stations s join divisions d on d.code = s.township_code where s.id in (${orgStationsOf(lead.organisation_id)})`,
  );
  const usedIds = new Set(
    (
      await rowsOf<{ n: string }>(database, sql`select id_number as n from beneficiaries where id_number is not null`)
    ).map((r) => r.n),
  );
  console.log(`reused: ${usedIds.size.toLocaleString('en')} people with an ID number`);
  return { roles, orgStations, usedIds };
}
