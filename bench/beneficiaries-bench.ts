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
 *   BENCH_KEEP=1 npm run bench; BENCH_REUSE=shegong_bench_… npm run bench   # measure again without generating
 *   BENCH_ONLY='name,ID' BENCH_ROLES=city_officer BENCH_IMPORT_ROWS=0 …   # some queries and roles only, no import
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../packages/server/src/app';
import {
  beneficiariesRepository as repo,
  beneficiaryScope,
} from '../packages/server/src/modules/beneficiaries/beneficiaries.repository';
import { systemClock } from '../packages/server/src/platform/clock';
import { directLoad, httpLoad, type Stats } from './bench-load';
import { runImport, writeRoster } from './bench-import-roster';
import { generate, openBenchDatabase, PASSWORD, reuse } from './beneficiaries-setup';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PEOPLE = env('BENCH_PEOPLE', 1_000_000);
const STATIONS = env('BENCH_STATIONS', 2_500);
const WORKERS = env('BENCH_WORKERS', 6_000);
const IMPORT_ROWS = env('BENCH_IMPORT_ROWS', 100_000);
const REQUESTS = env('BENCH_REQUESTS', 300);
const CONCURRENCY = env('BENCH_CONCURRENCY', 8);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const fmt = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)}`;

async function main() {
  const today = systemClock.today();
  console.log(
    `shegong beneficiaries bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const database = await openBenchDatabase(ADMIN_URL);
  const rowsOf = async <T>(q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shegong-bench-'));
  try {
    const pgVersion = (await rowsOf<{ v: string }>(sql`select current_setting('server_version') as v`))[0].v;
    console.log(`PostgreSQL ${pgVersion}; ${CONCURRENCY} clients in flight; ${REQUESTS} requests per measurement\n`);
    const setup = database.reused
      ? await reuse(database, today)
      : await generate(database, today, { people: PEOPLE, stations: STATIONS, workers: WORKERS });

    const app = await buildApp({ db: database.db, dataDir, clock: systemClock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    for (const r of setup.roles) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `bench.${r.role}`, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${r.role}: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0];
      sessions.set(r.role, { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
    }

    const only = process.env.BENCH_ONLY?.split(',');
    const table = [
      `| role | query | scope: people | HTTP p50 / p95 / max ms | HTTP req/s | direct SQL p50 / p95 ms | ratio p50 |`,
      '|---|---|---|---|---|---|---|',
    ];
    const roleFilter = process.env.BENCH_ROLES?.split(',');
    for (const r of setup.roles) {
      if (roleFilter && !roleFilter.includes(r.role)) continue;
      const scopeSql = beneficiaryScope(r.scope);
      const inScope = (
        await rowsOf<{ n: number }>(sql`select count(*)::int as n from beneficiaries where ${scopeSql}`)
      )[0].n;
      const sample = await rowsOf<{ name: string; id_number: string; phone: string }>(
        sql`select name, id_number, phone from beneficiaries where ${scopeSql} and id_number is not null
          and phone <> '' order by md5(id::text) limit ${REQUESTS}`,
      );
      const kinds: [string, (i: number) => { q?: string; stationId?: string }][] = [
        ['name (whole)', (i) => ({ q: sample[i % sample.length].name })],
        ['ID (whole)', (i) => ({ q: sample[i % sample.length].id_number })],
        ['ID last 6 digits', (i) => ({ q: sample[i % sample.length].id_number.slice(-6) })],
        ['phone (whole)', (i) => ({ q: sample[i % sample.length].phone })],
        ['phone last 4 digits', (i) => ({ q: sample[i % sample.length].phone.slice(-4) })],
        ["a station's list, page 1", (i) => ({ stationId: r.stationIds[i % r.stationIds.length] })],
        ['the list as opened (no filter)', () => ({})],
      ];
      const s = sessions.get(r.role)!;
      for (const [label, f] of kinds) {
        if (only && !only.some((o) => label.startsWith(o))) continue;
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

    if (IMPORT_ROWS > 0) {
      // Import: new people at the project lead's stations, dry run then commit.
      const t = performance.now();
      const file = path.join(dataDir, 'roster.xlsx');
      const wb = await writeRoster(file, IMPORT_ROWS, {
        seed: 77,
        today,
        stations: setup.orgStations,
        usedIds: setup.usedIds,
      });
      console.log(
        `roster: ${wb.rows.toLocaleString('en')} rows, ${(wb.bytes / 2 ** 20).toFixed(1)} MB over ${setup.orgStations.length} stations, written in ${secs(t)}`,
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
    }
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    await app.close();
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
