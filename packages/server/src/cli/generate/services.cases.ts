import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { GROUPS } from './services.plan';

// Cases (个案, R-SVC-3), and the alerts (R-SVC-5) and referrals (附件2 (一)3) that come out of a batch of records.
// Cases are made before the records, so that every 个案 record points at a case of its station whose person it serves,
// dated within the case's life (a closed case takes no record after its closing day).

const countOf = async (db: DbOrTx, table: string) =>
  ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
    .rows[0].n;

/** Plans cases per station (gen_svc_cases) and writes them with two goals, a task each and their timeline. */
export async function generateCases(db: DbOrTx, o: { seed: number; from: string; today: string }) {
  const s = (k: number) => o.seed * 1000 + 100 + k;
  await db.execute(sql`create unlogged table gen_svc_cases as
    select st.k, j, md5(${o.seed}::text || ':c:' || st.k || ':' || j)::uuid as id,
      floor(st.npeople * power(gen_rnd(st.k * 100000 + j, ${s(1)}), 1.3))::int as pi,
      floor(st.nw * gen_rnd(st.k * 100000 + j, ${s(2)}))::int as wi,
      st.start_on + floor(gen_rnd(st.k * 100000 + j, ${s(3)}) * (${o.today}::date - st.start_on + 1))::int as opened_on,
      30 + floor(gen_rnd(st.k * 100000 + j, ${s(4)}) * 270)::int as dur,
      gen_rnd(st.k * 100000 + j, ${s(5)}) as r
    from gen_svc_stations st cross join lateral generate_series(0, st.ncases - 1) j where st.npeople > 0`);
  // Not before the person was served by the station; closed when its time has passed (nine in ten), else open.
  await db.execute(sql`update gen_svc_cases c set opened_on = p.since from gen_svc_people p
    where p.k = c.k and p.i = c.pi and c.opened_on < p.since`);
  await db.execute(sql`alter table gen_svc_cases add column closed boolean, add column end_on date`);
  await db.execute(sql`update gen_svc_cases set closed = opened_on + dur < ${o.today}::date and r < 0.92,
    end_on = case when opened_on + dur < ${o.today}::date and r < 0.92 then opened_on + dur else ${o.today}::date end`);
  await db.execute(sql`alter table gen_svc_cases add primary key (k, j)`);
  await db.execute(sql`analyze gen_svc_cases`);

  await db.execute(sql`insert into cases (id, station_id, division_path, organisation_id, beneficiary_id, worker_id,
      status, source, opened_on, intake_note, needs, risk_level, strengths, plan_approved_at, closure_reason,
      closure_note, closed_on, follow_up_on, satisfaction, created_at, updated_at)
    select c.id, st.id, st.division_path, case when c.opened_on >= st.org_from then st.org end, p.id,
      st.workers[c.wi + 1],
      case when c.closed then 'closed' when c.r < 0.955 then 'intervention' when c.r < 0.965 then 'plan_submitted'
        when c.r < 0.975 then 'assessment' when c.r < 0.985 then 'intake' else 'closure_submitted' end,
      (array['visit', 'visit', 'visit', 'self', 'self', 'village_committee', 'village_committee', 'referral',
        'referral', 'hotline'])[1 + floor(gen_rnd(c.j, ${s(6)} + c.k) * 10)::int],
      c.opened_on, '服务对象自述近期生活困难，需要持续支持',
      jsonb_build_array(jsonb_build_object('domainCode', case p.grp when ${GROUPS.elder} then 2
        when ${GROUPS.child} then 3 when ${GROUPS.assistance} then 1 else 5 end, 'note', '生活照料与情绪支持')),
      (array['high', 'medium', 'medium', 'low', 'low'])[1 + floor(gen_rnd(c.j, ${s(7)} + c.k) * 5)::int],
      '家庭成员愿意配合，村委会支持',
      case when c.closed or c.r < 0.955 or c.r >= 0.985
        then (least(c.opened_on + 10, ${o.today}::date) + time '02:00') at time zone 'UTC' end,
      case when c.closed then (array['goals_met', 'goals_met', 'goals_met', 'goals_met', 'goals_met', 'goals_met',
        'client_wish', 'referred', 'lost_contact', 'moved', 'died', 'ineligible'])[
        1 + floor(gen_rnd(c.j, ${s(8)} + c.k) * 12)::int] end,
      case when c.closed then '服务目标基本达成，转为定期回访' else '' end,
      case when c.closed then c.end_on end,
      case when c.closed then c.end_on + 30 end,
      case when c.closed then 3 + floor(gen_rnd(c.j, ${s(9)} + c.k) * 3)::int end,
      (c.opened_on + time '01:00') at time zone 'UTC', (c.end_on + time '09:00') at time zone 'UTC'
    from gen_svc_cases c join gen_svc_stations st on st.k = c.k join gen_svc_people p on p.k = c.k and p.i = c.pi`);
  await db.execute(sql`insert into case_goals (id, case_id, title, score_before, score_after, position)
    select md5(c.id::text || ':g' || g)::uuid, c.id, (array['改善日常生活照料', '增强家庭与邻里支持'])[g + 1],
      3 + (g + c.k) % 3, case when c.closed then 6 + (g + c.j) % 4 end, g
    from gen_svc_cases c cross join generate_series(0, 1) g`);
  await db.execute(sql`insert into case_tasks (id, case_id, goal_id, title, due_on, done_on)
    select md5(c.id::text || ':t' || g)::uuid, c.id, md5(c.id::text || ':g' || g)::uuid,
      (array['联系家属制定照料安排', '链接村委会志愿者定期探访'])[g + 1], c.opened_on + 30 * (g + 1),
      case when c.closed then least(c.opened_on + 30 * (g + 1), c.end_on) end
    from gen_svc_cases c cross join generate_series(0, 1) g`);
  await db.execute(sql`insert into case_events (id, case_id, kind, note, at)
    select md5(c.id::text || ':e' || e.kind)::uuid, c.id, e.kind, '', (e.on_day + time '03:00') at time zone 'UTC'
    from gen_svc_cases c cross join lateral (values ('opened', c.opened_on),
      ('plan_approved', case when c.closed or c.r < 0.955 or c.r >= 0.985 then least(c.opened_on + 10,
        ${o.today}::date) end),
      ('closed', case when c.closed then c.end_on end)) e(kind, on_day) where e.on_day is not null`);
  return countOf(db, 'gen_svc_cases');
}

/** Alerts from a batch: a share of crisis interventions flagged (one in twenty by default); the older the alert, the likelier handled. */
export async function alertsOfBatch(db: DbOrTx, o: { seed: number; today: string; share: number }) {
  const s = o.seed * 1000 + 200;
  await db.execute(sql`insert into alerts (id, station_id, division_path, organisation_id, beneficiary_id,
      service_record_id, kind, description, status, raised_at, acknowledged_at, closed_at, closing_note, created_at,
      updated_at)
    select md5(${o.seed}::text || ':a:' || b.n)::uuid, st.id, st.division_path, case when b.d >= st.org_from then st.org end,
      p.id, md5(${o.seed}::text || ':r:' || b.n)::uuid,
      (array['abuse', 'domestic_violence', 'domestic_violence', 'abandonment', 'other_crisis', 'other_crisis'])[
        1 + floor(gen_rnd(b.n, ${s + 1}) * 6)::int],
      '走访中发现服务对象身上有伤痕，情绪低落，疑似受到家人打骂', x.status, x.raised,
      case when x.status <> 'open' then x.raised + x.ack end,
      case when x.status = 'closed' then x.raised + x.ack + x.handled end,
      case when x.status = 'closed' then '已联系村委会、派出所和妇联入户核实，落实临时照护，解除风险' else '' end,
      x.raised, x.raised
    from gen_svc_batch b join gen_svc_stations st on st.k = b.k join gen_svc_people p on p.k = b.k and p.i = b.pi
    cross join lateral (select
      case when ${o.today}::date - b.d <= 1 then 'open'
        when ${o.today}::date - b.d <= 30 and gen_rnd(b.n, ${s + 2}) < 0.4 then 'acknowledged' else 'closed' end as status,
      (b.d + time '01:00') at time zone 'UTC' as raised,
      make_interval(mins => 20 + floor(gen_rnd(b.n, ${s + 3}) * 1400)::int) as ack,
      make_interval(days => least(${o.today}::date - b.d - 2, floor(gen_rnd(b.n, ${s + 4}) * 14)::int)) as handled) x
    where b.form = 'crisis_intervention' and b.np > 0 and gen_rnd(b.n, ${s}) < ${o.share}`);
  await db.execute(sql`insert into alert_actions (id, alert_id, note, at)
    select md5(a.id::text || ':act')::uuid, a.id, '已电话联系村委会并安排入户核实', a.acknowledged_at
    from alerts a join gen_svc_batch b on a.id = md5(${o.seed}::text || ':a:' || b.n)::uuid
    where a.acknowledged_at is not null`);
}

/** Referrals from a batch: some resource-linking records of people who consented to referral. */
export async function referralsOfBatch(db: DbOrTx, o: { seed: number; today: string }) {
  const s = o.seed * 1000 + 300;
  await db.execute(sql`insert into referrals (id, station_id, division_path, organisation_id, beneficiary_id,
      service_record_id, target, agency, submitted_on, status, decided_on, amount_fen, outcome, consent_id,
      created_at, updated_at)
    select md5(${o.seed}::text || ':f:' || b.n)::uuid, st.id, st.division_path,
      case when b.d >= st.org_from then st.org end, p.id, md5(${o.seed}::text || ':r:' || b.n)::uuid, x.target,
      '乡镇民政所', b.d, x.status, case when x.status in ('obtained', 'not_obtained') then x.decided end,
      case when x.status = 'obtained' then 30000 + floor(gen_rnd(b.n, ${s + 3}) * 50000)::int end,
      case when x.status = 'obtained' then '已获批，按月发放' when x.status = 'not_obtained' then '经审核暂不符合条件'
        else '' end,
      c.id, (b.d + time '02:00') at time zone 'UTC', (b.d + time '02:00') at time zone 'UTC'
    from gen_svc_batch b join gen_svc_stations st on st.k = b.k join gen_svc_people p on p.k = b.k and p.i = b.pi
    join gen_svc_consents c on c.beneficiary_id = p.id and c.recorded_on <= b.d
    cross join lateral (select
      case p.grp when ${GROUPS.elder} then (array['tekun_support', 'medical_aid'])[1 + (b.n % 2)::int]
        when ${GROUPS.child} then (array['education_aid', 'charity'])[1 + (b.n % 2)::int]
        when ${GROUPS.disabled} then 'disability_subsidies'
        when ${GROUPS.assistance} then (array['dibao', 'temporary_aid', 'housing_repair'])[1 + (b.n % 3)::int]
        else (array['legal_aid', 'employment_aid', 'charity'])[1 + (b.n % 3)::int] end as target,
      case when ${o.today}::date - b.d < 30 then (array['submitted', 'accepted'])[1 + (b.n % 2)::int]
        when gen_rnd(b.n, ${s + 1}) < 0.6 then 'obtained' when gen_rnd(b.n, ${s + 1}) < 0.85 then 'not_obtained'
        else 'accepted' end as status,
      least(b.d + 10 + floor(gen_rnd(b.n, ${s + 2}) * 50)::int, ${o.today}::date) as decided) x
    where b.form = 'resource_linking' and b.np > 0 and gen_rnd(b.n, ${s}) < 0.3`);
}
