/**
 * Generates a services world and keeps it (no measurement): `BENCH_RECORDS=… npx tsx bench/services-generate-only.ts`;
 * then `BENCH_REUSE=<name> npm run bench:services` measures on it. Same sizes and defaults as services-bench.ts.
 */
import { systemClock } from '../packages/server/src/platform/clock';
import { generate, openBenchDatabase } from './services-setup';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
process.env.BENCH_KEEP = '1';
const database = await openBenchDatabase(
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const t = performance.now();
await generate(database, systemClock.today(), {
  records: env('BENCH_RECORDS', 10_000_000),
  people: env('BENCH_PEOPLE', 300_000),
  stations: env('BENCH_STATIONS', 2_500),
  workers: env('BENCH_WORKERS', 6_000),
});
console.log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
await database.close();
