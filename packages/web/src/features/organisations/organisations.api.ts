import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDisclosureInput,
  CreateOrganisationInput,
  DisclosureView,
  OrganisationDetail,
  OrganisationQuery,
  OrganisationView,
  Paged,
  UpdateOrganisationInput,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of the organisations feature; every mutation invalidates `all`. */
export const organisationKeys = {
  all: ['organisations'] as const,
  list: (q: Partial<OrganisationQuery>) => [...organisationKeys.all, 'list', q] as const,
  one: (id: string) => [...organisationKeys.all, 'one', id] as const,
};

const base = '/api/v1/organisations';

/** A page of the registry (R-ORG-1). Pickers use `useOrganisationSearch` instead. */
export function useOrganisations(q: Partial<OrganisationQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organisationKeys.list(q),
    queryFn: () => api.get<Paged<OrganisationView>>(`${base}${qs(q)}`),
    enabled: opts.enabled,
  });
}

/** How many organisations a picker shows per list before the user narrows them by typing. */
export const PICKER_PAGE_SIZE = 20;

/**
 * Organisation pickers search on the server: one query per list in `lists` (e.g. the procurement's county and the
 * out-of-town organisations), each narrowed by the typed text (`search`, debounced) on name or credit code. While a new
 * search runs, the previous answer stays on screen.
 */
export function useOrganisationSearch(lists: Partial<OrganisationQuery>[], opts: { enabled?: boolean } = {}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const results = useQueries({
    queries: lists.map((l) => {
      const query = { ...l, q: q || undefined, pageSize: PICKER_PAGE_SIZE };
      return {
        queryKey: organisationKeys.list(query),
        queryFn: () => api.get<Paged<OrganisationView>>(`${base}${qs(query)}`),
        enabled: opts.enabled,
        placeholderData: keepPreviousData,
      };
    }),
  });
  return {
    search: setText,
    pages: results.map((r) => r.data),
    fetching: results.some((r) => r.isFetching),
  };
}

/** An organisation with its disclosures. */
export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.one(id),
    queryFn: () => api.get<OrganisationDetail>(`${base}/${id}`),
    enabled: !!id,
  });
}

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationInput) => api.post<OrganisationView>(base, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationInput) => api.patch<OrganisationView>(`${base}/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

/** R-ORG-2: publish a disclosure (public at once). */
export function useDisclose(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDisclosureInput) =>
      api.post<DisclosureView>(`${base}/${organisationId}/disclosures`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

/** Refreshes the feature's queries (after a file was attached through the attachments list). */
export function useRefreshOrganisations() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: organisationKeys.all });
}

/** Where a disclosure's files are uploaded (multipart, by the attachments list). */
export const disclosureUploadUrl = (organisationId: string, disclosureId: string) =>
  `${base}/${organisationId}/disclosures/${disclosureId}/files`;

/** The public download of a disclosure's file (no login). */
export const disclosureFileUrl = (organisationId: string, disclosureId: string, fileId: string) =>
  `/api/v1/public/organisations/${organisationId}/disclosures/${disclosureId}/files/${fileId}`;
