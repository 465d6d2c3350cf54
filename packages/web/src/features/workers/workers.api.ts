import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentInput,
  CreateWorkerInput,
  FilingActionInput,
  Paged,
  StaffOverviewRow,
  UnmaskInput,
  WorkerAccountInput,
  WorkerOption,
  WorkerOptionQuery,
  WorkerQuery,
  WorkerView,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';
import { useStations } from '../stations/stations.api';

/** Query keys of the roster; every roster mutation invalidates `all` (lists, records and the overview). */
export const workerKeys = {
  all: ['workers'] as const,
  list: (q: Partial<WorkerQuery>) => [...workerKeys.all, 'list', q] as const,
  one: (id: string) => [...workerKeys.all, 'one', id] as const,
  options: (q: Partial<WorkerOptionQuery>) => [...workerKeys.all, 'options', q] as const,
  overview: () => [...workerKeys.all, 'overview'] as const,
};

const base = '/api/v1/workers';
/** Where the roster import's template is downloaded and the workbook is checked or committed. */
export const rosterTemplateUrl = `${base}/template.xlsx`;
export const rosterImportUrl = (dryRun: boolean) => `${base}/import?dryRun=${dryRun}`;
export const rosterProblemsUrl = `${base}/import/problems`;
/** A worker's attachments (labour contract, personnel file): download and upload. */
export const workerFileUrl = (workerId: string, fileId: string) => `${base}/${workerId}/files/${fileId}`;
export const workerUploadUrl = (workerId: string) => `${base}/${workerId}/files`;

/** How many workers a picker shows before the user narrows them by typing (the server's limit is 50). */
export const WORKER_PICKER_SIZE = 50;

/**
 * Worker pickers search on the server: names only (no ID numbers, no audit line), scoped like the roster, narrowed
 * by the typed text (`search`, debounced). While a new search runs, the previous answer stays on screen.
 */
export function useWorkerSearch(q: Omit<Partial<WorkerOptionQuery>, 'q'> = {}, opts: { enabled?: boolean } = {}) {
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTyped(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const query = { ...q, q: typed || undefined, pageSize: WORKER_PICKER_SIZE };
  const res = useQuery({
    queryKey: workerKeys.options(query),
    queryFn: () => api.get<{ items: WorkerOption[] }>(`${base}/options${qs(query)}`),
    enabled: opts.enabled,
    placeholderData: keepPreviousData,
  });
  return { search: setText, items: res.data?.items ?? [], fetching: res.isFetching };
}

/** A page of the roster (R-STAFF-1…6). */
export function useWorkers(q: Partial<WorkerQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: workerKeys.list(q),
    queryFn: () => api.get<Paged<WorkerView>>(`${base}${qs(q)}`),
    enabled: opts.enabled,
  });
}

export function useWorker(id: string) {
  return useQuery({
    queryKey: workerKeys.one(id),
    queryFn: () => api.get<WorkerView>(`${base}/${id}`),
    enabled: !!id,
  });
}

/** Staffing and qualification per unit (R-STAFF-1, R-STAFF-4, R-STAFF-6). */
export function useStaffOverview() {
  return useQuery({
    queryKey: workerKeys.overview(),
    queryFn: () => api.get<{ items: StaffOverviewRow[] }>(`${base}/overview`),
  });
}

/** The stations the caller sees, for the assignment picker (the server keeps to the contract's stations). */
export const useAssignableStations = (enabled: boolean) => useStations({ page: 1, pageSize: 200 }, { enabled });

/** Refreshes the roster's queries (after an import or an attachment upload). */
export function useRefreshWorkers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: workerKeys.all });
}

export function useCreateWorker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkerInput) => api.post<WorkerView>(base, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: workerKeys.all }),
  });
}

/** R-STAFF-6 filing: submit (the employer), approve or return with a comment (the county). */
export function useWorkerFiling(workerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: FilingActionInput & { action: 'submit' | 'approve' | 'return' }) =>
      api.post<WorkerView>(`${base}/${workerId}/filing/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: workerKeys.all }),
  });
}

export function useAssignWorker(workerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentInput) => api.post<WorkerView>(`${base}/${workerId}/assignments`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: workerKeys.all }),
  });
}

/** Shows the ID number and phone in clear to an officer who states why (audited); nothing to refresh. */
export function useUnmaskWorker(workerId: string) {
  return useMutation({
    mutationFn: (body: UnmaskInput) =>
      api.post<{ idNumber: string; phone: string }>(`${base}/${workerId}/unmask`, body),
  });
}

export function useCreateWorkerAccount(workerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkerAccountInput) => api.post<{ username: string }>(`${base}/${workerId}/account`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: workerKeys.all }),
  });
}
