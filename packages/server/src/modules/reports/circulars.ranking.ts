import { CIRCULAR_MEASURES, type CircularMeasure } from '@shegong/shared';

type Values = Record<CircularMeasure, number | null>;
type Ranks = Record<CircularMeasure, number | null>;

/**
 * Competition ranking (1, 2, 2, 4): the highest value is 1, equal values share a rank, a unit with nothing to measure
 * (no plan, no reports due, no operating station) is not ranked on that measure rather than ranked last.
 */
export function rankOn(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v == null ? null : 1 + values.filter((o) => o != null && o > v).length));
}

/**
 * R-REP-4 (六（七）): each unit's rank on every measure, and the overall rank by the mean of its ranks (ascending,
 * equal means share a rank; a unit ranked on nothing comes last). Units are compared; people never are.
 */
export function rankUnits(rows: { values: Values }[]): { ranks: Ranks; overallRank: number }[] {
  const byMeasure = Object.fromEntries(
    CIRCULAR_MEASURES.map((m) => [m, rankOn(rows.map((r) => r.values[m]))]),
  ) as Record<CircularMeasure, (number | null)[]>;
  const ranks = rows.map((_, i) => Object.fromEntries(CIRCULAR_MEASURES.map((m) => [m, byMeasure[m][i]])) as Ranks);
  // Means compared at a fixed precision, so 7/3 computed two ways is one value.
  const means = ranks.map((r) => {
    const got = CIRCULAR_MEASURES.map((m) => r[m]).filter((x): x is number => x != null);
    return got.length ? Math.round((got.reduce((a, b) => a + b, 0) / got.length) * 1e6) : Infinity;
  });
  return ranks.map((r, i) => ({
    ranks: r,
    overallRank: 1 + means.filter((m) => m < means[i]).length,
  }));
}
