import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { ProcurementQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { procurements, purchasePlans } from './purchasing.table';

export type ProcurementRow = typeof procurements.$inferSelect;
export type NewProcurement = typeof procurements.$inferInsert;
type Page = { page: number; pageSize: number };

/** The caller's reach over procurements (a unit's own and those below it). */
export const procurementScope = (scope: Scope): SQL =>
  scopeCondition(scope, { divisionPath: procurements.divisionPath });

async function pageWhere(db: DbOrTx, where: SQL | undefined, q: Page) {
  const page = db
    .select()
    .from(procurements)
    .where(where)
    .orderBy(desc(procurements.publishedOn), desc(procurements.createdAt), asc(procurements.id));
  const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(procurements, where), q);
  return { rows, total };
}

/** R-PUR-3 procurements: every read of a scoped record takes the caller's scope condition. */
export const procurementsRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ProcurementRow | undefined> {
    const rows = await db
      .select()
      .from(procurements)
      .where(and(eq(procurements.id, id), scope, isNull(procurements.archivedAt)))
      .limit(1);
    return rows[0];
  },
  /** One page of the procurements in scope, with the total over the same filter. */
  page(db: DbOrTx, scope: SQL, q: ProcurementQuery) {
    const conds: (SQL | undefined)[] = [scope, isNull(procurements.archivedAt)];
    if (q.county) conds.push(eq(procurements.countyCode, q.county));
    if (q.status) conds.push(eq(procurements.status, q.status));
    return pageWhere(db, and(...conds), q);
  },
  /** Published announcements and results for the public portal (no scope: they are public). */
  publicPage(db: DbOrTx, q: Page) {
    return pageWhere(
      db,
      and(isNull(procurements.archivedAt), inArray(procurements.status, ['published', 'awarded'])),
      q,
    );
  },
  /** The unit's purchase plan a procurement names (R-PUR-2: it must be filed). */
  async planOfCounty(db: DbOrTx, planId: string, countyCode: string) {
    const rows = await db
      .select({ id: purchasePlans.id, status: purchasePlans.status })
      .from(purchasePlans)
      .where(and(eq(purchasePlans.id, planId), eq(purchasePlans.countyCode, countyCode)))
      .limit(1);
    return rows[0];
  },
  async insert(tx: DbOrTx, values: NewProcurement): Promise<ProcurementRow> {
    const [p] = await tx.insert(procurements).values(values).returning();
    return p;
  },
  /** The award, only while the procurement is still published (a concurrent award finds nothing to update). */
  async award(
    tx: DbOrTx,
    id: string,
    set: Pick<
      NewProcurement,
      'awardOrganisationId' | 'awardAmountFen' | 'awardedOn' | 'version' | 'updatedAt' | 'updatedBy'
    >,
  ): Promise<ProcurementRow | undefined> {
    const [n] = await tx
      .update(procurements)
      .set({ ...set, status: 'awarded' })
      .where(and(eq(procurements.id, id), eq(procurements.status, 'published')))
      .returning();
    return n;
  },
};
