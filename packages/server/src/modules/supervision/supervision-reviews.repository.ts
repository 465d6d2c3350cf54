import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SupervisionReviewQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { supervisionReviews as reviews } from './supervision.table';

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewInsert = typeof reviews.$inferInsert;

/**
 * Which review comments an actor reaches (R-SCOPE-1): officers those under their division, contractor staff their own
 * organisation's, a social worker only the comments on their own work (R-EVAL-4).
 */
export function reviewScope(actor: Actor): SQL {
  if (actor.scope.kind === 'stations') return actor.workerId ? eq(reviews.workerId, actor.workerId) : sql`false`;
  return scopeCondition(actor.scope, {
    divisionPath: reviews.divisionPath,
    stationId: reviews.stationId,
    organisationId: reviews.organisationId,
  });
}

function filterOf(q: SupervisionReviewQuery): (SQL | undefined)[] {
  return [
    q.status ? eq(reviews.status, q.status) : undefined,
    q.targetKind ? eq(reviews.targetKind, q.targetKind) : undefined,
    q.stationId ? eq(reviews.stationId, q.stationId) : undefined,
    q.organisationId ? eq(reviews.organisationId, q.organisationId) : undefined,
    q.unit ? sql`${reviews.divisionPath} like ${`%/${q.unit}/%`}` : undefined,
    q.sessionId ? eq(reviews.sessionId, q.sessionId) : undefined,
    q.workerId ? eq(reviews.workerId, q.workerId) : undefined,
  ];
}

/** Comments waiting for the worker first, then those waiting for the supervisor to close; oldest first in each. */
const statusOrder = sql`case ${reviews.status} when 'open' then 0 when 'answered' then 1 else 2 end`;

/** All SQL of review comments; every read takes the caller's scope condition. */
export const reviewsRepository = {
  async page(db: DbOrTx, scope: SQL, q: SupervisionReviewQuery) {
    const where = and(scope, ...filterOf(q));
    return pageRows(
      db.select().from(reviews).where(where).orderBy(statusOrder, asc(reviews.createdAt), asc(reviews.id)).$dynamic(),
      db.$count(reviews, where),
      q,
    ) as Promise<{ items: ReviewRow[]; total: number }>;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ReviewRow | undefined> {
    const [row] = await db
      .select()
      .from(reviews)
      .where(and(scope, eq(reviews.id, id)));
    return row;
  },

  /** The comment locked for a step, read again inside the transaction. */
  async lock(db: DbOrTx, id: string): Promise<ReviewRow | undefined> {
    const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).for('update');
    return row;
  },

  async insert(db: DbOrTx, values: ReviewInsert): Promise<ReviewRow> {
    const [row] = await db.insert(reviews).values(values).returning();
    return row;
  },

  /** A change guarded by the version the caller read (a stale write is a conflict, never a silent overwrite). */
  async update(db: DbOrTx, id: string, version: number, set: Partial<ReviewInsert>) {
    const [row] = await db
      .update(reviews)
      .set({ ...set, version: sql`${reviews.version} + 1` })
      .where(and(eq(reviews.id, id), eq(reviews.version, version)))
      .returning();
    return row as ReviewRow | undefined;
  },

  /** Comments at the stations raised in the period (Shanghai dates) and still waiting for the worker's answer. */
  async openCount(db: DbOrTx, stationIds: string[], from: string, to: string): Promise<number> {
    if (stationIds.length === 0) return 0;
    const [row] = await db
      .select({ n: count() })
      .from(reviews)
      .where(
        and(
          inArray(reviews.stationId, stationIds),
          eq(reviews.status, 'open'),
          sql`(${reviews.createdAt} at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`,
        ),
      );
    return row.n;
  },
};
