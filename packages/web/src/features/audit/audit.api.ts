import { useQuery } from '@tanstack/react-query';
import type { AuditEventView, AuditQuery, Paged } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of the audit log (read-only: there is no mutation). */
export const auditKeys = {
  all: ['audit'] as const,
  list: (q: Partial<AuditQuery>) => [...auditKeys.all, 'list', q] as const,
};

/** A page of the audit log, newest first, filtered. */
export function useAuditEvents(q: Partial<AuditQuery>) {
  return useQuery({
    queryKey: auditKeys.list(q),
    queryFn: () => api.get<Paged<AuditEventView>>(`/api/v1/audit-events${qs(q)}`),
  });
}
