import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { narrowedCondition, type NarrowedScope } from '../../platform/auth/narrowed-scope';
import { referrals } from './referrals.table';

/**
 * Referral counts for statistics (附件2 (一)3): submitted within [from, to]; obtained (decided as obtained within it)
 * and the amount those obtained, in fen.
 */
export async function referralCountsFor(db: DbOrTx, n: NarrowedScope, from: string, to: string) {
  const obtained = sql`${referrals.status} = 'obtained' and ${referrals.decidedOn} between ${from}::date and ${to}::date`;
  const [row] = await db
    .select({
      submitted: sql<number>`(count(*) filter (where ${referrals.submittedOn} between ${from}::date and ${to}::date))::int`,
      obtained: sql<number>`(count(*) filter (where ${obtained}))::int`,
      amountFen: sql<number>`coalesce(sum(${referrals.amountFen}) filter (where ${obtained}), 0)::bigint`,
    })
    .from(referrals)
    .where(and(narrowedCondition(n, referrals), isNull(referrals.archivedAt)));
  return { ...row, amountFen: Number(row.amountFen) };
}
