import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { beneficiaries } from './beneficiaries.table';

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
