import type { AlertKind } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { RequestContext } from '../../platform/audit/audit';

// What the services module needs from the cases and alerts modules, as interfaces they implement and `app.ts` passes in,
// so that the modules depend on each other only through these two shapes (no import cycle).

/** The case a record is an intervention of (R-SVC-3): a closed case takes no new records. */
export interface CaseGate {
  /**
   * Inside the record's transaction: the case exists at this station (else `CASE_NOT_FOUND`, 404) and is open for
   * interventions (else `CASE_CLOSED`, 409 with a Chinese message). Returns the case's person, who must be among the
   * record's people.
   */
  checkForRecord(tx: DbOrTx, caseId: string, stationId: string): Promise<{ beneficiaryId: string }>;
}

/** What a flagged record or person raises (R-SVC-5). */
export interface AlertInput {
  stationId: string;
  divisionPath: string;
  organisationId: string | null;
  beneficiaryId: string | null;
  serviceRecordId: string | null;
  kind: AlertKind;
  description: string;
}

/** Raises an alert at once, in the caller's transaction (audited there). */
export interface AlertRaiser {
  raise(tx: DbOrTx, ctx: RequestContext, input: AlertInput): Promise<{ id: string }>;
}
