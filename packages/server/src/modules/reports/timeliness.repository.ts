import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { ReportKind, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { reports } from './reports.table';

/** The counts of one group of reports, as DHIS2 counts a data set's completeness and timeliness (R-REP-3). */
export interface TimelinessCounts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

/** One group the query answers: the unit, the organisation (contractor reports) and the month the periods begin. */
export interface TimelinessGroup extends TimelinessCounts {
  unitCode: string;
  organisationId: string | null;
  month: string;
}

/**
 * The reports owed in a period, grouped, inside a scope (R-REP-3). A report belongs to the period its own period
 * starts in (as the reports list filters by period, so a figure and the list it links to agree). It is expected once
 * its due date has passed by today, or as soon as it is submitted (early is on time); on time when first submitted on
 * or before its due date (the due date itself is in time), late when after, missing when expected and not submitted.
 * A return and resubmission never moves the first submission.
 */
export const timelinessRepository = {
  async groups(
    db: DbOrTx,
    scope: Scope,
    q: { from: string; to: string; today: string; kind?: ReportKind },
  ): Promise<TimelinessGroup[]> {
    const r = reports;
    const submitted = sql`${r.firstSubmittedOn} is not null`;
    const where: SQL = and(
      scopeCondition(scope, { divisionPath: r.divisionPath, stationId: r.stationId, organisationId: r.organisationId }),
      sql`${r.periodStart} between ${q.from}::date and ${q.to}::date`,
      sql`(${r.dueOn} < ${q.today}::date or ${submitted})`,
      q.kind ? eq(r.kind, q.kind) : undefined,
      isNull(r.archivedAt),
    )!;
    const month = sql<string>`to_char(${r.periodStart}, 'YYYY-MM')`;
    return db
      .select({
        unitCode: r.unitCode,
        organisationId: sql<string | null>`${r.organisationId}::text`,
        month,
        expected: sql<number>`count(*)::int`,
        submitted: sql<number>`(count(*) filter (where ${submitted}))::int`,
        onTime: sql<number>`(count(*) filter (where ${r.firstSubmittedOn} <= ${r.dueOn}))::int`,
        late: sql<number>`(count(*) filter (where ${r.firstSubmittedOn} > ${r.dueOn}))::int`,
        missing: sql<number>`(count(*) filter (where not ${submitted}))::int`,
      })
      .from(r)
      .where(where)
      .groupBy(r.unitCode, r.organisationId, month);
  },
  /**
   * The reports a contract owed with periods beginning in [from, to] (its station briefs and agreement-year reports),
   * counted as `groups` counts them: an evaluation's 报告按时提交 item (R-EVAL-2) reads the same definition.
   */
  async ofContract(db: DbOrTx, contractId: string, q: { from: string; to: string; today: string }) {
    const r = reports;
    const submitted = sql`${r.firstSubmittedOn} is not null`;
    const [row] = await db
      .select({
        expected: sql<number>`count(*)::int`,
        submitted: sql<number>`(count(*) filter (where ${submitted}))::int`,
        onTime: sql<number>`(count(*) filter (where ${r.firstSubmittedOn} <= ${r.dueOn}))::int`,
        late: sql<number>`(count(*) filter (where ${r.firstSubmittedOn} > ${r.dueOn}))::int`,
        missing: sql<number>`(count(*) filter (where not ${submitted}))::int`,
      })
      .from(r)
      .where(
        and(
          eq(r.contractId, contractId),
          sql`${r.periodStart} between ${q.from}::date and ${q.to}::date`,
          sql`(${r.dueOn} < ${q.today}::date or ${submitted})`,
          isNull(r.archivedAt),
        ),
      );
    return row ?? { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 };
  },
};
