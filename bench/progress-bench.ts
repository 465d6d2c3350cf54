/**
 * Benchmark: the plan-progress report and the station list at city, province and country scale, through the
 * service (what the API runs) and as the same SQL run directly. Prints medians and the ratio.
 *
 *   npm run bench:progress                          # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:progress   # a fresh PostgreSQL database
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS } from '@shegong/shared';
import { openDatabase, type Database } from '../packages/server/src/db/database';
import { CITY_CODE, createDivisionService, loadReferenceData } from '../packages/server/src/modules/divisions';
import { createProgressService } from '../packages/server/src/modules/plan';
import { createContractLookup } from '../packages/server/src/modules/contracts';
import { createOrganisationLookup } from '../packages/server/src/modules/organisations';
import { createStationLookup, createStationService } from '../packages/server/src/modules/stations';
import { createWorkerService } from '../packages/server/src/modules/workers';
import { systemClock } from '../packages/server/src/platform/clock';
import { createAttachments } from '../packages/server/src/platform/files/attachments';
import { createFileStorage } from '../packages/server/src/platform/files/file-storage';
import type { Actor } from '../packages/server/src/platform/auth/actor';

const SCALES = [
  { name: 'city (89 stations)', units: 0, townsPerUnit: 0 },
  { name: 'province (~2,500 stations)', units: 100, townsPerUnit: 24 },
  { name: 'country (~30,000 stations)', units: 1200, townsPerUnit: 25 },
];
const RUNS = 15;
const silent = { info() {}, warn() {} } as never;

async function open(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return openDatabase({});
  const name = `shegong_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`drop database ${name} with (force)`);
      await d.end();
    },
  };
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Synthetic units and townships under the city, and a station for every township (bulk insert via unnest). */
async function grow(database: Database, units: number, townsPerUnit: number) {
  const db = database.db;
  const codes: string[] = [],
    names: string[] = [],
    levels: string[] = [],
    parents: string[] = [],
    paths: string[] = [];
  const tCodes: string[] = [],
    tCounty: string[] = [],
    tPath: string[] = [],
    tName: string[] = [],
    tYear: number[] = [],
    tStatus: string[] = [];
  const statuses = ['planned', 'building', 'operating', 'operating', 'suspended'];
  for (let u = 0; u < units; u++) {
    const unit = `49${String(u).padStart(4, '0')}000000`;
    const unitPath = `/${CITY_CODE}/${unit}/`;
    codes.push(unit);
    names.push(`模拟县${u}`);
    levels.push('county');
    parents.push(CITY_CODE);
    paths.push(unitPath);
    for (let t = 0; t < townsPerUnit; t++) {
      const town = `49${String(u).padStart(4, '0')}${String(100 + t).padStart(3, '0')}000`;
      codes.push(town);
      names.push(`模拟镇${u}-${t}`);
      levels.push('township');
      parents.push(unit);
      paths.push(`${unitPath}${town}/`);
      tCodes.push(town);
      tCounty.push(unit);
      tPath.push(`${unitPath}${town}/`);
      tName.push(`模拟镇${u}-${t}社会工作服务站`);
      tYear.push(2021 + (t % 3));
      tStatus.push(statuses[(u + t) % statuses.length]);
    }
  }
  if (!units) return;
  await db.execute(sql`insert into divisions (code, name, level, kind, parent_code, path, official)
    select c, n, l, '镇', p, pa, false from unnest(${sql.param(codes)}::text[], ${sql.param(names)}::text[], ${sql.param(levels)}::text[], ${sql.param(parents)}::text[], ${sql.param(paths)}::text[]) as x(c, n, l, p, pa)`);
  await db.execute(sql`insert into plan_targets (division_code, year, target)
    select c, y, ${Math.ceil(townsPerUnit / 3)} from unnest(${sql.param(codes.filter((_, i) => levels[i] === 'county'))}::text[]) as c, generate_series(2021, 2023) as y`);
  await db.execute(sql`insert into stations (township_code, county_code, division_path, name, batch_year, status, opened_on)
    select c, co, pa, n, y, s, case when s in ('operating', 'suspended') then date '2022-01-01' end
    from unnest(${sql.param(tCodes)}::text[], ${sql.param(tCounty)}::text[], ${sql.param(tPath)}::text[], ${sql.param(tName)}::text[], ${sql.param(tYear)}::int[], ${sql.param(tStatus)}::text[]) as x(c, co, pa, n, y, s)`);
  await db.execute(sql`analyze`);
}

const DIRECT_PROGRESS = sql`select county_code, batch_year, count(*)::int,
  (count(*) filter (where status in ('operating', 'suspended')))::int, (count(*) filter (where status = 'operating'))::int
  from stations where division_path like ${`/${CITY_CODE}/%`} and archived_at is null group by county_code, batch_year`;
const DIRECT_LIST = sql`select * from stations where division_path like ${`/${CITY_CODE}/%`} and archived_at is null order by division_path limit 20`;

async function main() {
  console.log(
    `shegong bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`driver: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite (memory)'}; median of ${RUNS} runs\n`);
  for (const scale of SCALES) {
    const database = await open();
    await loadReferenceData(database.db, silent);
    await grow(database, scale.units, scale.townsPerUnit);
    // The city's 89 townships get stations too, so every scale includes the real data.
    await database.db
      .execute(sql`insert into stations (township_code, county_code, division_path, name, batch_year, status)
      select d.code, d.parent_code, d.path, d.name || '社会工作服务站', 2021, 'building' from divisions d where d.level = 'township' and d.official`);
    const divisions = await createDivisionService({ db: database.db });
    const clock = systemClock;
    const stations = createStationLookup({ db: database.db });
    const organisations = createOrganisationLookup({ db: database.db });
    const contracts = createContractLookup({ db: database.db, clock, stations, organisations });
    const storage = createFileStorage(os.tmpdir());
    const attachments = createAttachments(database.db, storage);
    const workers = createWorkerService({
      db: database.db,
      clock,
      divisions,
      attachments,
      contracts,
      stations,
      organisations,
    });
    const progress = createProgressService({ db: database.db, clock, divisions, stations });
    const stationService = createStationService({
      db: database.db,
      clock,
      divisions,
      storage,
      attachments,
      contractsOf: contracts.stationContracts,
      residentsOf: workers.residentsToday,
    });
    const actor: Actor = {
      userId: 'bench',
      username: 'bench',
      displayName: 'bench',
      role: 'city_officer',
      divisionCode: CITY_CODE,
      permissions: ROLE_PERMISSIONS.city_officer,
      scope: { kind: 'division', path: `/${CITY_CODE}/` },
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
    };
    const n = (
      (await database.db.execute(sql`select count(*)::int as n from stations`)) as unknown as { rows: { n: number }[] }
    ).rows[0].n;

    const svcProgress = await median(() => progress.report(actor));
    const rawProgress = await median(() => database.db.execute(DIRECT_PROGRESS));
    const svcList = await median(() => stationService.list(actor, { page: 1, pageSize: 20 }));
    const rawList = await median(() => database.db.execute(DIRECT_LIST));
    console.log(`${scale.name}: ${n} stations`);
    console.log(
      `  progress report   service ${svcProgress.toFixed(1)} ms   direct SQL ${rawProgress.toFixed(1)} ms   ratio ${(svcProgress / rawProgress).toFixed(2)}`,
    );
    console.log(
      `  station list p.1  service ${svcList.toFixed(1)} ms   direct SQL ${rawList.toFixed(1)} ms   ratio ${(svcList / rawList).toFixed(2)}`,
    );
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
