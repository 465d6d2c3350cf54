import { and, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ServiceForm } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import {
  serviceMonthStats as stats,
  servicePeopleMonths as people,
  serviceUnitMonthStats as unitStats,
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
const inMonths = (col: AnyColumn, m: MonthRange) => sql`${col} between ${m.from}::date and ${m.to}::date`;

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

/** The unit rows of a division-level scope: under the caller's division and the one asked for. */
const unitPathWhere = (n: NarrowedScope, col: AnyColumn) =>
  and(
    sql`${col} like ${`${n.scope.kind === 'division' ? n.scope.path : ''}%`}`,
    n.path ? sql`${col} like ${`${n.path}%`}` : undefined,
  );

/** Whether the months lie in one 60-month block (then a unit's rows name each person once). */
const oneBlock = (m: MonthRange) => monthBit(m.from).block === monthBit(m.to).block;

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
  return and(
    unitPathWhere(n, unitPeople.unitPath),
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
  /**
   * Records, person-services, head counts and minutes: in all, by domain, item, form and month — in one pass over the
   * rollup rows (grouping sets), from the unit rows for the city or a unit, else from the station rows.
   */
  async figures(db: DbOrTx, n: NarrowedScope, m: MonthRange) {
    const unit = atUnitLevel(n);
    const c = unit ? unitStats : stats;
    const sum = (col: AnyColumn) => sql<number>`coalesce(sum(${col}), 0)::int`;
    const rows = await db
      .select({
        // Bits of the columns left out of the row's grouping set: 15 all (totals), 7 by domain, 3 by item, 13 by
        // form, 14 by month.
        g: sql<number>`grouping(${c.domainCode}, ${c.catalogueCode}, ${c.form}, ${c.month})`,
        domainCode: sql<number>`${c.domainCode}`,
        code: sql<string>`${c.catalogueCode}`,
        form: sql<ServiceForm>`${c.form}`,
        month: sql<string>`to_char(${c.month}, 'YYYY-MM')`,
        records: sum(c.records),
        personServices: sum(c.personServices),
        headCount: sum(c.headCount),
        minutes: sum(c.minutes),
      })
      .from(c as typeof stats)
      .where(
        unit
          ? and(unitPathWhere(n, unitStats.unitPath), inMonths(unitStats.month, m))
          : and(narrowedCondition(n, statsCols), inMonths(stats.month, m)),
      )
      .groupBy(
        sql`grouping sets ((), (${c.domainCode}), (${c.catalogueCode}, ${c.domainCode}), (${c.form}), (${c.month}))`,
      );
    const of = (g: number) => rows.filter((r) => Number(r.g) === g);
    const sums = ({ records, personServices, headCount, minutes }: (typeof rows)[number]) => ({
      records,
      personServices,
      headCount,
      minutes,
    });
    return {
      totals: sums(of(15)[0]),
      byDomain: of(7)
        .map((r) => ({ domainCode: r.domainCode, ...sums(r) }))
        .sort((a, b) => a.domainCode - b.domainCode),
      byItem: of(3).map((r) => ({ code: r.code, domainCode: r.domainCode, ...sums(r) })),
      byForm: of(13).map((r) => ({ form: r.form, ...sums(r) })),
      byMonth: of(14)
        .map((r) => ({ month: r.month, ...sums(r) }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
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
    const units = by === 'unit' && atUnitLevel(n);
    const unitChild = (col: AnyColumn) => childOf('unit', parentPath, { divisionPath: col, stationId: col });
    const sum = (col: AnyColumn) => sql<number>`coalesce(sum(${col}), 0)::int`;
    const [rows, served] = await Promise.all([
      units
        ? db
            .select({
              id: unitChild(unitStats.unitPath),
              records: sum(unitStats.records),
              personServices: sum(unitStats.personServices),
              headCount: sum(unitStats.headCount),
              minutes: sum(unitStats.minutes),
            })
            .from(unitStats)
            .where(and(unitPathWhere(n, unitStats.unitPath), inMonths(unitStats.month, m)))
            .groupBy(unitChild(unitStats.unitPath))
        : db
            .select({ id: child, ...figures })
            .from(stats)
            .where(and(narrowedCondition(n, statsCols), inMonths(stats.month, m)))
            .groupBy(child),
      units
        ? db
            .select({
              id: unitChild(unitPeople.unitPath),
              // Within one block a unit's rows are one per person: counted without sorting them.
              people: oneBlock(m)
                ? sql<number>`count(*)::int`
                : sql<number>`count(distinct ${unitPeople.beneficiaryId})::int`,
            })
            .from(unitPeople)
            .where(unitPeopleWhere(n, m))
            .groupBy(unitChild(unitPeople.unitPath))
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
};
