import type { Scope, StationStatus } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { fieldError } from '../../platform/http/errors';
import { stationsRepository as repo } from './stations.repository';

/** What other modules may know of a station: never the row, only these facts. */
export interface StationSummary {
  id: string;
  name: string;
  divisionPath: string;
  countyCode: string;
  status: StationStatus;
}

/**
 * The stations module's answers for other modules (plans, procurements, contracts, workers, progress, the public
 * directory); the station table is read nowhere else. Reads that list stations take the caller's scope.
 */
export function createStationLookup({ db }: { db: DbOrTx }) {
  const summaries = repo.preparedSummaries(db);
  return {
    /** Facts of the named stations (no scope: the caller already holds their ids through its own scoped record). */
    async summaries(ids: string[]): Promise<StationSummary[]> {
      if (ids.length === 0) return [];
      return summaries([...new Set(ids)]);
    },
    /** The named stations, all of which must belong to the county (a plan or procurement covers its own unit only). */
    async ofCounty(countyCode: string, ids: string[]): Promise<StationSummary[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows = await repo.ofCounty(db, countyCode, unique);
      if (rows.length !== unique.length) throw fieldError('stationIds', '包含不存在或不属于本县（区）的社工站');
      return rows;
    },
    /** Stations in a scope with the given statuses (built ones for compliance, operating ones for staffing). */
    async inScope(scope: Scope, statuses: readonly StationStatus[]): Promise<StationSummary[]> {
      return repo.inScope(db, scope, statuses);
    },
    /** R-PLAN-1 counts per unit and batch year. */
    async countsByCountyYear(scope: Scope) {
      return repo.countsByCountyYear(db, scope);
    },
    /** The public directory, one page of it: operating stations, institutional contact data only. */
    async operatingDirectory(q: { county?: string; page: number; pageSize: number }) {
      return repo.operatingDirectory(db, q);
    },
  };
}
export type StationLookup = ReturnType<typeof createStationLookup>;
