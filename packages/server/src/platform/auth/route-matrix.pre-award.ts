import { PDF, type WorldRole } from '../../test-support/two-worlds';
import type { BodyRef, Entry, ListSpec } from './route-matrix.entries';

// 立项评估 (R-EVAL-1) in the R-SCOPE-1 route matrix: the evaluation, its report files, the list, and the write naming
// a procurement and an organisation in its body. Spread into route-matrix.entries.ts.

/** The third-party evaluator of a round reaches that round's stations, not the county's procurements. */
const NOT_THE_EVALUATORS = {
  roles: ['evaluator'] as WorldRole[],
  reason:
    'a third-party evaluator reaches the stations of the rounds assigned to it; pre-award evaluations belong to the county’s procurements',
};

export const PRE_AWARD_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/pre-award-evaluations/:evaluationId': {
    params: { evaluationId: 'preAwardEvaluation' },
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
  'POST /api/v1/pre-award-evaluations/:evaluationId/files': {
    params: { evaluationId: 'preAwardEvaluation' },
    upload: () => ({ name: '越权评估报告.pdf', type: 'application/pdf', bytes: PDF }),
  },
  'GET /api/v1/pre-award-evaluations/:evaluationId/files/:fileId': {
    params: { evaluationId: 'preAwardEvaluation', fileId: 'preAwardFile' },
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
};

export const PRE_AWARD_LISTS: Record<string, ListSpec> = {
  '/api/v1/pre-award-evaluations': {
    queries: (b) => ['', `procurementId=${b.ids.procurement}`, `organisationId=${b.ids.organisation}`],
    own: 'preAwardEvaluation',
    ownHiddenFrom: NOT_THE_EVALUATORS,
  },
};

const aspect = { passed: true, note: '' };
export const PRE_AWARD_BODY_REFS: Record<string, BodyRef> = {
  "a pre-award evaluation of world B's procurement": {
    route: 'POST /api/v1/pre-award-evaluations',
    body: (x, a) => ({
      procurementId: x.ids.procurement,
      organisationId: a.ids.organisation,
      agency: '越权评估机构',
      evaluatedOn: '2026-01-10',
      qualification: aspect,
      management: aspect,
      talent: aspect,
    }),
  },
};
