import type { PublicStationQuery, PublicStationView } from '@shegong/shared';
import { pageOf } from '../../platform/http/paging';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';

/**
 * The public directory (no login): operating stations with institutional contact data only, never personal data.
 * It owns no table: the stations module answers one page (two queries), names come from the in-memory division tree.
 */
export function createPublicDirectory({
  stations,
  divisions,
}: {
  stations: StationLookup;
  divisions: DivisionService;
}) {
  return {
    async stations(q: PublicStationQuery) {
      const { items, total } = await stations.operatingDirectory(q);
      const views: PublicStationView[] = items.map((s) => ({
        id: s.id,
        name: s.name,
        countyName: divisions.find(s.countyCode)?.name ?? '',
        townshipName: divisions.find(s.townshipCode)?.name ?? '',
        address: s.address,
        phone: s.phone,
        openingHours: s.openingHours,
      }));
      return pageOf(views, total, q);
    },
  };
}
export type PublicDirectory = ReturnType<typeof createPublicDirectory>;
