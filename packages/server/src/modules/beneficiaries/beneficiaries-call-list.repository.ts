import { and, asc, inArray, isNull, or, sql } from 'drizzle-orm';
import { HEALTH_CATEGORIES, isMinor } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { beneficiaries, beneficiaryCategories } from './beneficiaries.table';

/**
 * Names and phones of named people, for a call-back survey's call list (满意度 R-EVAL-3). The caller holds the ids
 * through its own scoped survey and audits the read of the phones in clear.
 */
export async function callListOf(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { name: string; phone: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: beneficiaries.id, name: beneficiaries.name, phone: beneficiaries.phone })
    .from(beneficiaries)
    .where(inArray(beneficiaries.id, [...new Set(ids)]))
    .orderBy(asc(beneficiaries.id));
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone || null }]));
}

/**
 * R-SCOPE-2 for call-backs: of these people, those whose record is sensitive on `today` (a minor, or in a health
 * category) — never drawn for a satisfaction call, so their names and phones never reach a call list.
 */
export async function sensitiveAmong(db: DbOrTx, ids: string[], today: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const unique = [...new Set(ids)];
  const [people, health] = await Promise.all([
    db
      .select({ id: beneficiaries.id, birthDate: beneficiaries.birthDate, birthYear: beneficiaries.birthYear })
      .from(beneficiaries)
      .where(inArray(beneficiaries.id, unique)),
    db
      .selectDistinct({ id: beneficiaryCategories.beneficiaryId })
      .from(beneficiaryCategories)
      .where(
        and(
          inArray(beneficiaryCategories.beneficiaryId, unique),
          inArray(beneficiaryCategories.category, [...HEALTH_CATEGORIES]),
          sql`${beneficiaryCategories.startedOn} <= ${today}::date`,
          or(isNull(beneficiaryCategories.endedOn), sql`${beneficiaryCategories.endedOn} >= ${today}::date`),
        ),
      ),
  ]);
  return new Set([...people.filter((p) => isMinor(p, today)).map((p) => p.id), ...health.map((h) => h.id)]);
}
