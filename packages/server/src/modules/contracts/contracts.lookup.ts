import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope, StationContract } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup, StationSummary } from '../stations';
import { agreements, contractStations, contracts } from './contracts.table';

/**
 * The one definition of a live contract (R-CON-2): not archived, not ended by status, and its end (the cycle's end,
 * or the end of a failed year) not yet passed on `today`. Judged on the Clock's date at every call, never captured.
 */
export const liveOn = (today: string): SQL =>
  sql`${contracts.archivedAt} is null and ${contracts.status} <> 'ended' and coalesce(${contracts.endsOn}, ${contracts.cycleEnd}) >= ${today}::date`;

/** The same rule on a row, for views: a contract past its end reads as ended the day after, with no job to run. */
export const endedOn = (c: { status: string; endsOn: string | null; cycleEnd: string }, today: string) =>
  c.status === 'ended' || (c.endsOn ?? c.cycleEnd) < today;

/** The contracts module's answers for other modules: scopes, station pages, assignments, qualification deadlines. */
export function createContractLookup(
  db: DbOrTx,
  clock: Clock,
  deps: { stations: StationLookup; organisations: OrganisationLookup },
) {
  const coveredBy = (organisationId: string) =>
    db
      .selectDistinct({ stationId: contractStations.stationId })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .where(and(eq(contracts.organisationId, organisationId), liveOn(clock.today())));

  return {
    /** The stations an organisation's live contracts cover today: contractor staff's scope (DESIGN §4). */
    async coveredStations(organisationId: string): Promise<string[]> {
      return (await coveredBy(organisationId)).map((r) => r.stationId);
    },
    /** The same stations with their names and paths (roster import matches station names against them). */
    async coveredStationSummaries(organisationId: string): Promise<StationSummary[]> {
      return deps.stations.summaries((await coveredBy(organisationId)).map((r) => r.stationId));
    },
    /** Whether the organisation has a live contract covering the station today. */
    async covers(organisationId: string, stationId: string): Promise<boolean> {
      return (await coveredBy(organisationId)).some((r) => r.stationId === stationId);
    },
    /** Whether the organisation holds a live contract of a unit inside the scope (it works there, so that unit may rule on its staff). */
    async worksIn(organisationId: string, scope: Scope): Promise<boolean> {
      const rows = await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(
          and(
            eq(contracts.organisationId, organisationId),
            liveOn(clock.today()),
            scopeCondition(scope, { divisionPath: contracts.divisionPath }),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
    /** The start of the earliest contract covering each station: R-STAFF-4's 2-year clock runs from there. */
    async firstCycleStarts(stationIds: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      if (stationIds.length === 0) return out;
      const rows = await db
        .select({ stationId: contractStations.stationId, start: sql<string>`min(${contracts.cycleStart})` })
        .from(contractStations)
        .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
        .where(and(inArray(contractStations.stationId, stationIds), isNull(contracts.archivedAt)))
        .groupBy(contractStations.stationId);
      for (const r of rows) out.set(r.stationId, String(r.start).slice(0, 10));
      return out;
    },
    /** The contract signed from each procurement, if any (procurement views link to it). */
    async byProcurement(procurementIds: string[]): Promise<Map<string, string>> {
      if (procurementIds.length === 0) return new Map();
      const rows = await db
        .select({ id: contracts.id, procurementId: contracts.procurementId })
        .from(contracts)
        .where(inArray(contracts.procurementId, procurementIds));
      return new Map(rows.map((r) => [r.procurementId, r.id]));
    },
    /** The live contract of each station, for station pages (R-CON-2: a failed evaluation leaves a gap). */
    async stationContracts(stationIds: string[]): Promise<Map<string, StationContract>> {
      const out = new Map<string, StationContract>();
      if (stationIds.length === 0) return out;
      const today = clock.today();
      const rows = await db
        .select({
          stationId: contractStations.stationId,
          contractId: contracts.id,
          organisationId: contracts.organisationId,
          endsOn: contracts.endsOn,
          cycleEnd: contracts.cycleEnd,
          status: contracts.status,
        })
        .from(contractStations)
        .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
        .where(and(inArray(contractStations.stationId, stationIds), liveOn(today)));
      const ids = [...new Set(rows.map((r) => r.contractId))];
      const [current, names] = await Promise.all([
        ids.length
          ? db
              .select({ contractId: agreements.contractId, yearNo: agreements.yearNo })
              .from(agreements)
              .where(
                and(
                  inArray(agreements.contractId, ids),
                  sql`${agreements.periodStart} <= ${today}::date and ${agreements.periodEnd} >= ${today}::date`,
                ),
              )
          : [],
        deps.organisations.names(rows.map((r) => r.organisationId)),
      ]);
      for (const r of rows) {
        out.set(r.stationId, {
          contractId: r.contractId,
          contractorName: names.get(r.organisationId) ?? '',
          yearNo: current.find((a) => a.contractId === r.contractId)?.yearNo ?? null,
          endsOn: r.endsOn ?? r.cycleEnd,
          ending: r.status === 'ending',
        });
      }
      return out;
    },
  };
}
export type ContractLookup = ReturnType<typeof createContractLookup>;
