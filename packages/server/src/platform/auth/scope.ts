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
      // Contractor staff: the organisation's own rows, and the stations its live contracts cover.
      if (cols.organisationId) return sql`${cols.organisationId} = ${scope.organisationId}`;
      if (cols.stationId) {
        return sql`${cols.stationId} in (select cs.station_id from contract_stations cs join contracts c on c.id = cs.contract_id
          where c.organisation_id = ${scope.organisationId} and c.status <> 'ended' and c.archived_at is null)`;
      }
      return sql`false`;
  }
}

/** Whether a division path lies inside a scope's division path (for writes naming a division); never for contractor staff. */
export function pathInScope(scope: Scope, path: string): boolean {
  return scope.kind === 'division' && path.startsWith(scope.path);
}
