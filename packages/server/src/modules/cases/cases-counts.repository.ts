import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import { cases } from './cases.table';

/**
 * Case counts for statistics (R-SVC-3): opened and closed within [from, to], and active (open) at its end — in the
 * caller's scope narrowed to the part asked for.
 */
export async function caseCountsFor(db: DbOrTx, n: NarrowedScope, from: string, to: string) {
  const [row] = await db
    .select({
      opened: sql<number>`(count(*) filter (where ${cases.openedOn} between ${from}::date and ${to}::date))::int`,
      active: sql<number>`(count(*) filter (where ${cases.openedOn} <= ${to}::date and (${cases.closedOn} is null or ${cases.closedOn} > ${to}::date)))::int`,
      closed: sql<number>`(count(*) filter (where ${cases.closedOn} between ${from}::date and ${to}::date))::int`,
    })
    .from(cases)
    .where(and(narrowedCondition(n, cases), isNull(cases.archivedAt), sql`${cases.openedOn} <= ${to}::date`));
  return row;
}
