import { and, isNull, sql, type SQL } from 'drizzle-orm';
import { HEALTH_CATEGORIES, type BeneficiaryCategory } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { beneficiaryCategories as cats } from './beneficiaries.table';

/**
 * People served by category as of a period (R-SVC-1, R-SVC-2 statistics): of the people a subquery names (those a
 * scope served in the period), how many were in each category at some time during it (a person in two categories
 * counts in both). Health categories only when `withHealth` (R-SCOPE-2: who may see them).
 */
export async function servedByCategory(
  db: DbOrTx,
  servedPeople: SQL,
  from: string,
  to: string,
  withHealth: boolean,
): Promise<{ category: BeneficiaryCategory; people: number }[]> {
  // Distinct (person, category) pairs, then counted: in person order (the index) the pairs come out of a merge with
  // the people served, where count(distinct) per category would sort every row by category (issue 11).
  const pairs = db
    .selectDistinct({ id: cats.beneficiaryId, category: cats.category })
    .from(cats)
    .where(
      and(
        sql`${cats.beneficiaryId} in (${servedPeople})`,
        isNull(cats.archivedAt),
        sql`${cats.startedOn} <= ${to}::date and (${cats.endedOn} is null or ${cats.endedOn} >= ${from}::date)`,
        withHealth ? undefined : sql`not (${cats.category} = any(${sql.param([...HEALTH_CATEGORIES])}::text[]))`,
      ),
    )
    .as('pairs');
  const rows = await db
    .select({ category: pairs.category, people: sql<number>`count(*)::int` })
    .from(pairs)
    .groupBy(pairs.category);
  return rows.map((r) => ({ category: r.category as BeneficiaryCategory, people: r.people }));
}
