import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseAction,
  CaseListItem,
  CaseQuery,
  CaseTransferInput,
  CaseView,
  CreateCaseInput,
  Paged,
  UpdateCaseInput,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of case work (个案); every change invalidates `all` (lists and the case). */
export const caseKeys = {
  all: ['cases'] as const,
  list: (q: Partial<CaseQuery>) => [...caseKeys.all, 'list', q] as const,
  one: (id: string) => [...caseKeys.all, 'one', id] as const,
};
export const CASES_URL = '/api/v1/cases';

/** A page of the caller's cases (R-SVC-3): the case, its stage and dates; no notes in lists. */
export function useCases(q: Partial<CaseQuery>) {
  return useQuery({
    queryKey: caseKeys.list(q),
    queryFn: () => api.get<Paged<CaseListItem>>(`${CASES_URL}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => api.get<CaseView>(`${CASES_URL}/${id}`),
    enabled: !!id,
  });
}

function useCaseMutation<I>(fn: (input: I) => Promise<CaseView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

export const useCreateCase = () => useCaseMutation((input: CreateCaseInput) => api.post<CaseView>(CASES_URL, input));

export const useUpdateCase = (id: string) =>
  useCaseMutation((input: UpdateCaseInput) => api.patch<CaseView>(`${CASES_URL}/${id}`, input));

/** A workflow step (submit, approve, return) with the version read and, for a return, the reason. */
export const useCaseAction = (id: string) =>
  useCaseMutation(({ action, ...body }: { action: CaseAction; version: number; note?: string }) =>
    api.post<CaseView>(`${CASES_URL}/${id}/${action}`, body),
  );

export const useTransferCase = (id: string) =>
  useCaseMutation((input: CaseTransferInput) => api.post<CaseView>(`${CASES_URL}/${id}/transfer`, input));

/** The workers at a station (the case worker's colleagues), to hand a case to. */
export function useStationWorkers(stationId: string | undefined) {
  return useQuery({
    queryKey: ['workers', 'station', stationId],
    queryFn: () =>
      api.get<Paged<{ id: string; name: string }>>(`/api/v1/workers${qs({ stationId, page: 1, pageSize: 100 })}`),
    enabled: !!stationId,
  });
}
