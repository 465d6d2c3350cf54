import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PreAwardEvaluationQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { preAwardEvaluations } from './evaluation.table';

export type PreAwardRow = typeof preAwardEvaluations.$inferSelect;
export type PreAwardInsert = typeof preAwardEvaluations.$inferInsert;

/**
 * Which evaluations an actor reaches (R-SCOPE-1): officers those of procurements under their division (the city all),
 * contractor staff only those of their own organisation.
 */
export const preAwardScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: preAwardEvaluations.divisionPath,
    organisationId: preAwardEvaluations.organisationId,
  });

/** A procurement has few candidates and a county few procurements a year: the list is capped, never paged. */
const LIST_CAP = 500;

/** All SQL of 立项评估; every read takes the caller's scope condition. */
export const preAwardRepository = {
  async list(db: DbOrTx, scope: SQL, q: PreAwardEvaluationQuery): Promise<PreAwardRow[]> {
    return db
      .select()
      .from(preAwardEvaluations)
      .where(
        and(
          scope,
          q.procurementId ? eq(preAwardEvaluations.procurementId, q.procurementId) : undefined,
          q.organisationId ? eq(preAwardEvaluations.organisationId, q.organisationId) : undefined,
        ),
      )
      .orderBy(asc(preAwardEvaluations.evaluatedOn), asc(preAwardEvaluations.createdAt), asc(preAwardEvaluations.id))
      .limit(LIST_CAP);
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<PreAwardRow | undefined> {
    const [row] = await db
      .select()
      .from(preAwardEvaluations)
      .where(and(scope, eq(preAwardEvaluations.id, id)));
    return row;
  },

  /** The one evaluation of this candidate for this procurement, if any (unique pair). */
  async findPair(db: DbOrTx, procurementId: string, organisationId: string): Promise<PreAwardRow | undefined> {
    const [row] = await db
      .select()
      .from(preAwardEvaluations)
      .where(
        and(
          eq(preAwardEvaluations.procurementId, procurementId),
          eq(preAwardEvaluations.organisationId, organisationId),
        ),
      );
    return row;
  },

  /** Inserts, or answers undefined when the pair already exists (a concurrent duplicate is a 409, never a 500). */
  async insert(db: DbOrTx, values: PreAwardInsert): Promise<PreAwardRow | undefined> {
    const [row] = await db.insert(preAwardEvaluations).values(values).onConflictDoNothing().returning();
    return row;
  },
};
