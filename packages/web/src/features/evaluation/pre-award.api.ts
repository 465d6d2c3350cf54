import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePreAwardEvaluationInput, PreAwardEvaluationQuery, PreAwardEvaluationView } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of 立项评估; a change or an upload invalidates `all`. */
export const preAwardKeys = {
  all: ['pre-award-evaluations'] as const,
  list: (q: PreAwardEvaluationQuery) => [...preAwardKeys.all, 'list', q] as const,
};

const base = '/api/v1/pre-award-evaluations';

export function usePreAwardEvaluations(q: PreAwardEvaluationQuery, enabled = true) {
  return useQuery({
    queryKey: preAwardKeys.list(q),
    queryFn: () => api.get<{ items: PreAwardEvaluationView[] }>(`${base}${qs(q)}`),
    enabled,
  });
}

export function useCreatePreAwardEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePreAwardEvaluationInput) => api.post<PreAwardEvaluationView>(base, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: preAwardKeys.all }),
  });
}

export const preAwardFilesUrl = (id: string) => `${base}/${id}/files`;
