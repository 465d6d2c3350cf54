import { MAX_STATISTICS_MONTHS, SERVICE_FORMS, type ServiceStatistics, type StatisticsQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import { can } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { fieldError } from '../../platform/http/errors';
import { alertCountsFor } from '../alerts';
import { servedByCategory, type VisitService } from '../beneficiaries';
import { caseCountsFor } from '../cases';
import { referralCountsFor } from '../referrals';
import { serviceStatistics as stats } from '../services';
import { createScopeResolver, type ResolvedScope, type ScopeDeps } from './statistics.scope';

export interface StatisticsDeps extends ScopeDeps {
  db: Db;
  clock: Clock;
  visits: Pick<VisitService, 'completion'>;
}

const monthStart = (v: string) => `${v.slice(0, 7)}-01`;
/** The last day of the month a date or `YYYY-MM` falls in. */
function monthEnd(v: string) {
  const [y, m] = v.slice(0, 7).split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/**
 * Service statistics (R-SVC-2…5, R-REP-3): every figure from the rollups and counts kept in step with the records, for
 * the part of the caller's scope asked for (R-SCOPE-1), over whole months. Units and stations are compared; workers
 * never are.
 */
export function createStatisticsService(d: StatisticsDeps) {
  const { db, clock } = d;
  const scopes = createScopeResolver(d);

  /**
   * The period in whole months: the year to date by default (the server's today, not the browser's), a single month
   * when only `from` is given; `to` not before `from`, at most five years.
   */
  function period(q: StatisticsQuery) {
    const today = clock.today();
    const from = monthStart(q.from ?? (q.to ? q.to : `${today.slice(0, 4)}-01`));
    const to = monthEnd(q.to ?? q.from ?? today);
    if (to < from) throw fieldError('to', '结束月份不能早于开始月份');
    if (monthsBetween(from, to) > MAX_STATISTICS_MONTHS)
      throw fieldError('to', `一次最多统计 ${MAX_STATISTICS_MONTHS} 个月`);
    return { from, to, months: { from, to: monthStart(to) } };
  }

  async function names(r: ResolvedScope, ids: string[]) {
    if (r.breakdown?.by === 'unit') return new Map(ids.map((id) => [id, d.divisions.find(id)?.name ?? id]));
    const rows = await d.stations.summaries(ids);
    return new Map(rows.map((s) => [s.id, s.name]));
  }

  return {
    async services(ctx: ActorContext, q: StatisticsQuery): Promise<ServiceStatistics> {
      const { from, to, months } = period(q);
      const r = await scopes.resolve(ctx.actor, q.scope);
      const n = r.narrowed;
      const [figures, peopleServed, byCategory, visits, cases, alerts, referrals, children] = await Promise.all([
        stats.figures(db, n, months),
        stats.peopleServed(db, n, months),
        servedByCategory(db, stats.servedPeople(n, months), from, to, can(ctx.actor, 'beneficiaries:sensitive')),
        d.visits.completion(r.people, from, to, stats.visitedBetween),
        caseCountsFor(db, n, from, to),
        alertCountsFor(db, n, from, to),
        referralCountsFor(db, n, from, to),
        r.breakdown ? stats.breakdown(db, n, months, r.breakdown.by, r.breakdown.parentPath) : Promise.resolve([]),
      ]);
      const childNames = await names(
        r,
        children.map((c) => c.id),
      );
      const byForm = new Map(figures.byForm.map((f) => [f.form, f]));
      return {
        scope: { kind: r.kind, id: r.id, name: r.name },
        from,
        to,
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
          .map((c) => ({ kind: r.breakdown!.by, ...c, name: childNames.get(c.id) ?? '' }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      };
    },
  };
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
export type StatisticsService = ReturnType<typeof createStatisticsService>;
