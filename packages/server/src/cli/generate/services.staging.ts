import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { Rows } from './bulk';
import { GROUPS, daySlots, itemSlices } from './services.plan';

// The service generator's lookup tables (dropped when it is done): the stations that work (with their workers, people
// and skewed weight), weighted day slots, people by station ordered by risk, the item slices, referral consents.
// Every draw is gen_rnd(n, salt): a hash of the row number, so a batch gives the same rows whenever it runs.

export const STAGING = [
  'gen_svc_stations',
  'gen_svc_slots',
  'gen_svc_days',
  'gen_svc_people',
  'gen_svc_items',
  'gen_svc_consents',
  'gen_svc_cases',
  'gen_svc_batch',
  'gen_svc_contacts',
];

export interface StagingOptions {
  seed: number;
  from: string;
  today: string;
  /** The share of stations that are many times as busy as the median (default 0.04). */
  busyShare: number;
  /** Cases in all (spread over stations by their weight). */
  cases: number;
}

export interface Staged {
  stations: number;
  slots: number;
  days: number;
  people: number;
}

const one = async <T>(db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows[0];

export async function dropStaging(db: Db) {
  for (const t of STAGING) await db.execute(sql.raw(`drop table if exists ${t}`));
  await db.execute(sql`drop function if exists gen_rnd(bigint, bigint)`);
}

export async function stage(db: Db, o: StagingOptions): Promise<Staged> {
  await dropStaging(db);
  // A uniform draw in [0, 1) from a row number and a salt.
  await db.execute(sql`create function gen_rnd(n bigint, salt bigint) returns float8 language sql immutable
    as $$ select (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648.0 $$`);
  const s = (k: number) => o.seed * 1000 + k;
  // Operating stations with at least one worker today; the contract that covers the station today (and from when).
  // Weight: lognormal, a few busy stations six times over, more workers more work.
  await db.execute(sql`create unlogged table gen_svc_stations as
    with st as (
      select s.id, s.division_path, s.opened_on,
        array(select a.worker_id from worker_assignments a where a.station_id = s.id and a.end_on is null
          order by a.worker_id) as workers,
        (select c.organisation_id from contract_stations cs join contracts c on c.id = cs.contract_id
          where cs.station_id = s.id and c.cycle_start <= ${o.today}::date and c.cycle_end >= ${o.today}::date
          order by c.cycle_start desc limit 1) as org,
        (select c.cycle_start from contract_stations cs join contracts c on c.id = cs.contract_id
          where cs.station_id = s.id and c.cycle_start <= ${o.today}::date and c.cycle_end >= ${o.today}::date
          order by c.cycle_start desc limit 1) as org_from
      from stations s where s.status = 'operating' and s.opened_on is not null and s.opened_on <= ${o.today}::date
    ), k as (select row_number() over (order by id)::int - 1 as k, st.* from st where cardinality(workers) > 0)
    select k.*, cardinality(workers) as nw,
      greatest(${o.from}::date, opened_on) as start_on,
      exp(0.5 * sqrt(-2 * ln(1 - gen_rnd(k, ${s(1)}))) * cos(2 * pi() * gen_rnd(k, ${s(2)})))
        * (case when gen_rnd(k, ${s(3)}) < ${o.busyShare} then 6 else 1 end)
        * (0.5 + 0.5 * least(cardinality(workers), 4)) as w,
      0 as npeople, 0 as ncases
    from k`);
  await db.execute(sql`alter table gen_svc_stations add primary key (k)`);

  // People served by each station (its links), highest risk first: draws lean to the front (more visits for high risk).
  await db.execute(sql`create unlogged table gen_svc_people as
    select s.k, (row_number() over (partition by s.k order by
        case b.risk_level when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, b.id) - 1)::int as i,
      b.id, greatest(l.since, ${o.from}::date) as since,
      (case
        when b.age < 18 or c.cats && array['orphan',
          'unsupported_child', 'left_behind_child', 'distressed_child'] then ${GROUPS.child}
        when b.age >= 60 or c.cats && array['left_behind_elder', 'hardship_elder'] then ${GROUPS.elder}
        when c.cats && array['disabled'] then ${GROUPS.disabled}
        when c.cats && array['dibao', 'tekun', 'temporary_relief', 'homeless'] then ${GROUPS.assistance}
        else ${GROUPS.other} end)::int as grp
    from beneficiary_stations l
    join gen_svc_stations s on s.id = l.station_id
    join (select b.*, case when b.birth_date is not null
        then extract(year from age(${o.today}::date, b.birth_date))::int
        else extract(year from ${o.today}::date)::int - b.birth_year end as age from beneficiaries b) b
      on b.id = l.beneficiary_id
    left join (select beneficiary_id, array_agg(category::text) as cats from beneficiary_categories
      where ended_on is null or ended_on >= ${o.today}::date group by 1) c on c.beneficiary_id = b.id
    where l.archived_at is null and b.archived_at is null and l.since <= ${o.today}::date`);
  await db.execute(sql`alter table gen_svc_people add primary key (k, i)`);
  await db.execute(sql`update gen_svc_stations s set npeople = p.n from
    (select k, count(*)::int as n from gen_svc_people group by k) p where p.k = s.k`);
  // Cases by weight, at least one where there are people.
  await db.execute(sql`update gen_svc_stations s set ncases = greatest(1, round(${o.cases} * w / t.total))::int
    from (select sum(w) as total from gen_svc_stations where npeople > 0) t where s.npeople > 0`);

  // Station slots: a uniform slot is a station drawn by its weight.
  await db.execute(sql`create unlogged table gen_svc_slots (slot int, k int)`);
  await db.execute(sql`insert into gen_svc_slots
    select (row_number() over (order by s.k, g) - 1)::int, s.k
    from gen_svc_stations s cross join (select sum(w) as total from gen_svc_stations) t
    cross join lateral generate_series(1, greatest(1, round(s.w / t.total * 200000))::int) g`);
  await db.execute(sql`alter table gen_svc_slots add primary key (slot)`);

  const days = new Rows('gen_svc_days', [
    ['slot', 'int'],
    ['d', 'date'],
  ]);
  daySlots(o.from, o.today).forEach((d, i) => days.push(i, d));
  await db.execute(sql`create unlogged table gen_svc_days (slot int primary key, d date not null)`);
  const nDays = days.length;
  await days.flush(db);

  const items = new Rows('gen_svc_items', [
    ['form', 'text'],
    ['grp', 'int'],
    ['lo', 'float8'],
    ['hi', 'float8'],
    ['code', 'text'],
    ['domain', 'int'],
  ]);
  for (const i of itemSlices()) items.push(i.form, i.group, i.lo, i.hi, i.code, i.domain);
  await db.execute(sql`create unlogged table gen_svc_items (form text, grp int, lo float8, hi float8, code text,
    domain int)`);
  await items.flush(db);

  // A consent to referral given by the person (a referral needs one).
  await db.execute(sql`create unlogged table gen_svc_consents as
    select distinct on (beneficiary_id) beneficiary_id, id, recorded_on from beneficiary_consents
    where kind = 'referral' and decision = 'given' order by beneficiary_id, recorded_on, id`);
  await db.execute(sql`alter table gen_svc_consents add primary key (beneficiary_id)`);
  await db.execute(
    sql`create unlogged table gen_svc_contacts (beneficiary_id uuid, last_service date, last_visit date)`,
  );

  for (const t of ['gen_svc_stations', 'gen_svc_people', 'gen_svc_slots', 'gen_svc_days', 'gen_svc_items'])
    await db.execute(sql.raw(`analyze ${t}`));
  const n = await one<{ stations: number; slots: number; people: number }>(
    db,
    sql`select (select count(*) from gen_svc_stations)::int as stations,
      (select count(*) from gen_svc_slots)::int as slots, (select count(*) from gen_svc_people)::int as people`,
  );
  return { ...n, days: nDays };
}
