import { PDF, type World } from '../../test-support/two-worlds';
import type { Entry, ListSpec } from './route-matrix.entries';

// 报告 (R-REP-1…3) in the R-SCOPE-1 route matrix: every route naming a report, and the list with its filters.
// Spread into route-matrix.entries.ts.

const all = (extra: (b: World) => string[]) => (b: World) => ['', ...extra(b)];
const v = () => ({ version: 1 });

export const REPORT_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/reports/:reportId': { params: { reportId: 'report' } },
  'PATCH /api/v1/reports/:reportId': {
    params: { reportId: 'report' },
    body: () => ({ version: 1, narrative: { problems: '越权修改' } }),
  },
  'POST /api/v1/reports/:reportId/submit': { params: { reportId: 'report' }, body: v },
  'POST /api/v1/reports/:reportId/accept': { params: { reportId: 'countyReport' }, body: v },
  'POST /api/v1/reports/:reportId/return': {
    params: { reportId: 'countyReport' },
    body: () => ({ version: 1, comment: '越权退回' }),
  },
  'POST /api/v1/reports/:reportId/reopen': {
    params: { reportId: 'report' },
    body: () => ({ version: 1, reason: '越权更正' }),
  },
  'POST /api/v1/reports/:reportId/files': {
    params: { reportId: 'report' },
    upload: () => ({ name: '越权附件.pdf', type: 'application/pdf', bytes: PDF }),
  },
  'GET /api/v1/reports/:reportId/files/:fileId': { params: { reportId: 'report', fileId: 'reportFile' } },
  'GET /api/v1/reports/:reportId/document.docx': { params: { reportId: 'report' } },
  'GET /api/v1/reports/:reportId/figures.xlsx': { params: { reportId: 'report' } },
};

export const REPORT_LISTS: Record<string, ListSpec> = {
  '/api/v1/reports': {
    queries: all((b) => [
      `stationId=${b.ids.station}`,
      `unit=${b.countyCode}&pageSize=200`,
      `organisationId=${b.ids.organisation}&pageSize=200`,
      'kind=county_quarterly',
      'late=true&pageSize=200',
      'period=2026',
    ]),
    own: 'report',
  },
};
