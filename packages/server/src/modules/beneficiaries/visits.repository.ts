import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_VISIT_INTERVAL_DAYS, type RiskLevel } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import {
  beneficiaries as b,
  beneficiaryContacts as contacts,
  beneficiaryRiskAssessments as risks,
  beneficiaryStations as links,
  visitIntervals,
} from './beneficiaries.table';

export type IntervalRow = typeof visitIntervals.$inferSelect;
export type IntervalDays = Record<RiskLevel, number>;

/** The interval of each row's risk level, as SQL (the three figures are read once per request). */
const intervalOf = (days: IntervalDays) =>
  sql`(case ${b.riskLevel} when 'high' then ${days.high}::int when 'medium' then ${days.medium}::int else ${days.low}::int end)`;

/** When the person was first graded (the visit schedule starts then); the registration date without an assessment. */
const gradedOn = sql`coalesce((select min(${risks.assessedOn}) from ${risks} where ${risks.beneficiaryId} = ${b.id}), (${b.createdAt} at time zone 'Asia/Shanghai')::date)`;

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
   * after its end; never visited: graded by its end), `done` = of those, visited within it. `visitedBetween(person,
   * from, to)` is the services module's condition "a home visit record names the person between the two dates".
   */
  async completion(
    db: DbOrTx,
    linkCondition: SQL,
    days: IntervalDays,
    from: string,
    to: string,
    visitedBetween: (personId: SQL, from: SQL, to: SQL) => SQL,
    wide = false,
  ) {
    const interval = intervalOf(days);
    // The same due date as the list, as of the period's start: graded by its end, and no visit before it recent
    // enough to carry the next due date past its end. Each person's probes (a visit in the window before, a visit
    // within) run once, in the fenced subquery (`offset 0`), not once per aggregate that names them. For a whole city
    // (`wide`: most people of the registry) the people and their first grades are read in one pass each (hash joins)
    // rather than probed person by person.
    const windowStart = sql`${to}::date - ${interval} + 1`;
    const firstGrades = db
      .select({ id: risks.beneficiaryId, first: sql<string>`min(${risks.assessedOn})`.as('first') })
      .from(risks)
      .groupBy(risks.beneficiaryId)
      .as('first_grades');
    const graded = wide
      ? sql`coalesce(${firstGrades.first}, (${b.createdAt} at time zone 'Asia/Shanghai')::date)`
      : gradedOn;
    const linked = sql`select ${links.beneficiaryId} from ${links} where ${links.archivedAt} is null and ${linkCondition}`;
    const base = db
      .select({
        due: sql<boolean>`(${graded} <= ${to}::date and not ${visitedBetween(sql`${b.id}`, windowStart, sql`${from}::date - 1`)})`.as(
          'due',
        ),
        done: sql<boolean>`${visitedBetween(sql`${b.id}`, sql`${from}::date`, sql`${to}::date`)}`.as('done'),
      })
      .from(b)
      .$dynamic();
    const people = (wide ? base.leftJoin(firstGrades, eq(firstGrades.id, b.id)) : base)
      .where(
        and(
          wide ? sql`${b.id} in (${linked})` : sql`${b.id} = any(array(${linked}))`,
          isNull(b.archivedAt),
          isNotNull(b.riskLevel),
        ),
      )
      .offset(0)
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
