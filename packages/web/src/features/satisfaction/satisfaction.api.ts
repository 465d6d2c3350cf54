import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerComplaintInput,
  ComplaintQuery,
  ComplaintView,
  CreateComplaintInput,
  CreateSatisfactionSurveyInput,
  Paged,
  PublicSatisfactionForm,
  RecordSatisfactionCallInput,
  SatisfactionQuery,
  SatisfactionRate,
  SatisfactionRatesQuery,
  SatisfactionResponseView,
  SatisfactionSurveyQuery,
  SatisfactionSurveyView,
} from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of 满意度与投诉 (R-EVAL-3); a change invalidates its group. */
export const satisfactionKeys = {
  all: ['satisfaction'] as const,
  responses: (q: Partial<SatisfactionQuery>) => ['satisfaction', 'responses', q] as const,
  rates: (q: Partial<SatisfactionRatesQuery>) => ['satisfaction', 'rates', q] as const,
  surveys: (q: Partial<SatisfactionSurveyQuery>) => ['satisfaction', 'surveys', q] as const,
  survey: (id: string) => ['satisfaction', 'survey', id] as const,
};
export const complaintKeys = {
  all: ['complaints'] as const,
  list: (q: Partial<ComplaintQuery>) => ['complaints', 'list', q] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
};

/** The public form (no login): the station, the questions and a fresh challenge. */
export function usePublicForm(stationId: string) {
  return useQuery({
    queryKey: ['public', 'satisfaction', stationId],
    queryFn: () => api.get<PublicSatisfactionForm>(`/api/v1/public/stations/${stationId}/satisfaction`),
    enabled: !!stationId,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
export function useSubmitPublicForm(stationId: string) {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ received: true; complaintOpened: boolean }>(`/api/v1/public/stations/${stationId}/satisfaction`, body),
  });
}

export function useResponses(q: Partial<SatisfactionQuery>) {
  return useQuery({
    queryKey: satisfactionKeys.responses(q),
    queryFn: () => api.get<Paged<SatisfactionResponseView>>(`/api/v1/satisfaction${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}
export function useRates(q: SatisfactionRatesQuery) {
  return useQuery({
    queryKey: satisfactionKeys.rates(q),
    queryFn: () => api.get<{ items: SatisfactionRate[] }>(`/api/v1/satisfaction/rates${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}
export function useSurveys(q: Partial<SatisfactionSurveyQuery>, enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.surveys(q),
    queryFn: () => api.get<Paged<SatisfactionSurveyView>>(`/api/v1/satisfaction-surveys${qs(q)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
export function useSurvey(id: string) {
  return useQuery({
    queryKey: satisfactionKeys.survey(id),
    queryFn: () => api.get<SatisfactionSurveyView>(`/api/v1/satisfaction-surveys/${id}`),
    enabled: !!id,
  });
}
export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSatisfactionSurveyInput) =>
      api.post<SatisfactionSurveyView>('/api/v1/satisfaction-surveys', input),
    onSuccess: (v) => {
      qc.setQueryData(satisfactionKeys.survey(v.id), v);
      void qc.invalidateQueries({ queryKey: ['satisfaction', 'surveys'] });
    },
  });
}
export function useRecordCall(surveyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, ...body }: RecordSatisfactionCallInput & { callId: string }) =>
      api.post<SatisfactionSurveyView>(`/api/v1/satisfaction-surveys/${surveyId}/calls/${callId}`, body),
    onSuccess: (v) => {
      qc.setQueryData(satisfactionKeys.survey(surveyId), v);
      void qc.invalidateQueries({ queryKey: satisfactionKeys.all, predicate: (q) => q.queryKey[2] !== surveyId });
    },
  });
}

export function useComplaints(q: Partial<ComplaintQuery>) {
  return useQuery({
    queryKey: complaintKeys.list(q),
    queryFn: () => api.get<Paged<ComplaintView>>(`/api/v1/complaints${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}
export function useComplaint(id: string) {
  return useQuery({
    queryKey: complaintKeys.one(id),
    queryFn: () => api.get<ComplaintView>(`/api/v1/complaints/${id}`),
    enabled: !!id,
  });
}
export function useCreateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateComplaintInput) => api.post<ComplaintView>('/api/v1/complaints', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
/** 答复 (with the text) or 办结: each answers the complaint as it now is. */
export function useComplaintStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { step: 'answer'; body: AnswerComplaintInput } | { step: 'close'; body: { version: number } }) =>
      api.post<ComplaintView>(`/api/v1/complaints/${id}/${b.step}`, b.body),
    onSuccess: (v) => {
      qc.setQueryData(complaintKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: complaintKeys.all, predicate: (q) => q.queryKey[2] !== id });
    },
  });
}
