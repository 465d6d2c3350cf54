import { and, isNull, sql } from 'drizzle-orm';
import { ALERT_ACK_HOURS } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import { alerts } from './alerts.table';

/**
 * Alert counts for statistics (R-SVC-5): raised within [from, to], closed (handled) within it, and the mean hours from
 * raising to acknowledging of those raised in it and acknowledged — counts only, never what was reported.
 */
export async function alertCountsFor(db: DbOrTx, n: NarrowedScope, from: string, to: string) {
  // The local days are stored columns (Asia/Shanghai), so a period is a range on an index, not a conversion per row.
  const raised = sql`${alerts.raisedOn} between ${from}::date and ${to}::date`;
  const [row] = await db
    .select({
      raised: sql<number>`(count(*) filter (where ${raised}))::int`,
      handled: sql<number>`(count(*) filter (where ${alerts.closedOn} between ${from}::date and ${to}::date))::int`,
      meanHoursToAcknowledge: sql<
        number | null
      >`(avg(extract(epoch from (${alerts.acknowledgedAt} - ${alerts.raisedAt})) / 3600) filter (where ${raised} and ${alerts.acknowledgedAt} is not null))::float8`,
    })
    .from(alerts)
    .where(
      and(
        narrowedCondition(n, alerts),
        isNull(alerts.archivedAt),
        // Raised or closed in the period: raised by its end either way (an alert closes after it is raised).
        sql`${alerts.raisedOn} <= ${to}::date`,
      ),
    );
  return row;
}

/**
 * R-SVC-5 for an evaluation (R-EVAL-2 “alerts acknowledged in time”): alerts raised in [from, to] and how many of them
 * were acknowledged within ALERT_ACK_HOURS — the same limit after which an alert escalates to the city.
 */
export async function alertAckTimeliness(db: DbOrTx, n: NarrowedScope, from: string, to: string) {
  const [row] = await db
    .select({
      raised: sql<number>`count(*)::int`,
      inTime: sql<number>`(count(*) filter (where ${alerts.acknowledgedAt} <= ${alerts.raisedAt} + make_interval(hours => ${ALERT_ACK_HOURS})))::int`,
    })
    .from(alerts)
    .where(
      and(
        narrowedCondition(n, alerts),
        isNull(alerts.archivedAt),
        sql`${alerts.raisedOn} between ${from}::date and ${to}::date`,
      ),
    );
  return row ?? { raised: 0, inTime: 0 };
}
