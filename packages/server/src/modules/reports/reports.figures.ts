import { circularPeriod, type ReportFigures, type ReportKind } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { VisitService } from '../beneficiaries';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { computeStatistics, type StatisticsTarget } from '../statistics';
import { createStaffFigures, type StaffTarget } from '../workers';

/**
 * What a report is about (R-REP-1…3): its kind and period, and either the stations it covers (a station's brief: its
 * station; an agreement report: the contract's stations) or, for county and city reports, everything under
 * `divisionPath`.
 */
export interface ReportSubject {
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  stationIds: string[] | null;
  divisionPath: string;
  unitCode: string;
}

export interface ReportFiguresDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  contracts: ContractLookup;
  visits: Pick<VisitService, 'completion'>;
}

/**
 * The figures of a report (R-REP-3), computed from the records for the subject's period and scope — never from the
 * reader's scope (who may read the report is the service's question, asked before this). Health categories are never
 * counted: reports travel up (R-SCOPE-2). Volunteers, yearly targets and funds wait for their modules (null).
 */
export function createReportFigures(d: ReportFiguresDeps) {
  const staff = createStaffFigures(d);

  /** The statistics' target: the subject's stations, or everything under its division (units compared for the city). */
  function targetOf(s: ReportSubject): StatisticsTarget {
    // The condition's own scope is the subject's division, so nothing outside it can be counted whatever else is named.
    const scope = { kind: 'division' as const, path: s.divisionPath };
    if (s.stationIds)
      return {
        narrowed: { scope, stationIds: s.stationIds },
        people: { stationIds: s.stationIds },
        breakdown: s.stationIds.length > 1 ? { by: 'station', parentPath: s.divisionPath } : null,
      };
    return {
      narrowed: { scope, path: s.divisionPath },
      people: { path: s.divisionPath },
      breakdown: { by: s.kind === 'city_half_year' ? 'unit' : 'station', parentPath: s.divisionPath },
    };
  }

  /** R-PLAN-1 up to the period's year: 附件1's targets vs the stations of those batch years built and operating. */
  async function plan(s: ReportSubject): Promise<ReportFigures['plan']> {
    if (s.stationIds) return null;
    const year = Number(s.periodEnd.slice(0, 4));
    const units = new Set(d.divisions.countiesIn({ path: s.divisionPath }).map((u) => u.code));
    const planned = d.divisions
      .planTargets()
      .filter((t) => units.has(t.divisionCode) && t.year <= year)
      .reduce((n, t) => n + t.target, 0);
    const counts = (await d.stations.countsByCountyYear({ kind: 'division', path: s.divisionPath })).filter(
      (c) => c.year <= year,
    );
    return {
      planned,
      built: counts.reduce((n, c) => n + c.built, 0),
      operating: counts.reduce((n, c) => n + c.operating, 0),
    };
  }

  return {
    async compute(s: ReportSubject): Promise<ReportFigures> {
      const today = d.clock.today();
      const from = `${s.periodStart.slice(0, 7)}-01`;
      const to = circularPeriod(s.periodEnd.slice(0, 7)).to;
      // Staffing on the period's last day, or today while the period runs.
      const asOf = s.periodEnd < today ? s.periodEnd : today;
      const who: StaffTarget = s.stationIds ? { stationIds: s.stationIds } : { path: s.divisionPath };
      const [services, staffing, trainings, planned] = await Promise.all([
        computeStatistics(d, targetOf(s), from, to, { withHealth: false }),
        staff.staffing(who, asOf),
        staff.trainings(who, s.periodStart, s.periodEnd, asOf),
        plan(s),
      ]);
      return {
        computedAt: d.clock.now().toISOString(),
        from,
        to,
        plan: planned,
        staffing,
        services,
        trainings,
        volunteers: null,
        targets: null,
        funds: null,
      };
    },
  };
}
export type ReportFiguresService = ReturnType<typeof createReportFigures>;
