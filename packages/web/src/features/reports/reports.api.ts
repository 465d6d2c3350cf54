import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Paged,
  ReportListItem,
  ReportNarrative,
  ReportQuery,
  ReportView,
  gatheredReportSchema,
  reportRevisionSchema,
  reportSettingsViewSchema,
  updateReportSettingsSchema,
} from '@shegong/shared';
import type { z } from 'zod';
import { api, qs, request } from '../../lib/api';

export type GatheredReport = z.infer<typeof gatheredReportSchema>;
export type ReportRevision = z.infer<typeof reportRevisionSchema>;
export type ReportSettingsView = z.infer<typeof reportSettingsViewSchema>;
export type UpdateReportSettingsInput = z.infer<typeof updateReportSettingsSchema>;
/** The list's filters as the URL and the API spell them (`late` stays a string until the server reads it). */
export type ReportFilters = Partial<Omit<ReportQuery, 'page' | 'pageSize' | 'late'>> & { late?: 'true' };

/** Query keys of reports (R-REP-1…3); every workflow step invalidates `all` (lists, the report, the desk's due list). */
export const reportKeys = {
  all: ['reports'] as const,
  list: (q: ReportFilters & { page?: number; pageSize?: number }) => [...reportKeys.all, 'list', q] as const,
  one: (id: string) => [...reportKeys.all, 'one', id] as const,
  settings: ['report-settings'] as const,
};
export const REPORTS_URL = '/api/v1/reports';

/** A page of the reports in the caller's scope: missing, late and by how long (R-REP-3). */
export function useReports(q: ReportFilters & { page?: number; pageSize?: number }, enabled = true) {
  return useQuery({
    queryKey: reportKeys.list(q),
    queryFn: () => api.get<Paged<ReportListItem>>(`${REPORTS_URL}${qs(q)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One report with its figures (live until accepted, frozen after), narrative, gathered reports and abilities. */
export function useReport(id: string) {
  return useQuery({
    queryKey: reportKeys.one(id),
    queryFn: () => api.get<ReportView>(`${REPORTS_URL}/${id}`),
    enabled: !!id,
  });
}

function useReportMutation<I>(fn: (input: I) => Promise<ReportView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(reportKeys.one(r.id), r);
      void qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

/** Saves the narrative sections with the version read (a stale save is refused, never overwrites). */
export const useSaveNarrative = (id: string) =>
  useReportMutation((input: { version: number; narrative: ReportNarrative }) =>
    api.patch<ReportView>(`${REPORTS_URL}/${id}`, input),
  );

export type ReportAction = 'submit' | 'accept' | 'return' | 'reopen';
/** A workflow step with the version read; a return carries its comment, a reopening its reason. */
export const useReportAction = (id: string) =>
  useReportMutation(
    ({ action, ...body }: { action: ReportAction; version: number; comment?: string; reason?: string }) =>
      api.post<ReportView>(`${REPORTS_URL}/${id}/${action}`, body),
  );

/** The due dates the city sets (R-REP-3). */
export function useReportSettings() {
  return useQuery({
    queryKey: reportKeys.settings,
    queryFn: () => api.get<ReportSettingsView>('/api/v1/report-settings'),
  });
}

export function useSaveReportSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReportSettingsInput) =>
      request<ReportSettingsView>('PUT', '/api/v1/report-settings', input),
    onSuccess: (s) => {
      qc.setQueryData(reportKeys.settings, s);
      void qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
