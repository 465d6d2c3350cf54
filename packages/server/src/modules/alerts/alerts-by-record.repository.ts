import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { alerts } from './alerts.table';

/**
 * The alerts raised with each service record (ids only: the record's page links to them, and the alert's own page
 * decides who reads its details). For records already in the caller's scope.
 */
export async function alertIdsByRecord(db: DbOrTx, recordIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (recordIds.length === 0) return out;
  const rows = await db
    .select({ id: alerts.id, recordId: alerts.serviceRecordId })
    .from(alerts)
    .where(inArray(alerts.serviceRecordId, recordIds))
    .orderBy(asc(alerts.raisedAt));
  for (const r of rows) if (r.recordId) out.set(r.recordId, [...(out.get(r.recordId) ?? []), r.id]);
  return out;
}
