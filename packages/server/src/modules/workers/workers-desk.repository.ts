import { and, asc, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { payrollRecords, workers } from './workers.table';

/** The two reads of the 工作台 over the roster: filings by status, and a month's pay and 五险一金 per worker. */
export const workersDeskRepository = {
  /** How many workers `where` reaches in each filing status, and the first of them by name (R-STAFF-6), in one query. */
  async filingCounts(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({
        status: workers.filingStatus,
        count: sql<number>`count(*)::int`,
        firstId: sql<string>`(array_agg(${workers.id}::text order by ${workers.name}, ${workers.id}))[1]`,
      })
      .from(workers)
      .where(where)
      .groupBy(workers.filingStatus);
  },
  /** Every worker `where` reaches who was hired by `lastDay`, with their record of `month` if any, in one query. */
  async monthRecords(db: DbOrTx, where: SQL | undefined, month: string, lastDay: string) {
    return db
      .select({ workerId: workers.id, organisationId: workers.organisationId, record: payrollRecords })
      .from(workers)
      .leftJoin(payrollRecords, and(eq(payrollRecords.workerId, workers.id), eq(payrollRecords.month, month)))
      .where(and(where, lte(workers.hireDate, lastDay)))
      .orderBy(asc(workers.id));
  },
};
