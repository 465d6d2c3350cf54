import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; services pass it to repositories so that a change and its audit commit together. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'pg';
  close(): Promise<void>;
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');
/** Advisory lock id that serialises migrations when several servers start at once. */
const MIGRATION_LOCK = 724_100_001;

/** PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in memory for `memory://`). */
export async function openDatabase(opts: {
  url?: string;
  pgliteDir?: string;
  onQuery?: () => void;
  /** Connections in the pool (PostgreSQL); 10 unless told. */
  poolSize?: number;
}): Promise<Database> {
  // Tests count statements through drizzle's logger to prove that a list costs the same number of queries at any length.
  const logger = opts.onQuery ? { logQuery: opts.onQuery } : undefined;
  if (opts.url) {
    // JIT off: the planner's cost estimates for a city's year (a few 100k rows) trigger LLVM compilation that costs
    // more than the query itself (docs/PERFORMANCE.md, issue 11).
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: '-c jit=off' });
    // An idle connection the server ends (a restart, a failover, a dropped test database) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
    const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    return { db, driver: 'pg', close: () => pool.end() };
  }
  const client = await PGlite.create(opts.pgliteDir ?? 'memory://');
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  const pgliteDb = drizzlePglite(client, { schema, logger });
  return { db: pgliteDb as unknown as Db, driver: 'pglite', close: () => client.close() };
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
