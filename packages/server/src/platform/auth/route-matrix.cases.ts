import type { World } from '../../test-support/two-worlds';
import { PDF } from '../../test-support/two-worlds';
import type { BodyRef, Entry, ListSpec, UploadFile } from './route-matrix.entries';

// 个案 (R-SVC-3) in the R-SCOPE-1 route matrix: every case route with a path parameter, the list with its filters, and
// the writes naming a station, a person or a worker in their body. Spread into route-matrix.entries.ts.

const pdf = (): UploadFile => ({ name: '越权上传.pdf', type: 'application/pdf', bytes: PDF });
const all = (extra: (b: World) => string[]) => (b: World) => ['', ...extra(b)];

export const CASE_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/cases/:caseId': { params: { caseId: 'case' } },
  'PATCH /api/v1/cases/:caseId': {
    params: { caseId: 'case' },
    body: () => ({ version: 1, strengths: '越权填写' }),
  },
  ...Object.fromEntries(
    ['submit-plan', 'approve-plan', 'return-plan', 'submit-closure', 'approve-closure', 'return-closure'].map((a) => [
      `POST /api/v1/cases/:caseId/${a}`,
      { params: { caseId: 'case' }, body: () => ({ version: 1, note: '越权操作原因' }) },
    ]),
  ),
  'POST /api/v1/cases/:caseId/transfer': {
    params: { caseId: 'case' },
    body: (x) => ({ version: 1, workerId: x.ids.worker }),
  },
  'POST /api/v1/cases/:caseId/files': { params: { caseId: 'case' }, upload: pdf },
  'GET /api/v1/cases/:caseId/files/:fileId': {
    params: { caseId: 'case', fileId: 'caseFile' },
    ownHiddenFrom: {
      roles: ['org_admin', 'evaluator'],
      reason: 'case documents are case notes: for those who see sensitive records and the case worker (R-SCOPE-2)',
    },
  },
};

export const CASE_LISTS: Record<string, ListSpec> = {
  '/api/v1/cases': {
    queries: all((b) => [
      `stationId=${b.ids.station}`,
      `workerId=${b.ids.worker}`,
      `beneficiaryId=${b.ids.beneficiary}`,
      'view=awaiting',
      'view=mine',
      'status=intake&pageSize=200',
    ]),
    own: 'case',
  },
};

export const CASE_BODY_REFS: Record<string, BodyRef> = {
  "a case opened at world B's station": {
    route: 'POST /api/v1/cases',
    body: (x) => ({
      stationId: x.ids.station,
      beneficiaryId: x.ids.beneficiary,
      source: 'self',
      openedOn: '2026-06-01',
      intakeNote: '越权开案',
    }),
  },
  "a case opened at world A's station for world B's person": {
    route: 'POST /api/v1/cases',
    body: (x, a) => ({
      stationId: a.ids.station,
      beneficiaryId: x.ids.beneficiary,
      source: 'self',
      openedOn: '2026-06-01',
      intakeNote: '越权开案',
    }),
  },
  "world A's case transferred to world B's worker": {
    route: 'POST /api/v1/cases/:caseId/transfer',
    params: { caseId: 'case' },
    body: (x) => ({ version: 1, workerId: x.ids.worker }),
  },
};
