import { and, asc, count, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { StationQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { stations } from './stations.table';

export type StationRow = typeof stations.$inferSelect;

/** Station queries; every read takes the caller's scope condition. */
export const stationsRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<StationRow | undefined> {
    const rows = await db
      .select()
      .from(stations)
      .where(and(scope, eq(stations.id, id), isNull(stations.archivedAt)))
      .limit(1);
    return rows[0];
  },
  async findByTownship(db: DbOrTx, townshipCode: string): Promise<StationRow | undefined> {
    const rows = await db.select().from(stations).where(eq(stations.townshipCode, townshipCode)).limit(1);
    return rows[0];
  },
  async list(
    db: DbOrTx,
    scope: SQL,
    q: Omit<StationQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number },
  ) {
    const conds: (SQL | undefined)[] = [scope, isNull(stations.archivedAt)];
    if (q.county) conds.push(eq(stations.countyCode, q.county));
    if (q.status) conds.push(eq(stations.status, q.status));
    if (q.batchYear) conds.push(eq(stations.batchYear, q.batchYear));
    if (q.q) conds.push(ilike(stations.name, `%${q.q}%`));
    const where = and(...conds);
    const base = db.select().from(stations).where(where).orderBy(asc(stations.divisionPath));
    const [items, [{ total }]] = await Promise.all([
      q.pageSize ? base.limit(q.pageSize).offset(((q.page ?? 1) - 1) * q.pageSize) : base,
      db.select({ total: count() }).from(stations).where(where),
    ]);
    return { items, total };
  },
};
