import { circularPeriod, type Timeliness, type TimelinessQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import { timelinessRepository as repo, type TimelinessCounts } from './timeliness.repository';

export interface TimelinessDeps {
  db: Db;
  clock: Clock;
  divisions: Pick<DivisionService, 'countiesIn' | 'find'>;
  organisations: Pick<OrganisationLookup, 'names'>;
  /** The reporting calendar (reports.schedule.ts): every report owed up to today exists before it is counted. */
  schedule: { ensure(): Promise<void> };
}
type Figures = Timeliness['total'];

/** Percent with one decimal, null when nothing is expected (a unit without reports is not 0 %). */
export const percentOf = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

const zero = (): TimelinessCounts => ({ expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 });
function add(a: TimelinessCounts, b: TimelinessCounts) {
  a.expected += b.expected;
  a.submitted += b.submitted;
  a.onTime += b.onTime;
  a.late += b.late;
  a.missing += b.missing;
}
/** Completeness = submitted / expected, timeliness = on time / expected (DHIS2's reporting rates). */
export const withRates = (c: TimelinessCounts): Figures => ({
  ...c,
  completeness: percentOf(c.submitted, c.expected),
  timeliness: percentOf(c.onTime, c.expected),
});

/**
 * The upper levels' views of reporting (R-REP-3, R-REP-4) compare units and organisations: they are the civil affairs
 * offices' (a division scope). Contractor staff follow their own reports in the reports list.
 */
export function requireOfficer(actor: Actor): { kind: 'division'; path: string } {
  if (actor.scope.kind !== 'division')
    throw new AppError('FORBIDDEN', '完成及时率和通报由民政部门查看，承接机构请在“报告”中查看本机构的报告');
  return actor.scope;
}

/** The period a query names: this year (the Clock's) by default. */
export function periodOf(clock: Clock, key: string | undefined) {
  const period = key ?? clock.today().slice(0, 4);
  return { period, ...circularPeriod(period) };
}

/** Completeness and timeliness per unit, per organisation and by the month periods begin, inside the caller's scope (R-REP-3). */
export function createTimeliness(d: TimelinessDeps) {
  /** Counts per county-level unit under a division path, for the page and the 通报. */
  async function compute(path: string, from: string, to: string, kind?: TimelinessQuery['kind']) {
    // A report nobody has opened is still owed: the schedule makes it a row before it can be missing.
    await d.schedule.ensure();
    const groups = await repo.groups(
      d.db,
      { kind: 'division', path },
      {
        from,
        to,
        today: d.clock.today(),
        kind,
      },
    );
    const units = new Map(d.divisions.countiesIn({ path }).map((u) => [u.code, zero()]));
    const orgs = new Map<string, TimelinessCounts>();
    const months = new Map<string, TimelinessCounts>();
    const total = zero();
    for (const g of groups) {
      add(total, g);
      // The city's own half-year report has the city as its unit: counted once it is in scope.
      if (!units.has(g.unitCode)) units.set(g.unitCode, zero());
      add(units.get(g.unitCode)!, g);
      if (g.organisationId) {
        if (!orgs.has(g.organisationId)) orgs.set(g.organisationId, zero());
        add(orgs.get(g.organisationId)!, g);
      }
      if (!months.has(g.month)) months.set(g.month, zero());
      add(months.get(g.month)!, g);
    }
    return { units, orgs, months, total };
  }

  return {
    compute,
    async view(actor: Actor, q: TimelinessQuery): Promise<Timeliness> {
      const scope = requireOfficer(actor);
      const { period, from, to } = periodOf(d.clock, q.period);
      const c = await compute(scope.path, from, to, q.kind);
      const orgNames = await d.organisations.names([...c.orgs.keys()]);
      return {
        period,
        from,
        to,
        byUnit: [...c.units].map(([code, n]) => ({
          code,
          name: d.divisions.find(code)?.name ?? code,
          ...withRates(n),
        })),
        byOrganisation: [...c.orgs]
          .map(([id, n]) => ({ id, name: orgNames.get(id) ?? '（已注销机构）', ...withRates(n) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
        byMonth: [...c.months].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, ...withRates(n) })),
        total: withRates(c.total),
      };
    },
  };
}
export type TimelinessService = ReturnType<typeof createTimeliness>;

/** A contract's reports on time in a period, the schedule brought up to date first (R-EVAL-2's 报告按时提交). */
export function createContractTimeliness(d: Pick<TimelinessDeps, 'db' | 'clock' | 'schedule'>) {
  return async (contractId: string, from: string, to: string): Promise<TimelinessCounts> => {
    await d.schedule.ensure();
    return repo.ofContract(d.db, contractId, { from, to, today: d.clock.today() });
  };
}
export type ContractTimeliness = ReturnType<typeof createContractTimeliness>;
