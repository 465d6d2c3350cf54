import { and, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { PageQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { workerScope } from './workers.repository';
import { trainingAttendance, trainings, workers } from './workers.table';

export type TrainingRow = typeof trainings.$inferSelect;

/** Sessions attended by workers matching `who`. */
const attendedBy = (who: SQL) =>
  sql`${trainings.id} in (select ${trainingAttendance.trainingId} from ${trainingAttendance} inner join ${workers} on ${workers.id} = ${trainingAttendance.workerId} where ${who})`;

/**
 * The sessions a scope may read (R-SCOPE-1): organised in its area, by its organisation, or attended by its workers;
 * a social worker the sessions they and their colleagues at the same stations attended.
 */
export function trainingScope(scope: Scope, today: string): SQL {
  if (scope.kind === 'organisation')
    return or(
      eq(trainings.organisationId, scope.organisationId),
      attendedBy(eq(workers.organisationId, scope.organisationId)),
    )!;
  if (scope.kind === 'stations') return attendedBy(workerScope(scope, today));
  return scopeCondition(scope, { divisionPath: trainings.divisionPath });
}

/**
 * R-STAFF-3: the sessions whose organiser a caller may still confirm — unconfirmed and recorded in the division of an
 * officer who holds the permission (`mayConfirm`); nothing for anyone else. The same rule as the view's `confirm`.
 */
export function awaitingConfirmation(scope: Scope, mayConfirm: boolean): SQL {
  if (!mayConfirm || scope.kind !== 'division') return sql`false`;
  return and(isNull(trainings.organiserConfirmedAt), like(trainings.divisionPath, `${scope.path}%`))!;
}

/** Every read and write of the training tables; reads take the caller's scope condition. */
export const trainingsRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<TrainingRow | undefined> {
    const [row] = await db
      .select()
      .from(trainings)
      .where(and(eq(trainings.id, id), scope))
      .limit(1);
    return row;
  },
  /** One page and the total, in two queries; `workerId` keeps the sessions that worker attended, `also` narrows more. */
  async page(db: DbOrTx, scope: SQL, q: PageQuery & { workerId?: string }, also?: SQL) {
    const where = and(scope, q.workerId ? attendedBy(eq(workers.id, q.workerId)) : undefined, also);
    const page = db
      .select()
      .from(trainings)
      .where(where)
      .orderBy(desc(trainings.startOn), desc(trainings.createdAt), trainings.id);
    const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(trainings, where), q);
    return { rows, total };
  },
  /** The attendees of the given sessions, with their names, in one query. */
  async attendees(db: DbOrTx, trainingIds: string[]) {
    if (trainingIds.length === 0) return [];
    return db
      .select({
        trainingId: trainingAttendance.trainingId,
        workerId: trainingAttendance.workerId,
        hours: trainingAttendance.hours,
        name: workers.name,
      })
      .from(trainingAttendance)
      .innerJoin(workers, eq(workers.id, trainingAttendance.workerId))
      .where(inArray(trainingAttendance.trainingId, trainingIds));
  },
  /**
   * Reports (R-REP-3): sessions begun between two dates that workers matching `who` attended, their attendances
   * (人次) and the hours they earned, in one query.
   */
  async attendedBetween(db: DbOrTx, who: SQL, from: string, to: string) {
    const [row] = await db
      .select({
        sessions: sql<number>`count(distinct ${trainings.id})::int`,
        participants: sql<number>`count(*)::int`,
        hours: sql<number>`coalesce(sum(${trainingAttendance.hours}), 0)::float8`,
      })
      .from(trainingAttendance)
      .innerJoin(trainings, eq(trainings.id, trainingAttendance.trainingId))
      .innerJoin(workers, eq(workers.id, trainingAttendance.workerId))
      .where(and(who, isNull(workers.archivedAt), sql`${trainings.startOn} between ${from}::date and ${to}::date`));
    return { sessions: row.sessions, participants: row.participants, hours: Number(row.hours) };
  },
  async insert(db: DbOrTx, values: typeof trainings.$inferInsert, workerIds: string[], hours: number) {
    const [t] = await db.insert(trainings).values(values).returning();
    if (workerIds.length)
      await db.insert(trainingAttendance).values(workerIds.map((workerId) => ({ trainingId: t.id, workerId, hours })));
    return t;
  },
  async update(db: DbOrTx, id: string, set: Partial<typeof trainings.$inferInsert>) {
    const [row] = await db.update(trainings).set(set).where(eq(trainings.id, id)).returning();
    return row;
  },
};
