import { isNull, sql } from 'drizzle-orm';
import { HEALTH_CATEGORIES } from '@shegong/shared';
import type { Db } from '../db/database';
import { alerts } from '../modules/alerts/alerts.table';
import { beneficiaryCategories } from '../modules/beneficiaries/beneficiaries.table';
import { cases } from '../modules/cases/cases.table';
import { planTargets } from '../modules/divisions/divisions.table';
import { referrals } from '../modules/referrals/referrals.table';
import type { ReportSubject } from '../modules/reports/reports.figures';
import { serviceRecordPeople, serviceRecords } from '../modules/services/services.table';

// What a report's figures should be (R-REP-3), computed in plain code from the rows themselves (not the rollups, not
// the statistics' SQL), for the figures' integration test.

/** Whether a row of `s` belongs to the subject: its stations, or under its division. */
const inSubject = (s: ReportSubject, r: { stationId: string; divisionPath: string }) =>
  s.stationIds ? s.stationIds.includes(r.stationId) : r.divisionPath.startsWith(s.divisionPath);
const within = (d: string | null, s: ReportSubject) => !!d && d >= s.periodStart && d <= s.periodEnd;

/** The service figures computed here from the records and people rows (not the rollups). */
export async function expectedServices(db: Db, s: ReportSubject) {
  const recs = (await db.select().from(serviceRecords).where(isNull(serviceRecords.archivedAt))).filter(
    (r) => inSubject(s, r) && within(r.servedOn, s),
  );
  const ids = new Set(recs.map((r) => r.id));
  const people = (await db.select().from(serviceRecordPeople)).filter((x) => ids.has(x.recordId));
  const sum = (rs: typeof recs) => ({
    records: rs.length,
    personServices: people.filter((x) => rs.some((r) => r.id === x.recordId)).length,
    headCount: rs.reduce((n, r) => n + r.headCount, 0),
    minutes: rs.reduce((n, r) => n + r.durationMinutes, 0),
  });
  const by = (key: (r: (typeof recs)[number]) => string) =>
    Object.fromEntries([...new Set(recs.map(key))].map((k) => [k, sum(recs.filter((r) => key(r) === k))]));
  const served = new Set(people.map((x) => x.beneficiaryId));
  const cats = (await db.select().from(beneficiaryCategories).where(isNull(beneficiaryCategories.archivedAt))).filter(
    (c) =>
      served.has(c.beneficiaryId) &&
      !HEALTH_CATEGORIES.includes(c.category) &&
      c.startedOn <= s.periodEnd &&
      (c.endedOn == null || c.endedOn >= s.periodStart),
  );
  const byCategory: Record<string, number> = {};
  for (const cat of new Set(cats.map((c) => c.category)))
    byCategory[cat] = new Set(cats.filter((c) => c.category === cat).map((c) => c.beneficiaryId)).size;
  return {
    totals: { ...sum(recs), peopleServed: served.size },
    byDomain: by((r) => String(r.domainCode)),
    byItem: by((r) => r.catalogueCode),
    byForm: by((r) => r.form),
    byCategory,
  };
}

/** Cases, alerts and referrals computed here from their rows, by the definitions the statistics state. */
export async function expectedCounts(db: Db, s: ReportSubject) {
  const cs = (await db.select().from(cases)).filter((c) => inSubject(s, c));
  const as = (await db.select().from(alerts)).filter((a) => inSubject(s, a));
  const rs = (await db.select().from(referrals)).filter((r) => inSubject(s, r));
  const obtained = rs.filter((r) => r.status === 'obtained' && within(r.decidedOn, s));
  return {
    cases: {
      opened: cs.filter((c) => within(c.openedOn, s)).length,
      active: cs.filter((c) => c.openedOn <= s.periodEnd && (!c.closedOn || c.closedOn > s.periodEnd)).length,
      closed: cs.filter((c) => within(c.closedOn, s)).length,
    },
    alerts: {
      raised: as.filter((a) => within(a.raisedOn, s)).length,
      handled: as.filter((a) => within(a.closedOn, s)).length,
    },
    referrals: {
      submitted: rs.filter((r) => within(r.submittedOn, s)).length,
      obtained: obtained.length,
      amountFen: obtained.reduce((n, r) => n + (r.amountFen ?? 0), 0),
    },
  };
}

/** 附件1's targets up to the year for the units under a path, from the rows. */
export async function plannedUnder(db: Db, path: string, year: number) {
  const units = (await db.execute(
    sql`select code from divisions where level = 'county' and path like ${path + '%'}`,
  )) as unknown as { rows: { code: string }[] };
  const codes = new Set(units.rows.map((u) => u.code));
  const rows = await db
    .select()
    .from(planTargets)
    .where(sql`${planTargets.year} <= ${year}`);
  return rows.filter((r) => codes.has(r.divisionCode)).reduce((n, r) => n + r.target, 0);
}
