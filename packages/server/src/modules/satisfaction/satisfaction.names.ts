import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import type { Names } from './satisfaction.view';

/** Station, organisation and user names of a set of rows, looked up once per set. */
export function createNames(d: { stations: StationLookup; organisations: OrganisationLookup; users: UserLookup }) {
  return async function namesOf(
    rows: { stationId: string; organisationId: string | null }[],
    userIds: (string | null)[] = [],
  ): Promise<Names> {
    const [stations, organisations, users] = await Promise.all([
      d.stations.summaries(rows.map((r) => r.stationId)),
      d.organisations.names([...new Set(rows.map((r) => r.organisationId).filter((x): x is string => !!x))]),
      d.users.displayNames(userIds.filter((u): u is string => !!u)),
    ]);
    return { stations: new Map(stations.map((s) => [s.id, s.name])), organisations, users };
  };
}
export type NamesOf = ReturnType<typeof createNames>;
