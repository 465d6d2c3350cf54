/**
 * The app on the services benchmark's world (`BENCH_REUSE=…`), listening on a free port: what the small benches
 * (`http-ceiling.ts`, `create-statements.ts`) start from.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../packages/server/src/app';
import { systemClock } from '../packages/server/src/platform/clock';
import { load, openBenchDatabase } from './services-setup';

export async function startOnBenchWorld() {
  const database = await openBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const setup = await load(database);
  const app = await buildApp({
    db: database.db,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'shegong-bench-')),
    clock: systemClock,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { database, setup, app, base };
}
