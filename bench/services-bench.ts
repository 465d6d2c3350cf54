/**
 * Benchmark: service records and their statistics at province scale on PostgreSQL (issue 11, "Scale"). Generates the
 * world, people and 10,000,000 service records (cases, alerts, referrals, rollups) with the project's generator,
 * starts the real app on a local port, logs in 16 social workers of 16 busy stations, a county officer and a city
 * officer, and measures through HTTP:
 *   - creating service records (POST /api/v1/service-records, 16 clients in flight, each its own worker's session);
 *   - a station's month, a county's 12 months (by domain) and the city's 12 months (by unit) of
 *     GET /api/v1/statistics/services;
 * each next to the same SQL run directly (the statements the server ran for each request, recorded as it ran them,
 * then replayed through a plain pg pool: a create's transaction in order with a fresh id, a statistics request's reads
 * all at once as the service issues them); then shows that a new record is counted at once.
 *
 *   npm run bench:services     # BENCH_DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres (own database, dropped)
 *   BENCH_RECORDS=200000 BENCH_PEOPLE=20000 BENCH_STATIONS=300 BENCH_WORKERS=700 npm run bench:services   # a quick run
 *   BENCH_KEEP=1 …; BENCH_REUSE=shegong_bench_… npm run bench:services   # measure again without generating
 *   (a reused database gets the new migrations when the app opens it; bench/services-migrate.ts times them alone)
 *   BENCH_ONLY=create|station|county|city: one measurement; BENCH_POOL: the app's and the replay's pool size (10)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../packages/server/src/app';
import { CITY_CODE } from '../packages/server/src/modules/divisions';
import { systemClock } from '../packages/server/src/platform/clock';
import { addDays } from '../packages/server/src/cli/generate';
import type { Stats } from './bench-load';
import { generate, load, openBenchDatabase, PASSWORD } from './services-setup';
import {
  httpRequests,
  isWork,
  replay,
  replaySerial,
  sqlRecorder,
  transactionOf,
  loginAt,
  type Req,
} from './services-load';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const RECORDS = env('BENCH_RECORDS', 10_000_000);
const PEOPLE = env('BENCH_PEOPLE', 300_000);
const STATIONS = env('BENCH_STATIONS', 2_500);
const WORKERS = env('BENCH_WORKERS', 6_000);
const CREATES = env('BENCH_CREATES', 3_000);
const REQUESTS = env('BENCH_REQUESTS', 200);
const READERS = env('BENCH_CONCURRENCY', 4);
const WRITERS = 16;
/** Requests of each kind run again with SQL recording on, for the direct replay (not measured). */
const RECORDED = env('BENCH_RECORDED', 200);
/** The requests without their tags: the measured pass runs with recording off. */
const untagged = (reqs: Req[]) => reqs.map(({ tag: _tag, ...r }) => r);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fmt = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)}`;
const load1 = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const month = (today: string, back: number) => {
  const [y, m] = today.split('-').map(Number);
  const t = y * 12 + (m - 1) - back;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

async function main() {
  const today = systemClock.today();
  console.log(
    `shegong services bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load1()}`,
  );
  const recorder = sqlRecorder();
  const database = await openBenchDatabase(ADMIN_URL);
  const dbUrl = database.url;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shegong-bench-'));
  try {
    if (!database.reused)
      await generate(database, today, { people: PEOPLE, stations: STATIONS, workers: WORKERS, records: RECORDS });
    const setup = await load(database);
    const app = await buildApp({ db: database.db, dataDir, clock: systemClock });
    app.addHook('onRequest', recorder.hook);
    app.addHook('preHandler', recorder.hook);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = (username: string) => loginAt(base, username, PASSWORD);
    const sessions = [...(await Promise.all(setup.writers.map((w) => login(w.username))))];
    const COUNTY = sessions.push(await login(setup.county.username)) - 1;
    const CITY = sessions.push(await login(setup.city.username)) - 1;
    console.log(`${setup.writers.length} writers, PostgreSQL; load average ${load1()}\n`);

    const table = [
      '| measurement | requests HTTP / direct (clients) | HTTP p50 / p95 / max ms | HTTP req/s | direct SQL p50 / p95 ms | direct req/s | ratio p50 | statements per request |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const line = (
      label: string,
      _requested: number,
      c: number,
      http: Stats & { firstError: string | null },
      direct: Stats | null,
      stmts: number,
    ) => {
      table.push(
        `| ${label} | ${http.n}${direct ? ` / ${direct.n}` : ''} (${c}) | ${fmt(http)} | ${http.rps.toFixed(0)} | ${direct ? `${direct.p50.toFixed(1)} / ${direct.p95.toFixed(1)}` : '—'} | ${direct ? direct.rps.toFixed(0) : '—'} | ${direct ? (http.p50 / direct.p50).toFixed(1) : '—'} | ${stmts.toFixed(0)} |` +
          (http.errors ? ` ${http.errors} errors, e.g. ${http.firstError}` : '') +
          (direct?.errors ? ` (${direct.errors} statements failed when replayed)` : ''),
      );
      console.log(table[table.length - 1]);
    };
    const avg = (groups: unknown[][]) => groups.reduce((a, g) => a + g.length, 0) / Math.max(1, groups.length);

    // Creating records: 16 workers, each at their own station, a home visit of one of the station's people today.
    const createReq = (i: number): Req => {
      const w = setup.writers[i % setup.writers.length];
      const id = randomUUID();
      return {
        method: 'POST',
        url: '/api/v1/service-records',
        session: i % setup.writers.length,
        tag: `create:${id}`,
        body: {
          id,
          stationId: w.stationId,
          servedOn: addDays(today, -(i % 3)),
          durationMinutes: 30 + (i % 40),
          form: i % 4 === 3 ? 'phone_followup' : 'home_visit',
          catalogueCode: '5.1',
          beneficiaryIds: [w.people[i % w.people.length]],
          summary: '入户走访，了解近期生活情况',
        },
      };
    };
    const creates = Array.from({ length: CREATES + 10 }, (_, i) => createReq(i));
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'create') {
      // Measured untagged (the server as in production); then a separate recorded pass gives the statements to replay.
      const created = await httpRequests(base, sessions, untagged(creates), WRITERS);
      recorder.start();
      await httpRequests(
        base,
        sessions,
        Array.from({ length: RECORDED }, (_, i) => createReq(i)),
        WRITERS,
      );
      recorder.stop();
      const all = [...recorder.byTag.values()];
      console.log(
        `create: ${avg(all).toFixed(1)} statements per request in all (session, actor, lookups, transaction), of which the transaction:`,
      );
      for (const st of all[Math.floor(all.length / 2)] ?? [])
        console.log(`    ${st.text.replace(/\s+/g, ' ').slice(0, 110)}`);
      // Each recorded transaction replayed in turn, every time with a fresh record id (a new record each time).
      const recorded = [...recorder.byTag].filter(([tag]) => tag.startsWith('create:'));
      const txs = Array.from({ length: recorded.length ? 1500 : 0 }, (_, i) => {
        const [tag, g] = recorded[i % recorded.length];
        return transactionOf(g, tag.slice(7), randomUUID);
      }).filter((g) => g.length);
      const directCreate = txs.length ? await replaySerial(dbUrl, txs, WRITERS) : null;
      line('create a service record (POST)', CREATES, WRITERS, created, directCreate, avg(txs));
    }

    // Statistics: a station's month, a county's 12 months, the city's 12 months (windows ending in the last 12 months).
    const kinds: [string, number, (i: number) => string][] = [
      [
        "a station's month",
        CITY,
        (i) =>
          `scope=${setup.stationIds[i % setup.stationIds.length]}&from=${month(today, i % 12)}&to=${month(today, i % 12)}`,
      ],
      [
        "a county's 12 months (by domain)",
        COUNTY,
        (i) => `scope=${setup.county.unitCode}&from=${month(today, (i % 12) + 11)}&to=${month(today, i % 12)}`,
      ],
      [
        "the city's 12 months (by unit)",
        CITY,
        (i) => `scope=${CITY_CODE}&from=${month(today, (i % 12) + 11)}&to=${month(today, i % 12)}`,
      ],
    ];
    // BENCH_ONLY=create (or station, county, city): one measurement, e.g. while profiling.
    const only = process.env.BENCH_ONLY;
    for (const [label, session, query] of kinds.filter(([l]) => !only || l.includes(only))) {
      const reqs: Req[] = Array.from({ length: REQUESTS + 10 }, (_, i) => ({
        method: 'GET',
        url: `/api/v1/statistics/services?${query(i)}`,
        session,
        tag: `${label}:${i}`,
      }));
      const http = await httpRequests(base, sessions, untagged(reqs), READERS);
      recorder.start();
      await httpRequests(base, sessions, reqs.slice(0, RECORDED), READERS);
      recorder.stop();
      const groups = [...recorder.byTag.values()].map((g) => g.filter(isWork)).filter((g) => g.length);
      // BENCH_DUMP=dir: one request's statements per kind as JSON (text, values), to EXPLAIN them by hand.
      if (process.env.BENCH_DUMP && groups[0])
        writeFileSync(
          path.join(process.env.BENCH_DUMP, `${label.replace(/\W+/g, '-')}.json`),
          JSON.stringify(groups[0]),
        );
      const direct = groups.length ? await replay(dbUrl, groups, READERS, !process.env.BENCH_SERIAL) : null;
      line(label, REQUESTS, READERS, http, direct, avg(groups));
      for (const x of direct?.slowest ?? []) console.log(`    ${x}`);
    }
    console.log(`\n${table.join('\n')}\n`);

    // Counted at once: the station's, the county's and the city's figures for this month before and after one record.
    const w = setup.writers[0];
    const figures = async () => {
      const out: number[] = [];
      for (const q of [`scope=${w.stationId}`, '', `scope=${CITY_CODE}`]) {
        const s = q ? CITY : COUNTY;
        const res = await fetch(
          `${base}/api/v1/statistics/services?${q}&from=${month(today, 0)}&to=${month(today, 0)}`,
          {
            headers: { cookie: sessions[s].cookie },
          },
        );
        out.push(
          res.status === 200 ? ((await res.json()) as { totals: { records: number } }).totals.records : -res.status,
        );
      }
      return out;
    };
    const before = await figures();
    const one = await fetch(`${base}/api/v1/service-records`, {
      method: 'POST',
      headers: { cookie: sessions[0].cookie, 'x-csrf-token': sessions[0].csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ ...(creates[0].body as object), id: randomUUID(), servedOn: today }),
    });
    const after = await figures();
    console.log(
      `counted at once: POST ${one.status}; this month's records (station / its county as the county officer sees it / city) before ${before.join(' / ')}, after ${after.join(' / ')}`,
    );
    console.log(`load average at the end: ${load1()}`);
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
