import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circular, CircularQuery, Timeliness, TimelinessQuery } from '@shegong/shared';
import { api, download, qs, request } from '../../lib/api';

/** Query keys of 完成及时率 and 通报 (R-REP-3, R-REP-4); a commendation refreshes `circularKeys.all`. */
export const circularKeys = {
  all: ['circulars'] as const,
  timeliness: (q: TimelinessQuery) => [...circularKeys.all, 'timeliness', q] as const,
  circular: (q: CircularQuery) => [...circularKeys.all, 'circular', q] as const,
};

/** Completeness and timeliness per unit, organisation and due month, in the caller's scope. */
export function useTimeliness(q: TimelinessQuery) {
  return useQuery({
    queryKey: circularKeys.timeliness(q),
    queryFn: () => api.get<Timeliness>(`/api/v1/reports/timeliness${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

/** The 通报 of a period (this year by default): units ranked, with the city's commendation marks. */
export function useCircular(q: CircularQuery) {
  return useQuery({
    queryKey: circularKeys.circular(q),
    queryFn: () => api.get<Circular>(`/api/v1/circulars${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export interface CommendationInput {
  period: string;
  unit: string;
  commended: boolean;
  note: string;
}

/** The city marks (or unmarks) a unit for commendation; the answer is the period's 通报 again. */
export function useCommend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CommendationInput) => request<Circular>('PUT', '/api/v1/circulars/commendations', input),
    onSuccess: (c) => {
      qc.setQueryData(circularKeys.circular({ period: c.period }), c);
      void qc.invalidateQueries({ queryKey: circularKeys.all });
    },
  });
}

/** Downloads the 通报 (.xlsx) under the server's name. */
export const downloadCircular = (period?: string) =>
  download(`/api/v1/circulars.xlsx${qs({ period })}`, '社工站工作进展通报.xlsx');
