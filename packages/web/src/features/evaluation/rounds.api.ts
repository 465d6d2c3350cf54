import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEvaluationRoundsInput,
  EvaluationRoundListItem,
  EvaluationRoundQuery,
  EvaluationRoundView,
  Paged,
  SaveScoresInput,
  createdRoundsSchema,
} from '@shegong/shared';
import type { z } from 'zod';
import { api, request, qs } from '../../lib/api';
import { contractKeys } from '../contracts/contracts.api';
import { rectificationKeys } from './rectifications.api';

export type CreatedRounds = z.infer<typeof createdRoundsSchema>;
/** The list's filters as the address and the API spell them. */
export type RoundFilters = Partial<Omit<EvaluationRoundQuery, 'page' | 'pageSize'>>;

/**
 * Query keys of evaluation rounds (评估, R-EVAL-1); every change invalidates `all` (lists and rounds: a sign-off moves
 * the annual result shown on the year's other rounds) and the contracts (the year's recorded result, R-CON-2).
 */
export const roundKeys = {
  all: ['evaluation-rounds'] as const,
  list: (q: RoundFilters & { page?: number; pageSize?: number }) => [...roundKeys.all, 'list', q] as const,
  one: (id: string) => [...roundKeys.all, 'one', id] as const,
};
const base = '/api/v1/evaluation-rounds';

export function useRounds(q: RoundFilters & { page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: roundKeys.list(q),
    queryFn: () => api.get<Paged<EvaluationRoundListItem>>(`${base}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

/** One round: items with the platform's figures and suggested scores, total, grade, the year's result, abilities. */
export function useRound(id: string) {
  return useQuery({
    queryKey: roundKeys.one(id),
    queryFn: () => api.get<EvaluationRoundView>(`${base}/${id}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: roundKeys.all }),
      qc.invalidateQueries({ queryKey: contractKeys.all }),
      qc.invalidateQueries({ queryKey: rectificationKeys.all }),
    ]);
}

/** 开展评估: one round per agreement year; a random spot check answers the seed and pool it drew from. */
export function useCreateRounds() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateEvaluationRoundsInput) => api.post<CreatedRounds>(base, input),
    onSuccess: () => void invalidate(),
  });
}

function useRoundMutation<I>(id: string, fn: (input: I) => Promise<EvaluationRoundView>) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      qc.setQueryData(roundKeys.one(id), v);
      void invalidate();
    },
  });
}

/** 保存评分 with the version read (a stale save is refused, never overwrites). */
export const useSaveScores = (id: string) =>
  useRoundMutation(id, (input: SaveScoresInput) => request<EvaluationRoundView>('PUT', `${base}/${id}/scores`, input));

/** 签署: final; when it completes the year, the year's result is recorded on the contract (R-CON-2). */
export const useSignOff = (id: string) =>
  useRoundMutation(id, (input: { version: number }) => api.post<EvaluationRoundView>(`${base}/${id}/sign-off`, input));
