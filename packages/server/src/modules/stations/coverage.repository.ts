import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { PageQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { countyCentres, serviceRooms } from './stations.table';

export type CountyCentreRow = typeof countyCentres.$inferSelect;
export type ServiceRoomRow = typeof serviceRooms.$inferSelect;

/** The scope condition on county centres: by the unit's division path. */
export const centreScope = (scope: Scope): SQL => scopeCondition(scope, { divisionPath: countyCentres.divisionPath });

/** All SQL on county centres and service rooms (R-PLAN-2). */
export const coverageRepository = {
  async pageCentres(db: DbOrTx, scope: SQL, q: PageQuery) {
    const where = and(scope, isNull(countyCentres.archivedAt));
    const rows = db
      .select()
      .from(countyCentres)
      .where(where)
      .orderBy(asc(countyCentres.divisionPath), asc(countyCentres.id))
      .$dynamic();
    return pageRows(rows, db.$count(countyCentres, where), q);
  },
  async findCentreInScope(db: DbOrTx, scope: SQL, id: string): Promise<CountyCentreRow | undefined> {
    const rows = await db
      .select()
      .from(countyCentres)
      .where(and(eq(countyCentres.id, id), scope))
      .limit(1);
    return rows[0];
  },
  async centreExistsFor(db: DbOrTx, countyCode: string): Promise<boolean> {
    const rows = await db
      .select({ id: countyCentres.id })
      .from(countyCentres)
      .where(eq(countyCentres.countyCode, countyCode))
      .limit(1);
    return rows.length > 0;
  },
  async insertCentre(db: DbOrTx, values: typeof countyCentres.$inferInsert): Promise<CountyCentreRow> {
    const [c] = await db.insert(countyCentres).values(values).returning();
    return c;
  },
  async updateCentreVersioned(
    db: DbOrTx,
    id: string,
    version: number,
    set: Partial<typeof countyCentres.$inferInsert>,
  ): Promise<CountyCentreRow | undefined> {
    const [c] = await db
      .update(countyCentres)
      .set({ ...set, version: version + 1 })
      .where(and(eq(countyCentres.id, id), eq(countyCentres.version, version)))
      .returning();
    return c;
  },
  /** The rooms of one station (the caller has checked the station is in scope). */
  async roomsOf(db: DbOrTx, stationId: string): Promise<ServiceRoomRow[]> {
    return db
      .select()
      .from(serviceRooms)
      .where(and(eq(serviceRooms.stationId, stationId), isNull(serviceRooms.archivedAt)))
      .orderBy(asc(serviceRooms.villageName));
  },
  async roomExists(db: DbOrTx, stationId: string, villageName: string): Promise<boolean> {
    const rows = await db
      .select({ id: serviceRooms.id })
      .from(serviceRooms)
      .where(and(eq(serviceRooms.stationId, stationId), eq(serviceRooms.villageName, villageName)))
      .limit(1);
    return rows.length > 0;
  },
  async insertRoom(db: DbOrTx, values: typeof serviceRooms.$inferInsert): Promise<ServiceRoomRow> {
    const [r] = await db.insert(serviceRooms).values(values).returning();
    return r;
  },
};
