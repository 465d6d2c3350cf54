import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEventView,
  CountyCentreInput,
  CountyCentreQuery,
  CountyCentreView,
  CreateStationInput,
  Paged,
  ServiceRoomInput,
  ServiceRoomView,
  StationQuery,
  StationView,
  UpdateStationInput,
} from '@shegong/shared';
import { api, download, qs } from '../../lib/api';
import { progressKeys } from '../plan/plan.api';

type Filters = Omit<StationQuery, 'page' | 'pageSize'>;

export const stationKeys = {
  all: ['stations'] as const,
  list: (q: Partial<StationQuery>) => [...stationKeys.all, 'list', q] as const,
  one: (id: string) => [...stationKeys.all, 'one', id] as const,
  history: (id: string) => [...stationKeys.one(id), 'history'] as const,
  rooms: (id: string) => [...stationKeys.one(id), 'rooms'] as const,
};

export const countyCentreKeys = {
  all: ['county-centres'] as const,
  list: (q: Partial<CountyCentreQuery>) => [...countyCentreKeys.all, 'list', q] as const,
};

export function useStations(q: Partial<StationQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: stationKeys.list(q),
    queryFn: () => api.get<Paged<StationView>>(`/api/v1/stations${qs(q)}`),
    enabled: opts.enabled,
  });
}
export function useStation(id: string) {
  return useQuery({
    queryKey: stationKeys.one(id),
    queryFn: () => api.get<StationView>(`/api/v1/stations/${id}`),
    enabled: !!id,
  });
}
export function useStationHistory(id: string) {
  return useQuery({
    queryKey: stationKeys.history(id),
    queryFn: () => api.get<{ items: AuditEventView[] }>(`/api/v1/stations/${id}/history`),
    enabled: !!id,
  });
}
/** The URL of a station's signage photo; `version` busts the browser cache after a new upload. */
export const signageUrl = (id: string, version: string | null) => `/api/v1/stations/${id}/signage?v=${version}`;
/** Downloads the station register (.xlsx) for the filters. */
export const downloadStations = (filters: Filters) =>
  download(`/api/v1/stations/export${qs(filters)}`, '社工站台账.xlsx');

/** Registering or changing a station also moves the progress report (R-PLAN-1). */
function useInvalidateStations() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: stationKeys.all }),
      qc.invalidateQueries({ queryKey: progressKeys.all }),
    ]);
}
export function useCreateStation() {
  const invalidate = useInvalidateStations();
  return useMutation({
    mutationFn: (body: CreateStationInput) => api.post<StationView>('/api/v1/stations', body),
    onSuccess: invalidate,
  });
}
export function useUpdateStation() {
  const invalidate = useInvalidateStations();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateStationInput & { id: string }) =>
      api.patch<StationView>(`/api/v1/stations/${id}`, body),
    onSuccess: invalidate,
  });
}
export function useUploadSignage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post<StationView>(`/api/v1/stations/${id}/signage`, fd);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: stationKeys.all }),
  });
}

// R-PLAN-2 coverage: county centres (paged) and the service rooms of one station.
export function useCountyCentres(q: Partial<CountyCentreQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: countyCentreKeys.list(q),
    queryFn: () => api.get<Paged<CountyCentreView>>(`/api/v1/county-centres${qs(q)}`),
    enabled: opts.enabled ?? true,
  });
}
export function useCreateCountyCentre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CountyCentreInput) => api.post<CountyCentreView>('/api/v1/county-centres', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: countyCentreKeys.all }),
  });
}
export function useServiceRooms(stationId: string) {
  return useQuery({
    queryKey: stationKeys.rooms(stationId),
    queryFn: () => api.get<{ items: ServiceRoomView[] }>(`/api/v1/stations/${stationId}/service-rooms`),
  });
}
export function useCreateServiceRoom(stationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceRoomInput) =>
      api.post<ServiceRoomView>(`/api/v1/stations/${stationId}/service-rooms`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: stationKeys.rooms(stationId) }),
  });
}
