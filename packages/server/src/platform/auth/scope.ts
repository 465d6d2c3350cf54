import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';

export interface ScopedColumns {
  divisionPath: AnyColumn;
  stationId?: AnyColumn;
  organisationId?: AnyColumn;
}

/**
 * The one place that turns an actor's scope into a WHERE condition (DESIGN §4, R-SCOPE-1).
 * Repositories take the result as a required argument, so no list can run unscoped.
 */
export function scopeCondition(scope: Scope, cols: ScopedColumns): SQL {
  switch (scope.kind) {
    case 'division':
      return sql`${cols.divisionPath} like ${scope.path + '%'}`;
    case 'stations':
      if (!cols.stationId || scope.stationIds.length === 0) return sql`false`;
      return sql`${cols.stationId} = any(${sql.param(scope.stationIds)}::uuid[])`;
    case 'organisation':
      // Contractor scope: the organisation's own rows; station-owned rows come with the contracts issue.
      return cols.organisationId ? sql`${cols.organisationId} = ${scope.organisationId}` : sql`false`;
  }
}

/** Whether a division path lies inside a scope's division path (for writes naming a division). */
export function pathInScope(scope: Scope, path: string): boolean {
  return scope.kind === 'division' && path.startsWith(scope.path);
}
