import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ComplaintQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { underUnit } from './satisfaction.repository';
import { complaints as c } from './satisfaction.table';

export type ComplaintRow = typeof c.$inferSelect;
export type ComplaintInsert = typeof c.$inferInsert;

/** Which complaints an actor reaches (R-SCOPE-1): officers their division, the contractor its own. */
export const complaintScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: c.divisionPath,
    stationId: c.stationId,
    organisationId: c.organisationId,
  });

/** All SQL of complaints; every read takes a scope condition. */
export const complaintsRepository = {
  async insert(db: DbOrTx, values: ComplaintInsert): Promise<ComplaintRow> {
    const [row] = await db.insert(c).values(values).returning();
    return row;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ComplaintRow | undefined> {
    const [row] = await db
      .select()
      .from(c)
      .where(and(scope, eq(c.id, id)));
    return row;
  },

  /** Open first, then answered, then closed; newest first within each. */
  page(db: DbOrTx, scope: SQL, q: ComplaintQuery) {
    const where = and(
      scope,
      q.status ? eq(c.status, q.status) : undefined,
      q.source ? eq(c.source, q.source) : undefined,
      q.stationId ? eq(c.stationId, q.stationId) : undefined,
      q.organisationId ? eq(c.organisationId, q.organisationId) : undefined,
      q.unit ? underUnit(c.divisionPath, q.unit) : undefined,
    );
    const order = sql`case ${c.status} when 'open' then 0 when 'answered' then 1 else 2 end`;
    return pageRows(
      db.select().from(c).where(where).orderBy(order, desc(c.receivedOn), desc(c.createdAt), desc(c.id)).$dynamic(),
      db.$count(c, where),
      q,
    );
  },

  /** A status step from `from`, guarded by the version the caller read. */
  async step(db: DbOrTx, id: string, version: number, from: ComplaintRow['status'], set: Partial<ComplaintInsert>) {
    const [row] = await db
      .update(c)
      .set({ ...set, version: sql`${c.version} + 1` })
      .where(and(eq(c.id, id), eq(c.version, version), eq(c.status, from)))
      .returning();
    return row as ComplaintRow | undefined;
  },
};
