import type { World } from '../../test-support/two-worlds';
import type { BodyRef, Entry, ListSpec } from './route-matrix.entries';

// 预警 (R-SVC-5) and 转介 (附件2 (一)3) in the R-SCOPE-1 route matrix: every route with a path parameter, the lists
// with their filters, and the writes naming a station or a person in their body. Spread into route-matrix.entries.ts.

const all = (extra: (b: World) => string[]) => (b: World) => ['', ...extra(b)];

export const ALERT_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/alerts/:alertId': { params: { alertId: 'alert' } },
  'POST /api/v1/alerts/:alertId/acknowledge': { params: { alertId: 'alert' } },
  'POST /api/v1/alerts/:alertId/actions': { params: { alertId: 'alert' }, body: () => ({ note: '越权处置' }) },
  'POST /api/v1/alerts/:alertId/close': { params: { alertId: 'alert' }, body: () => ({ note: '越权关闭' }) },
  'GET /api/v1/referrals/:referralId': { params: { referralId: 'referral' } },
  'PATCH /api/v1/referrals/:referralId': {
    params: { referralId: 'referral' },
    body: (x) => ({ version: x.versions.referral, outcome: '越权修改' }),
  },
};

export const ALERT_LISTS: Record<string, ListSpec> = {
  '/api/v1/alerts': {
    queries: all((b) => [`stationId=${b.ids.station}`, 'status=open&pageSize=200', 'kind=abuse', 'active=true']),
    own: 'alert',
  },
  '/api/v1/alerts/summary': {},
  '/api/v1/referrals': {
    queries: all((b) => [`stationId=${b.ids.station}`, `beneficiaryId=${b.ids.beneficiary}`, 'target=dibao']),
    own: 'referral',
  },
};

export const ALERT_BODY_REFS: Record<string, BodyRef> = {
  "an alert on world B's person at world B's station": {
    route: 'POST /api/v1/alerts',
    body: (x) => ({ stationId: x.ids.station, beneficiaryId: x.ids.beneficiary, kind: 'abuse', description: '越权' }),
  },
  "an alert on world B's person at world A's station": {
    route: 'POST /api/v1/alerts',
    body: (x, a) => ({
      stationId: a.ids.station,
      beneficiaryId: x.ids.beneficiary,
      kind: 'abuse',
      description: '越权',
    }),
  },
  "a referral of world B's person at world A's station": {
    route: 'POST /api/v1/referrals',
    body: (x, a) => ({
      stationId: a.ids.station,
      beneficiaryId: x.ids.beneficiary,
      target: 'dibao',
      agency: '越权',
      submittedOn: '2026-06-01',
    }),
  },
  "a referral at world B's station": {
    route: 'POST /api/v1/referrals',
    body: (x) => ({
      stationId: x.ids.station,
      beneficiaryId: x.ids.beneficiary,
      target: 'dibao',
      agency: '越权',
      submittedOn: '2026-06-01',
    }),
  },
};
