import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { StationContract } from '@shegong/shared';
import type { Db } from '../../db/database';
import { organisations } from '../organisations';
import { agreements, contractStations, contracts } from './contracts.table';

/** Shanghai's calendar date, the day the rules are judged on. */
export const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A contract is live until its end (the cycle's end, or the end of a failed year). */
export const liveContract = sql`${contracts.status} <> 'ended' and coalesce(${contracts.endsOn}, ${contracts.cycleEnd}) >= ${todayInChina()}::date`;

/** The live contract of each station, for station pages (R-CON-2: a failed evaluation leaves a gap). */
export function createStationContractLookup(db: Db) {
  return async (stationIds: string[]): Promise<Map<string, StationContract>> => {
    const out = new Map<string, StationContract>();
    if (stationIds.length === 0) return out;
    const today = todayInChina();
    const rows = await db
      .select({ stationId: contractStations.stationId, contractId: contracts.id, contractorName: organisations.name, endsOn: contracts.endsOn, cycleEnd: contracts.cycleEnd, status: contracts.status })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .innerJoin(organisations, eq(organisations.id, contracts.organisationId))
      .where(and(inArray(contractStations.stationId, stationIds), isNull(contracts.archivedAt), ne(contracts.status, 'ended'), liveContract));
    const ids = [...new Set(rows.map((r) => r.contractId))];
    const current = ids.length
      ? await db.select({ contractId: agreements.contractId, yearNo: agreements.yearNo }).from(agreements).where(and(inArray(agreements.contractId, ids), sql`${agreements.periodStart} <= ${today}::date and ${agreements.periodEnd} >= ${today}::date`))
      : [];
    for (const r of rows) {
      out.set(r.stationId, { contractId: r.contractId, contractorName: r.contractorName, yearNo: current.find((a) => a.contractId === r.contractId)?.yearNo ?? null, endsOn: r.endsOn ?? r.cycleEnd, ending: r.status === 'ending' });
    }
    return out;
  };
}
export type StationContractLookup = ReturnType<typeof createStationContractLookup>;
