import { and, asc, desc, eq, inArray, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { CaseQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { caseEvents, caseGoals, cases, caseTasks } from './cases.table';

export type CaseRow = typeof cases.$inferSelect;
export type CaseGoalRow = typeof caseGoals.$inferSelect;
export type CaseTaskRow = typeof caseTasks.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
type GoalInsert = Omit<typeof caseGoals.$inferInsert, 'caseId'> & { id: string };
type TaskInsert = Omit<typeof caseTasks.$inferInsert, 'caseId'> & { id: string };

/**
 * The caller's cases (R-SCOPE-1): a worker's stations today, the stations the organisation's contracts cover today
 * (never by the case's organisation column: a new contractor takes over the station's open cases), an officer's
 * division.
 */
export const caseScope = (scope: Scope) =>
  scopeCondition(scope, { divisionPath: cases.divisionPath, stationId: cases.stationId });

/** The only reader and writer of the case tables. */
export const casesRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(cases)
      .where(and(scope, eq(cases.id, id), isNull(cases.archivedAt)))
      .limit(1);
    return row;
  },
  /** For the case gate: the case at a station, in the record's transaction, locked until it commits. */
  async atStationForUpdate(db: DbOrTx, id: string, stationId: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.id, id), eq(cases.stationId, stationId), isNull(cases.archivedAt)))
      .for('share')
      .limit(1);
    return row;
  },
  /** A person's case still open at a station (one at a time). */
  async openFor(db: DbOrTx, beneficiaryId: string, stationId: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.beneficiaryId, beneficiaryId),
          eq(cases.stationId, stationId),
          ne(cases.status, 'closed'),
          isNull(cases.archivedAt),
        ),
      )
      .limit(1);
    return row;
  },
  /** One page and the total, in two queries whatever the page size; newest activity first. */
  async page(db: DbOrTx, scope: SQL, q: CaseQuery, who: { workerId: string | null }) {
    const where = and(
      scope,
      isNull(cases.archivedAt),
      q.status ? eq(cases.status, q.status) : undefined,
      q.stationId ? eq(cases.stationId, q.stationId) : undefined,
      q.workerId ? eq(cases.workerId, q.workerId) : undefined,
      q.beneficiaryId ? eq(cases.beneficiaryId, q.beneficiaryId) : undefined,
      q.view === 'mine' ? (who.workerId ? eq(cases.workerId, who.workerId) : sql`false`) : undefined,
      q.view === 'awaiting' ? inArray(cases.status, ['plan_submitted', 'closure_submitted']) : undefined,
    );
    const rows = db.select().from(cases).where(where).orderBy(desc(cases.updatedAt), cases.id).$dynamic();
    return pageRows(rows, db.$count(cases, where), q);
  },
  async insert(db: DbOrTx, values: typeof cases.$inferInsert): Promise<CaseRow> {
    const [row] = await db.insert(cases).values(values).returning();
    return row;
  },
  /** Optimistic locking: answers nothing when the version moved on. */
  async update(db: DbOrTx, id: string, version: number, set: Partial<typeof cases.$inferInsert>) {
    const [row] = await db
      .update(cases)
      .set({ ...set, version: version + 1 })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning();
    return row as CaseRow | undefined;
  },
  async goalsOf(db: DbOrTx, caseId: string): Promise<CaseGoalRow[]> {
    return db
      .select()
      .from(caseGoals)
      .where(and(eq(caseGoals.caseId, caseId), isNull(caseGoals.archivedAt)))
      .orderBy(asc(caseGoals.position), asc(caseGoals.id));
  },
  async tasksOf(db: DbOrTx, caseId: string): Promise<CaseTaskRow[]> {
    return db
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, caseId), isNull(caseTasks.archivedAt)))
      .orderBy(asc(caseTasks.dueOn), asc(caseTasks.id));
  },
  async eventsOf(db: DbOrTx, caseId: string): Promise<CaseEventRow[]> {
    return db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  },
  /** Ids already used by another case's goals or tasks (a page cannot take over someone else's row). */
  async foreignIds(db: DbOrTx, caseId: string, goalIds: string[], taskIds: string[]) {
    const [g, t] = await Promise.all([
      goalIds.length
        ? db
            .select({ id: caseGoals.id })
            .from(caseGoals)
            .where(and(inArray(caseGoals.id, goalIds), ne(caseGoals.caseId, caseId)))
        : [],
      taskIds.length
        ? db
            .select({ id: caseTasks.id })
            .from(caseTasks)
            .where(and(inArray(caseTasks.id, taskIds), ne(caseTasks.caseId, caseId)))
        : [],
    ]);
    return [...g, ...t].map((r) => r.id);
  },
  /** Tasks, then goals, as sent: upserted by id; the rest removed (tasks before the goals they name). */
  async deleteTasksExcept(db: DbOrTx, caseId: string, keep: string[]) {
    await db
      .delete(caseTasks)
      .where(and(eq(caseTasks.caseId, caseId), keep.length ? notInArray(caseTasks.id, keep) : undefined));
  },
  async deleteGoalsExcept(db: DbOrTx, caseId: string, keep: string[]) {
    await db
      .delete(caseGoals)
      .where(and(eq(caseGoals.caseId, caseId), keep.length ? notInArray(caseGoals.id, keep) : undefined));
  },
  async upsertGoals(db: DbOrTx, caseId: string, goals: GoalInsert[], by: string) {
    for (const g of goals)
      await db
        .insert(caseGoals)
        .values({ ...g, caseId, createdBy: by, updatedBy: by })
        .onConflictDoUpdate({
          target: caseGoals.id,
          set: {
            title: g.title,
            scoreBefore: g.scoreBefore,
            scoreAfter: g.scoreAfter,
            position: g.position,
            updatedBy: by,
            updatedAt: sql`now()`,
          },
        });
  },
  async upsertTasks(db: DbOrTx, caseId: string, tasks: TaskInsert[], by: string) {
    for (const t of tasks)
      await db
        .insert(caseTasks)
        .values({ ...t, caseId, createdBy: by, updatedBy: by })
        .onConflictDoUpdate({
          target: caseTasks.id,
          set: {
            goalId: t.goalId,
            title: t.title,
            dueOn: t.dueOn,
            doneOn: t.doneOn,
            updatedBy: by,
            updatedAt: sql`now()`,
          },
        });
  },
  async addEvent(db: DbOrTx, values: typeof caseEvents.$inferInsert) {
    await db.insert(caseEvents).values(values);
  },
};
