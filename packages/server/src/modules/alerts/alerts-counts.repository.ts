import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import { alerts } from './alerts.table';

const day = (col: typeof alerts.raisedAt | typeof alerts.closedAt) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

/**
 * Alert counts for statistics (R-SVC-5): raised within [from, to], closed (handled) within it, and the mean hours from
 * raising to acknowledging of those raised in it and acknowledged — counts only, never what was reported.
 */
export async function alertCountsFor(db: DbOrTx, n: NarrowedScope, from: string, to: string) {
  const raised = sql`${day(alerts.raisedAt)} between ${from}::date and ${to}::date`;
  const [row] = await db
    .select({
      raised: sql<number>`(count(*) filter (where ${raised}))::int`,
      handled: sql<number>`(count(*) filter (where ${day(alerts.closedAt)} between ${from}::date and ${to}::date))::int`,
      meanHoursToAcknowledge: sql<
        number | null
      >`(avg(extract(epoch from (${alerts.acknowledgedAt} - ${alerts.raisedAt})) / 3600) filter (where ${raised} and ${alerts.acknowledgedAt} is not null))::float8`,
    })
    .from(alerts)
    .where(and(narrowedCondition(n, alerts), isNull(alerts.archivedAt)));
  return row;
}
