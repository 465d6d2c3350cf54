import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { circularPeriod, type ReportKind, type ReportQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { reportRevisions, reports } from './reports.table';

export type ReportRow = typeof reports.$inferSelect;
export type ReportInsert = typeof reports.$inferInsert;
export type RevisionRow = typeof reportRevisions.$inferSelect;

/**
 * Which reports an actor reaches (R-SCOPE-1): officers those under their division (a unit never another unit's),
 * contractor staff their own organisation's.
 */
export const reportScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: reports.divisionPath,
    stationId: reports.stationId,
    organisationId: reports.organisationId,
  });

/** The first and last day of a `?period=`: a day (an agreement year's start), or a year, half, quarter or month. */
export function periodRange(p: string): [string, string] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return [p, p];
  const { from, to } = circularPeriod(p);
  return [from, to];
}

/** Late (R-REP-3): first submitted after the due date, or not submitted and the due date has passed. */
export const lateCondition = (today: string): SQL =>
  sql`(${reports.firstSubmittedOn} > ${reports.dueOn} or (${reports.firstSubmittedOn} is null and ${reports.dueOn} < ${today}::date))`;

/** All SQL of the reports module's own tables; every read takes the caller's scope condition. */
export const reportsRepository = {
  async page(db: DbOrTx, scope: SQL, q: ReportQuery, today: string) {
    const range = q.period ? periodRange(q.period) : null;
    const where = and(
      scope,
      sql`${reports.archivedAt} is null`,
      q.kind ? eq(reports.kind, q.kind) : undefined,
      range ? sql`${reports.periodStart} between ${range[0]}::date and ${range[1]}::date` : undefined,
      q.unit ? eq(reports.unitCode, q.unit) : undefined,
      q.organisationId ? eq(reports.organisationId, q.organisationId) : undefined,
      q.stationId ? eq(reports.stationId, q.stationId) : undefined,
      q.status ? eq(reports.status, q.status) : undefined,
      q.late === true
        ? lateCondition(today)
        : q.late === false
          ? sql`not coalesce(${lateCondition(today)}, false)`
          : undefined,
    );
    return pageRows(
      db
        .select()
        .from(reports)
        .where(where)
        .orderBy(desc(reports.dueOn), asc(reports.kind), asc(reports.unitCode), asc(reports.subjectKey))
        .$dynamic(),
      db.$count(reports, where),
      q,
    );
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ReportRow | undefined> {
    const [row] = await db
      .select()
      .from(reports)
      .where(and(scope, eq(reports.id, id), sql`${reports.archivedAt} is null`));
    return row;
  },

  /** The row locked for a workflow step, read again inside the transaction. */
  async lock(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
    const [row] = await db.select().from(reports).where(eq(reports.id, id)).for('update');
    return row;
  },

  /** A change guarded by the version the caller read (a stale write is a conflict, never a silent overwrite). */
  async update(db: DbOrTx, id: string, version: number, set: Partial<ReportInsert>) {
    const [row] = await db
      .update(reports)
      .set({ ...set, version: sql`${reports.version} + 1` })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .returning();
    return row as ReportRow | undefined;
  },

  /**
   * The reports a county's or the city's report gathers (R-REP-2): its unit's station briefs of the same quarter, or
   * the units' reports of the half-year's quarters. Read within the caller's scope.
   */
  async children(db: DbOrTx, scope: SQL, parent: ReportRow): Promise<ReportRow[]> {
    const kind: ReportKind = parent.kind === 'county_quarterly' ? 'station_quarterly' : 'county_quarterly';
    return db
      .select()
      .from(reports)
      .where(
        and(
          scope,
          sql`${reports.archivedAt} is null`,
          eq(reports.kind, kind),
          sql`${reports.periodStart} between ${parent.periodStart}::date and ${parent.periodEnd}::date`,
          parent.kind === 'county_quarterly' ? eq(reports.unitCode, parent.unitCode) : undefined,
        ),
      )
      .orderBy(asc(reports.periodStart), asc(reports.unitCode), asc(reports.subjectKey));
  },

  async revisions(db: DbOrTx, reportId: string): Promise<RevisionRow[]> {
    return db
      .select()
      .from(reportRevisions)
      .where(eq(reportRevisions.reportId, reportId))
      .orderBy(desc(reportRevisions.revision));
  },

  async insertRevision(db: DbOrTx, v: typeof reportRevisions.$inferInsert) {
    await db.insert(reportRevisions).values(v);
  },

  /**
   * The schedule's rows (R-REP-1), inserted where missing. A new due date reaches only reports not yet due and not yet
   * submitted, so past lateness never moves; a report nobody has written yet follows its station to a new contractor
   * (a handover). In chunks: PostgreSQL takes at most 65,535 parameters a statement.
   */
  async upsertSchedule(db: DbOrTx, rows: ReportInsert[], today: string, startsOn: string) {
    // Reports of periods before the platform's start that nobody has touched are set aside (archived), not deleted.
    if (startsOn)
      await db
        .update(reports)
        .set({ archivedAt: sql`now()` })
        .where(
          sql`${reports.periodStart} < ${startsOn}::date and ${reports.version} = 1 and ${reports.firstSubmittedAt} is null and ${reports.archivedAt} is null`,
        );
    for (let i = 0; i < rows.length; i += 1_000) {
      await db
        .insert(reports)
        .values(rows.slice(i, i + 1_000))
        .onConflictDoUpdate({
          target: [reports.kind, reports.subjectKey, reports.periodKey],
          set: {
            dueOn: sql`case when ${reports.dueOn} >= ${today}::date and excluded.due_on >= ${today}::date then excluded.due_on else ${reports.dueOn} end`,
            // Only a brief nobody has written yet changes hands: a draft keeps its author's text and files.
            organisationId: sql`case when ${reports.version} = 1 then excluded.organisation_id else ${reports.organisationId} end`,
            contractId: sql`case when ${reports.version} = 1 then excluded.contract_id else ${reports.contractId} end`,
            // Owed again (the platform's start moved earlier).
            archivedAt: sql`null`,
          },
          setWhere: sql`${reports.firstSubmittedAt} is null and (${reports.dueOn} <> excluded.due_on or ${reports.organisationId} is distinct from excluded.organisation_id or ${reports.contractId} is distinct from excluded.contract_id or ${reports.archivedAt} is not null)`,
        });
    }
  },

  async byIds(db: DbOrTx, scope: SQL, ids: string[]): Promise<ReportRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(reports)
      .where(and(scope, inArray(reports.id, ids)));
  },
};
