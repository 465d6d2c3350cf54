import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContractComplianceRow,
  ContractQuery,
  ContractView,
  CreateAgreementBody,
  CreateContractBody,
  CreateEvaluationBody,
  Paged,
  PublishAgreementBody,
} from '@shegong/shared';
import { api, download, qs } from '../../lib/api';
import { procurementKeys } from '../purchasing/purchasing.api';
import { stationKeys } from '../stations/stations.api';

export const contractKeys = {
  all: ['contracts'] as const,
  list: (q: Partial<ContractQuery>) => [...contractKeys.all, 'list', q] as const,
  one: (id: string) => [...contractKeys.all, 'one', id] as const,
  compliance: () => [...contractKeys.all, 'compliance'] as const,
};

const base = '/api/v1/contracts';

/** A page of contracts (the city's filing list; a contractor's own). */
export function useContracts(q: Partial<ContractQuery>) {
  return useQuery({
    queryKey: contractKeys.list(q),
    queryFn: () => api.get<Paged<ContractView>>(`${base}${qs(q)}`),
  });
}
/** A contract with its agreements, evaluations, files and findings. */
export function useContract(id: string) {
  return useQuery({
    queryKey: contractKeys.one(id),
    queryFn: () => api.get<ContractView>(`${base}/${id}`),
    enabled: !!id,
  });
}
/** R-CON-1…3 per unit. */
export function useContractCompliance() {
  return useQuery({
    queryKey: contractKeys.compliance(),
    queryFn: () => api.get<{ items: ContractComplianceRow[] }>(`${base}/compliance`),
  });
}
export const downloadCompliance = () => download(`${base}/compliance/export`, '合同合规情况.xlsx');
/** Where a contract's files are uploaded and downloaded (the attachments list). */
export const contractFilesUrl = (id: string) => `${base}/${id}/files`;
export const contractFileUrl = (id: string, fileId: string) => `${base}/${id}/files/${fileId}`;

/** A contract changes what station pages show (their live contract and current year). */
function useInvalidateContracts() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: contractKeys.all }),
      qc.invalidateQueries({ queryKey: stationKeys.all }),
    ]);
}
/** R-CON-1: sign from an awarded procurement (which then links to the contract). */
export function useSignContract() {
  const qc = useQueryClient();
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (body: CreateContractBody) => api.post<ContractView>(base, body),
    onSuccess: () => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: procurementKeys.all })]),
  });
}
/** R-CON-2: the next year's agreement. */
export function useAddAgreement(id: string) {
  const onSuccess = useInvalidateContracts();
  return useMutation({
    mutationFn: (body: CreateAgreementBody) => api.post<ContractView>(`${base}/${id}/agreements`, body),
    onSuccess,
  });
}
/** R-CON-2: the annual evaluation result. */
export function useAddEvaluation(id: string) {
  const onSuccess = useInvalidateContracts();
  return useMutation({
    mutationFn: (body: CreateEvaluationBody) => api.post<ContractView>(`${base}/${id}/evaluations`, body),
    onSuccess,
  });
}
/** R-CON-3: the publication date of the contract, or of one agreement when `agreementId` is given. */
export function usePublishContract(id: string) {
  const onSuccess = useInvalidateContracts();
  return useMutation({
    mutationFn: ({ agreementId, ...body }: PublishAgreementBody & { agreementId?: string | null }) =>
      api.post<ContractView>(
        agreementId ? `${base}/${id}/agreements/${agreementId}/publish` : `${base}/${id}/publish`,
        body,
      ),
    onSuccess,
  });
}
/** Refreshes the feature's queries (after a file was attached through the attachments list). */
export function useRefreshContracts() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: contractKeys.all });
}
