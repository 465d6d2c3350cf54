import { and, asc, count, desc, eq, inArray, isNull, sql, sum, type SQL } from 'drizzle-orm';
import type { SupervisionSessionQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { supervisionAttendees as attendees, supervisionSessions as sessions } from './supervision.table';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionInsert = typeof sessions.$inferInsert;

/** The sessions a worker attended (their own record, wherever they work today). */
const attendedBy = (workerId: string): SQL =>
  sql`${sessions.id} in (select ${attendees.sessionId} from ${attendees} where ${attendees.workerId} = ${workerId})`;

/**
 * Which sessions an actor reaches (R-SCOPE-1): officers those under their division, contractor staff their own
 * organisation's, a social worker only the sessions they attended (R-EVAL-4).
 */
export function sessionScope(actor: Actor): SQL {
  if (actor.scope.kind === 'stations') return actor.workerId ? attendedBy(actor.workerId) : sql`false`;
  return scopeCondition(actor.scope, {
    divisionPath: sessions.divisionPath,
    stationId: sessions.stationId,
    organisationId: sessions.organisationId,
  });
}

/** The first and last day of a calendar year, for range conditions on the indexed `held_on`. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

function filterOf(q: SupervisionSessionQuery): (SQL | undefined)[] {
  const y = q.year ? yearRange(q.year) : undefined;
  return [
    isNull(sessions.archivedAt),
    q.stationId ? eq(sessions.stationId, q.stationId) : undefined,
    q.organisationId ? eq(sessions.organisationId, q.organisationId) : undefined,
    // A county-level unit (or a township): its segment anywhere in the path.
    q.unit ? sql`${sessions.divisionPath} like ${`%/${q.unit}/%`}` : undefined,
    y ? sql`${sessions.heldOn} between ${y.from}::date and ${y.to}::date` : undefined,
    q.workerId ? attendedBy(q.workerId) : undefined,
  ];
}

/** All SQL of supervision sessions and their attendees; every read takes the caller's scope condition. */
export const supervisionRepository = {
  /** One page, latest session first (the id last, so pages never repeat or skip a row). */
  async page(db: DbOrTx, scope: SQL, q: SupervisionSessionQuery) {
    const where = and(scope, ...filterOf(q));
    return pageRows(
      db
        .select()
        .from(sessions)
        .where(where)
        .orderBy(desc(sessions.heldOn), desc(sessions.createdAt), asc(sessions.id))
        .$dynamic(),
      db.$count(sessions, where),
      q,
    ) as Promise<{ items: SessionRow[]; total: number }>;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<SessionRow | undefined> {
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(scope, eq(sessions.id, id), isNull(sessions.archivedAt)));
    return row;
  },

  /** Who attended each session, ordered, so views list them the same way every time. */
  async attendeesOf(db: DbOrTx, sessionIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (sessionIds.length === 0) return out;
    const rows = await db
      .select()
      .from(attendees)
      .where(inArray(attendees.sessionId, sessionIds))
      .orderBy(attendees.sessionId, attendees.workerId);
    for (const r of rows) out.set(r.sessionId, [...(out.get(r.sessionId) ?? []), r.workerId]);
    return out;
  },

  async insert(db: DbOrTx, values: SessionInsert, workerIds: string[]): Promise<SessionRow> {
    const [row] = await db.insert(sessions).values(values).returning();
    await db.insert(attendees).values(workerIds.map((workerId) => ({ sessionId: row.id, workerId })));
    return row;
  },

  /**
   * R-EVAL-4: hours and sessions per worker and station over a period, summed in SQL over the sessions in scope.
   * `onlyWorker` narrows to one worker's own rows (a social worker sees their hours, not their colleagues').
   */
  async hours(db: DbOrTx, scope: SQL, from: string, to: string, onlyWorker?: string) {
    const rows = await db
      .select({
        workerId: attendees.workerId,
        stationId: sessions.stationId,
        hours: sum(sessions.hours).mapWith(Number),
        sessions: count(sessions.id),
      })
      .from(attendees)
      .innerJoin(sessions, eq(sessions.id, attendees.sessionId))
      .where(
        and(
          scope,
          isNull(sessions.archivedAt),
          sql`${sessions.heldOn} between ${from}::date and ${to}::date`,
          onlyWorker ? eq(attendees.workerId, onlyWorker) : undefined,
        ),
      )
      .groupBy(attendees.workerId, sessions.stationId)
      .orderBy(sessions.stationId, attendees.workerId);
    return rows.map((r) => ({ ...r, hours: Math.round(r.hours * 10) / 10 }));
  },

  /** The supervision of some stations over a period (the evaluation's measure): distinct attendees, hours, sessions. */
  async coverage(db: DbOrTx, stationIds: string[], from: string, to: string) {
    if (stationIds.length === 0) return { workers: 0, hours: 0, sessions: 0 };
    const where = and(
      inArray(sessions.stationId, stationIds),
      isNull(sessions.archivedAt),
      sql`${sessions.heldOn} between ${from}::date and ${to}::date`,
    );
    const [totals] = await db
      .select({ hours: sql<number>`coalesce(sum(${sessions.hours}), 0)`.mapWith(Number), sessions: count() })
      .from(sessions)
      .where(where);
    const [people] = await db
      .select({ workers: sql<number>`count(distinct ${attendees.workerId})`.mapWith(Number) })
      .from(attendees)
      .innerJoin(sessions, eq(sessions.id, attendees.sessionId))
      .where(where);
    return { workers: people.workers, hours: Math.round(totals.hours * 10) / 10, sessions: totals.sessions };
  },
};
