import { and, asc, eq, getTableColumns, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { hiringExceptions, trainingAttendance, trainings, workerAssignments, workers } from './workers.table';

export type AssignmentRow = typeof workerAssignments.$inferSelect;
/** A roster record with the path it is counted at today (its station's, or else its organisation's). */
export type WorkerRow = typeof workers.$inferSelect & { currentPath: string };

/** The one definition of an active assignment: started on or before `today` and not ended before it. */
export const activeOn = (today: string): SQL =>
  sql`${workerAssignments.startOn} <= ${today}::date and (${workerAssignments.endOn} is null or ${workerAssignments.endOn} >= ${today}::date)`;

/**
 * Where a worker is counted on `today`, derived when read (never stored, so it cannot go stale): the path of the
 * station of their earliest active assignment, else their organisation's.
 */
export const currentPath = (today: string): SQL<string> =>
  sql<string>`coalesce((select a.division_path from ${workerAssignments} a where a.worker_id = ${workers.id} and a.start_on <= ${today}::date and (a.end_on is null or a.end_on >= ${today}::date) order by a.start_on limit 1), ${workers.divisionPath})`;

/**
 * Which workers a scope reaches (R-SCOPE-1): a social worker the colleagues assigned to the same stations today;
 * contractor staff their organisation's roster; officers the workers counted in their division today.
 */
export function workerScope(scope: Scope, today: string): SQL {
  if (scope.kind === 'stations') {
    if (scope.stationIds.length === 0) return sql`false`;
    return sql`${workers.id} in (select ${workerAssignments.workerId} from ${workerAssignments} where ${workerAssignments.stationId} = any(${sql.param(scope.stationIds)}::uuid[]) and ${activeOn(today)})`;
  }
  if (scope.kind === 'organisation')
    return scopeCondition(scope, { divisionPath: workers.divisionPath, organisationId: workers.organisationId });
  return sql`${currentPath(today)} like ${scope.path + '%'}`;
}

const withPath = (today: string) => ({ ...getTableColumns(workers), currentPath: currentPath(today) });

/** Every read of the roster tables; reads of workers take the caller's scope condition. */
export const workersRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string, today: string): Promise<WorkerRow | undefined> {
    return (
      await db
        .select(withPath(today))
        .from(workers)
        .where(and(eq(workers.id, id), scope, isNull(workers.archivedAt)))
        .limit(1)
    )[0];
  },
  async list(
    db: DbOrTx,
    scope: SQL,
    q: { stationId?: string; role?: string; filingStatus?: string },
    today: string,
  ): Promise<WorkerRow[]> {
    const conds: (SQL | undefined)[] = [scope, isNull(workers.archivedAt)];
    if (q.role) conds.push(eq(workers.role, q.role as WorkerRow['role']));
    if (q.filingStatus) conds.push(eq(workers.filingStatus, q.filingStatus as WorkerRow['filingStatus']));
    if (q.stationId)
      conds.push(
        sql`${workers.id} in (select ${workerAssignments.workerId} from ${workerAssignments} where ${workerAssignments.stationId} = ${q.stationId} and ${activeOn(today)})`,
      );
    return db
      .select(withPath(today))
      .from(workers)
      .where(and(...conds))
      .orderBy(asc(workers.name));
  },
  /** The roster record holding a citizen ID anywhere in the city (R-STAFF-1: one roster at a time), except `exceptId`. */
  async holderOf(
    db: DbOrTx,
    idNumber: string,
    exceptId?: string,
  ): Promise<{ id: string; organisationId: string } | undefined> {
    const conds = [eq(workers.idNumber, idNumber), isNull(workers.archivedAt)];
    if (exceptId) conds.push(ne(workers.id, exceptId));
    return (
      await db
        .select({ id: workers.id, organisationId: workers.organisationId })
        .from(workers)
        .where(and(...conds))
        .limit(1)
    )[0];
  },
  /** Citizen IDs already on any roster, among the given ones (roster import). */
  async heldIds(db: DbOrTx, idNumbers: string[]): Promise<Map<string, string>> {
    if (idNumbers.length === 0) return new Map();
    const rows = await db
      .select({ idNumber: workers.idNumber, organisationId: workers.organisationId })
      .from(workers)
      .where(and(inArray(workers.idNumber, idNumbers), isNull(workers.archivedAt)));
    return new Map(rows.map((r) => [r.idNumber, r.organisationId]));
  },
  async hiringException(db: DbOrTx, organisationId: string, idNumber: string) {
    return (
      await db
        .select()
        .from(hiringExceptions)
        .where(and(eq(hiringExceptions.organisationId, organisationId), eq(hiringExceptions.idNumber, idNumber)))
        .limit(1)
    )[0];
  },
  async hiringExceptionsOf(db: DbOrTx, organisationId: string) {
    return db.select().from(hiringExceptions).where(eq(hiringExceptions.organisationId, organisationId));
  },
  /** Hours each worker attended, with the session's organiser level, end date and whether an officer confirmed it. */
  async trainingHours(db: DbOrTx, workerIds: string[]) {
    if (workerIds.length === 0) return [];
    return db
      .select({
        workerId: trainingAttendance.workerId,
        hours: trainingAttendance.hours,
        organiserLevel: trainings.organiserLevel,
        endedOn: trainings.endOn,
        confirmedAt: trainings.organiserConfirmedAt,
      })
      .from(trainingAttendance)
      .innerJoin(trainings, eq(trainings.id, trainingAttendance.trainingId))
      .where(inArray(trainingAttendance.workerId, workerIds));
  },
  async assignmentsOf(db: DbOrTx, workerIds: string[]): Promise<AssignmentRow[]> {
    if (workerIds.length === 0) return [];
    return db
      .select()
      .from(workerAssignments)
      .where(inArray(workerAssignments.workerId, workerIds))
      .orderBy(asc(workerAssignments.startOn));
  },
  /** The station ids a worker is assigned to on `today`. */
  async activeStations(db: DbOrTx, workerId: string, today: string): Promise<string[]> {
    const rows = await db
      .select({ stationId: workerAssignments.stationId })
      .from(workerAssignments)
      .where(and(eq(workerAssignments.workerId, workerId), activeOn(today)))
      .orderBy(asc(workerAssignments.startOn));
    return rows.map((r) => r.stationId);
  },
  /** Resident workers assigned to each station on `today` (R-STAFF-1). */
  async residentsAt(db: DbOrTx, stationIds: string[], today: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (stationIds.length === 0) return out;
    const rows = await db
      .select({ stationId: workerAssignments.stationId, n: sql<number>`count(distinct ${workers.id})::int` })
      .from(workerAssignments)
      .innerJoin(workers, eq(workers.id, workerAssignments.workerId))
      .where(
        and(
          inArray(workerAssignments.stationId, stationIds),
          eq(workers.role, 'resident'),
          isNull(workers.archivedAt),
          activeOn(today),
        ),
      )
      .groupBy(workerAssignments.stationId);
    for (const r of rows) out.set(r.stationId, r.n);
    return out;
  },
};
