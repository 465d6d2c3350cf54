import type { BodyRef, Entry, ListSpec } from './route-matrix.entries';

// 督导 (R-EVAL-4) in the R-SCOPE-1 route matrix: every route naming a session or a review comment, the lists, and the
// writes naming a record in their body. Spread into route-matrix.entries.ts.

export const SUPERVISION_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/supervision-sessions/:sessionId': { params: { sessionId: 'supervisionSession' } },
  'GET /api/v1/supervision-reviews/:reviewId': { params: { reviewId: 'supervisionReview' } },
  'POST /api/v1/supervision-reviews/:reviewId/answer': {
    params: { reviewId: 'supervisionReview' },
    body: () => ({ version: 1, answer: '越权回复' }),
  },
  'POST /api/v1/supervision-reviews/:reviewId/close': {
    params: { reviewId: 'supervisionReview' },
    body: () => ({ version: 1 }),
  },
};

const all =
  (extra: (b: Parameters<NonNullable<ListSpec['queries']>>[0]) => string[]) =>
  (b: Parameters<NonNullable<ListSpec['queries']>>[0]) => ['', ...extra(b)];

export const SUPERVISION_LISTS: Record<string, ListSpec> = {
  '/api/v1/supervision-sessions': {
    queries: all((b) => [
      `unit=${b.countyCode}&pageSize=200`,
      `stationId=${b.ids.station}`,
      `organisationId=${b.ids.organisation}`,
      `workerId=${b.ids.worker}`,
      'year=2026&pageSize=200',
    ]),
    own: 'supervisionSession',
  },
  '/api/v1/supervision-reviews': {
    queries: all((b) => [
      `unit=${b.countyCode}&pageSize=200`,
      `stationId=${b.ids.station}`,
      `organisationId=${b.ids.organisation}`,
      `workerId=${b.ids.worker}`,
      `sessionId=${b.ids.supervisionSession}`,
      'status=open&pageSize=200',
    ]),
    own: 'supervisionReview',
  },
  // The form's picker: world B's station lists nobody for world A's contractor (officers and workers get 403).
  '/api/v1/supervision-attendees': {
    queries: (b) => [`stationId=${b.ids.station}`, `stationId=${b.ids.station}&on=2026-06-01`],
  },
  '/api/v1/supervision-hours': { queries: () => ['', 'year=2026'] },
};

export const SUPERVISION_BODY_REFS: Record<string, BodyRef> = {
  "a supervision session at world B's station": {
    route: 'POST /api/v1/supervision-sessions',
    body: (x) => ({
      stationId: x.ids.station,
      supervisorName: '越权督导',
      supervisorKind: 'internal',
      heldOn: '2026-06-01',
      hours: 1,
      topics: '越权督导',
      workerIds: [x.ids.worker],
    }),
  },
  "a review comment on world B's case": {
    route: 'POST /api/v1/supervision-reviews',
    body: (x) => ({ targetKind: 'case', targetId: x.ids.case, reviewerName: '越权督导', comment: '越权意见' }),
  },
  "a review comment on world B's service record": {
    route: 'POST /api/v1/supervision-reviews',
    body: (x) => ({
      targetKind: 'service_record',
      targetId: x.ids.serviceRecord,
      reviewerName: '越权督导',
      comment: '越权意见',
    }),
  },
};
