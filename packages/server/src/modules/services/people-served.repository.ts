import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { serviceRecordPeople } from './services.table';

/**
 * The distinct people named on service records of a station between two dates (inclusive), ordered by id: the pool a
 * call-back survey draws from (满意度 R-EVAL-3). The caller has already checked the station is in its scope.
 */
export async function peopleServedAt(db: DbOrTx, stationId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: serviceRecordPeople.beneficiaryId })
    .from(serviceRecordPeople)
    .where(
      and(
        eq(serviceRecordPeople.stationId, stationId),
        gte(serviceRecordPeople.servedOn, from),
        lte(serviceRecordPeople.servedOn, to),
      ),
    )
    .orderBy(asc(serviceRecordPeople.beneficiaryId));
  return rows.map((r) => r.id);
}
