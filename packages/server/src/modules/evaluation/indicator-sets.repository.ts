import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { IndicatorSetQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { pageRows } from '../../platform/http/paging';
import { evaluationRounds, indicatorSets } from './evaluation.table';

export type IndicatorSetRow = typeof indicatorSets.$inferSelect;
export type IndicatorSetInsert = typeof indicatorSets.$inferInsert;

const live = isNull(indicatorSets.archivedAt);

/**
 * R-EVAL-2: all SQL of the indicator sets. Sets are the city's and readable by every evaluation reader (contractors
 * know what they are scored on), so they carry no scope columns; writes are the city's (permission and policy).
 */
export const indicatorSetsRepository = {
  async byId(db: DbOrTx, id: string): Promise<IndicatorSetRow | undefined> {
    const [row] = await db
      .select()
      .from(indicatorSets)
      .where(and(eq(indicatorSets.id, id), isNull(indicatorSets.archivedAt)));
    return row;
  },

  /** A page of sets, the newest family first (by when its first version was made), its newest version first. */
  async page(db: DbOrTx, q: IndicatorSetQuery) {
    const where = and(live, q.status ? eq(indicatorSets.status, q.status) : undefined);
    const familyStart = sql`(select min(f.created_at) from indicator_sets f where f.family_id = ${indicatorSets.familyId})`;
    const rows = db
      .select()
      .from(indicatorSets)
      .where(where)
      .orderBy(desc(familyStart), indicatorSets.familyId, desc(indicatorSets.versionNo), indicatorSets.id)
      .$dynamic();
    return pageRows(rows, db.$count(indicatorSets, where), q);
  },

  /** The row locked for a change (the caller checks the version it saw). */
  async lock(db: DbOrTx, id: string): Promise<IndicatorSetRow | undefined> {
    const [row] = await db
      .select()
      .from(indicatorSets)
      .where(and(eq(indicatorSets.id, id), live))
      .for('update');
    return row;
  },

  /** Every version of a family, locked, newest first: a new version and an adoption decide over all of them. */
  async lockFamily(db: DbOrTx, familyId: string): Promise<IndicatorSetRow[]> {
    return db
      .select()
      .from(indicatorSets)
      .where(and(eq(indicatorSets.familyId, familyId), live))
      .orderBy(desc(indicatorSets.versionNo))
      .for('update');
  },

  async insert(db: DbOrTx, values: IndicatorSetInsert): Promise<IndicatorSetRow> {
    const [row] = await db.insert(indicatorSets).values(values).returning();
    return row;
  },

  /** A change guarded by the version the caller read (a stale write is a conflict, never a silent overwrite). */
  async update(db: DbOrTx, id: string, version: number, set: Partial<IndicatorSetInsert>) {
    const [row] = await db
      .update(indicatorSets)
      .set({ ...set, updatedAt: sql`now()`, version: sql`${indicatorSets.version} + 1` })
      .where(and(eq(indicatorSets.id, id), eq(indicatorSets.version, version)))
      .returning();
    return row as IndicatorSetRow | undefined;
  },

  /** The family's versions in use other than `keepId`, now retired (a newer version was adopted). */
  async retireOthers(db: DbOrTx, familyId: string, keepId: string, by: string): Promise<IndicatorSetRow[]> {
    return db
      .update(indicatorSets)
      .set({ status: 'retired', updatedAt: sql`now()`, updatedBy: by, version: sql`${indicatorSets.version} + 1` })
      .where(
        and(
          eq(indicatorSets.familyId, familyId),
          ne(indicatorSets.id, keepId),
          eq(indicatorSets.status, 'in_use'),
          live,
        ),
      )
      .returning();
  },

  /** The family's draft, if any (a family has at most one: the next version being prepared). */
  async draftOf(db: DbOrTx, familyId: string): Promise<IndicatorSetRow | undefined> {
    const [row] = await db
      .select()
      .from(indicatorSets)
      .where(and(eq(indicatorSets.familyId, familyId), eq(indicatorSets.status, 'draft'), live));
    return row;
  },

  /** How many evaluation rounds score on the set (a set with rounds is frozen). */
  async roundCount(db: DbOrTx, setId: string): Promise<number> {
    return db.$count(evaluationRounds, and(eq(evaluationRounds.setId, setId), isNull(evaluationRounds.archivedAt)));
  },

  /** Whether the table holds any row at all (archived ones too): the shipped example goes only into an empty one. */
  async isEmpty(db: DbOrTx): Promise<boolean> {
    const [row] = await db.select({ id: indicatorSets.id }).from(indicatorSets).limit(1);
    return !row;
  },

  /** Inserts the example once: two processes starting together both try, the family/version index keeps one. */
  async insertOnce(db: DbOrTx, values: IndicatorSetInsert): Promise<IndicatorSetRow | undefined> {
    const [row] = await db
      .insert(indicatorSets)
      .values(values)
      .onConflictDoNothing({ target: [indicatorSets.familyId, indicatorSets.versionNo] })
      .returning();
    return row;
  },
};
