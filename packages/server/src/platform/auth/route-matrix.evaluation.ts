import { PDF, type World, type WorldRole } from '../../test-support/two-worlds';
import type { BodyRef, Entry, ListSpec } from './route-matrix.entries';

// 督导评估 (R-EVAL-1, R-EVAL-2, R-EVAL-4) in the R-SCOPE-1 route matrix: every route naming a set, a round or a
// rectification item, the lists, and the writes naming a record in their body. Spread into route-matrix.entries.ts.

const v = () => ({ version: 1 });
const READERS: WorldRole[] = ['county_admin', 'county_officer', 'org_admin', 'project_lead', 'evaluator'];
/** A third-party evaluator scores its rounds; rectification is between the bureau and the contractor. */
const NOT_THE_EVALUATORS = {
  roles: ['evaluator'] as WorldRole[],
  reason:
    'a third-party evaluator scores the rounds assigned to it; rectification is the bureau’s and the contractor’s',
};
const SETS_ARE_THE_CITYS =
  'indicator sets are the city’s, one for every unit: everyone evaluated reads what they are scored on';

export const EVALUATION_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/indicator-sets/:setId': {
    params: { setId: 'indicatorSet' },
    visibleTo: { roles: READERS, reason: SETS_ARE_THE_CITYS },
  },
  'PATCH /api/v1/indicator-sets/:setId': {
    params: { setId: 'indicatorSet' },
    body: () => ({ adopt: true, version: 1 }),
  },
  'GET /api/v1/evaluation-rounds/:roundId': { params: { roundId: 'round' } },
  'PUT /api/v1/evaluation-rounds/:roundId/scores': {
    params: { roundId: 'round' },
    body: () => ({ version: 3, scores: [], findings: '越权评分' }),
  },
  'POST /api/v1/evaluation-rounds/:roundId/sign-off': { params: { roundId: 'round' }, body: () => ({ version: 3 }) },
  'PUT /api/v1/evaluation-rounds/:roundId/evaluators': {
    params: { roundId: 'round' },
    body: () => ({ version: 3, userIds: [] }),
  },
  'GET /api/v1/evaluation-rounds/:roundId/report.docx': { params: { roundId: 'round' } },
  'GET /api/v1/evaluation-rounds/:roundId/scores.xlsx': { params: { roundId: 'round' } },
  'POST /api/v1/evaluation-rounds/:roundId/files': {
    params: { roundId: 'round' },
    upload: () => ({ name: '越权佐证.pdf', type: 'application/pdf', bytes: PDF }),
  },
  'GET /api/v1/evaluation-rounds/:roundId/files/:fileId': { params: { roundId: 'round', fileId: 'roundFile' } },
  'GET /api/v1/rectifications/:rectificationId': {
    params: { rectificationId: 'rectification' },
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
  'POST /api/v1/rectifications/:rectificationId/submit': {
    params: { rectificationId: 'rectification' },
    body: () => ({ version: 1, correction: '越权整改' }),
  },
  'POST /api/v1/rectifications/:rectificationId/verify': { params: { rectificationId: 'rectification' }, body: v },
  'POST /api/v1/rectifications/:rectificationId/return': {
    params: { rectificationId: 'rectification' },
    body: () => ({ version: 1, comment: '越权退回' }),
  },
  'POST /api/v1/rectifications/:rectificationId/files': {
    params: { rectificationId: 'rectification' },
    upload: () => ({ name: '越权佐证.pdf', type: 'application/pdf', bytes: PDF }),
  },
  'GET /api/v1/rectifications/:rectificationId/files/:fileId': {
    params: { rectificationId: 'rectification', fileId: 'rectificationFile' },
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
};

const all = (extra: (b: World) => string[]) => (b: World) => ['', ...extra(b)];
const theSet = { roles: READERS, marks: (b: World) => [b.ids.indicatorSet], reason: SETS_ARE_THE_CITYS };

export const EVALUATION_LISTS: Record<string, ListSpec> = {
  '/api/v1/indicator-sets': { mayShow: theSet },
  '/api/v1/evaluation-rounds': {
    queries: all((b) => [
      `unit=${b.countyCode}&pageSize=200`,
      `organisationId=${b.ids.organisation}`,
      `contractId=${b.ids.contract}`,
      'kind=midterm&pageSize=200',
    ]),
    own: 'round',
    mayShow: theSet,
  },
  '/api/v1/rectifications': {
    queries: all((b) => [
      `unit=${b.countyCode}&pageSize=200`,
      `organisationId=${b.ids.organisation}`,
      `roundId=${b.ids.round}`,
      `contractId=${b.ids.contract}`,
      'overdue=true',
    ]),
    own: 'rectification',
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
};

export const EVALUATION_BODY_REFS: Record<string, BodyRef> = {
  "an evaluation round of world B's contract": {
    route: 'POST /api/v1/evaluation-rounds',
    body: (x, a) => ({
      kind: 'final',
      setId: a.ids.indicatorSet,
      subjects: [{ contractId: x.ids.contract, yearNo: 1 }],
    }),
  },
  "a rectification item from world B's round": {
    route: 'POST /api/v1/rectifications',
    body: (x) => ({ roundId: x.ids.round, finding: '越权整改事项', deadline: '2026-07-30' }),
  },
};
