import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PayrollGrid, PayrollQuery, PutPayrollInput } from '@shegong/shared';
import { api, qs, request } from '../../lib/api';

/** Query keys of monthly pay and 五险一金 (R-STAFF-6). */
export const payrollKeys = {
  all: ['payroll'] as const,
  month: (month: string, q: PayrollQuery = {}) => [...payrollKeys.all, month, q] as const,
};

const base = '/api/v1/payroll';
/** The month's template comes pre-filled with the month's workers. */
export const payrollTemplateUrl = (month: string) => `${base}/${month}/template.xlsx`;
export const payrollImportUrl = (month: string, dryRun: boolean) => `${base}/${month}/import?dryRun=${dryRun}`;
export const payrollProblemsUrl = (month: string) => `${base}/${month}/import/problems`;

/** A month's grid with its totals: one sheet per month, bounded by the roster; officers narrow it by unit and organisation. */
export function usePayroll(month: string, q: PayrollQuery = {}) {
  return useQuery({
    queryKey: payrollKeys.month(month, q),
    queryFn: () => api.get<PayrollGrid>(`${base}/${month}${qs(q)}`),
  });
}

/** The month as .xlsx (officers), with the same filters as the screen. */
export const payrollExportUrl = (month: string) => `${base}/${month}/export`;

export function useRefreshPayroll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: payrollKeys.all });
}

/** Saves the whole month at once (整月一次提交). */
export function useSavePayroll(month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPayrollInput) => request<PayrollGrid>('PUT', `${base}/${month}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: payrollKeys.all }),
  });
}
