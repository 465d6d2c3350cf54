import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler, sqlState } from '../platform/http/errors';
import { DIV } from '../test-support/test-app';
import { createTestDatabase } from '../test-support/test-db';
import type { Database, Db } from './database';

/**
 * docs/adr/0005-foreign-keys.md: every column that names another row has a foreign key, except the documented
 * exceptions below. A new module whose migration forgets one fails here.
 */
const NOT_A_FOREIGN_KEY: Record<string, string> = {
  'attachments.entity_id': 'polymorphic: the record named by entity_type',
  'audit_events.entity_id': 'polymorphic (text): the audit trail names any record, and outlives it',
  'audit_events.request_id': 'a request correlation id, not a row',
  'purchase_plans.station_ids': 'uuid[]: PostgreSQL has no foreign keys on array elements; the service checks them',
  'procurements.station_ids': 'uuid[]: PostgreSQL has no foreign keys on array elements; the service checks them',
  'divisions.stats_county_code': 'a six-digit NBS statistics code, not a row of divisions',
  'catalogue_items.domain_code': 'the catalogue’s own domain number; there is no table of domains',
  'service_records.domain_code': 'the catalogue’s domain number, copied for statistics; there is no table of domains',
  'service_unit_month_stats.domain_code':
    'the catalogue’s domain number, copied for statistics; there is no table of domains',
  'service_month_stats.domain_code':
    'the catalogue’s domain number, copied for statistics; there is no table of domains',
  'organisations.credit_code': '统一社会信用代码, an identifier issued outside the platform',
  'indicator_sets.family_id': 'the versions of one indicator set share it; no row stands for the family itself',
  'supervision_reviews.target_id':
    'polymorphic: a case or a service record by target_kind; the service checks it in scope',
};
/** Who wrote a row or took a step (created_by, approved_by …): users are never deleted, so these need no index for the delete check. */
const isActorColumn = (c: string) => /_by$/.test(c) || c === 'purchase_plan_events.user_id';
/** Deleting the parent removes these rows; every other reference refuses the delete. */
const CASCADES = ['sessions.user_id', 'user_stations.user_id'];

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database?.close());

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

interface ForeignKey {
  col: string;
  target: string;
  deleteRule: string;
  validated: boolean;
  indexed: boolean;
}
async function foreignKeys(): Promise<ForeignKey[]> {
  return rows<ForeignKey>(sql`
    select c.conrelid::regclass::text || '.' || a.attname as col,
           c.confrelid::regclass::text || '.' || fa.attname as target,
           c.confdeltype::text as "deleteRule",
           c.convalidated as validated,
           exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]) as indexed
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
    where c.contype = 'f' and cardinality(c.conkey) = 1`);
}

describe('foreign keys (docs/adr/0005-foreign-keys.md)', () => {
  it('every column that looks like a reference has a foreign key, unless it is a documented exception', async () => {
    const candidates = await rows<{ col: string }>(sql`
      select table_name || '.' || column_name as col
      from information_schema.columns
      where table_schema = 'public'
        and (column_name ~ '_(id|ids|code)$' or (column_name ~ '_by$' and data_type = 'uuid'))
      order by 1`);
    const keyed = new Set((await foreignKeys()).map((f) => f.col));
    const names = candidates.map((c) => c.col);
    expect(names.filter((c) => !keyed.has(c) && !NOT_A_FOREIGN_KEY[c])).toEqual([]);
    // The exceptions stay honest: each names a real column that indeed has no foreign key.
    for (const c of Object.keys(NOT_A_FOREIGN_KEY)) {
      expect(names, c).toContain(c);
      expect(keyed.has(c), c).toBe(false);
    }
  });

  it('refuses deletes except for a user’s sessions and station grants; every key is validated and indexed', async () => {
    const fks = await foreignKeys();
    expect(fks.length).toBeGreaterThanOrEqual(60);
    expect(fks.filter((f) => f.deleteRule === 'c').map((f) => f.col)).toEqual(expect.arrayContaining(CASCADES));
    // 'a' = NO ACTION: the delete is refused at the end of the statement; no SET NULL or SET DEFAULT anywhere.
    expect(fks.filter((f) => f.deleteRule !== 'a' && !CASCADES.includes(f.col))).toEqual([]);
    expect(fks.filter((f) => !f.validated)).toEqual([]);
    expect(fks.filter((f) => !f.indexed && !isActorColumn(f.col)).map((f) => f.col)).toEqual([]);
    const divisionsRefs = fks.filter((f) => f.target === 'divisions.code').map((f) => f.col);
    expect(divisionsRefs).toEqual(
      expect.arrayContaining(['stations.township_code', 'users.division_code', 'contracts.county_code']),
    );
  });
});

/** A station, its organisation and a worker assigned to it, written directly (no module is under test here). */
async function assignedWorker() {
  const suffix = randomBytes(4).toString('hex');
  const [org] = await rows<{ id: string }>(sql`
    insert into organisations (name, credit_code, credit_code_valid, type, social_work_in_scope, local, division_code, division_path)
    values (${`外键测试社工机构${suffix}`}, ${`FK${suffix}`}, false, '民办非企业单位', true, true, ${DIV.puyangCounty},
            ${`/${DIV.city}/${DIV.puyangCounty}/`})
    returning id`);
  const [station] = await rows<{ id: string }>(sql`
    insert into stations (township_code, county_code, division_path, name, batch_year, status)
    values (${DIV.wenliu}, ${DIV.puyangCounty}, ${`/${DIV.city}/${DIV.puyangCounty}/${DIV.wenliu}/`}, '文留镇社工站', 2021, 'operating')
    returning id`);
  const [worker] = await rows<{ id: string }>(sql`
    insert into workers (organisation_id, division_path, name, id_number, birth_date, gender, education, hire_date, role)
    values (${org.id}, ${`/${DIV.city}/${DIV.puyangCounty}/`}, '张三', ${`41092819900101${suffix.slice(0, 4)}`},
            '1990-01-01', 'male', 'bachelor', '2024-01-01', 'resident')
    returning id`);
  await db.execute(sql`
    insert into worker_assignments (worker_id, station_id, division_path, start_on)
    values (${worker.id}, ${station.id}, ${`/${DIV.city}/${DIV.puyangCounty}/${DIV.wenliu}/`}, '2024-01-01')`);
  return { organisationId: org.id, stationId: station.id, workerId: worker.id };
}

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return sqlState(e);
  }
  return 'accepted';
}

describe('constraints at work', () => {
  let fixture: Awaited<ReturnType<typeof assignedWorker>>;
  beforeAll(async () => {
    fixture = await assignedWorker();
  });

  it('refuses an assignment to a station that does not exist, and a station from a division that does not exist', async () => {
    const missingStation = db.execute(sql`
      insert into worker_assignments (worker_id, station_id, division_path, start_on)
      values (${fixture.workerId}, ${randomUUID()}, '/x/', '2024-01-01')`);
    expect(await refusal(missingStation)).toBe('23503');
    const missingTownship = db.execute(sql`
      insert into stations (township_code, county_code, division_path, name, batch_year, status)
      values ('410928999000', ${DIV.puyangCounty}, '/x/', '不存在的镇社工站', 2021, 'planned')`);
    expect(await refusal(missingTownship)).toBe('23503');
  });

  it('refuses deleting a station, a worker or an organisation that rows still refer to', async () => {
    expect(await refusal(db.execute(sql`delete from stations where id = ${fixture.stationId}`))).toBe('23503');
    expect(await refusal(db.execute(sql`delete from workers where id = ${fixture.workerId}`))).toBe('23503');
    expect(await refusal(db.execute(sql`delete from organisations where id = ${fixture.organisationId}`))).toBe(
      '23503',
    );
  });

  it('deleting a user who never acted removes their sessions with them', async () => {
    const [u] = await rows<{ id: string }>(sql`
      insert into users (username, display_name, role, division_code, division_path, password_hash)
      values (${`fk${randomBytes(4).toString('hex')}`}, '外键测试', 'county_officer', ${DIV.puyangCounty},
              ${`/${DIV.city}/${DIV.puyangCounty}/`}, 'x')
      returning id`);
    await db.execute(sql`
      insert into sessions (token_hash, user_id, csrf_token, expires_at)
      values (${randomBytes(8).toString('hex')}, ${u.id}, 'c', now() + interval '1 hour')`);
    await db.execute(sql`delete from users where id = ${u.id}`);
    const left = await rows<{ n: number }>(sql`select count(*)::int as n from sessions where user_id = ${u.id}`);
    expect(left[0].n).toBe(0);
  });

  it('a refused reference answers in Chinese with 400 or 409, never 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.post('/assign', async () => {
      await db.execute(sql`
        insert into worker_assignments (worker_id, station_id, division_path, start_on)
        values (${fixture.workerId}, ${randomUUID()}, '/x/', '2024-01-01')`);
      return {};
    });
    app.post('/remove', async () => {
      await db.execute(sql`delete from stations where id = ${fixture.stationId}`);
      return {};
    });
    try {
      const missing = await app.inject({ method: 'POST', url: '/assign' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(missing.json().message).toContain('引用的记录不存在');
      const referenced = await app.inject({ method: 'POST', url: '/remove' });
      expect(referenced.statusCode).toBe(409);
      expect(referenced.json()).toMatchObject({ code: 'STILL_REFERENCED' });
      expect(referenced.json().message).toContain('仍被其他记录引用');
    } finally {
      await app.close();
    }
  });
});

describe('the migration on a database that already holds data', () => {
  const migrationsFolder = path.join(import.meta.dirname, 'migrations');

  /** The migrations up to (not including) the foreign keys, as a database that ran them earlier had them. */
  function migrationsBefore(tag: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-migrations-'));
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === tag);
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalFile, JSON.stringify(journal));
    return dir;
  }

  /** A new empty database on the driver under test, and a way to run a migrations folder on it. */
  async function emptyDatabase() {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl && process.env.SHEGONG_TEST_DRIVER === 'pg') {
      const name = `shegong_fk_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const d = drizzlePg(client);
      return {
        exec: (q: string) => d.execute(sql.raw(q)),
        migrate: (folder: string) => migratePg(d, { migrationsFolder: folder }),
        async close() {
          await client.end();
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    }
    const client = await PGlite.create('memory://');
    const d = drizzlePglite(client);
    return {
      exec: (q: string) => d.execute(sql.raw(q)),
      migrate: (folder: string) => migratePglite(d, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }

  /** The database's own message, under Drizzle's "Failed query: …" wrapper. */
  const databaseMessage = (e: unknown): string => {
    let x = e as { message?: string; cause?: unknown };
    while (x.cause) x = x.cause as typeof x;
    return String(x.message);
  };
  const count = async (d: Awaited<ReturnType<typeof emptyDatabase>>) => {
    const r = (await d.exec(`select count(*)::int as n from pg_constraint where contype = 'f'`)) as unknown as {
      rows: { n: number }[];
    };
    return r.rows[0].n;
  };

  it('stops with a list of the broken references and changes nothing; once they are repaired it applies', async () => {
    const before = migrationsBefore('0010_foreign_keys');
    const d = await emptyDatabase();
    try {
      await d.migrate(before);
      await d.exec(
        `insert into divisions (code, name, level, kind, path) values ('410900000000', '濮阳市', 'city', '地级市', '/410900000000/')`,
      );
      await d.exec(`insert into plan_targets (division_code, year, target) values ('410900000000', 2021, 3)`);
      const orphan = randomUUID();
      await d.exec(
        `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ('t', '${orphan}', 'c', now())`,
      );

      const failed = await d.migrate(migrationsFolder).then(
        () => 'applied',
        (e: unknown) => databaseMessage(e),
      );
      expect(failed).toContain('foreign keys (migration 0010_foreign_keys) cannot be added');
      expect(failed).toContain(`sessions.user_id -> users.id: 1 row(s) point to a missing row (e.g. ${orphan})`);
      expect(failed).not.toContain('plan_targets');
      expect(await count(d)).toBe(0);

      await d.exec(`delete from sessions where user_id = '${orphan}'`);
      await d.migrate(migrationsFolder);
      expect(await count(d)).toBeGreaterThanOrEqual(60);
    } finally {
      await d.close();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
