import {
  and,
  asc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  ne,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import type { PageQuery, Scope } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/search';
import { pageRows } from '../../platform/http/paging';
import { hiringExceptions, trainingAttendance, trainings, workerAssignments, workers } from './workers.table';

export type AssignmentRow = typeof workerAssignments.$inferSelect;
export type WorkerInsert = typeof workers.$inferInsert;
export type WorkerFilter = { stationId?: string; role?: string; filingStatus?: string };
/** A roster record with the path it is counted at today (its station's, or else its organisation's). */
export type WorkerRow = typeof workers.$inferSelect & { currentPath: string };

/** The one definition of an active assignment: started on or before `today` and not ended before it. */
export const activeOn = (today: string | Placeholder): SQL =>
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
  /** The WHERE of a roster list: the caller's scope, not archived, and the filters. */
  where(scope: SQL, q: WorkerFilter, today: string): SQL | undefined {
    const conds: (SQL | undefined)[] = [scope, isNull(workers.archivedAt)];
    if (q.role) conds.push(eq(workers.role, q.role as WorkerRow['role']));
    if (q.filingStatus) conds.push(eq(workers.filingStatus, q.filingStatus as WorkerRow['filingStatus']));
    if (q.stationId)
      conds.push(
        sql`${workers.id} in (select ${workerAssignments.workerId} from ${workerAssignments} where ${workerAssignments.stationId} = ${q.stationId} and ${activeOn(today)})`,
      );
    return and(...conds);
  },
  /** One page of the roster and the total, in two queries whatever the page size. */
  async page(db: DbOrTx, where: SQL | undefined, q: PageQuery, today: string) {
    const page = db.select(withPath(today)).from(workers).where(where).orderBy(asc(workers.name), asc(workers.id));
    const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(workers, where), q);
    return { rows: rows as WorkerRow[], total };
  },
  /** The given workers among those `where` reaches, in roster order. */
  async byIds(db: DbOrTx, where: SQL | undefined, ids: string[], today: string): Promise<WorkerRow[]> {
    if (ids.length === 0) return [];
    return db
      .select(withPath(today))
      .from(workers)
      .where(and(where, inArray(workers.id, ids)))
      .orderBy(asc(workers.name), asc(workers.id));
  },
  /**
   * The worker picker: up to `limit` workers `where` reaches whose name contains `q` (LIKE's wildcards escaped),
   * optionally of one organisation, by name. Only the id, name and employer: no personal data leaves here.
   */
  async options(db: DbOrTx, where: SQL | undefined, q: { q?: string; organisationId?: string }, limit: number) {
    return db
      .select({ id: workers.id, name: workers.name, organisationId: workers.organisationId })
      .from(workers)
      .where(
        and(
          where,
          q.q ? ilike(workers.name, containsPattern(q.q)) : undefined,
          q.organisationId ? eq(workers.organisationId, q.organisationId) : undefined,
        ),
      )
      .orderBy(asc(workers.name), asc(workers.id))
      .limit(limit);
  },
  /** The stations each of the given workers is assigned to on `today`, in one query. */
  async activeAssignmentsOf(db: DbOrTx, workerIds: string[], today: string) {
    if (workerIds.length === 0) return [];
    return db
      .select({ workerId: workerAssignments.workerId, stationId: workerAssignments.stationId })
      .from(workerAssignments)
      .where(and(inArray(workerAssignments.workerId, workerIds), activeOn(today)))
      .orderBy(asc(workerAssignments.startOn));
  },
  /** The ids among `ids` that `scope` reaches (attendance, payroll rows). */
  async idsIn(db: DbOrTx, scope: SQL, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ id: workers.id })
      .from(workers)
      .where(and(inArray(workers.id, ids), scope, isNull(workers.archivedAt)));
    return rows.map((r) => r.id);
  },
  /**
   * What qualification and deadline need of every worker `where` reaches, in three queries whatever their number:
   * the workers' qualifying facts, their training hours and their assignments (each joined to the workers under the
   * same condition, so no list of ids travels back).
   */
  async qualificationFacts(db: DbOrTx, where: SQL | undefined, today: string) {
    const [rows, hours, assignments] = await Promise.all([
      db
        .select({
          id: workers.id,
          currentPath: currentPath(today),
          role: workers.role,
          education: workers.education,
          socialWorkMajor: workers.socialWorkMajor,
          certificateLevel: workers.certificateLevel,
          filingStatus: workers.filingStatus,
          name: workers.name,
        })
        .from(workers)
        .where(where)
        .orderBy(asc(workers.name), asc(workers.id)),
      db
        .select({
          workerId: trainingAttendance.workerId,
          hours: trainingAttendance.hours,
          organiserLevel: trainings.organiserLevel,
          endedOn: trainings.endOn,
          confirmedAt: trainings.organiserConfirmedAt,
        })
        .from(trainingAttendance)
        .innerJoin(trainings, eq(trainings.id, trainingAttendance.trainingId))
        .innerJoin(workers, eq(workers.id, trainingAttendance.workerId))
        .where(where),
      db
        .select(getTableColumns(workerAssignments))
        .from(workerAssignments)
        .innerJoin(workers, eq(workers.id, workerAssignments.workerId))
        .where(where)
        .orderBy(asc(workerAssignments.startOn)),
    ]);
    return { rows, hours, assignments };
  },
  /** Writes workers, many rows a statement (the import's chunks), and answers the rows written. */
  async insert(db: DbOrTx, values: WorkerInsert[]): Promise<(typeof workers.$inferSelect)[]> {
    if (values.length === 0) return [];
    return db.insert(workers).values(values).returning();
  },
  /** Optimistic locking: answers nothing when the version moved on. */
  async update(db: DbOrTx, id: string, version: number, set: Partial<WorkerInsert>) {
    const [row] = await db
      .update(workers)
      .set({ ...set, version: version + 1 })
      .where(and(eq(workers.id, id), eq(workers.version, version)))
      .returning();
    return row as typeof workers.$inferSelect | undefined;
  },
  async insertAssignments(db: DbOrTx, values: (typeof workerAssignments.$inferInsert)[]) {
    if (values.length) await db.insert(workerAssignments).values(values);
  },
  async endAssignment(db: DbOrTx, id: string, endOn: string) {
    await db.update(workerAssignments).set({ endOn }).where(eq(workerAssignments.id, id));
  },
  async insertHiringException(db: DbOrTx, values: typeof hiringExceptions.$inferInsert) {
    const [row] = await db.insert(hiringExceptions).values(values).returning();
    return row;
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
  /** The organisation holding each of the given citizen IDs on its roster (R-STAFF-1), for many rows at once. */
  async holdersOf(db: DbOrTx, idNumbers: string[]): Promise<Map<string, string>> {
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
  /**
   * The stations a worker is assigned to on a day, earliest assignment first: prepared once for a database (the
   * actor's scope reads it on every request).
   */
  preparedActiveStations(db: Db) {
    const q = db
      .select({ stationId: workerAssignments.stationId })
      .from(workerAssignments)
      .where(and(eq(workerAssignments.workerId, sql.placeholder('workerId')), activeOn(sql.placeholder('today'))))
      .orderBy(asc(workerAssignments.startOn))
      .prepare('worker_active_stations');
    return async (workerId: string, today: string) => (await q.execute({ workerId, today })).map((r) => r.stationId);
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
  /** Names of roster records by id (any organisation; names only). */
  async namesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: workers.id, name: workers.name }).from(workers).where(inArray(workers.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** Workers of any role assigned to the stations on `today`: who may be responsible for the stations' people. */
  /** Prepared (a service record's create checks its workers): the stations one array parameter. */
  preparedAssignedAt(db: DbOrTx) {
    const q = db
      .selectDistinct({ workerId: workers.id, name: workers.name, stationId: workerAssignments.stationId })
      .from(workerAssignments)
      .innerJoin(workers, eq(workers.id, workerAssignments.workerId))
      .where(
        and(
          sql`${workerAssignments.stationId} = any(${sql.placeholder('stationIds')}::uuid[])`,
          isNull(workers.archivedAt),
          activeOn(sql.placeholder('day')),
        ),
      )
      .prepare('workers_assigned_at');
    return async (stationIds: string[], day: string) => (stationIds.length ? q.execute({ stationIds, day }) : []);
  },
};
