import type { Db, DbOrTx } from '../../db/database';
import { AppError } from '../../platform/http/errors';
import { casesRepository as repo } from './cases.repository';

/** The shape of `CaseGate` (services.ports.ts), declared here so the two modules do not import each other. */
export interface CaseRecordGate {
  checkForRecord(tx: DbOrTx, caseId: string, stationId: string): Promise<{ beneficiaryId: string }>;
}

/**
 * The services module's check of a record's case (R-SVC-3), inside the record's transaction: the case is at the
 * record's station and not closed. The row is share-locked until the record commits, so a closure approved at the same
 * moment waits for it (or the record waits for the closure, and is refused).
 */
export function createCaseGate(_db?: Db): CaseRecordGate {
  return {
    async checkForRecord(tx, caseId, stationId) {
      const row = await repo.atStationForUpdate(tx, caseId, stationId);
      if (!row) throw new AppError('CASE_NOT_FOUND', '个案不存在或不属于该社工站');
      if (row.status === 'closed') throw new AppError('CASE_CLOSED', '个案已结案，不能再添加服务记录');
      return { beneficiaryId: row.beneficiaryId };
    },
  };
}
