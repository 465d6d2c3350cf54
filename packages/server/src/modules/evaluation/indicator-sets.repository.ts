import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { indicatorSets } from './evaluation.table';

export type IndicatorSetRow = typeof indicatorSets.$inferSelect;

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
};
