/**
 * Benchmark: the beneficiaries registry at province scale on PostgreSQL (issue 10). Generates 2,500 stations, 6,000
 * workers and 1,000,000 people with the project's generator, starts the real app on a local port, logs in a social
 * worker, a project lead, a county officer and a city officer, and measures through HTTP with concurrent clients
 * (search by name, ID, the ID's last digits, phone, the phone's last digits; a station's list page; the list as
 * opened) next to the repository's same query run directly; then imports 100,000 people from .xlsx while
 * /api/health is polled every 100 ms.
 *
 *   npm run bench      # BENCH_DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres (own database, dropped)
 *   BENCH_PEOPLE=20000 BENCH_STATIONS=300 BENCH_WORKERS=700 BENCH_IMPORT_ROWS=2000 npm run bench   # a quick run
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import { buildApp } from '../packages/server/src/app';
import { openDatabase, type Database } from '../packages/server/src/db/database';
import { CITY_CODE, loadReferenceData } from '../packages/server/src/modules/divisions';
import {
  beneficiariesRepository as repo,
  beneficiaryScope,
} from '../packages/server/src/modules/beneficiaries/beneficiaries.repository';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';
import { systemClock } from '../packages/server/src/platform/clock';
import { generatePeople, generateWorld } from '../packages/server/src/cli/generate';
import { directLoad, httpLoad, type Stats } from './bench-load';
import { runImport, writeRoster } from './bench-import-roster';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PEOPLE = env('BENCH_PEOPLE', 1_000_000);
const STATIONS = env('BENCH_STATIONS', 2_500);
const WORKERS = env('BENCH_WORKERS', 6_000);
const IMPORT_ROWS = env('BENCH_IMPORT_ROWS', 100_000);
const REQUESTS = env('BENCH_REQUESTS', 300);
const CONCURRENCY = env('BENCH_CONCURRENCY', 8);
const PASSWORD = 'Bench-Registry-123';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function open(): Promise<Database> {
  const name = `shegong_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString() });
  // BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE afterwards (drop it by hand).
  if (process.env.BENCH_KEEP) console.log(`database ${name} kept after the run`);
  const drop = () => (process.env.BENCH_KEEP ? Promise.resolve() : admin(`drop database ${name} with (force)`));
  return { ...db, close: async () => (await db.close(), drop()) };
}

const rowsOf = async <T>(database: Database, q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

async function main() {
  const today = systemClock.today();
  console.log(
    `shegong beneficiaries bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const database = await open();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shegong-bench-'));
  try {
    const pgVersion = (await rowsOf<{ v: string }>(database, sql`select current_setting('server_version') as v`))[0].v;
    console.log(`PostgreSQL ${pgVersion}; ${CONCURRENCY} clients in flight; ${REQUESTS} requests per measurement\n`);
    await loadReferenceData(database.db, silent);
    let t = performance.now();
    const world = await generateWorld(database.db, { seed: 10, today, stations: STATIONS, workers: WORKERS });
    console.log(
      `world: ${world.stations.length} stations, ${world.organisations.length} contractors, ${world.workers} workers in ${secs(t)}`,
    );
    t = performance.now();
    const usedIds = new Set<string>();
    const people = await generatePeople(database.db, {
      seed: 10,
      today,
      count: PEOPLE,
      stations: world.stations,
      usedIds,
      batch: 10_000,
      onProgress: (n) => n % 100_000 === 0 && console.log(`  … ${n.toLocaleString('en')} people (${secs(t)})`),
    });
    const genSeconds = secs(t);
    t = performance.now();
    await database.db.execute(sql`vacuum analyze`);
    const max = Math.max(...people.perStation);
    const sorted = [...people.perStation].sort((a, b) => a - b);
    console.log(
      `people: ${people.people.toLocaleString('en')} (${people.withoutId} without ID), ${people.periods.toLocaleString('en')} category periods, ` +
        `${people.risks.toLocaleString('en')} risk assessments, ${people.consents.toLocaleString('en')} consents, ` +
        `${people.householdMembers.toLocaleString('en')} household members, ${people.links.toLocaleString('en')} station links ` +
        `in ${genSeconds}; vacuum analyze ${secs(t)}; per station median ${sorted[sorted.length >> 1]}, max ${max}`,
    );

    // The actors: the busiest station's first worker, its contractor's lead, its county officer, the city officer.
    const busy = world.stations.reduce((b, s, i) =>
      s.workerIds.length && people.perStation[i] > people.perStation[world.stations.indexOf(b)] ? s : b,
    );
    const org = world.organisations.find((o) => o.stationIds.includes(busy.id))!;
    const unitPath = `/${CITY_CODE}/${busy.unitCode}/`;
    const hash = await hashPassword(PASSWORD);
    const roles = [
      {
        role: 'social_worker',
        code: org.countyCode,
        p: org.divisionPath,
        org: org.id,
        worker: busy.workerIds[0],
        scope: { kind: 'stations', stationIds: [busy.id], path: org.divisionPath } as Scope,
      },
      {
        role: 'project_lead',
        code: org.countyCode,
        p: org.divisionPath,
        org: org.id,
        worker: null,
        scope: {
          kind: 'organisation',
          organisationId: org.id,
          stationIds: org.stationIds,
          path: org.divisionPath,
        } as Scope,
      },
      {
        role: 'county_officer',
        code: busy.unitCode,
        p: unitPath,
        org: null,
        worker: null,
        scope: { kind: 'division', path: unitPath } as Scope,
      },
      {
        role: 'city_officer',
        code: CITY_CODE,
        p: `/${CITY_CODE}/`,
        org: null,
        worker: null,
        scope: { kind: 'division', path: `/${CITY_CODE}/` } as Scope,
      },
    ];
    for (const r of roles)
      await database.db.execute(sql`insert into users (username, display_name, role, division_code, division_path,
        organisation_id, worker_id, password_hash, must_change_password)
        values (${`bench.${r.role}`}, ${r.role}, ${r.role}, ${r.code}, ${r.p}, ${r.org}, ${r.worker}, ${hash}, false)`);

    const app = await buildApp({ db: database.db, dataDir, clock: systemClock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    for (const r of roles) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `bench.${r.role}`, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${r.role}: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0];
      sessions.set(r.role, { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
    }

    const table = [
      `| role | query | scope: people | HTTP p50 / p95 / max ms | HTTP req/s | direct SQL p50 / p95 ms | ratio p50 |`,
      '|---|---|---|---|---|---|---|',
    ];
    for (const r of roles) {
      const scopeSql = beneficiaryScope(r.scope);
      const inScope = (
        await rowsOf<{ n: number }>(database, sql`select count(*)::int as n from beneficiaries where ${scopeSql}`)
      )[0].n;
      const sample = await rowsOf<{ name: string; id_number: string; phone: string }>(
        database,
        sql`select name, id_number, phone from beneficiaries where ${scopeSql} and id_number is not null
          and phone <> '' order by md5(id::text) limit ${REQUESTS}`,
      );
      const stationIds =
        r.scope.kind === 'division'
          ? world.stations.filter((s) => s.divisionPath.startsWith(r.scope.path)).map((s) => s.id)
          : r.scope.kind === 'stations'
            ? r.scope.stationIds
            : r.scope.stationIds;
      const kinds: [string, (i: number) => { q?: string; stationId?: string }][] = [
        ['name (whole)', (i) => ({ q: sample[i % sample.length].name })],
        ['ID (whole)', (i) => ({ q: sample[i % sample.length].id_number })],
        ['ID last 6 digits', (i) => ({ q: sample[i % sample.length].id_number.slice(-6) })],
        ['phone (whole)', (i) => ({ q: sample[i % sample.length].phone })],
        ['phone last 4 digits', (i) => ({ q: sample[i % sample.length].phone.slice(-4) })],
        ["a station's list, page 1", (i) => ({ stationId: stationIds[i % stationIds.length] })],
        ['the list as opened (no filter)', () => ({})],
      ];
      const s = sessions.get(r.role)!;
      for (const [label, f] of kinds) {
        const filters = Array.from({ length: REQUESTS }, (_, i) => f(i));
        const urls = filters.map((x) => `/api/v1/beneficiaries?${new URLSearchParams(x as Record<string, string>)}`);
        const http = await httpLoad(base, { cookie: s.cookie }, urls, CONCURRENCY);
        const direct = await directLoad(filters, CONCURRENCY, (x) =>
          repo.page(database.db, repo.where(scopeSql, x, today), { page: 1, pageSize: 20 }),
        );
        const line = `| ${r.role} | ${label} | ${inScope.toLocaleString('en')} | ${fmt(http)} | ${http.rps.toFixed(0)} | ${direct.p50.toFixed(1)} / ${direct.p95.toFixed(1)} | ${(http.p50 / direct.p50).toFixed(1)} |`;
        table.push(line + (http.errors ? ` ${http.errors} errors, e.g. ${http.firstError}` : ''));
        console.log(table[table.length - 1]);
      }
    }
    console.log(`\n${table.join('\n')}\n`);

    // Import: the lead's contractor's stations, 100,000 new people, dry run then commit.
    t = performance.now();
    const file = path.join(dataDir, 'roster.xlsx');
    const orgStations = world.stations.filter((st) => org.stationIds.includes(st.id));
    const wb = await writeRoster(file, IMPORT_ROWS, { seed: 77, today, stations: orgStations, usedIds });
    console.log(
      `roster: ${wb.rows.toLocaleString('en')} rows, ${(wb.bytes / 2 ** 20).toFixed(1)} MB over ${orgStations.length} stations, written in ${secs(t)}`,
    );
    const lead = sessions.get('project_lead')!;
    const imports = [
      '| run | HTTP | seconds | answer | /api/health p50 / p95 / max ms (polls) |',
      '|---|---|---|---|---|',
    ];
    for (const dryRun of [true, false]) {
      const run = await runImport(base, lead, file, dryRun);
      imports.push(
        `| ${dryRun ? 'dry run' : 'commit'} | ${run.status} | ${run.seconds.toFixed(1)} | ${run.answer} | ${run.health.p50.toFixed(0)} / ${run.health.p95.toFixed(0)} / ${run.health.max.toFixed(0)} (${run.health.n}) |`,
      );
      console.log(imports[imports.length - 1]);
    }
    console.log(`\n${imports.join('\n')}`);
    await app.close();
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)}`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
