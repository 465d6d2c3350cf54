import type { BodyRef, Entry, ListSpec } from './route-matrix.entries';

// 满意度与投诉 (R-EVAL-3) in the R-SCOPE-1 route matrix: the public form, every route naming a call-back sample, a call
// or a complaint, the lists, and the writes naming a station in their body. Spread into route-matrix.entries.ts.

const PUBLIC_FORM = 'the station’s public satisfaction form (R-EVAL-3): no login, no scope, operating stations only';

export const SATISFACTION_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/public/stations/:stationId/satisfaction': { public: PUBLIC_FORM },
  'POST /api/v1/public/stations/:stationId/satisfaction': { public: PUBLIC_FORM },
  'GET /api/v1/satisfaction-surveys/:surveyId': { params: { surveyId: 'satisfactionSurvey' } },
  'POST /api/v1/satisfaction-surveys/:surveyId/calls/:callId': {
    params: { surveyId: 'satisfactionSurvey', callId: 'satisfactionCall' },
    body: () => ({ version: 1, status: 'declined', calledOn: '2026-06-14' }),
  },
  'GET /api/v1/complaints/:complaintId': { params: { complaintId: 'complaint' } },
  'POST /api/v1/complaints/:complaintId/answer': {
    params: { complaintId: 'complaint' },
    body: () => ({ version: 1, answer: '越权答复' }),
  },
  'POST /api/v1/complaints/:complaintId/close': { params: { complaintId: 'complaint' }, body: () => ({ version: 1 }) },
};

const all =
  (extra: (b: Parameters<NonNullable<ListSpec['queries']>>[0]) => string[]) =>
  (b: Parameters<NonNullable<ListSpec['queries']>>[0]) => ['', ...extra(b)];

export const SATISFACTION_LISTS: Record<string, ListSpec> = {
  '/api/v1/satisfaction': {
    queries: all((b) => [
      'pageSize=200',
      `unit=${b.countyCode}&pageSize=200`,
      `stationId=${b.ids.station}`,
      `organisationId=${b.ids.organisation}`,
      'channel=public_form&pageSize=200',
      'from=2026-01-01&to=2026-12-31&pageSize=200',
    ]),
    own: 'satisfactionResponse',
  },
  '/api/v1/satisfaction/rates': {
    queries: (b) => ['from=2026-01-01&to=2026-12-31', `from=2026-01-01&to=2026-12-31&unit=${b.countyCode}`],
  },
  '/api/v1/satisfaction-surveys': {
    queries: all((b) => [`unit=${b.countyCode}&pageSize=200`, `stationId=${b.ids.station}`]),
    own: 'satisfactionSurvey',
  },
  '/api/v1/complaints': {
    queries: all((b) => [
      'pageSize=200',
      `unit=${b.countyCode}&pageSize=200`,
      `stationId=${b.ids.station}`,
      `organisationId=${b.ids.organisation}`,
      'status=open&pageSize=200',
      'source=phone&pageSize=200',
    ]),
    own: 'complaint',
  },
};

export const SATISFACTION_BODY_REFS: Record<string, BodyRef> = {
  "a complaint at world B's station": {
    route: 'POST /api/v1/complaints',
    body: (x) => ({ stationId: x.ids.station, source: 'phone', receivedOn: '2026-06-14', content: '越权投诉' }),
  },
  "a call-back sample at world B's station": {
    route: 'POST /api/v1/satisfaction-surveys',
    body: (x) => ({ stationId: x.ids.station, periodStart: '2026-06-01', periodEnd: '2026-06-14', sampleSize: 1 }),
  },
};
