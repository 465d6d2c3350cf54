import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_VISIT_INTERVAL_DAYS, type RiskLevel } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import {
  beneficiaries as b,
  beneficiaryContacts as contacts,
  beneficiaryStations as links,
  visitIntervals,
} from './beneficiaries.table';
import { visitedBetween } from './beneficiaries-contacts.repository';

export type IntervalRow = typeof visitIntervals.$inferSelect;
export type IntervalDays = Record<RiskLevel, number>;

/** The interval of each row's risk level, as SQL (the three figures are read once per request). */
const intervalOf = (days: IntervalDays) =>
  sql`(case ${b.riskLevel} when 'high' then ${days.high}::int when 'medium' then ${days.medium}::int else ${days.low}::int end)`;

/** When the person was first graded (the visit schedule starts then); the registration date without an assessment. */
const gradedOn = sql`coalesce(${b.gradedOn}, (${b.createdAt} at time zone 'Asia/Shanghai')::date)`;

/**
 * R-SVC-5: the date the next visit is due — the last home visit plus the level's interval, never before the person
 * was first graded; a person never visited is due from that date.
 */
const dueOnOf = (days: IntervalDays) => sql`greatest(${contacts.lastVisitOn} + ${intervalOf(days)}, ${gradedOn})`;

/** The queries of visits by risk (R-SVC-5): the due list and the intervals; every list takes the caller's scope. */
export const visitsRepository = {
  async intervals(db: DbOrTx): Promise<IntervalRow[]> {
    return db.select().from(visitIntervals);
  },
  /** The intervals in force: the city's rows, the defaults for levels it has not set. */
  async intervalDays(db: DbOrTx): Promise<IntervalDays> {
    const rows = await db.select().from(visitIntervals);
    const out: IntervalDays = { ...DEFAULT_VISIT_INTERVAL_DAYS };
    for (const r of rows) out[r.riskLevel] = r.days;
    return out;
  },
  /** Sets one level's interval when its version is still `version` (0: not set yet); answers false when it moved on. */
  async setInterval(db: DbOrTx, level: RiskLevel, days: number, version: number, by: string, at: Date) {
    if (version === 0) {
      const rows = await db
        .insert(visitIntervals)
        .values({ riskLevel: level, days, updatedBy: by, updatedAt: at, version: 1 })
        .onConflictDoNothing()
        .returning();
      return rows.length === 1;
    }
    const rows = await db
      .update(visitIntervals)
      .set({ days, updatedBy: by, updatedAt: at, version: version + 1 })
      .where(and(eq(visitIntervals.riskLevel, level), eq(visitIntervals.version, version)))
      .returning();
    return rows.length === 1;
  },
  /**
   * One page of the people a condition selects (the registry's scope and filters) who have a risk grade and are due
   * on or before `horizon`, overdue first; and how many in all and how many past `today`. Driven from the person's
   * row and its one `beneficiary_contacts` row (primary keys), never from the service records.
   */
  async duePage(
    db: DbOrTx,
    where: SQL,
    days: IntervalDays,
    today: string,
    horizon: string,
    page: { limit: number; offset: number },
  ) {
    const dueOn = dueOnOf(days);
    const cond = and(where, isNotNull(b.riskLevel), sql`${dueOn} <= ${horizon}::date`);
    const [rows, [counts]] = await Promise.all([
      db
        .select({
          id: b.id,
          name: b.name,
          village: b.village,
          stationId: b.stationId,
          workerId: b.workerId,
          riskLevel: b.riskLevel,
          lastVisitOn: contacts.lastVisitOn,
          dueOn: sql<string>`(${dueOn})::text`,
          daysOverdue: sql<number>`(${today}::date - ${dueOn})::int`,
          interval: sql<number>`${intervalOf(days)}`,
        })
        .from(b)
        .leftJoin(contacts, eq(contacts.beneficiaryId, b.id))
        .where(cond)
        .orderBy(asc(dueOn), asc(b.name), asc(b.id))
        .limit(page.limit)
        .offset(page.offset),
      db
        .select({
          total: sql<number>`count(*)::int`,
          overdue: sql<number>`(count(*) filter (where ${dueOn} < ${today}::date))::int`,
        })
        .from(b)
        .leftJoin(contacts, eq(contacts.beneficiaryId, b.id))
        .where(cond),
    ]);
    return { rows, total: counts.total, overdue: counts.overdue };
  },
  /**
   * Visit completion (R-SVC-5) over [from, to] for the people served by the stations a link condition selects:
   * `due` = graded people for whom a visit fell due in the period (the last visit before it plus the interval is not
   * after its end; never visited: graded by its end), `done` = of those, visited within it. One row per person: the
   * first grade's date on the person, the visit days on its contact row (two binary searches each), so a city's year
   * reads its graded people once and no service record.
   */
  async completion(db: DbOrTx, linkCondition: SQL, days: IntervalDays, from: string, to: string, wide = false) {
    const interval = intervalOf(days);
    const visitDays = sql`coalesce(${contacts.visitDays}, '{}'::integer[])`;
    const before = visitedBetween(visitDays, sql`${to}::date - ${interval} + 1`, sql`${from}::date - 1`);
    const within = visitedBetween(visitDays, sql`${from}::date`, sql`${to}::date`);
    const linked = sql`select ${links.beneficiaryId} from ${links} where ${links.archivedAt} is null and ${linkCondition}`;
    const people = db
      .select({
        due: sql<boolean>`(${gradedOn} <= ${to}::date and not ${before})`.as('due'),
        done: sql<boolean>`${within}`.as('done'),
      })
      .from(b)
      .leftJoin(contacts, eq(contacts.beneficiaryId, b.id))
      // A whole city (`wide`: most people of the registry) reads its people in one pass (hash joins); a unit or a
      // station looks its linked people up by key.
      .where(
        and(
          wide ? sql`${b.id} in (${linked})` : sql`${b.id} = any(array(${linked}))`,
          isNull(b.archivedAt),
          isNotNull(b.riskLevel),
        ),
      )
      .as('people');
    const [row] = await db
      .select({
        due: sql<number>`(count(*) filter (where ${people.due}))::int`,
        done: sql<number>`(count(*) filter (where ${people.due} and ${people.done}))::int`,
      })
      .from(people);
    return row;
  },
};

/** Link conditions for the completion: the stations of a division, or named stations. */
export const linksIn = {
  path: (path: string) => sql`${links.divisionPath} like ${`${path}%`}`,
  stations: (ids: string[]) => (ids.length ? sql`${links.stationId} = any(${sql.param(ids)}::uuid[])` : sql`false`),
};
