import { sql } from 'drizzle-orm';
import { VISIT_FORMS } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { visitDay } from '../../modules/beneficiaries';

// Bulk-load helpers for the service generator: set the big tables' indexes and foreign keys aside while millions of
// rows go in (one sorted index build beats millions of random inserts), put them back exactly as they were (their
// definitions read from the catalog, validated again), and build the rollups and last contacts from the facts.

/** The tables loaded in bulk: the facts and their two rollups. */
export const BIG = [
  'service_records',
  'service_record_people',
  'service_record_workers',
  'service_month_stats',
  'service_people_months',
];

export interface SetAside {
  constraints: { table: string; name: string; def: string }[];
  indexes: { name: string; def: string }[];
}

const rowsOf = async <T>(db: DbOrTx, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/**
 * Drops the foreign keys touching the big tables (theirs and those pointing at them), their primary keys and their
 * other indexes, and answers how to make them again.
 */
export async function setAside(db: DbOrTx): Promise<SetAside> {
  const big = sql.raw(BIG.map((t) => `'${t}'::regclass`).join(', '));
  const constraints = await rowsOf<{ table: string; name: string; def: string; kind: string }>(
    db,
    sql`select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def,
      c.contype as kind from pg_constraint c
      where c.contype in ('f', 'p') and (c.conrelid in (${big}) or (c.contype = 'f' and c.confrelid in (${big})))
      order by c.contype = 'p', c.conname`,
  );
  const indexes = await rowsOf<{ name: string; def: string }>(
    db,
    sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid in (${big}) and not i.indisprimary order by 1`,
  );
  // Foreign keys first (a primary key cannot go while a foreign key leans on it).
  for (const c of constraints) await db.execute(sql.raw(`alter table ${c.table} drop constraint ${quote(c.name)}`));
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.name}`));
  return { constraints: constraints.map(({ table, name, def }) => ({ table, name, def })), indexes };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Builds the indexes and primary keys again, then the foreign keys (each validated against the loaded rows). */
export async function restore(db: DbOrTx, aside: SetAside, log: (line: string) => void) {
  const primary = aside.constraints.filter((c) => c.def.startsWith('PRIMARY KEY'));
  const foreign = aside.constraints.filter((c) => !c.def.startsWith('PRIMARY KEY'));
  for (const c of primary) {
    const t = performance.now();
    await db.execute(sql.raw(`alter table ${c.table} add constraint ${quote(c.name)} ${c.def}`));
    log(`  ${c.name} ${sec(t)}`);
  }
  for (const i of aside.indexes) {
    const t = performance.now();
    await db.execute(sql.raw(i.def));
    log(`  ${i.name} ${sec(t)}`);
  }
  for (const c of foreign) {
    const t = performance.now();
    await db.execute(sql.raw(`alter table ${c.table} add constraint ${quote(c.name)} ${c.def}`));
    log(`  ${c.name} ${sec(t)}`);
  }
}

const sec = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/**
 * The rollups from the facts (DESIGN §3), as the services module keeps them record by record: per station, month,
 * item and form the live records, their named people summed, head counts and minutes; and the distinct people served
 * per station and month. The generator writes no archived records; the condition is there to say what counts.
 */
export async function buildRollups(db: DbOrTx) {
  await db.execute(sql`insert into service_month_stats (station_id, month, catalogue_code, form, division_path,
      organisation_id, domain_code, records, person_services, head_count, minutes)
    select station_id, date_trunc('month', served_on)::date, catalogue_code, form, division_path, organisation_id,
      domain_code, count(*), sum(people_count), sum(head_count), sum(duration_minutes)
    from service_records where archived_at is null
    group by station_id, date_trunc('month', served_on)::date, catalogue_code, form, division_path, organisation_id,
      domain_code`);
  // A station's organisation in a month is the one its records carry (contracts run in whole months).
  await db.execute(sql`insert into service_people_months (station_id, month, beneficiary_id, division_path,
      organisation_id)
    select p.station_id, p.month, p.beneficiary_id, p.division_path, o.organisation_id
    from (select distinct station_id, date_trunc('month', served_on)::date as month, beneficiary_id, division_path
      from service_record_people) p
    join (select distinct station_id, month, organisation_id from service_month_stats) o
      on o.station_id = p.station_id and o.month = p.month`);
  // The unit rollups, as migrations 0019 and 0020 build them: each person's months per unit as bits of 60-month
  // blocks, and the month figures per unit, item and form.
  await db.execute(sql`insert into service_unit_month_stats (unit_path, month, catalogue_code, form, domain_code,
      records, person_services, head_count, minutes)
    select coalesce(substring(division_path from '^/[^/]+/[^/]+/'), division_path), month, catalogue_code, form,
      domain_code, sum(records), sum(person_services), sum(head_count), sum(minutes)
    from service_month_stats group by 1, 2, 3, 4, 5`);
  await db.execute(sql`insert into service_unit_people (unit_path, beneficiary_id, block, months)
    select coalesce(substring(x.division_path from '^/[^/]+/[^/]+/'), x.division_path), x.beneficiary_id, x.m / 60,
      bit_or(1::bigint << (x.m % 60))
    from (select division_path, beneficiary_id,
        extract(year from month)::int * 12 + extract(month from month)::int - 1 as m from service_people_months) x
    group by 1, 2, 3`);
}

/** Each person's last service and last home visit (R-SVC-5), from what the batches noted. */
export async function buildContacts(db: DbOrTx) {
  await db.execute(sql`insert into beneficiary_contacts (beneficiary_id, last_service_on, last_visit_on)
    select beneficiary_id, max(last_service), max(last_visit) from gen_svc_contacts group by beneficiary_id
    on conflict (beneficiary_id) do update set
      last_service_on = greatest(beneficiary_contacts.last_service_on, excluded.last_service_on),
      last_visit_on = greatest(beneficiary_contacts.last_visit_on, excluded.last_visit_on)`);
  // Every home-visit day (R-SVC-5 visit completion), from the people rows as migration 0028 backfills them.
  const day = visitDay(sql`served_on`);
  await db.execute(sql`update beneficiary_contacts c set visit_days = v.days
    from (select beneficiary_id, array_agg(distinct ${day} order by ${day}) as days
      from service_record_people where visit group by 1) v
    where v.beneficiary_id = c.beneficiary_id`);
}

/** Notes a batch's people's last service and last visit (folded into beneficiary_contacts at the end). */
export async function noteContacts(db: DbOrTx) {
  const visits = sql.raw(`array[${VISIT_FORMS.map((f) => `'${f}'`).join(', ')}]`);
  await db.execute(sql`insert into gen_svc_contacts
    select p.id, max(b.d), max(b.d) filter (where b.form = any(${visits}))
    from gen_svc_batch b join gen_svc_stations s on s.k = b.k cross join lateral generate_series(0, b.np - 1) j
    join gen_svc_people p on p.k = b.k and p.i = (b.pi + j) % s.npeople
    where b.np > 0 group by p.id`);
}
