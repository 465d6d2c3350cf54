import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { BUILT_STATUSES, type PageQuery, type Scope, type StationQuery, type StationStatus } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/search';
import { pageRows } from '../../platform/http/paging';
import { stations } from './stations.table';

export type StationRow = typeof stations.$inferSelect;
export type NewStationRow = typeof stations.$inferInsert;
export type StationFilters = Omit<StationQuery, 'page' | 'pageSize'>;

/** The scope condition on stations (R-SCOPE-1): by township path, or by the station list of contractor staff. */
export const stationScope = (scope: Scope) =>
  scopeCondition(scope, { divisionPath: stations.divisionPath, stationId: stations.id });

const summary = {
  id: stations.id,
  name: stations.name,
  divisionPath: stations.divisionPath,
  countyCode: stations.countyCode,
  status: stations.status,
};

function filtered(scope: SQL, q: StationFilters) {
  const conds: (SQL | undefined)[] = [scope, isNull(stations.archivedAt)];
  if (q.county) conds.push(eq(stations.countyCode, q.county));
  if (q.status) conds.push(eq(stations.status, q.status));
  if (q.batchYear) conds.push(eq(stations.batchYear, q.batchYear));
  if (q.q) conds.push(ilike(stations.name, containsPattern(q.q)));
  return and(...conds);
}

/** All SQL on the stations table; every read of records takes the caller's scope condition. */
export const stationsRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<StationRow | undefined> {
    const rows = await db
      .select()
      .from(stations)
      .where(and(scope, eq(stations.id, id), isNull(stations.archivedAt)))
      .limit(1);
    return rows[0];
  },
  async findByTownship(db: DbOrTx, townshipCode: string): Promise<StationRow | undefined> {
    const rows = await db.select().from(stations).where(eq(stations.townshipCode, townshipCode)).limit(1);
    return rows[0];
  },
  /** One page of the register: the rows and the count over the same filter. */
  async page(db: DbOrTx, scope: SQL, q: StationQuery) {
    const where = filtered(scope, q);
    const rows = db
      .select()
      .from(stations)
      .where(where)
      .orderBy(asc(stations.divisionPath), asc(stations.id))
      .$dynamic();
    return pageRows(rows, db.$count(stations, where), q);
  },
  /** Every row the filter selects (the export). */
  async all(db: DbOrTx, scope: SQL, q: StationFilters): Promise<StationRow[]> {
    return db.select().from(stations).where(filtered(scope, q)).orderBy(asc(stations.divisionPath));
  },
  async insert(db: DbOrTx, values: NewStationRow): Promise<StationRow> {
    const [s] = await db.insert(stations).values(values).returning();
    return s;
  },
  /** Writes when the version still matches (optimistic locking); undefined when someone else changed it first. */
  async updateVersioned(
    db: DbOrTx,
    id: string,
    version: number,
    set: Partial<NewStationRow>,
  ): Promise<StationRow | undefined> {
    const [s] = await db
      .update(stations)
      .set({ ...set, version: version + 1 })
      .where(and(eq(stations.id, id), eq(stations.version, version)))
      .returning();
    return s;
  },

  // Reads for other modules (through stations.lookup.ts).
  /**
   * Facts of stations by id, prepared (every service record's create reads its station): the ids one array parameter,
   * so the statement is the same for any number of them.
   */
  preparedSummaries(db: DbOrTx) {
    const q = db
      .select(summary)
      .from(stations)
      .where(sql`${stations.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare('station_summaries');
    return (ids: string[]) => q.execute({ ids });
  },
  async ofCounty(db: DbOrTx, countyCode: string, ids: string[]) {
    return db
      .select(summary)
      .from(stations)
      .where(and(inArray(stations.id, ids), eq(stations.countyCode, countyCode), isNull(stations.archivedAt)));
  },
  async inScope(db: DbOrTx, scope: Scope, statuses: readonly StationStatus[]) {
    return db
      .select(summary)
      .from(stations)
      .where(and(stationScope(scope), isNull(stations.archivedAt), inArray(stations.status, [...statuses])));
  },
  /** R-PLAN-1 counts per unit and batch year, one GROUP BY. */
  async countsByCountyYear(db: DbOrTx, scope: Scope) {
    return db
      .select({
        countyCode: stations.countyCode,
        year: stations.batchYear,
        registered: sql<number>`count(*)::int`,
        built: sql<number>`(count(*) filter (where ${stations.status} in (${sql.join(
          BUILT_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})))::int`,
        operating: sql<number>`(count(*) filter (where ${stations.status} = 'operating'))::int`,
      })
      .from(stations)
      .where(and(stationScope(scope), isNull(stations.archivedAt)))
      .groupBy(stations.countyCode, stations.batchYear);
  },
  /** One page of the public directory: operating stations, institutional contact data only. */
  async operatingDirectory(db: DbOrTx, q: { county?: string } & PageQuery) {
    const conds = [eq(stations.status, 'operating'), isNull(stations.archivedAt)];
    if (q.county) conds.push(eq(stations.countyCode, q.county));
    const where = and(...conds);
    const rows = db
      .select({
        id: stations.id,
        name: stations.name,
        countyCode: stations.countyCode,
        townshipCode: stations.townshipCode,
        address: stations.address,
        phone: stations.phone,
        openingHours: stations.openingHours,
      })
      .from(stations)
      .where(where)
      .orderBy(asc(stations.divisionPath), asc(stations.id))
      .$dynamic();
    return pageRows(rows, db.$count(stations, where), q);
  },
};
