import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIndicatorSetInput,
  IndicatorSetListItem,
  IndicatorSetQuery,
  IndicatorSetView,
  Paged,
  UpdateIndicatorSetInput,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of the indicator sets (评估指标体系); every change invalidates `all` (a new version changes the old one's abilities). */
export const indicatorSetKeys = {
  all: ['indicator-sets'] as const,
  list: (q: Partial<IndicatorSetQuery>) => [...indicatorSetKeys.all, 'list', q] as const,
  one: (id: string) => [...indicatorSetKeys.all, 'one', id] as const,
};

const base = '/api/v1/indicator-sets';

export function useIndicatorSets(q: Partial<IndicatorSetQuery>) {
  return useQuery({
    queryKey: indicatorSetKeys.list(q),
    queryFn: () => api.get<Paged<IndicatorSetListItem>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorSet(id: string) {
  return useQuery({
    queryKey: indicatorSetKeys.one(id),
    queryFn: () => api.get<IndicatorSetView>(`${base}/${id}`),
    enabled: !!id,
  });
}

/** A new set, or a new version of one (`{ basedOn }`): answers the new draft. */
export function useCreateIndicatorSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIndicatorSetInput) => api.post<IndicatorSetView>(base, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorSetKeys.all }),
  });
}

/** Edit a draft, or adopt it (`{ adopt: true, version }`): answers the set as it now is. */
export function useUpdateIndicatorSet(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateIndicatorSetInput) => api.patch<IndicatorSetView>(`${base}/${id}`, input),
    onSuccess: (v) => {
      qc.setQueryData(indicatorSetKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: indicatorSetKeys.all, predicate: (q) => q.queryKey[2] !== id });
    },
  });
}
