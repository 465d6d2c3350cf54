import { and, asc, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import {
  serviceMonthStats as stats,
  servicePeopleMonths as people,
  serviceRecordPeople as recordPeople,
  serviceUnitPeople as unitPeople,
} from './services.table';
import { monthBit } from './rollups.repository';

// Service statistics from the month rollups (DESIGN §3, R-SVC-2…5): `service_month_stats` and `service_people_months`
// are kept in step with every record in its transaction, so a figure here moves the moment a record is saved, and a
// year of a city reads thousands of rollup rows instead of millions of records.

/** Months as the rollups hold them: the first day of each, both ends inclusive. */
export interface MonthRange {
  from: string;
  to: string;
}

const statsCols = {
  divisionPath: stats.divisionPath,
  stationId: stats.stationId,
  organisationId: stats.organisationId,
};
const peopleCols = {
  divisionPath: people.divisionPath,
  stationId: people.stationId,
  organisationId: people.organisationId,
};
const inMonths = (col: typeof stats.month | typeof people.month, m: MonthRange) =>
  sql`${col} between ${m.from}::date and ${m.to}::date`;

const figures = {
  records: sql<number>`coalesce(sum(${stats.records}), 0)::int`,
  personServices: sql<number>`coalesce(sum(${stats.personServices}), 0)::int`,
  headCount: sql<number>`coalesce(sum(${stats.headCount}), 0)::int`,
  minutes: sql<number>`coalesce(sum(${stats.minutes}), 0)::int`,
};

const depth = (path: string) => path.split('/').filter(Boolean).length;

/**
 * Whether the unit rows (`service_unit_people`) answer a narrowed scope: the city or a unit (a county-level division),
 * asked by an officer of the city or a unit, with no station or organisation named. Anything finer reads the station
 * rows.
 */
const atUnitLevel = (n: NarrowedScope) =>
  n.scope.kind === 'division' &&
  !n.stationIds &&
  !n.organisationId &&
  depth(n.scope.path) <= 2 &&
  (!n.path || depth(n.path) <= 2);

/** The unit rows of a division-level scope served in the months: their 60-month blocks' bits tested (at most two). */
function unitPeopleWhere(n: NarrowedScope, m: MonthRange): SQL {
  const masks = new Map<number, bigint>();
  let { block, bit } = monthBit(m.from);
  const last = monthBit(m.to);
  for (;;) {
    masks.set(block, (masks.get(block) ?? 0n) | bit);
    if (block === last.block && bit === last.bit) break;
    [block, bit] = bit === 1n << 59n ? [block + 1, 1n] : [block, bit << 1n];
  }
  const path = n.scope.kind === 'division' ? n.scope.path : '';
  return and(
    sql`${unitPeople.unitPath} like ${`${path}%`}`,
    n.path ? sql`${unitPeople.unitPath} like ${`${n.path}%`}` : undefined,
    or(
      ...[...masks].map(
        ([b, mask]) => sql`(${unitPeople.block} = ${b} and ${unitPeople.months} & ${mask.toString()}::bigint <> 0)`,
      ),
    ),
  )!;
}

/** The child a row belongs to: the next division code under `parentPath`, or the station. */
const childOf = (by: 'unit' | 'station', parentPath: string, col: { divisionPath: AnyColumn; stationId: AnyColumn }) =>
  by === 'station'
    ? sql<string>`${col.stationId}::text`
    : sql<string>`split_part(substr(${col.divisionPath}, ${sql.raw(String(parentPath.length + 1))}), '/', 1)`;

/** The statistics the services module answers for others (statistics, reports): read-only, scoped like every list. */
export const serviceStatistics = {
  /** Records, person-services, head counts and minutes: in all, by domain, item, form and month. */
  async figures(db: DbOrTx, n: NarrowedScope, m: MonthRange) {
    const where = and(narrowedCondition(n, statsCols), inMonths(stats.month, m));
    const [totals, byDomain, byItem, byForm, byMonth] = await Promise.all([
      db.select(figures).from(stats).where(where),
      db
        .select({ domainCode: stats.domainCode, ...figures })
        .from(stats)
        .where(where)
        .groupBy(stats.domainCode)
        .orderBy(asc(stats.domainCode)),
      db
        .select({ code: stats.catalogueCode, domainCode: stats.domainCode, ...figures })
        .from(stats)
        .where(where)
        .groupBy(stats.catalogueCode, stats.domainCode),
      db
        .select({ form: stats.form, ...figures })
        .from(stats)
        .where(where)
        .groupBy(stats.form),
      db
        .select({ month: sql<string>`to_char(${stats.month}, 'YYYY-MM')`, ...figures })
        .from(stats)
        .where(where)
        .groupBy(stats.month)
        .orderBy(asc(stats.month)),
    ]);
    return { totals: totals[0], byDomain, byItem, byForm, byMonth };
  },
  /** Distinct named people served in the months (a person served in several months or stations counts once). */
  async peopleServed(db: DbOrTx, n: NarrowedScope, m: MonthRange): Promise<number> {
    // Distinct by hashing (a subquery grouped), not count(distinct …), which sorts every row.
    const ids = atUnitLevel(n)
      ? db.select({ id: unitPeople.beneficiaryId }).from(unitPeople).where(unitPeopleWhere(n, m))
      : db
          .select({ id: people.beneficiaryId })
          .from(people)
          .where(and(narrowedCondition(n, peopleCols), inMonths(people.month, m)));
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ids.groupBy(sql`1`).as('served'));
    return row.n;
  },
  /** The same figures per child unit (under `parentPath`) or per station, with distinct people per child. */
  async breakdown(db: DbOrTx, n: NarrowedScope, m: MonthRange, by: 'unit' | 'station', parentPath: string) {
    const child = childOf(by, parentPath, statsCols);
    const personChild = childOf(by, parentPath, peopleCols);
    const unitChild = childOf('unit', parentPath, {
      divisionPath: unitPeople.unitPath,
      stationId: unitPeople.unitPath,
    });
    const [rows, served] = await Promise.all([
      db
        .select({ id: child, ...figures })
        .from(stats)
        .where(and(narrowedCondition(n, statsCols), inMonths(stats.month, m)))
        .groupBy(child),
      by === 'unit' && atUnitLevel(n)
        ? db
            .select({ id: unitChild, people: sql<number>`count(distinct ${unitPeople.beneficiaryId})::int` })
            .from(unitPeople)
            .where(unitPeopleWhere(n, m))
            .groupBy(unitChild)
        : db
            .select({ id: personChild, people: sql<number>`count(distinct ${people.beneficiaryId})::int` })
            .from(people)
            .where(and(narrowedCondition(n, peopleCols), inMonths(people.month, m)))
            .groupBy(personChild),
    ]);
    const byId = new Map(served.map((s) => [s.id, s.people]));
    return rows.map((r) => ({ ...r, peopleServed: byId.get(r.id) ?? 0 }));
  },
  /** The people served in the months, as a subquery of ids (people by category is the registry's question). */
  servedPeople(n: NarrowedScope, m: MonthRange): SQL {
    if (atUnitLevel(n))
      return sql`select ${unitPeople.beneficiaryId} from ${unitPeople} where ${unitPeopleWhere(n, m)}`;
    return sql`select ${people.beneficiaryId} from ${people} where ${and(narrowedCondition(n, peopleCols), inMonths(people.month, m))}`;
  },
  /** R-SVC-5: "a home-visit record names the person between two dates", for visit completion. */
  visitedBetween(personId: SQL, from: SQL, to: SQL): SQL {
    // One probe of the partial index on visits: a record's people rows carry its form as `visit` and leave with the
    // record when it is withdrawn, so neither the form nor the withdrawal needs the record itself.
    return sql`exists (select 1 from ${recordPeople} where ${recordPeople.beneficiaryId} = ${personId} and ${recordPeople.visit} and ${recordPeople.servedOn} between ${from} and ${to})`;
  },
};
