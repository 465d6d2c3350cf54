/**
 * Benchmark: roster imports of large workbooks through the real app on a local port, while another thread polls
 * GET /api/health every 50 ms. Prints per run: file size, rows, HTTP status and message, seconds, the process's peak
 * RSS during the run and the /api/health latency (max / median) seen meanwhile.
 *
 *   npx tsx bench/import-bench.ts
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildApp } from '../packages/server/src/app';
import { openDatabase } from '../packages/server/src/db/database';
import { loadReferenceData } from '../packages/server/src/modules/divisions';
import { organisations } from '../packages/server/src/modules/organisations/organisations.table';
import { users } from '../packages/server/src/modules/users/users.table';
import { ROSTER_COLUMNS } from '../packages/server/src/modules/workers/roster-import';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';
import { makeCitizenId } from '../packages/server/src/test-support/citizen-ids';
import { makeCreditCode } from '../packages/server/src/test-support/credit-codes';

const RUNS = 3;
const COUNTY = '410928000000'; // 濮阳县
const PASSWORD = 'Bench-Import-123';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

/** A roster workbook as Excel writes one (shared strings, styles), streamed to disk. */
async function roster(file: string, rows: number, row: (i: number) => unknown[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
    zip: { zlib: { level: 9 } },
  });
  const ws = wb.addWorksheet('社工名册');
  ws.addRow(ROSTER_COLUMNS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}
// A thin row (name only) is how 800,000 rows fit in a few MB, like the workbook that exposed the defect.
const thin = (i: number) => [`社工${i % 50}`];
const valid = (i: number) => [
  `社工${i}`,
  makeCitizenId('19950312', i + 1),
  '13812345678',
  '本科',
  '社会工作',
  '是',
  '',
  '',
  '是',
  '2026-03-01',
  '驻站社工',
  '',
];

/** Peak RSS since the last reset: VmHWM, reset through clear_refs when Linux allows it, else the process's maxRSS. */
function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakMb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

// The poller runs on its own thread so that a blocked server loop shows up in its latencies.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let on = true, n = 0;
const lat = [];
parentPort.on('message', () => { on = false; });
(async () => {
  while (on) {
    const t = performance.now();
    await fetch(workerData.url).then((r) => r.text());
    if (n++) lat.push(performance.now() - t); // the first one opens the connection
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage(lat);
})();`;
function pollHealth(url: string) {
  const w = new Worker(POLLER, { eval: true, workerData: { url } });
  return async () => {
    const done = new Promise<number[]>((resolve) => w.once('message', resolve));
    w.postMessage('stop');
    const lat = (await done).sort((a, b) => a - b);
    await w.terminate();
    return { max: lat[lat.length - 1] ?? 0, median: lat[Math.floor(lat.length / 2)] ?? 0, polls: lat.length };
  };
}

const FILES = [
  { name: 'roster-800k.xlsx', rows: 800_000, row: thin },
  { name: 'roster-1.5mb.xlsx', rows: 270_000, row: thin },
  { name: 'roster-500-valid.xlsx', rows: 500, row: valid },
];

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shegong-import-bench-'));
  const database = await openDatabase({});
  try {
    console.log(
      `shegong import bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    // Generated in a child process, so that the writer's memory is not counted in the server's RSS.
    let t = performance.now();
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'generate', dir], {
      stdio: 'inherit',
    });
    const files = FILES.map((f) => ({
      file: path.join(dir, f.name),
      rows: f.rows,
      bytes: statSync(path.join(dir, f.name)).size,
    }));
    console.log(`workbooks generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await loadReferenceData(database.db, silent);
    const app = await buildApp({ db: database.db, dataDir: dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const countyPath = (
      (await database.db.execute(sql`select path from divisions where code = ${COUNTY}`)) as unknown as {
        rows: { path: string }[];
      }
    ).rows[0].path;
    const [org] = await database.db
      .insert(organisations)
      .values({
        name: '濮阳县益民社会工作服务中心',
        creditCode: makeCreditCode(7),
        creditCodeValid: true,
        type: 'social_work_agency',
        socialWorkInScope: true,
        local: true,
        divisionCode: COUNTY,
        divisionPath: countyPath,
      })
      .returning();
    await database.db.insert(users).values({
      username: 'bench.hr',
      displayName: '导入测试',
      role: 'org_admin',
      divisionCode: COUNTY,
      divisionPath: countyPath,
      organisationId: org.id,
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.hr', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const peakResets = resetPeak();
    const idle = pollHealth(`${base}/api/health`);
    await new Promise((r) => setTimeout(r, 1500));
    const quiet = await idle();
    console.log(`peak RSS per run: ${peakResets ? 'VmHWM, reset before each run' : 'process maxRSS (cannot reset)'}`);
    console.log(
      `/api/health with no import: max ${quiet.max.toFixed(0)} / median ${quiet.median.toFixed(0)} ms (${quiet.polls} polls)\n`,
    );
    const table: string[] = [
      '| file | size | rows in file | run | HTTP | answer | seconds | RSS before → peak | /api/health max / median (polls) |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const f of files) {
      const bytes = readFileSync(f.file);
      for (let run = 1; run <= RUNS; run++) {
        const before = process.memoryUsage().rss / 2 ** 20;
        resetPeak();
        const stop = pollHealth(`${base}/api/health`);
        await new Promise((r) => setTimeout(r, 100)); // the poller's first requests, before the upload
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: XLSX }), path.basename(f.file));
        t = performance.now();
        const res = await fetch(`${base}/api/v1/workers/import?dryRun=true`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body: form,
        });
        const body = (await res.json()) as { message?: string; rows?: number; issues?: unknown[] };
        const seconds = (performance.now() - t) / 1000;
        const health = await stop();
        const answer = body.message ?? `${body.rows} rows checked, ${body.issues?.length} issues`;
        const size = f.bytes >= 2 ** 20 ? `${(f.bytes / 2 ** 20).toFixed(1)} MB` : `${(f.bytes / 1024).toFixed(0)} KB`;
        table.push(
          `| ${path.basename(f.file)} | ${size} | ${f.rows.toLocaleString('en')} | ${run} | ${res.status} | ${answer} | ${seconds.toFixed(2)} | ${before.toFixed(0)} → ${peakMb().toFixed(0)} MB | ${health.max.toFixed(0)} / ${health.median.toFixed(0)} ms (${health.polls}) |`,
        );
        console.log(table[table.length - 1]);
      }
    }
    console.log(`\n${table.join('\n')}`);
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function generate(dir: string) {
  for (const f of FILES) await roster(path.join(dir, f.name), f.rows, f.row);
}

(process.argv[2] === 'generate' ? generate(process.argv[3]) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
