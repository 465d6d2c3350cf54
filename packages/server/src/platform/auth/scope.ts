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
      return inStations(cols.stationId, scope.stationIds);
    case 'organisation':
      // Contractor staff: the organisation's own rows, and the stations its contracts cover today.
      if (cols.organisationId) return sql`${cols.organisationId} = ${scope.organisationId}`;
      return inStations(cols.stationId, scope.stationIds);
  }
}

function inStations(col: AnyColumn | undefined, ids: string[]): SQL {
  if (!col || ids.length === 0) return sql`false`;
  return sql`${col} = any(${sql.param(ids)}::uuid[])`;
}

/** Whether a division path lies inside a scope's division path (for writes naming a division); never for contractor staff. */
export function pathInScope(scope: Scope, path: string): boolean {
  return scope.kind === 'division' && path.startsWith(scope.path);
}

/** Whether one station lies in a scope: the same answer `scopeCondition` gives in SQL, for a station already read. */
export function stationInScope(scope: Scope, station: { id: string; divisionPath: string }): boolean {
  if (scope.kind === 'division') return station.divisionPath.startsWith(scope.path);
  return scope.stationIds.includes(station.id);
}
