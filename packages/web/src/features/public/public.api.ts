import { useQuery } from '@tanstack/react-query';
import type {
  PageQuery,
  Paged,
  ProcurementView,
  PublicOrganisationQuery,
  PublicOrganisationView,
  PublicStationQuery,
  PublicStationView,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of the public portal (no login): nothing here is ever changed from the portal. */
export const publicKeys = {
  all: ['public'] as const,
  stations: (q: Partial<PublicStationQuery>) => [...publicKeys.all, 'stations', q] as const,
  organisations: (q: Partial<PublicOrganisationQuery>) => [...publicKeys.all, 'organisations', q] as const,
  announcements: (q: Partial<PageQuery>) => [...publicKeys.all, 'announcements', q] as const,
};

/** A page of the directory of operating stations. */
export function usePublicStations(q: Partial<PublicStationQuery>) {
  return useQuery({
    queryKey: publicKeys.stations(q),
    queryFn: () => api.get<Paged<PublicStationView>>(`/api/v1/public/stations${qs(q)}`),
  });
}

/** R-ORG-2: a page of organisations with social work in scope and what they disclose. */
export function usePublicOrganisations(q: Partial<PublicOrganisationQuery>) {
  return useQuery({
    queryKey: publicKeys.organisations(q),
    queryFn: () => api.get<Paged<PublicOrganisationView>>(`/api/v1/public/organisations${qs(q)}`),
  });
}

/** R-PUR-3 / R-CON-3: procurement announcements and their results (served by the purchasing module). */
export function usePublicAnnouncements(q: Partial<PageQuery>) {
  return useQuery({
    queryKey: publicKeys.announcements(q),
    queryFn: () => api.get<Paged<ProcurementView>>(`/api/v1/public/announcements${qs(q)}`),
  });
}
