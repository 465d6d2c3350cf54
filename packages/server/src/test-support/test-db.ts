import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { loadReferenceData } from '../modules/divisions';

const silentLog = { info() {}, warn() {}, error() {}, debug() {} } as never;

/**
 * A fresh, migrated database with reference data for one test file: PGlite in memory by default,
 * or a new PostgreSQL database (created here, dropped by `close`) when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(onQuery?: () => void): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl || process.env.SHEGONG_TEST_DRIVER !== 'pg') {
    const database = await openDatabase({ onQuery });
    await loadReferenceData(database.db, silentLog);
    return database;
  }
  const name = `shegong_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), onQuery });
  await loadReferenceData(database.db, silentLog);
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
