import { useQuery } from '@tanstack/react-query';
import type { Paged, StationQuery, StationView } from '@shegong/shared';
import { api, qs } from '../../lib/api';

export const stationKeys = { all: ['stations'] as const, one: (id: string) => ['stations', id] as const };

export function useStations(q: Partial<StationQuery>) {
  return useQuery({
    queryKey: [...stationKeys.all, q],
    queryFn: () => api.get<Paged<StationView>>(`/api/v1/stations${qs(q)}`),
  });
}
export function useStation(id: string) {
  return useQuery({
    queryKey: stationKeys.one(id),
    queryFn: () => api.get<StationView>(`/api/v1/stations/${id}`),
    enabled: !!id,
  });
}
