/**
 * Applies the pending migrations to a kept benchmark database and says how long they took (a new migration's backfill
 * on 10,000,000 records, as production would run it): `npx tsx bench/services-migrate.ts postgres://…/shegong_bench_…`.
 */
import { openDatabase } from '../packages/server/src/db/database';

const t = performance.now();
const db = await openDatabase({ url: process.argv[2] });
console.log(`migrations applied in ${((performance.now() - t) / 1000).toFixed(1)} s`);
await db.close();
