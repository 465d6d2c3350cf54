import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ReferralQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { referrals } from './referrals.table';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;

/** Which referrals an actor reaches, as service records (R-SCOPE-1): officers their division, staff their stations today. */
export const referralScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, { divisionPath: referrals.divisionPath, stationId: referrals.stationId });

/** All SQL of the referrals module; every read takes the caller's scope condition. */
export const referralsRepository = {
  async insert(db: DbOrTx, values: ReferralInsert): Promise<ReferralRow> {
    const [row] = await db.insert(referrals).values(values).returning();
    return row;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ReferralRow | undefined> {
    const [row] = await db
      .select()
      .from(referrals)
      .where(and(scope, eq(referrals.id, id), sql`${referrals.archivedAt} is null`));
    return row;
  },

  async page(db: DbOrTx, scope: SQL, q: ReferralQuery) {
    const where = and(
      scope,
      sql`${referrals.archivedAt} is null`,
      q.target ? eq(referrals.target, q.target) : undefined,
      q.status ? eq(referrals.status, q.status) : undefined,
      q.stationId ? eq(referrals.stationId, q.stationId) : undefined,
      q.beneficiaryId ? eq(referrals.beneficiaryId, q.beneficiaryId) : undefined,
    );
    return pageRows(
      db
        .select()
        .from(referrals)
        .where(where)
        .orderBy(desc(referrals.submittedOn), desc(referrals.createdAt), desc(referrals.id))
        .$dynamic(),
      db.$count(referrals, where),
      q,
    );
  },

  /** A change guarded by the version the caller read (a stale write is a conflict, never a silent overwrite). */
  async update(db: DbOrTx, id: string, version: number, set: Partial<ReferralInsert>) {
    const [row] = await db
      .update(referrals)
      .set({ ...set, version: sql`${referrals.version} + 1` })
      .where(and(eq(referrals.id, id), eq(referrals.version, version)))
      .returning();
    return row as ReferralRow | undefined;
  },

  /**
   * Whether the case / service record a referral names belongs to the same station and person. Read by id through
   * their foreign-keyed tables, since the cases and services modules offer no lookup for it (yet): the one place this
   * module reads another's table, kept to an existence check.
   */
  async caseOf(db: DbOrTx, caseId: string, stationId: string, beneficiaryId: string): Promise<boolean> {
    const res = await db.execute(
      sql`select 1 as ok from cases where id = ${caseId} and station_id = ${stationId} and beneficiary_id = ${beneficiaryId}`,
    );
    return rowsOf(res).length > 0;
  },
  async recordOf(db: DbOrTx, recordId: string, stationId: string): Promise<boolean> {
    const res = await db.execute(
      sql`select 1 as ok from service_records where id = ${recordId} and station_id = ${stationId} and archived_at is null`,
    );
    return rowsOf(res).length > 0;
  },
};

const rowsOf = (res: unknown): unknown[] => (Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? []));
