import { MAX_STATISTICS_MONTHS, type ServiceStatistics, type StatisticsQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import { can } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { fieldError } from '../../platform/http/errors';
import type { VisitService } from '../beneficiaries';
import { computeStatistics } from './statistics.compute';
import { createScopeResolver, type ScopeDeps } from './statistics.scope';

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
  const { clock } = d;
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
    return { from, to };
  }

  return {
    async services(ctx: ActorContext, q: StatisticsQuery): Promise<ServiceStatistics> {
      const { from, to } = period(q);
      const r = await scopes.resolve(ctx.actor, q.scope);
      const figures = await computeStatistics(d, r, from, to, {
        withHealth: can(ctx.actor, 'beneficiaries:sensitive'),
      });
      return { scope: { kind: r.kind, id: r.id, name: r.name }, from, to, ...figures };
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
