import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { BUILT_STATUSES, type Scope, type StationStatus } from '@shegong/shared';
import { scopeCondition } from '../../platform/auth/scope';
import type { DbOrTx } from '../../db/database';
import { fieldError } from '../../platform/http/errors';
import { stations } from './stations.table';

/** What other modules may know of a station: never the row, only these facts. */
export interface StationSummary {
  id: string;
  name: string;
  divisionPath: string;
  countyCode: string;
  status: StationStatus;
}
const summary = {
  id: stations.id,
  name: stations.name,
  divisionPath: stations.divisionPath,
  countyCode: stations.countyCode,
  status: stations.status,
};

/**
 * The stations module's answers for other modules (plans, procurements, contracts, workers, progress, the public
 * directory); the station table is read nowhere else. Reads that list stations take the caller's scope.
 */
export function createStationLookup(db: DbOrTx) {
  return {
    /** Facts of the named stations (no scope: the caller already holds their ids through its own scoped record). */
    async summaries(ids: string[]): Promise<StationSummary[]> {
      if (ids.length === 0) return [];
      return db
        .select(summary)
        .from(stations)
        .where(inArray(stations.id, [...new Set(ids)]));
    },
    /** The named stations, all of which must belong to the county (a plan or procurement covers its own unit only). */
    async ofCounty(countyCode: string, ids: string[]): Promise<StationSummary[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows = await db
        .select(summary)
        .from(stations)
        .where(and(inArray(stations.id, unique), eq(stations.countyCode, countyCode), isNull(stations.archivedAt)));
      if (rows.length !== unique.length) throw fieldError('stationIds', '包含不存在或不属于本县（区）的社工站');
      return rows;
    },
    /** Stations in a scope with the given statuses (built ones for compliance, operating ones for staffing). */
    async inScope(scope: Scope, statuses: readonly StationStatus[]): Promise<StationSummary[]> {
      return db
        .select(summary)
        .from(stations)
        .where(and(scopeOf(scope), isNull(stations.archivedAt), inArray(stations.status, [...statuses])));
    },
    /** R-PLAN-1 counts per unit and batch year. */
    async countsByCountyYear(scope: Scope) {
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
        .where(and(scopeOf(scope), isNull(stations.archivedAt)))
        .groupBy(stations.countyCode, stations.batchYear);
    },
    /** The public directory: operating stations, institutional contact data only. */
    async operatingDirectory(county?: string) {
      const conds = [eq(stations.status, 'operating'), isNull(stations.archivedAt)];
      if (county) conds.push(eq(stations.countyCode, county));
      return db
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
        .where(and(...conds))
        .orderBy(asc(stations.divisionPath));
    },
  };
}
export type StationLookup = ReturnType<typeof createStationLookup>;

/** The scope condition on stations (R-SCOPE-1): by township path, or by the station list of contractor staff. */
export const scopeOf = (scope: Scope) =>
  scopeCondition(scope, { divisionPath: stations.divisionPath, stationId: stations.id });
