import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRectificationInput, Paged, RectificationQuery, RectificationView } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of rectification items (整改); every change invalidates `all` (lists, the 工作台 card, a round's items). */
export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (q: Partial<RectificationQuery>) => [...rectificationKeys.all, 'list', q] as const,
};

const base = '/api/v1/rectifications';

export function useRectifications(q: Partial<RectificationQuery>, enabled = true) {
  return useQuery({
    queryKey: rectificationKeys.list(q),
    queryFn: () => api.get<Paged<RectificationView>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type RectificationStep =
  | { step: 'submit'; version: number; correction: string }
  | { step: 'verify'; version: number }
  | { step: 'return'; version: number; comment: string };

/** Submit (the contractor), verify or return (the round's level): each answers the item as it now is. */
export function useRectificationStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, ...body }: RectificationStep & { id: string }) =>
      api.post<RectificationView>(`${base}/${id}/${step}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: rectificationKeys.all }),
  });
}

export function useCreateRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRectificationInput) => api.post<RectificationView>(base, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: rectificationKeys.all }),
  });
}
