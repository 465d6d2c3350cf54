import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AttachmentView,
  BeneficiaryListItem,
  BeneficiaryView,
  CatalogueItemView,
  Paged,
  ServiceRecordListItem,
  ServiceRecordQuery,
  ServiceRecordView,
  StationView,
  VisitsDuePage,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of service records (服务记录); the outbox invalidates `all` after a record arrives. */
export const serviceKeys = {
  all: ['service-records'] as const,
  list: (q: Partial<ServiceRecordQuery>) => [...serviceKeys.all, 'list', q] as const,
  one: (id: string) => [...serviceKeys.all, 'one', id] as const,
};

export const RECORDS_URL = '/api/v1/service-records';
export const photoUrl = (recordId: string, f: AttachmentView) => `${RECORDS_URL}/${recordId}/files/${f.fileId}`;

/** A page of records in the caller's scope (R-SVC-2, R-SCOPE-2): people masked for upper levels by the server. */
export function useServiceRecords(q: Partial<ServiceRecordQuery>) {
  return useQuery({
    queryKey: serviceKeys.list(q),
    queryFn: () => api.get<Paged<ServiceRecordListItem>>(`${RECORDS_URL}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useServiceRecord(id: string) {
  return useQuery({
    queryKey: serviceKeys.one(id),
    queryFn: () => api.get<ServiceRecordView>(`${RECORDS_URL}/${id}`),
    enabled: !!id,
  });
}

/** 附件2 (the boundary of purchasable work), from the reference data; it rarely changes, so kept for the visit. */
export function useCatalogue() {
  return useQuery({
    queryKey: ['catalogue'],
    queryFn: () => api.get<{ items: CatalogueItemView[] }>('/api/v1/catalogue'),
    staleTime: Infinity,
  });
}

/** The stations the caller works at (a worker's assignments today; a contractor's covered stations). */
export function useMyStations() {
  return useQuery({
    queryKey: ['stations', 'mine'],
    queryFn: () => api.get<Paged<StationView>>(`/api/v1/stations${qs({ page: 1, pageSize: 50 })}`),
    staleTime: 5 * 60_000,
  });
}

/**
 * The people of a station, for picking whom a record served: the first 200 (the worker's own are listed first by the
 * page), or those whose name, ID or phone matches `q` (a busy station has thousands).
 */
export function useStationPeople(stationId: string | undefined, q?: string) {
  const query = { stationId, q, page: 1, pageSize: q ? 50 : 200 };
  return useQuery({
    queryKey: ['beneficiaries', 'list', query],
    queryFn: () => api.get<Paged<BeneficiaryListItem>>(`/api/v1/beneficiaries${qs(query)}`),
    enabled: !!stationId && q !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The worker's people due or overdue a visit (R-SVC-5, GET /visits/due): the section shows only when it answers. */
export function useVisitsDue(stationId: string | undefined) {
  return useQuery({
    queryKey: ['visits', 'due', stationId],
    queryFn: () => api.get<VisitsDuePage>(`/api/v1/visits/due${qs({ stationId, pageSize: 20 })}`),
    enabled: !!stationId,
    retry: false,
    staleTime: 60_000,
  });
}

/** One person named in the link that opened the quick entry (from a case or a person's page). */
export function usePerson(id: string | null) {
  return useQuery({
    queryKey: ['beneficiaries', 'one', id],
    queryFn: () => api.get<BeneficiaryView>(`/api/v1/beneficiaries/${id}`),
    enabled: !!id,
  });
}
