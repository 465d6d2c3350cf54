import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { catalogueItems, divisions, planTargets, referenceDataLoads } from './divisions.table';

export type DivisionRow = typeof divisions.$inferSelect;
export type NewDivisionRow = typeof divisions.$inferInsert;
export type NewPlanTargetRow = typeof planTargets.$inferInsert;
export type NewCatalogueItemRow = typeof catalogueItems.$inferInsert;

/** All SQL on the reference-data tables: divisions, 附件1 targets, the 附件2 catalogue and the load ledger. */
export const divisionsRepository = {
  async all(db: DbOrTx): Promise<DivisionRow[]> {
    return db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.code));
  },
  async planTargets(db: DbOrTx) {
    return db
      .select({ divisionCode: planTargets.divisionCode, year: planTargets.year, target: planTargets.target })
      .from(planTargets);
  },
  /** 附件2 in catalogue order (R-SVC-2). */
  async catalogue(db: DbOrTx) {
    return db.select().from(catalogueItems).orderBy(asc(catalogueItems.domainCode), asc(catalogueItems.itemNumber));
  },
  /** The record of a reference-data step, if it was applied. */
  async findLoad(db: DbOrTx, id: string) {
    const rows = await db.select().from(referenceDataLoads).where(eq(referenceDataLoads.id, id));
    return rows[0];
  },
  /** Claims a step inside its transaction; false when another process applied it meanwhile. */
  async claimLoad(tx: DbOrTx, load: { id: string; checksum: string; rows: number }): Promise<boolean> {
    const claimed = await tx.insert(referenceDataLoads).values(load).onConflictDoNothing().returning();
    return claimed.length > 0;
  },
  async insertDivisions(tx: DbOrTx, rows: NewDivisionRow[]) {
    await tx.insert(divisions).values(rows);
  },
  async insertPlanTargets(tx: DbOrTx, rows: NewPlanTargetRow[]) {
    await tx.insert(planTargets).values(rows);
  },
  async insertCatalogueItems(tx: DbOrTx, rows: NewCatalogueItemRow[]) {
    await tx.insert(catalogueItems).values(rows);
  },
};
