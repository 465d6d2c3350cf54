/**
 * EXPLAIN (ANALYZE, BUFFERS) of the beneficiaries list's queries — the page and its count, exactly as the repository
 * builds them — on a database `npm run bench` kept (BENCH_KEEP=1), for the bench's four users and one sample person.
 *
 *   BENCH_KEEP=1 npm run bench          # prints "database shegong_bench_… kept after the run"
 *   npx tsx bench/beneficiaries-explain.ts postgres://postgres@127.0.0.1:5432/shegong_bench_…  [kind…]
 *   psql … -c 'drop database shegong_bench_…'
 */
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Scope } from '@shegong/shared';
import type { Db } from '../packages/server/src/db/database';
import * as schema from '../packages/server/src/db/schema';
import {
  beneficiariesRepository as repo,
  beneficiaryScope,
} from '../packages/server/src/modules/beneficiaries/beneficiaries.repository';
import { systemClock } from '../packages/server/src/platform/clock';

type Row = Record<string, unknown>;

async function main() {
  const [url, ...only] = process.argv.slice(2);
  if (!url) throw new Error('usage: beneficiaries-explain.ts <database url> [kind…]');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  const rows = async <T = Row>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const today = systemClock.today();
  const users = await rows<{
    role: string;
    division_path: string;
    organisation_id: string | null;
    worker_id: string | null;
  }>(sql`select role, division_path, organisation_id, worker_id from users where username like 'bench.%'`);
  const stationsOf = async (q: SQL) => (await rows<{ id: string }>(q)).map((r) => r.id);
  for (const u of users) {
    let scope: Scope;
    if (u.role === 'social_worker')
      scope = {
        kind: 'stations',
        path: u.division_path,
        stationIds: await stationsOf(
          sql`select station_id as id from worker_assignments where worker_id = ${u.worker_id} and start_on <= ${today}::date and (end_on is null or end_on >= ${today}::date)`,
        ),
      };
    else if (u.role === 'project_lead')
      scope = {
        kind: 'organisation',
        organisationId: u.organisation_id!,
        path: u.division_path,
        stationIds: await stationsOf(
          sql`select cs.station_id as id from contract_stations cs join contracts c on c.id = cs.contract_id where c.organisation_id = ${u.organisation_id} and c.cycle_end >= ${today}::date`,
        ),
      };
    else scope = { kind: 'division', path: u.division_path };
    const scoped = beneficiaryScope(scope);
    const [p] = await rows<{ name: string; id_number: string; phone: string; station_id: string }>(
      sql`select name, id_number, phone, station_id from beneficiaries where ${scoped} and id_number is not null and phone <> '' order by md5(id::text) limit 1`,
    );
    const kinds: Record<string, { q?: string; stationId?: string }> = {
      name: { q: p.name },
      id: { q: p.id_number },
      idTail: { q: p.id_number.slice(-6) },
      phone: { q: p.phone },
      phoneTail: { q: p.phone.slice(-4) },
      station: { stationId: p.station_id },
      opened: {},
    };
    for (const [kind, filter] of Object.entries(kinds)) {
      if (only.length && !only.includes(kind)) continue;
      // As the list builds it (beneficiaries.reads.ts): a list of one station reads that station's links only.
      const narrowed = !!filter.stationId;
      const listScope = beneficiaryScope(scope, { stationId: filter.stationId, selective: !!filter.q });
      const where = repo.where(listScope, narrowed ? { ...filter, stationId: undefined } : filter, today);
      for (const [what, q] of [
        ['page', sql`select * from beneficiaries where ${where} order by name, id limit 20`],
        ['count', sql`select count(*) from beneficiaries where ${where}`],
      ] as const) {
        const plan = await rows<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${q}`);
        console.log(`\n### ${u.role} — ${kind} ${JSON.stringify(filter)} — ${what}\n`);
        console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
  }
  await pool.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
