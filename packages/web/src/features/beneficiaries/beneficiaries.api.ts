import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BeneficiaryListItem,
  BeneficiaryQuery,
  BeneficiaryView,
  CategoryInput,
  CategoryView,
  ConsentInput,
  ConsentView,
  CreateBeneficiaryInput,
  HandoverView,
  LinkBeneficiaryInput,
  MatchQuery,
  MatchView,
  Paged,
  RiskInput,
  RiskView,
  UnmaskedBeneficiary,
  UpdateBeneficiaryInput,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of the registry (服务对象); every change invalidates `all` (lists, records, handover). */
export const beneficiaryKeys = {
  all: ['beneficiaries'] as const,
  list: (q: Partial<BeneficiaryQuery>) => [...beneficiaryKeys.all, 'list', q] as const,
  one: (id: string) => [...beneficiaryKeys.all, 'one', id] as const,
  risks: (id: string) => [...beneficiaryKeys.all, 'one', id, 'risks'] as const,
  handover: (stationId: string) => [...beneficiaryKeys.all, 'handover', stationId] as const,
};

const base = '/api/v1/beneficiaries';
/** 导出 Excel of what the list's filters select (masked by role, audited on the server). */
export const beneficiaryExportUrl = `${base}/export`;

/** A page of the people the caller may see (R-SVC-1, R-SCOPE-2): masked for upper levels, restricted rows bare. */
export function useBeneficiaries(q: Partial<BeneficiaryQuery>) {
  return useQuery({
    queryKey: beneficiaryKeys.list(q),
    queryFn: () => api.get<Paged<BeneficiaryListItem>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useBeneficiary(id: string) {
  return useQuery({
    queryKey: beneficiaryKeys.one(id),
    queryFn: () => api.get<BeneficiaryView>(`${base}/${id}`),
    enabled: !!id,
  });
}

/** R-SVC-5: every assessment, latest first (the record itself carries only the latest). */
export function useRiskHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: beneficiaryKeys.risks(id),
    queryFn: () => api.get<{ items: RiskView[] }>(`${base}/${id}/risk-assessments`),
    enabled: !!id && enabled,
  });
}

/** What a new team inherits at a station (records belong to the station, not to the contractor). */
export function useHandover(stationId: string | undefined) {
  return useQuery({
    queryKey: beneficiaryKeys.handover(stationId ?? ''),
    queryFn: () => api.get<HandoverView>(`${base}/handover/${stationId}`),
    enabled: !!stationId,
  });
}

function useInvalidating<I, O>(fn: (body: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: beneficiaryKeys.all }) });
}

export const useCreateBeneficiary = () =>
  useInvalidating((body: CreateBeneficiaryInput) => api.post<BeneficiaryView>(base, body));

export const useUpdateBeneficiary = (id: string) =>
  useInvalidating((body: UpdateBeneficiaryInput) => api.patch<BeneficiaryView>(`${base}/${id}`, body));

/** One person once: a second station links to the record that exists instead of copying it. */
export const useLinkBeneficiary = () =>
  useInvalidating((body: LinkBeneficiaryInput) => api.post<BeneficiaryView>(`${base}/links`, body));

/** Before saving: who might this already be (by ID city-wide, or by name, gender, birth year and village)? */
export function useMatches() {
  return useMutation({
    mutationFn: (body: MatchQuery) => api.post<{ items: MatchView[] }>(`${base}/matches`, body),
  });
}

/** The record's identity in clear for a caller who states why (audited); nothing to refresh. */
export function useUnmaskBeneficiary(id: string) {
  return useMutation({
    mutationFn: (body: { reason: string }) => api.post<UnmaskedBeneficiary>(`${base}/${id}/unmask`, body),
  });
}

export const useAddCategory = (id: string) =>
  useInvalidating((body: CategoryInput) => api.post<CategoryView>(`${base}/${id}/categories`, body));

export const useEndCategory = (id: string) =>
  useInvalidating(({ categoryId, endedOn }: { categoryId: string; endedOn: string }) =>
    api.patch<CategoryView>(`${base}/${id}/categories/${categoryId}`, { endedOn }),
  );

export const useAssessRisk = (id: string) =>
  useInvalidating((body: RiskInput) => api.post<RiskView>(`${base}/${id}/risk-assessments`, body));

export const useRecordConsent = (id: string) =>
  useInvalidating((body: ConsentInput) => api.post<ConsentView>(`${base}/${id}/consents`, body));
