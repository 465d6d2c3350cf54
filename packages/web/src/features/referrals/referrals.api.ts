import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateReferralInput, Paged, ReferralQuery, ReferralView, UpdateReferralInput } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of referrals (转介); every change invalidates `all`. */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (q: Partial<ReferralQuery>) => [...referralKeys.all, 'list', q] as const,
};

const base = '/api/v1/referrals';

export function useReferrals(q: Partial<ReferralQuery>) {
  return useQuery({
    queryKey: referralKeys.list(q),
    queryFn: () => api.get<Paged<ReferralView>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCreateReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReferralInput) => api.post<ReferralView>(base, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function useUpdateReferral(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReferralInput) => api.patch<ReferralView>(`${base}/${id}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.all }),
  });
}
