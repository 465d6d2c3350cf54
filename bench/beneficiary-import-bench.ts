/**
 * Benchmark (issue 10): importing 100,000 people from one .xlsx through the real HTTP route on PostgreSQL, while a
 * separate thread polls GET /api/health every 50 ms. Target: ≤ 60 s per import, /api/health ≤ 100 ms meanwhile.
 *
 * A project lead of an organisation whose contract covers 柳屯镇 first imports a 20,000-row 低保 roster (all new), then
 * a 100,000-row roster whose first 20,000 people are the same (a 特困 period is added to each: matched) and 80,000 are
 * new: a dry run, then the commit. Prints rows, outcome counts, seconds and the /api/health max / median per step.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/beneficiary-import-bench.ts
 *
 * Creates its own database and drops it afterwards. Without BENCH_DATABASE_URL it runs on PGlite (slower; no target).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  process.env.TEST_DATABASE_URL = url;
  process.env.SHEGONG_TEST_DRIVER = 'pg';
}
const { createTestApp, DIV } = await import('../packages/server/src/test-support/test-app');
const { contractFixture } = await import('../packages/server/src/test-support/contract-fixture');
const { makeCitizenId } = await import('../packages/server/src/test-support/citizen-ids');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '姓名',
  '身份证号',
  '联系电话',
  '村（社区）',
  '住址',
  '乡镇（街道）',
  '类别',
  '供养方式',
  '开始日期',
  '来源',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '桂兰', '建国', '国强', '玉兰', '志明', '文华', '淑珍', '长河', '守田', '凤英', '德胜'];
const VILLAGES = ['前柳屯村', '后柳屯村', '东柳屯村', '西柳屯村', '南堤村', '北堤村', '马庄村', '王寨村'];

/** The i-th person: a valid citizen ID (born 1940–1994), a name, a village. Same i, same person. */
function personRow(i: number, category: '低保' | '特困') {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10);
  const id = makeCitizenId(birth.replaceAll('-', ''), Math.floor(i / 20_000) + 1);
  const village = VILLAGES[i % VILLAGES.length];
  return [
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / 20) % GIVEN.length]}`,
    id,
    `139${String(i).padStart(8, '0')}`,
    village,
    `${village}${(i % 9) + 1}组${(i % 97) + 1}号`,
    '柳屯镇',
    category,
    category === '特困' ? '分散供养' : '',
    category === '特困' ? '2025-07-01' : '2024-01-01',
    category === '特困' ? '特困名册 2025-07' : '低保名册 2024-01',
  ];
}

/** A workbook as Excel writes one (shared strings, ID cells as text), streamed to disk. */
async function workbook(file: string, rows: number, category: (i: number) => '低保' | '特困') {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(personRow(i, category(i))).commit();
  ws.commit();
  await wb.commit();
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
    if (n++) lat.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage(lat);
})();`;
function pollHealth(healthUrl: string) {
  const w = new Worker(POLLER, { eval: true, workerData: { url: healthUrl } });
  return async () => {
    const done = new Promise<number[]>((resolve) => w.once('message', resolve));
    w.postMessage('stop');
    const lat = (await done).sort((a, b) => a - b);
    await w.terminate();
    return { max: lat[lat.length - 1] ?? 0, median: lat[Math.floor(lat.length / 2)] ?? 0, polls: lat.length };
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shegong-beneficiary-bench-'));
  console.log(
    `beneficiary import bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${url ? 'PostgreSQL' : 'PGlite'}`,
  );
  let t0 = performance.now();
  const small = path.join(dir, '低保名册-20000.xlsx');
  const large = path.join(dir, '名单-100000.xlsx');
  await workbook(small, 20_000, () => '低保');
  await workbook(large, 100_000, (i) => (i < 20_000 ? '特困' : '低保'));
  console.log(
    `workbooks generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(statSync(small).size / 2 ** 20).toFixed(1)} MB, ${(statSync(large).size / 2 ** 20).toFixed(1)} MB`,
  );

  const t = await createTestApp({ today: '2026-11-28' });
  try {
    const { ids } = await contractFixture(t, 97);
    const lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const table = [
      '| step | rows | HTTP | answer | seconds | /api/health max / median (polls) |',
      '|---|---|---|---|---|---|',
    ];
    for (const [file, dryRun] of [
      [small, false],
      [large, true],
      [large, false],
    ] as const) {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)], { type: XLSX }), path.basename(file));
      const stop = pollHealth(`${base}/api/health`);
      await new Promise((r) => setTimeout(r, 200));
      t0 = performance.now();
      const res = await fetch(`${base}/api/v1/beneficiaries/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrf },
        body: form,
      });
      const body = (await res.json()) as {
        message?: string;
        rows?: number;
        committed?: boolean;
        issues?: { message: string }[];
        summary?: { added: number; matched: number; unchanged: number };
      };
      const seconds = (performance.now() - t0) / 1000;
      const health = await stop();
      const s = body.summary;
      const answer =
        body.message ??
        `${body.committed ? 'committed' : 'checked'}: new ${s?.added}, matched ${s?.matched}, unchanged ${s?.unchanged}, issues ${body.issues?.length}${body.issues?.length ? ` (${body.issues[0].message})` : ''}`;
      table.push(
        `| ${dryRun ? 'dry run' : 'commit'} ${path.basename(file)} | ${body.rows ?? '—'} | ${res.status} | ${answer} | ${seconds.toFixed(1)} | ${health.max.toFixed(0)} / ${health.median.toFixed(0)} ms (${health.polls}) |`,
      );
      console.log(table[table.length - 1]);
    }
    console.log(`\n${table.join('\n')}`);
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
