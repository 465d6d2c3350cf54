import { describe, expect, it } from 'vitest';
import type { CircularMeasure } from '@shegong/shared';
import { rankOn, rankUnits } from './circulars.ranking';

const unit = (v: Partial<Record<CircularMeasure, number>>) => ({
  values: {
    plan: null,
    reports: null,
    staffing: null,
    qualified: null,
    services: null,
    visits: null,
    evaluations: null,
    ...v,
  },
});

describe('R-REP-4 ranking of units in the 通报', () => {
  it('ranks the highest value first, equal values share a rank, a unit with nothing to measure is not ranked', () => {
    expect(rankOn([50, 100, null, 50, 0])).toEqual([2, 1, null, 2, 4]);
    expect(rankOn([null, null])).toEqual([null, null]);
  });

  it('orders units overall by the mean of their ranks; equal means share a place, a unit ranked on nothing is last', () => {
    const ranked = rankUnits([
      unit({ plan: 80, reports: 50 }), // ranks 2, 1: mean 1.5
      unit({ plan: 90, reports: 40 }), // ranks 1, 2: mean 1.5
      unit({ plan: 10, reports: 10, visits: 100 }), // ranks 3, 3, 1: mean 2.33…
      unit({}), // nothing measured
    ]);
    expect(ranked.map((r) => r.overallRank)).toEqual([1, 1, 3, 4]);
    expect(ranked[2].ranks).toMatchObject({ plan: 3, reports: 3, visits: 1, staffing: null });
  });
});
