import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { procurementScope, procurementsRepository } from './procurements.repository';

/** What the contracts module may know of a procurement it signs from: the award's facts, never the row. */
export interface ProcurementAward {
  id: string;
  countyCode: string;
  divisionPath: string;
  status: 'published' | 'awarded' | 'cancelled';
  awardedOn: string | null;
  awardOrganisationId: string | null;
  stationIds: string[];
}

/** The purchasing module's answers for other modules (contracts are signed from an award). */
export function createProcurementLookup(d: { db: DbOrTx }) {
  return {
    /** The procurement in the caller's scope with its award, or undefined (out of scope reads as missing). */
    async awardOf(scope: Scope, id: string): Promise<ProcurementAward | undefined> {
      const p = await procurementsRepository.findInScope(d.db, procurementScope(scope), id);
      if (!p) return undefined;
      return {
        id: p.id,
        countyCode: p.countyCode,
        divisionPath: p.divisionPath,
        status: p.status,
        awardedOn: p.awardedOn,
        awardOrganisationId: p.awardOrganisationId,
        stationIds: p.stationIds,
      };
    },
  };
}
export type ProcurementLookup = ReturnType<typeof createProcurementLookup>;
