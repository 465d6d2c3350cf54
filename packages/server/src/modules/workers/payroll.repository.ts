import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { payrollRecords, workers } from './workers.table';
import { currentPath } from './workers.repository';

export type PayrollRecordRow = typeof payrollRecords.$inferSelect;

/** Every read and write of monthly pay and 五险一金 (R-STAFF-6). */
export const payrollRepository = {
  /**
   * Workers `scope` reaches who were hired by `lastDay` (the month's staff), by name; narrowed to those counted in a
   * unit today (`unitPath`) and to one employer, when given.
   */
  async staffOf(
    db: DbOrTx,
    scope: SQL,
    lastDay: string,
    f: { today: string; unitPath?: string; organisationId?: string },
  ) {
    const path = currentPath(f.today);
    return db
      .select({
        id: workers.id,
        name: workers.name,
        idNumber: workers.idNumber,
        hireDate: workers.hireDate,
        organisationId: workers.organisationId,
        path,
      })
      .from(workers)
      .where(
        and(
          scope,
          isNull(workers.archivedAt),
          lte(workers.hireDate, lastDay),
          f.unitPath ? sql`${path} like ${f.unitPath + '%'}` : undefined,
          f.organisationId ? eq(workers.organisationId, f.organisationId) : undefined,
        ),
      )
      .orderBy(asc(workers.name), asc(workers.id));
  },
  /** The records of the given workers from month `from` to month `to`, in one query. */
  async records(db: DbOrTx, workerIds: string[], from: string, to: string): Promise<PayrollRecordRow[]> {
    if (workerIds.length === 0) return [];
    return db
      .select()
      .from(payrollRecords)
      .where(
        and(
          inArray(payrollRecords.workerId, workerIds),
          gte(payrollRecords.month, from),
          lte(payrollRecords.month, to),
        ),
      );
  },
  /** The current roster `scope` reaches (a contractor's own staff), for matching an import's citizen IDs. */
  async rosterOf(db: DbOrTx, scope: SQL) {
    return db
      .select({ id: workers.id, idNumber: workers.idNumber, name: workers.name })
      .from(workers)
      .where(and(scope, isNull(workers.archivedAt)));
  },
  /** Writes one worker's month (insert or replace). */
  async upsert(
    db: DbOrTx,
    key: { workerId: string; organisationId: string; month: string },
    values: Omit<typeof payrollRecords.$inferInsert, 'workerId' | 'organisationId' | 'month'>,
  ) {
    await db
      .insert(payrollRecords)
      .values({ ...key, ...values })
      .onConflictDoUpdate({ target: [payrollRecords.workerId, payrollRecords.month], set: values });
  },
};
