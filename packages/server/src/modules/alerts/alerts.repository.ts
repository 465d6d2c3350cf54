import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { ALERT_ACK_HOURS, ROLE_LEVEL, type AlertQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { alertActions, alerts } from './alerts.table';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertInsert = typeof alerts.$inferInsert;
export type AlertActionRow = typeof alertActions.$inferSelect;

/** A city-level role (city officer, city administrator): sees alerts only once escalated (R-SVC-5). */
export const atCity = (actor: Actor) => actor.scope.kind === 'division' && ROLE_LEVEL[actor.role] === 'city';

/**
 * R-SVC-5: not acknowledged within ALERT_ACK_HOURS of being raised — by now, or by when it was acknowledged. Derived
 * from the clock on every read (`now` is the Clock's instant), never set by a job.
 */
export const escalatedSql = (now: Date): SQL =>
  sql`(coalesce(${alerts.acknowledgedAt}, ${now.toISOString()}::timestamptz) > ${alerts.raisedAt} + make_interval(hours => ${ALERT_ACK_HOURS}))`;

/**
 * Which alerts an actor reaches (R-SCOPE-1, R-SVC-5): officers their division, contractor staff and social workers the
 * stations they serve today (so the team now running a station sees its open alerts); the city only escalated ones.
 */
export function alertScope(actor: Actor, now: Date): SQL {
  const inScope = scopeCondition(actor.scope, { divisionPath: alerts.divisionPath, stationId: alerts.stationId });
  return atCity(actor) ? and(inScope, escalatedSql(now))! : inScope;
}

function filterOf(q: Omit<AlertQuery, 'page' | 'pageSize'>, now: Date): SQL[] {
  const out: SQL[] = [];
  if (q.status) out.push(eq(alerts.status, q.status));
  if (q.kind) out.push(eq(alerts.kind, q.kind));
  if (q.stationId) out.push(eq(alerts.stationId, q.stationId));
  if (q.escalated !== undefined) out.push(q.escalated ? escalatedSql(now) : sql`not ${escalatedSql(now)}`);
  if (q.active) out.push(sql`${alerts.status} <> 'closed'`);
  if (q.active === false) out.push(eq(alerts.status, 'closed'));
  return out;
}

/** All SQL of the alerts module; every read takes the caller's scope condition. */
export const alertsRepository = {
  async insert(db: DbOrTx, values: AlertInsert): Promise<AlertRow> {
    const [row] = await db.insert(alerts).values(values).returning();
    return row;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<AlertRow | undefined> {
    const [row] = await db
      .select()
      .from(alerts)
      .where(and(scope, eq(alerts.id, id)));
    return row;
  },

  /** One page, unhandled first (open, then acknowledged, then closed), newest first within each. */
  async page(db: DbOrTx, scope: SQL, q: AlertQuery, now: Date) {
    const where = and(scope, ...filterOf(q, now));
    const order = sql`case ${alerts.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`;
    return pageRows(
      db.select().from(alerts).where(where).orderBy(order, desc(alerts.raisedAt), desc(alerts.id)).$dynamic(),
      db.$count(alerts, where),
      q,
    );
  },

  /** The login banner: counts of unhandled alerts in reach and the oldest few still open or acknowledged. */
  async summary(db: DbOrTx, scope: SQL, now: Date, top: number) {
    const active = and(scope, sql`${alerts.status} <> 'closed'`);
    const [counts] = await db
      .select({
        open: sql<number>`count(*) filter (where ${alerts.status} = 'open')::int`,
        active: sql<number>`count(*)::int`,
        escalated: sql<number>`count(*) filter (where ${escalatedSql(now)})::int`,
      })
      .from(alerts)
      .where(active);
    const rows = await db
      .select()
      .from(alerts)
      .where(active)
      .orderBy(sql`case ${alerts.status} when 'open' then 0 else 1 end`, asc(alerts.raisedAt), asc(alerts.id))
      .limit(top);
    return { ...counts, rows };
  },

  actionsOf(db: DbOrTx, alertId: string): Promise<AlertActionRow[]> {
    return db
      .select()
      .from(alertActions)
      .where(eq(alertActions.alertId, alertId))
      .orderBy(asc(alertActions.at), asc(alertActions.id));
  },

  async insertAction(db: DbOrTx, values: typeof alertActions.$inferInsert): Promise<AlertActionRow> {
    const [row] = await db.insert(alertActions).values(values).returning();
    return row;
  },

  /** A status step guarded by the status it starts from, so two handlers at once cannot both take it. */
  async step(db: DbOrTx, id: string, from: AlertRow['status'][], set: Partial<AlertInsert>) {
    const [row] = await db
      .update(alerts)
      .set({ ...set, version: sql`${alerts.version} + 1` })
      .where(and(eq(alerts.id, id), sql`${alerts.status} = any(${sql.param(from)}::text[])`))
      .returning();
    return row as AlertRow | undefined;
  },
};
