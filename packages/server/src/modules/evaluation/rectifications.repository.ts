import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { RectificationQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { evaluationRounds, rectifications } from './evaluation.table';

export type RectificationInsert = typeof rectifications.$inferInsert;
export type RoundRow = typeof evaluationRounds.$inferSelect;

/** A rectification item with the facts of its round a view and the policy need. */
const columns = {
  item: rectifications,
  roundKind: evaluationRounds.kind,
  yearNo: evaluationRounds.yearNo,
};
export interface RectificationRow {
  item: typeof rectifications.$inferSelect;
  roundKind: RoundRow['kind'];
  yearNo: number;
}

/**
 * Which items an actor reaches (R-SCOPE-1): officers those under their division, contractor staff their own
 * organisation's (the columns are copied from the round, which copied them from the contract).
 */
export const rectificationScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: rectifications.divisionPath,
    organisationId: rectifications.organisationId,
  });

/** The rounds an actor reaches, by the same rule. */
export const roundScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: evaluationRounds.divisionPath,
    organisationId: evaluationRounds.organisationId,
  });

/** R-EVAL-4: overdue — the deadline has passed (judged on the Clock's today) and the county has not verified it. */
export const overdueCondition = (today: string): SQL =>
  sql`(${rectifications.deadline} < ${today}::date and ${rectifications.status} <> 'verified')`;

function filterOf(q: RectificationQuery, today: string): (SQL | undefined)[] {
  return [
    q.status ? eq(rectifications.status, q.status) : undefined,
    q.overdue === 'true'
      ? overdueCondition(today)
      : q.overdue === 'false'
        ? sql`not ${overdueCondition(today)}`
        : undefined,
    q.roundId ? eq(rectifications.roundId, q.roundId) : undefined,
    q.contractId ? eq(rectifications.contractId, q.contractId) : undefined,
    q.organisationId ? eq(rectifications.organisationId, q.organisationId) : undefined,
    // A county-level unit (or a township): its segment anywhere in the path.
    q.unit ? sql`${rectifications.divisionPath} like ${`%/${q.unit}/%`}` : undefined,
  ];
}

const statusOrder = sql`case ${rectifications.status} when 'open' then 0 when 'submitted' then 1 else 2 end`;

/** All SQL of rectification; every read takes the caller's scope condition. */
export const rectificationsRepository = {
  /** One page: items waiting for the contractor first, then those waiting for the county; earliest deadline first. */
  async page(db: DbOrTx, scope: SQL, q: RectificationQuery, today: string) {
    const where = and(scope, ...filterOf(q, today));
    return pageRows(
      db
        .select(columns)
        .from(rectifications)
        .innerJoin(evaluationRounds, eq(evaluationRounds.id, rectifications.roundId))
        .where(where)
        .orderBy(statusOrder, asc(rectifications.deadline), asc(rectifications.createdAt), asc(rectifications.id))
        .$dynamic(),
      db.$count(rectifications, where),
      q,
    ) as Promise<{ items: RectificationRow[]; total: number }>;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<RectificationRow | undefined> {
    const [row] = await db
      .select(columns)
      .from(rectifications)
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, rectifications.roundId))
      .where(and(scope, eq(rectifications.id, id)));
    return row;
  },

  /** The item locked for a workflow step, read again inside the transaction. */
  async lock(db: DbOrTx, id: string): Promise<RectificationRow | undefined> {
    const [row] = await db
      .select(columns)
      .from(rectifications)
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, rectifications.roundId))
      .where(eq(rectifications.id, id))
      .for('update', { of: rectifications });
    return row;
  },

  async roundInScope(db: DbOrTx, scope: SQL, id: string): Promise<RoundRow | undefined> {
    const [row] = await db
      .select()
      .from(evaluationRounds)
      .where(and(scope, eq(evaluationRounds.id, id)));
    return row;
  },

  async insert(db: DbOrTx, values: RectificationInsert) {
    const [row] = await db.insert(rectifications).values(values).returning();
    return row;
  },

  /** A change guarded by the version the caller read (a stale write is a conflict, never a silent overwrite). */
  async update(db: DbOrTx, id: string, version: number, set: Partial<RectificationInsert>) {
    const [row] = await db
      .update(rectifications)
      .set({ ...set, version: sql`${rectifications.version} + 1` })
      .where(and(eq(rectifications.id, id), eq(rectifications.version, version)))
      .returning();
    return row as RectificationInsert | undefined;
  },
};
