import { useQuery } from '@tanstack/react-query';
import type { ProgressQuery, ProgressReport } from '@shegong/shared';
import { api, download, qs } from '../../lib/api';

/** Query keys of the progress report (R-PLAN-1); station changes invalidate `progressKeys.all`. */
export const progressKeys = {
  all: ['progress'] as const,
  report: (q: ProgressQuery = {}) => [...progressKeys.all, 'report', q] as const,
};

export function useProgress(q: ProgressQuery = {}, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: progressKeys.report(q),
    queryFn: () => api.get<ProgressReport>(`/api/v1/plan/progress${qs(q)}`),
    enabled: opts.enabled,
  });
}

/** Downloads the progress table (.xlsx) as the server names it. */
export const downloadProgress = (q: ProgressQuery = {}) =>
  download(`/api/v1/plan/progress/export${qs(q)}`, '社工站建设进度.xlsx');
