import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSupervisionReviewInput,
  CreateSupervisionSessionInput,
  Paged,
  SupervisionHours,
  SupervisionReviewQuery,
  SupervisionReviewView,
  SupervisionSessionQuery,
  SupervisionSessionView,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of 督导 (R-EVAL-4); every change invalidates `all` (sessions, hours and comments move together). */
export const supervisionKeys = {
  all: ['supervision'] as const,
  sessions: (q: Partial<SupervisionSessionQuery>) => [...supervisionKeys.all, 'sessions', q] as const,
  attendees: (stationId: string, on: string) => [...supervisionKeys.all, 'attendees', stationId, on] as const,
  hours: (year: number) => [...supervisionKeys.all, 'hours', year] as const,
  reviews: (q: Partial<SupervisionReviewQuery>) => [...supervisionKeys.all, 'reviews', q] as const,
};

const SESSIONS = '/api/v1/supervision-sessions';
const REVIEWS = '/api/v1/supervision-reviews';

export function useSupervisionSessions(q: Partial<SupervisionSessionQuery>) {
  return useQuery({
    queryKey: supervisionKeys.sessions(q),
    queryFn: () => api.get<Paged<SupervisionSessionView>>(`${SESSIONS}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

/** Who may attend at a station on a day: the workers assigned to it then (the form's picker). */
export function useSupervisionAttendees(stationId: string | undefined, on: string | undefined) {
  return useQuery({
    queryKey: supervisionKeys.attendees(stationId ?? '', on ?? ''),
    queryFn: () =>
      api.get<{ items: { id: string; name: string }[] }>(`/api/v1/supervision-attendees${qs({ stationId, on })}`),
    enabled: !!stationId && !!on,
  });
}

export function useCreateSupervisionSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSupervisionSessionInput) => api.post<SupervisionSessionView>(SESSIONS, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

/** Hours per worker and station in a year (R-EVAL-4), ordered by station and name by the server. */
export function useSupervisionHours(year: number) {
  return useQuery({
    queryKey: supervisionKeys.hours(year),
    queryFn: () => api.get<SupervisionHours>(`/api/v1/supervision-hours${qs({ year })}`),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionReviews(q: Partial<SupervisionReviewQuery>) {
  return useQuery({
    queryKey: supervisionKeys.reviews(q),
    queryFn: () => api.get<Paged<SupervisionReviewView>>(`${REVIEWS}${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCreateSupervisionReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSupervisionReviewInput) => api.post<SupervisionReviewView>(REVIEWS, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

export type ReviewStep = { step: 'answer'; version: number; answer: string } | { step: 'close'; version: number };

/** Answer (the worker or the project lead) or close (the contractor): each answers the comment as it now is. */
export function useReviewStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, ...body }: ReviewStep & { id: string }) =>
      api.post<SupervisionReviewView>(`${REVIEWS}/${id}/${step}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}
