import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateVisitIntervalsInput, VisitIntervals, VisitsDuePage, VisitsDueQuery } from '@shegong/shared';
import { api, qs, request } from '../../lib/api';

/** Query keys of visits by risk (R-SVC-5); the quick entry's 待走访 shares the `['visits']` prefix. */
export const visitKeys = {
  all: ['visits'] as const,
  due: (q: Partial<VisitsDueQuery>) => [...visitKeys.all, 'due-page', q] as const,
  intervals: () => [...visitKeys.all, 'intervals'] as const,
};

/** People due a visit (overdue first), as the server scopes them: a worker's own people unless `mine=false`. */
export function useVisitsDuePage(q: Partial<VisitsDueQuery>) {
  return useQuery({
    queryKey: visitKeys.due(q),
    queryFn: () => api.get<VisitsDuePage>(`/api/v1/visits/due${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useVisitIntervals() {
  return useQuery({
    queryKey: visitKeys.intervals(),
    queryFn: () => api.get<VisitIntervals>('/api/v1/visits/intervals'),
  });
}

/** The city sets the three intervals at once (versioned on the server). */
export function useUpdateVisitIntervals() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVisitIntervalsInput) => request<VisitIntervals>('PUT', '/api/v1/visits/intervals', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
