import { sql, type SQL } from 'drizzle-orm';
import type { AuditEntityType } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';

/**
 * Where each kind of record keeps its display name. Names only, never personal data beyond a name (no ID numbers,
 * phones): a worker is named, a user by display name. Table and column names are constants here, never input.
 */
export const NAME_OF: Partial<Record<AuditEntityType, { table: string; name: string }>> = {
  user: { table: 'users', name: 'display_name' },
  station: { table: 'stations', name: 'name' },
  countyCentre: { table: 'county_centres', name: 'name' },
  serviceRoom: { table: 'service_rooms', name: 'name' },
  organisation: { table: 'organisations', name: 'name' },
  disclosure: { table: 'organisation_disclosures', name: 'title' },
  purchasePlan: { table: 'purchase_plans', name: 'title' },
  procurement: { table: 'procurements', name: 'title' },
  contract: { table: 'contracts', name: 'title' },
  worker: { table: 'workers', name: 'name' },
  training: { table: 'trainings', name: 'title' },
  indicatorSet: { table: 'indicator_sets', name: 'name' },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const nameKey = (type: string, id: string) => `${type}:${id}`;

export const auditNamesRepository = {
  /**
   * The current names of the records a page of events is about, in ONE query whatever the page holds (a UNION ALL
   * over the kinds present): `type:id` → name.
   */
  async namesOf(db: DbOrTx, events: { entityType: string | null; entityId: string | null }[]) {
    const byType = new Map<AuditEntityType, Set<string>>();
    for (const e of events) {
      const type = e.entityType as AuditEntityType | null;
      if (!type || !e.entityId || !NAME_OF[type] || !UUID.test(e.entityId)) continue;
      byType.set(type, (byType.get(type) ?? new Set()).add(e.entityId));
    }
    const parts: SQL[] = [...byType].map(([type, ids]) => {
      const n = NAME_OF[type]!;
      return sql`select ${type}::text as t, id::text as id, ${sql.raw(`"${n.name}"`)}::text as name from ${sql.raw(`"${n.table}"`)} where id = any(${sql.param([...ids])}::uuid[])`;
    });
    const names = new Map<string, string>();
    if (parts.length === 0) return names;
    type Row = { t: string; id: string; name: string };
    // node-postgres and PGlite both answer `{ rows }`.
    const res = (await db.execute(sql.join(parts, sql` union all `))) as unknown as { rows: Row[] };
    for (const r of res.rows) names.set(nameKey(r.t, r.id), r.name);
    return names;
  },
};

/** The audit log's name resolver (`createAuditLog(db, createAuditNames(db))`). */
export const createAuditNames = (db: DbOrTx) => (events: { entityType: string | null; entityId: string | null }[]) =>
  auditNamesRepository.namesOf(db, events);
