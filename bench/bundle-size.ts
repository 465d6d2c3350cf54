/**
 * Bench: how much JavaScript the first page downloads. Reads the Vite build manifest of packages/web, follows the
 * static imports of the entry and of the chunk(s) each page needs, gzips every file (node:zlib, level 9) and prints
 * raw and gzip sizes against the budget, then the total of all JS in the build.
 *
 *   npm run build && npx tsx bench/bundle-size.ts
 *   npx tsx bench/bundle-size.ts --json          # the same figures as JSON
 *   npx tsx bench/bundle-size.ts /tmp/other-dist # another build of packages/web (built with --manifest)
 *
 * A page's module that is not a chunk of its own in the manifest (an eager build) is counted as part of the entry,
 * which then carries it; the figures of such a build are still what the browser downloads for that page.
 * Exit code 1 when a page is over its budget, or loads echarts or zod.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The subset of Vite's manifest.json (https://vite.dev/guide/backend-integration) read here. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

// `… | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

const BUDGET_KB = 250;
/** Each page: the source modules (relative to packages/web) it loads besides the entry, in route order. */
const PAGES: { page: string; modules: string[] }[] = [
  { page: '登录 /login', modules: ['src/features/auth/login-page.tsx'] },
  { page: '工作台 /', modules: ['src/app/layout.tsx', 'src/features/home/home-page.tsx'] },
];

const distArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dist = distArg ? path.resolve(distArg) : path.join(import.meta.dirname, '../packages/web/dist');
const manifestPath = path.join(dist, '.vite/manifest.json');
let manifest: Manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
} catch {
  console.error(`No build manifest at ${manifestPath}: run \`npm run build\` first (build.manifest must be true).`);
  process.exit(2);
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let s = sizes.get(file);
  if (!s) {
    const buf = readFileSync(path.join(dist, file));
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    sizes.set(file, s);
  }
  return s;
}

/** The chunk and everything it imports statically (what the browser fetches before the chunk runs). */
function staticClosure(key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) staticClosure(dep, into);
}

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
const [entryKey] = entries[0];

interface Row {
  page: string;
  files: string[];
  inEntry: string[];
  raw: number;
  gzip: number;
  ok: boolean;
}
const rows: Row[] = PAGES.map(({ page, modules }) => {
  const files = new Set<string>();
  staticClosure(entryKey, files);
  const inEntry: string[] = [];
  for (const m of modules) {
    if (manifest[m]) staticClosure(m, files);
    else inEntry.push(m);
  }
  const js = [...files].filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + sizeOf(f).raw, 0);
  const gzip = js.reduce((n, f) => n + sizeOf(f).gzip, 0);
  return { page, files: js, inEntry, raw, gzip, ok: gzip <= BUDGET_KB * 1000 };
});

/** echarts must stay out of the first pages: its chunk (progress-chart.tsx) is reached only by a dynamic import. */
const CHART_MODULE = 'src/features/plan/progress-chart.tsx';
const chart = manifest[CHART_MODULE];
const chartImporters = Object.entries(manifest)
  .filter(([, c]) => c.dynamicImports?.includes(CHART_MODULE))
  .map(([k]) => k);
const chartInFirstPages = chart ? rows.filter((r) => r.files.includes(chart.file)).map((r) => r.page) : [];

/**
 * zod (≈ 30 KB gzipped with the shared schemas) must stay out of the first pages too: they show labels, not forms that
 * check a schema. The labels live in zod-free modules of @shegong/shared, which declares `"sideEffects": false`; one
 * import from a schema module is enough to bring zod back. Found by the class name zod registers (kept by minifiers).
 */
const zodIn = (files: string[]) => files.filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('$ZodError'));
const zodInFirstPages = rows.filter((r) => zodIn(r.files).length > 0).map((r) => r.page);

const allJs = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const total = allJs.reduce((t, f) => ({ raw: t.raw + sizeOf(f).raw, gzip: t.gzip + sizeOf(f).gzip }), {
  raw: 0,
  gzip: 0,
});

/** Kilobytes of 1,000 bytes, as Vite's build report prints them. */
const kb = (n: number) => (n / 1000).toFixed(1);
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        budgetKb: BUDGET_KB,
        pages: rows,
        total: { files: allJs.length, ...total },
        zod: { inFirstPages: zodInFirstPages },
        echarts: chart && {
          file: chart.file,
          ...sizeOf(chart.file),
          dynamicallyImportedBy: chartImporters,
          inFirstPages: chartInFirstPages,
        },
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `Vite build ${path.relative(process.cwd(), dist)} — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  );
  console.log(
    `Budget per page: ${BUDGET_KB} KB of gzipped JavaScript (gzip level 9; 1 KB = 1,000 bytes, as Vite prints)\n`,
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(line(['page', 'files', 'raw KB', 'gzip KB', 'budget']));
  console.log(line(['---', '---:', '---:', '---:', '---']));
  for (const r of rows)
    console.log(
      line([
        r.page,
        String(r.files.length),
        kb(r.raw),
        kb(r.gzip),
        r.ok ? `ok (≤ ${BUDGET_KB})` : `OVER by ${kb(r.gzip - BUDGET_KB * 1000)}`,
      ]),
    );
  console.log(line(['all JS in the build', String(allJs.length), kb(total.raw), kb(total.gzip), '—']));
  if (chart) {
    const where = chartInFirstPages.length ? `LOADED BY ${chartInFirstPages.join(', ')}` : 'in neither first page';
    console.log(
      `\necharts: ${chart.file} (${kb(sizeOf(chart.file).raw)} raw, ${kb(sizeOf(chart.file).gzip)} gzip), dynamically imported by ${chartImporters.join(', ') || '—'}; ${where}`,
    );
  }
  console.log(
    `zod: ${zodInFirstPages.length ? `LOADED BY ${zodInFirstPages.map((p) => `${p} (${zodIn(rows.find((r) => r.page === p)!.files).join(', ')})`).join('; ')}` : 'in neither first page'}`,
  );
  for (const r of rows) {
    console.log(`\n${r.page}${r.inEntry.length ? ` (bundled into the entry: ${r.inEntry.join(', ')})` : ''}`);
    for (const f of [...r.files].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip))
      console.log(`  ${f.padEnd(44)} ${kb(sizeOf(f).raw).padStart(8)} raw ${kb(sizeOf(f).gzip).padStart(7)} gzip`);
  }
}
process.exitCode = rows.every((r) => r.ok) && chartInFirstPages.length === 0 && zodInFirstPages.length === 0 ? 0 : 1;
