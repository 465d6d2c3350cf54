import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { fieldError } from '../../platform/http/errors';
import { stations } from '../stations';

/** The named stations, all of which must belong to the given county (a plan or procurement covers its own unit only). */
export async function stationsOfCounty(db: DbOrTx, countyCode: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ id: stations.id, name: stations.name })
    .from(stations)
    .where(and(inArray(stations.id, unique), eq(stations.countyCode, countyCode), isNull(stations.archivedAt)));
  if (rows.length !== unique.length) throw fieldError('stationIds', '包含不存在或不属于本县（区）的社工站');
  return rows;
}

/** Names of stations by id, for views. */
export async function stationNames(db: DbOrTx, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: stations.id, name: stations.name }).from(stations).where(inArray(stations.id, ids));
}
