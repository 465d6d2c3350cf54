import type { ListSpec } from './route-matrix.entries';

// 完成及时率 and 通报 (R-REP-3, R-REP-4) in the R-SCOPE-1 route matrix: a county reads its own unit's and its
// organisations' figures only, never world B's; contractor staff are refused (403); the .xlsx holds what the JSON
// holds. Spread into route-matrix.entries.ts.
export const CIRCULAR_LISTS: Record<string, ListSpec> = {
  '/api/v1/reports/timeliness': {
    queries: () => ['', 'period=2026', 'period=2026-Q2&kind=station_monthly', 'period=2026-03'],
  },
  '/api/v1/circulars': { queries: () => ['', 'period=2026-H1', 'period=2026-Q2'] },
  '/api/v1/circulars.xlsx': { queries: () => ['', 'period=2026-H1'] },
};
