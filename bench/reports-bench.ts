/**
 * Benchmark: computing reports at province scale on PostgreSQL (issue 12, "Performance"), on the services benchmark's
 * 10,000,000-record world (BENCH_REUSE=<the kept database>; see services-bench.ts): a county's quarterly report and
 * the city's half-year report, their figures computed from the records when opened (GET /api/v1/reports/:id, as the
 * county and the city officer), each next to the same SQL run directly (the statements the server ran for each
 * request, replayed through a plain pg pool as the service issues them).
 *
 * The reports are the rows the schedule would make for the unit and the city (the bench world has no contracts):
 * inserted here for the last eight quarters and four half-years, so each request computes a different period.
 *
 *   BENCH_REUSE=shegong_bench_… npx tsx bench/reports-bench.ts     # BENCH_REQUESTS (default 40), BENCH_CONCURRENCY (2)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../packages/server/src/app';
import { CITY_CODE } from '../packages/server/src/modules/divisions';
import { systemClock } from '../packages/server/src/platform/clock';
import type { Stats } from './bench-load';
import { load, openBenchDatabase, PASSWORD } from './services-setup';
import { httpRequests, isWork, loginAt, replay, sqlRecorder, type Req } from './services-load';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const REQUESTS = env('BENCH_REQUESTS', 40);
const READERS = env('BENCH_CONCURRENCY', 2);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fmt = (s: Stats) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)}`;

/** The last `n` whole quarters (or half-years) before today: [key, start, end]. */
function periods(today: string, n: number, months: 3 | 6): [string, string, string][] {
  const out: [string, string, string][] = [];
  let [y, p] = [+today.slice(0, 4), Math.ceil(+today.slice(5, 7) / months) - 1];
  for (let i = 0; i < n; i++) {
    if (p === 0) [y, p] = [y - 1, 12 / months];
    const first = (p - 1) * months + 1;
    const last = p * months;
    const end = new Date(Date.UTC(y, last, 0)).toISOString().slice(0, 10);
    out.push([`${y}-${months === 3 ? 'Q' : 'H'}${p}`, `${y}-${String(first).padStart(2, '0')}-01`, end]);
    p--;
  }
  return out;
}

async function main() {
  if (!process.env.BENCH_REUSE) throw new Error('BENCH_REUSE=<database kept by the services bench> is required');
  const today = systemClock.today();
  console.log(
    `shegong reports bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const database = await openBenchDatabase(ADMIN_URL);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shegong-bench-'));
  try {
    const setup = await load(database);
    const app = await buildApp({ db: database.db, dataDir, clock: systemClock });
    const recorder = sqlRecorder();
    app.addHook('onRequest', recorder.hook);
    app.addHook('preHandler', recorder.hook);
    const count = async (q: ReturnType<typeof sql>) =>
      Number(((await database.db.execute(q)) as unknown as { rows: { n: string }[] }).rows[0].n);
    console.log(
      `records: ${await count(sql`select count(*)::text as n from service_records`)}; unit ${setup.county.unitCode}`,
    );
    const pathOf = async (code: string) =>
      (
        (await database.db.execute(sql`select path from divisions where code = ${code}`)) as unknown as {
          rows: { path: string }[];
        }
      ).rows[0].path;
    const [unitPath, cityPath] = [await pathOf(setup.county.unitCode), await pathOf(CITY_CODE)];
    const insert = async (kind: string, subject: string, divisionPath: string, [key, start, end]: string[]) =>
      (
        (await database.db.execute(sql`
          insert into reports (kind, subject_key, period_key, period_start, period_end, due_on, division_path, unit_code)
          values (${kind}, ${subject}, ${key}, ${start}::date, ${end}::date, ${end}::date + 15, ${divisionPath}, ${subject})
          on conflict (kind, subject_key, period_key) do update set status = 'draft', figures = null
          returning id`)) as unknown as { rows: { id: string }[] }
      ).rows[0].id;
    const countyReports: string[] = [];
    for (const p of periods(today, 8, 3))
      countyReports.push(await insert('county_quarterly', setup.county.unitCode, unitPath, p));
    const cityReports: string[] = [];
    for (const p of periods(today, 4, 6)) cityReports.push(await insert('city_half_year', CITY_CODE, cityPath, p));

    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = (username: string) => loginAt(base, username, PASSWORD);
    const sessions = [await login(setup.county.username), await login(setup.city.username)];
    const table = [
      '| measurement | requests (clients) | HTTP p50 / p95 / max ms | direct SQL p50 / p95 ms | ratio p50 | statements per request |',
      '|---|---|---|---|---|---|',
    ];
    const cases: [string, number, string[]][] = [
      ["a county's quarterly report (GET, figures computed)", 0, countyReports],
      ["the city's half-year report (GET, figures computed)", 1, cityReports],
    ];
    for (const [label, session, ids] of cases) {
      const reqs: Req[] = Array.from({ length: REQUESTS + 4 }, (_, i) => ({
        method: 'GET',
        url: `/api/v1/reports/${ids[i % ids.length]}`,
        session,
        tag: `${label}:${i}`,
      }));
      recorder.start();
      const http = await httpRequests(base, sessions, reqs, READERS);
      recorder.stop();
      const groups = [...recorder.byTag.values()].map((g) => g.filter(isWork)).filter((g) => g.length);
      const direct = groups.length ? await replay(database.url, groups, READERS) : null;
      const avg = groups.reduce((a, g) => a + g.length, 0) / Math.max(1, groups.length);
      table.push(
        `| ${label} | ${http.n} (${READERS}) | ${fmt(http)} | ${direct ? `${direct.p50.toFixed(0)} / ${direct.p95.toFixed(0)}` : '—'} | ${direct ? (http.p50 / direct.p50).toFixed(1) : '—'} | ${avg.toFixed(0)} |` +
          (http.errors ? ` ${http.errors} errors, e.g. ${http.firstError}` : ''),
      );
      console.log(table.at(-1));
      for (const x of direct?.slowest ?? []) console.log(`    ${x}`);
    }
    console.log(`\n${table.join('\n')}\n`);
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
