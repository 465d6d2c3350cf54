import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { PurchasePlanQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { purchasePlanEvents, purchasePlans } from './purchasing.table';

export type PlanRow = typeof purchasePlans.$inferSelect;
export type NewPlan = typeof purchasePlans.$inferInsert;
export type PlanEventRow = typeof purchasePlanEvents.$inferSelect;

/** The caller's reach over purchase plans. */
export const planScope = (scope: Scope): SQL => scopeCondition(scope, { divisionPath: purchasePlans.divisionPath });

/** R-PUR-2 purchase plans and their event trail. */
export const purchasePlansRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<PlanRow | undefined> {
    const rows = await db
      .select()
      .from(purchasePlans)
      .where(and(eq(purchasePlans.id, id), scope, isNull(purchasePlans.archivedAt)))
      .limit(1);
    return rows[0];
  },
  /** One page of the plans in scope, with the total over the same filter. */
  async page(db: DbOrTx, scope: SQL, q: PurchasePlanQuery) {
    const conds: (SQL | undefined)[] = [scope, isNull(purchasePlans.archivedAt)];
    if (q.county) conds.push(eq(purchasePlans.countyCode, q.county));
    if (q.year) conds.push(eq(purchasePlans.year, q.year));
    if (q.status) conds.push(eq(purchasePlans.status, q.status));
    const where = and(...conds);
    const page = db
      .select()
      .from(purchasePlans)
      .where(where)
      .orderBy(
        desc(purchasePlans.year),
        asc(purchasePlans.divisionPath),
        asc(purchasePlans.createdAt),
        asc(purchasePlans.id),
      );
    const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(purchasePlans, where), q);
    return { rows, total };
  },
  /** The event trails of many plans in one query, oldest first. */
  async eventsOf(db: DbOrTx, planIds: string[]): Promise<PlanEventRow[]> {
    if (planIds.length === 0) return [];
    return db
      .select()
      .from(purchasePlanEvents)
      .where(inArray(purchasePlanEvents.planId, planIds))
      .orderBy(asc(purchasePlanEvents.at));
  },
  async insert(tx: DbOrTx, values: NewPlan): Promise<PlanRow> {
    const [p] = await tx.insert(purchasePlans).values(values).returning();
    return p;
  },
  async addEvent(tx: DbOrTx, values: typeof purchasePlanEvents.$inferInsert) {
    await tx.insert(purchasePlanEvents).values(values);
  },
  /** An update guarded by the version the user saw; undefined when someone else changed the plan first. */
  async updateAtVersion(tx: DbOrTx, id: string, version: number, set: Partial<NewPlan>): Promise<PlanRow | undefined> {
    const [n] = await tx
      .update(purchasePlans)
      .set(set)
      .where(and(eq(purchasePlans.id, id), eq(purchasePlans.version, version)))
      .returning();
    return n;
  },
};
