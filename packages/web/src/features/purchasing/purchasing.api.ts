import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwardBody,
  CreateProcurementBody,
  CreatePurchasePlanBody,
  Paged,
  PlanTransitionBody,
  ProcurementQuery,
  ProcurementView,
  PurchasePlanQuery,
  PurchasePlanView,
  UpdatePurchasePlanBody,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';
import { publicKeys } from '../public/public.api';

export const purchasePlanKeys = {
  all: ['purchase-plans'] as const,
  list: (q: Partial<PurchasePlanQuery>) => [...purchasePlanKeys.all, 'list', q] as const,
  one: (id: string) => [...purchasePlanKeys.all, 'one', id] as const,
};
export const procurementKeys = {
  all: ['procurements'] as const,
  list: (q: Partial<ProcurementQuery>) => [...procurementKeys.all, 'list', q] as const,
  one: (id: string) => [...procurementKeys.all, 'one', id] as const,
};

const plans = '/api/v1/purchase-plans';
const procurements = '/api/v1/procurements';

/** R-PUR-2: a page of annual purchase plans (the city's filing list). */
export function usePurchasePlans(q: Partial<PurchasePlanQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: purchasePlanKeys.list(q),
    queryFn: () => api.get<Paged<PurchasePlanView>>(`${plans}${qs(q)}`),
    enabled: opts.enabled,
  });
}
/** A plan with its event trail. */
export function usePurchasePlan(id: string) {
  return useQuery({
    queryKey: purchasePlanKeys.one(id),
    queryFn: () => api.get<PurchasePlanView>(`${plans}/${id}`),
    enabled: !!id,
  });
}
function useInvalidatePlans() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: purchasePlanKeys.all });
}
export function useCreatePurchasePlan() {
  const onSuccess = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: CreatePurchasePlanBody) => api.post<PurchasePlanView>(plans, body),
    onSuccess,
  });
}
export function useUpdatePurchasePlan(id: string) {
  const onSuccess = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: UpdatePurchasePlanBody) => api.patch<PurchasePlanView>(`${plans}/${id}`, body),
    onSuccess,
  });
}
/** R-PUR-2: submit (county), file or return (city), guarded by the version the user saw. */
export function usePlanTransition(id: string) {
  const onSuccess = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ action, ...body }: PlanTransitionBody & { action: 'submit' | 'file' | 'return' }) =>
      api.post<PurchasePlanView>(`${plans}/${id}/${action}`, body),
    onSuccess,
  });
}

/** R-PUR-3: a page of procurements. */
export function useProcurements(q: Partial<ProcurementQuery>) {
  return useQuery({
    queryKey: procurementKeys.list(q),
    queryFn: () => api.get<Paged<ProcurementView>>(`${procurements}${qs(q)}`),
  });
}
export function useProcurement(id: string) {
  return useQuery({
    queryKey: procurementKeys.one(id),
    queryFn: () => api.get<ProcurementView>(`${procurements}/${id}`),
    enabled: !!id,
  });
}
/** Announcements are public at once, so the portal's list moves too. */
function useInvalidateProcurements() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: procurementKeys.all }),
      qc.invalidateQueries({ queryKey: publicKeys.all }),
    ]);
}
export function useCreateProcurement() {
  const onSuccess = useInvalidateProcurements();
  return useMutation({
    mutationFn: (body: CreateProcurementBody) => api.post<ProcurementView>(procurements, body),
    onSuccess,
  });
}
/** The award, checked against R-ORG-1 by the server. */
export function useAwardProcurement(id: string) {
  const onSuccess = useInvalidateProcurements();
  return useMutation({
    mutationFn: (body: AwardBody) => api.post<ProcurementView>(`${procurements}/${id}/award`, body),
    onSuccess,
  });
}
