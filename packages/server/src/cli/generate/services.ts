import { sql } from 'drizzle-orm';
import { SERVICE_FORMS, VISIT_FORMS } from '@shegong/shared';
import type { Db } from '../../db/database';
import { addDays, addYears } from './random';
import { alertsOfBatch, generateCases, referralsOfBatch } from './services.cases';
import { buildContacts, buildRollups, noteContacts, restore, setAside } from './services.load';
import { DURATION, FORM_WEIGHTS, PLACES, SUMMARIES } from './services.plan';
import { dropStaging, stage } from './services.staging';

// The service-record generator (R-SVC-2…5 at province scale): records over the years before "today", skewed as work
// is (busy and quiet stations, visits and phone follow-ups far more than case work, festivals, weekdays), with their
// people and workers, cases, alerts, referrals and last contacts; then the rollups built from the facts. Drawn on the
// server (`insert … select … from generate_series`), batch by batch, each row a function of its number and the seed.

export interface GenerateServicesOptions {
  seed: number;
  /** "Today" (the caller's Clock): the last day with records. */
  today: string;
  /** Service records in all. */
  records: number;
  /** Years of history ending today (default 3). */
  years?: number;
  /** Records per batch (default 500,000). */
  batch?: number;
  /** The share of stations that are six times as busy (default 0.04). */
  busyShare?: number;
  /** The share of crisis interventions (with a person) that raise an alert (default 0.05). */
  alertShare?: number;
  /**
   * Drop the big tables' indexes and foreign keys during the load and build them again after (default: when more than
   * 200,000 records). Faster at scale; either way the tables end as the migrations made them.
   */
  rebuildIndexes?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ServicesSummary {
  stations: number;
  records: number;
  people: number;
  workers: number;
  cases: number;
  alerts: number;
  referrals: number;
  monthStats: number;
  peopleMonths: number;
  contacts: number;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (expr: string, values: Record<string, string>) =>
  `case ${expr} ${Object.entries(values)
    .map(([k, v]) => `when ${q(k)} then ${v}`)
    .join(' ')} end`;

/** The form for a uniform draw `r`, by the weights of the mix. */
function formCase(r: string) {
  const total = SERVICE_FORMS.reduce((a, f) => a + FORM_WEIGHTS[f], 0);
  let acc = 0;
  const whens = SERVICE_FORMS.map((f) => {
    acc += FORM_WEIGHTS[f] / total;
    return `when ${r} < ${acc} then ${q(f)}`;
  });
  return `case ${whens.join(' ')} else 'home_visit' end`;
}

/** Writes the records and everything that goes with them; answers what was written. */
export async function generateServices(db: Db, o: GenerateServicesOptions): Promise<ServicesSummary> {
  const log = o.log ?? (() => {});
  const from = addDays(addYears(o.today, -(o.years ?? 3)), 1);
  const B = o.batch ?? 500_000;
  const t0 = performance.now();
  const staged = await stage(db, {
    seed: o.seed,
    from,
    today: o.today,
    busyShare: o.busyShare ?? 0.04,
    cases: Math.max(1, Math.round((o.records * 0.06) / 11)),
  });
  log(
    `services: ${staged.stations} working stations, ${staged.people} people linked, ${staged.days} day slots (${sec(t0)})`,
  );
  const cases = await generateCases(db, { seed: o.seed, from, today: o.today });
  log(`  cases: ${cases.toLocaleString('en')} (${sec(t0)})`);
  const aside = (o.rebuildIndexes ?? o.records > 200_000) ? await setAside(db) : null;
  if (aside) log(`  set aside ${aside.indexes.length} indexes and ${aside.constraints.length} keys for the load`);

  const r = (i: number) => `gen_rnd(g.n, ${o.seed * 1000 + i})`;
  const minutes = caseOf(
    'b.form',
    Object.fromEntries(SERVICE_FORMS.map((f) => [f, `${DURATION[f][0]} + floor(b.r8 * ${DURATION[f][1]})::int`])),
  );
  const draw = `
    with g as (select n from generate_series($lo$::bigint, $hi$::bigint - 1) n),
    a as (
      select g.n, s.k, s.npeople, s.nw, s.ncases, s.start_on, ${r(3)} as r3, ${r(5)} as r5, ${r(6)} as r6,
        ${r(7)} as r7, ${r(8)} as r8, ${r(9)} as r9, ${r(10)} as r10, ${r(11)} as r11, ${r(12)} as r12,
        case when s.npeople = 0 then 'community_activity' when f.f0 = 'case_work' and s.ncases = 0 then 'home_visit'
          else f.f0 end as form,
        floor(${r(4)} * s.ncases)::int as cj
      from g cross join lateral (select ${formCase(r(2))} as f0) f
      join gen_svc_slots sl on sl.slot = floor(${r(1)} * $slots$)::int
      join gen_svc_stations s on s.k = sl.k
    ),
    b as (
      select a.*, dd.d as d0, c.opened_on as c_from, c.end_on as c_to, c.wi as c_wi,
        case when a.form = 'community_activity' or (a.form = 'policy_outreach' and a.r6 < 0.8) then -1
          when a.form = 'case_work' then c.pi else floor(a.npeople * power(a.r5, 1.7))::int end as pi,
        least(a.npeople, case a.form
          when 'home_visit' then case when a.r6 < 0.8 then 1 when a.r6 < 0.95 then 2 else 3 end
          when 'phone_followup' then case when a.r6 < 0.93 then 1 else 2 end
          when 'group_work' then 3 + floor(a.r6 * 6)::int
          when 'community_activity' then 0
          when 'policy_outreach' then case when a.r6 < 0.8 then 0 else 1 + floor(a.r7 * 2)::int end
          else 1 end) as np
      from a join gen_svc_days dd on dd.slot = floor(a.r3 * $days$)::int
      left join gen_svc_cases c on a.form = 'case_work' and c.k = a.k and c.j = a.cj
    ),
    c as (
      select b.*, coalesce(p.grp, -1) as grp,
        case when b.form = 'case_work' then b.c_from + floor(b.r3 * (b.c_to - b.c_from + 1))::int
          when b.d0 < greatest(b.start_on, p.since) then greatest(b.start_on, p.since)
            + ((b.d0 - $from$::date) % ($today$::date - greatest(b.start_on, p.since) + 1))
          else b.d0 end as d
      from b left join gen_svc_people p on p.k = b.k and p.i = b.pi
    )
    insert into gen_svc_batch (n, k, form, d, pi, np, hc, minutes, code, domain, cj, w1, w2)
    select b.n, b.k, b.form, b.d, b.pi, b.np,
      case when b.form = 'community_activity' then 15 + floor(b.r7 * 100)::int
        when b.form = 'policy_outreach' and b.np = 0 then 10 + floor(b.r7 * 70)::int else 0 end,
      ${minutes}, it.code, it.domain,
      case when b.form = 'case_work' then b.cj end,
      case when b.form = 'case_work' then b.c_wi else floor(b.r10 * b.nw)::int end,
      case when b.nw > 1 and b.r11 < 0.15 and b.form <> 'case_work'
        then (floor(b.r10 * b.nw)::int + 1 + floor(b.r12 * (b.nw - 1))::int) % b.nw end
    from c b join gen_svc_items it on it.form = b.form and it.grp = b.grp and b.r9 >= it.lo and b.r9 < it.hi`;
  const summary = caseOf(
    'b.form',
    Object.fromEntries(SERVICE_FORMS.map((f) => [f, `(array[${SUMMARIES[f].map(q).join(', ')}])[1 + (b.n % 3)::int]`])),
  );
  const place = caseOf('b.form', Object.fromEntries(SERVICE_FORMS.map((f) => [f, q(PLACES[f])])));
  const id = (kind: string) => `md5('${o.seed}:${kind}:' || b.n)::uuid`;

  await db.execute(sql`create unlogged table gen_svc_batch (n bigint, k int, form text, d date, pi int, np int,
    hc int, minutes int, code text, domain int, cj int, w1 int, w2 int)`);
  const sum = { records: 0, people: 0, workers: 0 };
  for (let lo = 0; lo < o.records; lo += B) {
    const hi = Math.min(o.records, lo + B);
    const steps: number[] = [performance.now()];
    const step = () => steps.push(performance.now());
    // One transaction per batch, with room to hash the lookup tables in memory (4 MB spills them to disk).
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`truncate gen_svc_batch`);
      await tx.execute(
        sql.raw(
          draw
            .replace('$lo$', String(lo))
            .replace('$hi$', String(hi))
            .replace('$slots$', String(staged.slots))
            .replace('$days$', String(staged.days))
            .replace('$from$', q(from))
            .replace('$today$', q(o.today)),
        ),
      );
      // Fresh statistics for the planner: the batch joins stations, cases and people by key, never by scanning them.
      await tx.execute(sql`analyze gen_svc_batch`);
      step();
      await tx.execute(
        sql.raw(`insert into service_records (id, station_id, division_path, organisation_id, served_on,
          duration_minutes, form, catalogue_code, domain_code, case_id, head_count, people_count, summary, place,
          created_at, updated_at)
        select ${id('r')}, s.id, s.division_path, case when b.d >= s.org_from then s.org end, b.d, b.minutes, b.form,
          b.code, b.domain, c.id, b.hc, b.np, ${summary}, ${place},
          (b.d + time '00:30' + (b.n % 540) * interval '1 minute') at time zone 'UTC',
          (b.d + time '00:30' + (b.n % 540) * interval '1 minute') at time zone 'UTC'
        from gen_svc_batch b join gen_svc_stations s on s.k = b.k left join gen_svc_cases c on c.k = b.k and c.j = b.cj`),
      );
      step();
      await tx.execute(
        sql.raw(`insert into service_record_people (record_id, beneficiary_id, station_id, division_path,
          served_on, visit)
        select ${id('r')}, p.id, s.id, s.division_path, b.d, b.form in (${VISIT_FORMS.map((f) => `'${f}'`).join(', ')})
        from gen_svc_batch b join gen_svc_stations s on s.k = b.k cross join lateral generate_series(0, b.np - 1) j
        join gen_svc_people p on p.k = b.k and p.i = (b.pi + j) % s.npeople where b.np > 0`),
      );
      step();
      await tx.execute(
        sql.raw(`insert into service_record_workers (record_id, worker_id)
        select ${id('r')}, s.workers[w.i + 1] from gen_svc_batch b join gen_svc_stations s on s.k = b.k
        cross join lateral (values (b.w1), (b.w2)) w(i) where w.i is not null`),
      );
      step();
      await alertsOfBatch(tx, { seed: o.seed, today: o.today, share: o.alertShare ?? 0.05 });
      await referralsOfBatch(tx, { seed: o.seed, today: o.today });
      step();
      await noteContacts(tx);
      step();
    });
    sum.records = hi;
    const split = steps
      .slice(1)
      .map((x, i) => ((x - steps[i]) / 1000).toFixed(1))
      .join('/');
    log(
      `  … ${hi.toLocaleString('en')} records (${sec(t0)}, ${Math.round(hi / ((performance.now() - t0) / 1000)).toLocaleString('en')} records/s; draw, records, people, workers, alerts and referrals, contacts ${split} s)`,
    );
  }
  let t = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await buildRollups(tx);
    await buildContacts(tx);
  });
  log(`  rollups and last contacts built from the facts (${sec(t)})`);
  if (aside) {
    t = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      await restore(tx, aside, log);
    });
    log(`  indexes and keys rebuilt (${sec(t)})`);
  }
  await dropStaging(db);
  t = performance.now();
  for (const table of [
    'service_records',
    'service_record_people',
    'service_record_workers',
    'service_month_stats',
    'service_people_months',
    'service_unit_people',
    'service_unit_month_stats',
    'cases',
    'alerts',
    'referrals',
    'beneficiary_contacts',
  ])
    await db.execute(sql.raw(`analyze ${table}`));
  log(`  analyze (${sec(t)}); total ${sec(t0)}`);
  const n = (
    (await db.execute(sql`select (select count(*) from service_records)::int as records,
      (select count(*) from service_record_people)::int as people,
      (select count(*) from service_record_workers)::int as workers, (select count(*) from alerts)::int as alerts,
      (select count(*) from referrals)::int as referrals, (select count(*) from service_month_stats)::int as "monthStats",
      (select count(*) from service_people_months)::int as "peopleMonths",
      (select count(*) from beneficiary_contacts)::int as contacts`)) as unknown as {
      rows: Omit<ServicesSummary, 'stations' | 'cases'>[];
    }
  ).rows[0];
  return { stations: staged.stations, cases, ...n, records: Math.max(n.records, sum.records) };
}

const sec = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
