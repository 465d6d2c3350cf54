import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertListItem, AlertQuery, AlertSummary, AlertView, Paged, RaiseAlertInput } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of alerts (预警); every change invalidates `all` (lists, the banner, the alert). */
export const alertKeys = {
  all: ['alerts'] as const,
  list: (q: Partial<AlertQuery>) => [...alertKeys.all, 'list', q] as const,
  summary: ['alerts', 'summary'] as const,
  one: (id: string) => [...alertKeys.all, 'one', id] as const,
};

const base = '/api/v1/alerts';

export function useAlerts(q: Partial<AlertQuery>) {
  return useQuery({
    queryKey: alertKeys.list(q),
    queryFn: () => api.get<Paged<AlertListItem>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

/** The login / 工作台 banner: unhandled alerts in reach (cheap: counts and the first few). */
export function useAlertSummary(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.summary,
    queryFn: () => api.get<AlertSummary>(`${base}/summary`),
    enabled,
    refetchInterval: 120_000,
  });
}

export function useAlert(id: string) {
  return useQuery({ queryKey: alertKeys.one(id), queryFn: () => api.get<AlertView>(`${base}/${id}`), enabled: !!id });
}

/** Acknowledge, record an action, close: each answers the alert as it now is. */
export function useAlertStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, note }: { step: 'acknowledge' | 'actions' | 'close'; note?: string }) =>
      api.post<AlertView>(`${base}/${id}/${step}`, note === undefined ? undefined : { note }),
    onSuccess: (v) => {
      qc.setQueryData(alertKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: alertKeys.all, predicate: (q) => q.queryKey[2] !== id });
    },
  });
}

export function useRaiseAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RaiseAlertInput) => api.post<AlertView>(base, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
