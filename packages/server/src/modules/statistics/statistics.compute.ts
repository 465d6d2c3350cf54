import { SERVICE_FORMS, type ServiceStatistics } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { NarrowedScope } from '../../platform/auth/narrowed-scope';
import { alertCountsFor } from '../alerts';
import { servedByCategory, type PeopleScope, type VisitService } from '../beneficiaries';
import { caseCountsFor } from '../cases';
import type { DivisionService } from '../divisions';
import { referralCountsFor } from '../referrals';
import { serviceStatistics as stats } from '../services';
import type { StationLookup } from '../stations';

/** What a set of statistics covers, however it was chosen: a caller's `?scope=` or a report's subject (R-REP-3). */
export interface StatisticsTarget {
  /** The rollups' and counts' condition. */
  narrowed: NarrowedScope;
  /** Whose people visit completion counts (the stations serving them). */
  people: PeopleScope;
  /** Children to compare (units under the city, else stations); null for one station. */
  breakdown: { by: 'unit' | 'station'; parentPath: string } | null;
}

export interface ComputeDeps {
  db: Db;
  divisions: Pick<DivisionService, 'find'>;
  stations: Pick<StationLookup, 'summaries'>;
  visits: Pick<VisitService, 'completion'>;
}

/** The statistics' figures for whole months `from`…`to` (first and last day); no scope, kind or name. */
export type ComputedStatistics = Omit<ServiceStatistics, 'scope' | 'from' | 'to'>;

/**
 * Service statistics for a target over whole months (R-SVC-2…5, R-REP-3), without an actor: the statistics endpoint
 * calls it with the caller's narrowed scope, reports with their subject's. `withHealth`: whether health categories
 * are counted among people by category (never in reports, R-SCOPE-2).
 */
export async function computeStatistics(
  d: ComputeDeps,
  target: StatisticsTarget,
  from: string,
  to: string,
  opts: { withHealth: boolean },
): Promise<ComputedStatistics> {
  const { db } = d;
  const n = target.narrowed;
  const months = { from, to: `${to.slice(0, 7)}-01` };
  const [figures, peopleServed, byCategory, visits, cases, alerts, referrals, children] = await Promise.all([
    stats.figures(db, n, months),
    stats.peopleServed(db, n, months),
    servedByCategory(db, stats.servedPeople(n, months), from, to, opts.withHealth),
    d.visits.completion(target.people, from, to),
    caseCountsFor(db, n, from, to),
    alertCountsFor(db, n, from, to),
    referralCountsFor(db, n, from, to),
    target.breakdown
      ? stats.breakdown(db, n, months, target.breakdown.by, target.breakdown.parentPath)
      : Promise.resolve([]),
  ]);
  const by = target.breakdown?.by;
  const childNames = await names(
    d,
    by,
    children.map((c) => c.id),
  );
  const byForm = new Map(figures.byForm.map((f) => [f.form, f]));
  return {
    totals: { ...figures.totals, peopleServed },
    byDomain: figures.byDomain,
    byItem: figures.byItem.sort((a, b) => a.domainCode - b.domainCode || itemNo(a.code) - itemNo(b.code)),
    // Every form, in the catalogue's order, so a form without records shows as 0 rather than missing.
    byForm: SERVICE_FORMS.map(
      (form) => byForm.get(form) ?? { form, records: 0, personServices: 0, headCount: 0, minutes: 0 },
    ),
    // Every month of the period, a month without records as 0, so a trend line never skips one.
    byMonth: monthsOf(from, to).map((month) => {
      const m = figures.byMonth.find((x) => x.month === month);
      return { month, records: m?.records ?? 0, personServices: m?.personServices ?? 0 };
    }),
    byCategory: byCategory.sort((a, b) => b.people - a.people),
    visits: {
      due: visits.due,
      done: visits.done,
      percent: visits.due ? Math.round((visits.done / visits.due) * 1000) / 10 : null,
    },
    cases,
    alerts: {
      raised: alerts.raised,
      handled: alerts.handled,
      meanHoursToAcknowledge:
        alerts.meanHoursToAcknowledge == null ? null : Math.round(alerts.meanHoursToAcknowledge * 10) / 10,
    },
    referrals,
    breakdown: children
      .map((c) => ({ kind: by!, ...c, name: childNames.get(c.id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

async function names(d: ComputeDeps, by: 'unit' | 'station' | undefined, ids: string[]) {
  if (by === 'unit') return new Map(ids.map((id) => [id, d.divisions.find(id)?.name ?? id]));
  const rows = await d.stations.summaries(ids);
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** The months `YYYY-MM` from one date's month to another's, both included. */
function monthsOf(from: string, to: string) {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (let cur = from.slice(0, 7); cur <= last; cur = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(cur);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
const itemNo = (code: string) => Number(code.split('.')[1] ?? 0);
