import { and, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import { scopeCondition, type ScopedColumns } from './scope';

/**
 * A part of a caller's scope that statistics and reports name (a division, some stations, an organisation): always
 * intersected with the caller's own scope (R-SCOPE-1), so naming a wider or foreign part shows nothing more.
 */
export interface NarrowedScope {
  /** The caller's own scope. */
  scope: Scope;
  /** Records under this division path. */
  path?: string;
  /** Records of these stations. */
  stationIds?: string[];
  /** Records of this organisation (the contractor whose contract covered the station on the day). */
  organisationId?: string;
}

/** The WHERE condition of a narrowed scope for a table carrying the scope columns (one place, like `scopeCondition`). */
export function narrowedCondition(n: NarrowedScope, cols: Required<ScopedColumns>): SQL {
  return and(
    scopeCondition(n.scope, cols),
    n.path ? sql`${cols.divisionPath} like ${`${n.path}%`}` : undefined,
    n.stationIds
      ? n.stationIds.length
        ? sql`${cols.stationId} = any(${sql.param(n.stationIds)}::uuid[])`
        : sql`false`
      : undefined,
    n.organisationId ? sql`${cols.organisationId} = ${n.organisationId}` : undefined,
  )!;
}
