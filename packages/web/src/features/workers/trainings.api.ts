import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmTrainingInput, CreateTrainingInput, Paged, TrainingQuery, TrainingView } from '@shegong/shared';
import { api, qs } from '../../lib/api';
import { workerKeys } from './workers.api';

/** Query keys of the trainings; a change to a session also changes workers' qualification, so it refreshes both. */
export const trainingKeys = {
  all: ['trainings'] as const,
  list: (q: Partial<TrainingQuery>) => [...trainingKeys.all, 'list', q] as const,
};

const base = '/api/v1/trainings';
export const trainingFileUrl = (trainingId: string, fileId: string) => `${base}/${trainingId}/files/${fileId}`;
export const trainingUploadUrl = (trainingId: string) => `${base}/${trainingId}/files`;

/** A page of the sessions the caller may read; `workerId` keeps one worker's. */
export function useTrainings(q: Partial<TrainingQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainingKeys.list(q),
    queryFn: () => api.get<Paged<TrainingView>>(`${base}${qs(q)}`),
    enabled: opts.enabled,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: trainingKeys.all }),
      qc.invalidateQueries({ queryKey: workerKeys.all }),
    ]);
}
/** Refreshes the trainings (after an attachment upload). */
export const useRefreshTrainings = useRefresh;

export function useCreateTraining() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateTrainingInput) => api.post<TrainingView>(base, body),
    onSuccess: refresh,
  });
}

/** R-STAFF-3: an officer confirms (or corrects) the organiser of a contractor's session. */
export function useConfirmTraining() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: ConfirmTrainingInput & { id: string }) =>
      api.post<TrainingView>(`${base}/${id}/confirm`, body),
    onSuccess: refresh,
  });
}
