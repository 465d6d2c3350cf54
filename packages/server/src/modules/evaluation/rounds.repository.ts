import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { EvaluationRoundQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import {
  evaluationRoundEvaluators,
  evaluationRounds,
  evaluationScores,
  indicatorSets,
  rectifications,
} from './evaluation.table';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type NewRound = typeof evaluationRounds.$inferInsert;
export type ScoreRow = typeof evaluationScores.$inferSelect;
export type { RoundSample } from './evaluation.table';

/** The caller's reach over rounds: a unit's own and those below it; contractor staff their organisation's. */
const roundScope = (scope: Scope): SQL =>
  scope.kind === 'stations'
    ? // A third-party evaluator reaches the rounds assigned to them; a social worker none.
      scope.roundIds?.length
      ? sql`${evaluationRounds.id} = any(${sql.param(scope.roundIds)}::uuid[])`
      : sql`false`
    : scopeCondition(scope, {
        divisionPath: evaluationRounds.divisionPath,
        organisationId: evaluationRounds.organisationId,
      });
const live = isNull(evaluationRounds.archivedAt);

/** R-EVAL-1: all SQL of evaluation rounds and their scores; every read takes the caller's scope. */
export const roundsRepository = {
  async findInScope(db: DbOrTx, scope: Scope, id: string): Promise<RoundRow | undefined> {
    const [row] = await db
      .select()
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.id, id), roundScope(scope), live));
    return row;
  },

  async list(db: DbOrTx, scope: Scope, q: EvaluationRoundQuery, unitPath: string | undefined) {
    const r = evaluationRounds;
    const where = and(
      roundScope(scope),
      live,
      q.kind ? eq(r.kind, q.kind) : undefined,
      q.status ? eq(r.status, q.status) : undefined,
      unitPath ? sql`${r.divisionPath} like ${`${unitPath}%`}` : undefined,
      q.organisationId ? eq(r.organisationId, q.organisationId) : undefined,
      q.contractId ? eq(r.contractId, q.contractId) : undefined,
      q.year ? sql`extract(year from ${r.periodStart}) = ${q.year}` : undefined,
      q.passed ? eq(r.passed, q.passed === 'true') : undefined,
    );
    return pageRows(
      db
        .select()
        .from(r)
        .where(where)
        .orderBy(desc(r.periodStart), asc(r.contractId), asc(r.kind), asc(r.id))
        .$dynamic(),
      db.$count(r, where),
      q,
    );
  },

  /** The rounds already opened for these agreement years (a kind is opened once per year). */
  async existing(db: DbOrTx, kind: RoundRow['kind'], subjects: { contractId: string; yearNo: number }[]) {
    if (subjects.length === 0) return [];
    const ids = [...new Set(subjects.map((s) => s.contractId))];
    return db
      .select({ contractId: evaluationRounds.contractId, yearNo: evaluationRounds.yearNo })
      .from(evaluationRounds)
      .where(and(inArray(evaluationRounds.contractId, ids), eq(evaluationRounds.kind, kind), live));
  },

  async insertMany(tx: DbOrTx, rows: NewRound[]): Promise<RoundRow[]> {
    return rows.length ? tx.insert(evaluationRounds).values(rows).returning() : [];
  },

  /** Updates a round if its version is still `version`; false when someone else changed it first. */
  async update(tx: DbOrTx, id: string, version: number, set: Partial<NewRound>): Promise<boolean> {
    const rows = await tx
      .update(evaluationRounds)
      .set({ ...set, version: version + 1 })
      .where(and(eq(evaluationRounds.id, id), eq(evaluationRounds.version, version)))
      .returning({ id: evaluationRounds.id });
    return rows.length === 1;
  },

  async scores(db: DbOrTx, roundId: string): Promise<ScoreRow[]> {
    return db
      .select()
      .from(evaluationScores)
      .where(eq(evaluationScores.roundId, roundId))
      .orderBy(asc(evaluationScores.itemKey));
  },

  async upsertScores(tx: DbOrTx, rows: (typeof evaluationScores.$inferInsert)[]) {
    if (rows.length === 0) return;
    await tx
      .insert(evaluationScores)
      .values(rows)
      .onConflictDoUpdate({
        target: [evaluationScores.roundId, evaluationScores.itemKey],
        set: {
          score: sql`excluded.score`,
          suggested: sql`excluded.suggested`,
          figure: sql`excluded.figure`,
          reason: sql`excluded.reason`,
          note: sql`excluded.note`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  },

  /** Locks an agreement year's rounds until the transaction ends (their sign-offs decide the year one at a time). */
  async lockYear(tx: DbOrTx, contractId: string, yearNo: number) {
    await tx
      .select({ id: evaluationRounds.id })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.contractId, contractId), eq(evaluationRounds.yearNo, yearNo)))
      .orderBy(asc(evaluationRounds.id))
      .for('update');
  },

  /** The indicator sets the year's rounds (not self-assessments) already use. */
  async setsOfYears(db: DbOrTx, contractIds: string[]) {
    if (contractIds.length === 0) return [];
    return db
      .selectDistinct({
        contractId: evaluationRounds.contractId,
        yearNo: evaluationRounds.yearNo,
        setId: evaluationRounds.setId,
      })
      .from(evaluationRounds)
      .where(
        and(inArray(evaluationRounds.contractId, contractIds), ne(evaluationRounds.kind, 'self_assessment'), live),
      );
  },

  /** The other rounds of an agreement year (any scope: the annual result is the year's, whoever signs last). */
  async ofYear(tx: DbOrTx, contractId: string, yearNo: number): Promise<RoundRow[]> {
    return tx
      .select()
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.contractId, contractId), eq(evaluationRounds.yearNo, yearNo), live))
      .orderBy(asc(evaluationRounds.kind));
  },

  /** The agreement years of a contract that have rounds (of any kind but self-assessment). */
  async roundYears(db: DbOrTx, contractId: string): Promise<number[]> {
    const rows = await db
      .selectDistinct({ yearNo: evaluationRounds.yearNo })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.contractId, contractId), ne(evaluationRounds.kind, 'self_assessment'), live));
    return rows.map((r) => r.yearNo);
  },

  /** The third-party evaluators assigned to a round. */
  async evaluatorsOf(db: DbOrTx, roundId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: evaluationRoundEvaluators.userId })
      .from(evaluationRoundEvaluators)
      .where(eq(evaluationRoundEvaluators.roundId, roundId))
      .orderBy(asc(evaluationRoundEvaluators.assignedAt), asc(evaluationRoundEvaluators.userId));
    return rows.map((r) => r.userId);
  },

  async setEvaluators(tx: DbOrTx, roundId: string, userIds: string[], by: string, at: Date) {
    await tx.delete(evaluationRoundEvaluators).where(eq(evaluationRoundEvaluators.roundId, roundId));
    if (userIds.length)
      await tx
        .insert(evaluationRoundEvaluators)
        .values(userIds.map((userId) => ({ roundId, userId, assignedBy: by, assignedAt: at })));
  },

  /** What an evaluator reaches: every round assigned to them, and the contracts of those still being scored. */
  async reachOf(db: DbOrTx, userId: string) {
    return db
      .select({
        roundId: evaluationRounds.id,
        contractId: evaluationRounds.contractId,
        status: evaluationRounds.status,
      })
      .from(evaluationRoundEvaluators)
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationRoundEvaluators.roundId))
      .where(and(eq(evaluationRoundEvaluators.userId, userId), live));
  },

  /** The names of the sets rounds use, for lists. */
  async setNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: indicatorSets.id, name: indicatorSets.name, versionNo: indicatorSets.versionNo })
      .from(indicatorSets)
      .where(inArray(indicatorSets.id, ids));
    return new Map(rows.map((r) => [r.id, `${r.name}（第 ${r.versionNo} 版）`]));
  },

  /** A round's rectification items in the order they were made (its report lists them). */
  async rectificationsOf(db: DbOrTx, roundId: string) {
    return db
      .select({
        finding: rectifications.finding,
        requirement: rectifications.requirement,
        deadline: rectifications.deadline,
        status: rectifications.status,
      })
      .from(rectifications)
      .where(and(eq(rectifications.roundId, roundId), isNull(rectifications.archivedAt)))
      .orderBy(asc(rectifications.createdAt), asc(rectifications.id));
  },

  /** Open rectification items per round, for lists. */
  async openRectifications(db: DbOrTx, roundIds: string[]): Promise<Map<string, number>> {
    if (roundIds.length === 0) return new Map();
    const rows = await db
      .select({ roundId: rectifications.roundId, n: sql<number>`count(*)::int` })
      .from(rectifications)
      .where(
        and(
          inArray(rectifications.roundId, roundIds),
          ne(rectifications.status, 'verified'),
          isNull(rectifications.archivedAt),
        ),
      )
      .groupBy(rectifications.roundId);
    return new Map(rows.map((r) => [r.roundId, r.n]));
  },
};
