import type {
  Combination,
  GradeBand,
  IndicatorDimension,
  IndicatorSetInput,
  KeyedItem,
} from './indicator-sets.schemas';

/** Tenths, the finest unit of points: sums are done in integers so 0.1 + 0.2 never makes 0.30000000000000004. */
const tenths = (n: number) => Math.round(n * 10);
export const roundScore = (n: number) => tenths(n) / 10;
const sum = (ns: number[]) => ns.reduce((a, n) => a + tenths(n), 0) / 10;

/** The 三级 items of a set with their keys (`1.2.3`), in order: what is scored. */
export function keyedItems(dimensions: IndicatorDimension[]): KeyedItem[] {
  return dimensions.flatMap((d, i) =>
    d.groups.flatMap((g, j) => g.items.map((it, k) => ({ ...it, key: `${i + 1}.${j + 1}.${k + 1}` }))),
  );
}

export const totalPoints = (dimensions: IndicatorDimension[]) => sum(dimensions.map((d) => d.points));

/**
 * R-EVAL-2: what makes a set unusable, by field path as the forms name fields. Each level's points are the sum of the
 * level below; grade bands descend to 0 with distinct names; the pass line lies within the total; the county's two
 * rounds weigh 100 together.
 */
export function indicatorSetProblems(s: IndicatorSetInput): Record<string, string> {
  const out: Record<string, string> = {};
  s.dimensions.forEach((d, i) => {
    const groupSum = sum(d.groups.map((g) => g.points));
    if (tenths(groupSum) !== tenths(d.points))
      out[`dimensions.${i}.points`] = `“${d.name}”分值 ${d.points} 与其二级指标分值合计 ${groupSum} 不一致`;
    d.groups.forEach((g, j) => {
      const itemSum = sum(g.items.map((it) => it.points));
      if (tenths(itemSum) !== tenths(g.points))
        out[`dimensions.${i}.groups.${j}.points`] =
          `“${g.name}”分值 ${g.points} 与其三级指标分值合计 ${itemSum} 不一致`;
    });
  });
  const total = totalPoints(s.dimensions);
  const mins = s.bands.map((b) => b.min);
  if (new Set(s.bands.map((b) => b.label)).size !== s.bands.length) out.bands = '等次名称不能重复';
  else if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) out.bands = '等次应按分数从高到低排列，下限逐级降低';
  else if (mins[mins.length - 1] !== 0) out.bands = '最低一个等次的下限应为 0 分';
  else if (mins[0]! > total) out.bands = `最高等次的下限不能超过总分 ${total}`;
  if (s.passLine <= 0 || s.passLine > total) out.passLine = `合格线应大于 0 且不超过总分 ${total}`;
  else if (!mins.includes(s.passLine)) out.passLine = '合格线应与某一等次的下限相同（如“合格”等次的下限）';
  if (s.combination.midtermWeight + s.combination.finalWeight !== 100)
    out['combination.finalWeight'] = '中期评估与末期评估的权重合计应为 100';
  return out;
}

/** The band a total falls in (bands descend; the lowest starts at 0). */
export function gradeOf(total: number, bands: GradeBand[]): string {
  return (bands.find((b) => tenths(total) >= tenths(b.min)) ?? bands[bands.length - 1]!).label;
}
export const passes = (total: number, passLine: number) => tenths(total) >= tenths(passLine);

/** A round's total: the sum of its item scores (an unscored item counts 0 until scored; sign-off requires all). */
export const roundTotal = (scores: (number | null)[]) => sum(scores.map((s) => s ?? 0));

/**
 * The score a measured item suggests: its points times the rate the platform measured (0…1), to the nearest 0.5,
 * never above the points. Null when nothing was measured (no stations, no reports due …): the evaluator scores it.
 */
export function suggestedScore(itemPoints: number, rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const r = Math.min(1, Math.max(0, rate));
  return Math.min(itemPoints, Math.round(itemPoints * r * 2) / 2);
}

/** A signed-off round as the annual result needs it. */
export interface SignedRound {
  kind: 'midterm' | 'final' | 'spot_check' | 'self_assessment';
  total: number;
}

/**
 * R-CON-2, R-EVAL-1 (五（三）): an agreement year's result from its signed-off rounds under the set's rule. It is
 * complete once both county rounds are signed off and no spot check of the year is still being scored. The score is
 * the weighted mean of 中期 and 末期; under `veto` a spot check below the pass line fails the year. Self-assessments
 * never count.
 */
export function annualResult(
  rounds: SignedRound[],
  rule: { combination: Combination; passLine: number; bands: GradeBand[] },
  spotChecksOpen: number,
):
  | { complete: false; missing: string }
  | { complete: true; score: number; grade: string; passed: boolean; basis: string } {
  const mid = rounds.find((r) => r.kind === 'midterm');
  const fin = rounds.find((r) => r.kind === 'final');
  if (!mid || !fin) return { complete: false, missing: !mid ? '中期评估尚未签署' : '末期评估尚未签署' };
  if (spotChecksOpen > 0) return { complete: false, missing: '抽查评估尚未签署' };
  const { midtermWeight, finalWeight, spotCheck } = rule.combination;
  const score = roundScore((tenths(mid.total) * midtermWeight + tenths(fin.total) * finalWeight) / 1000);
  const spots = rounds.filter((r) => r.kind === 'spot_check');
  const vetoed = spotCheck === 'veto' && spots.some((s) => !passes(s.total, rule.passLine));
  const passed = passes(score, rule.passLine) && !vetoed;
  const parts = [`中期 ${mid.total} 分 × ${midtermWeight}%`, `末期 ${fin.total} 分 × ${finalWeight}%`];
  const spotNote = spots.length
    ? `；抽查 ${spots.map((s) => `${s.total} 分`).join('、')}${vetoed ? '，未达合格线' : ''}`
    : '';
  return {
    complete: true,
    score,
    grade: vetoed
      ? gradeOf(Math.min(score, Math.min(...spots.map((s) => s.total))), rule.bands)
      : gradeOf(score, rule.bands),
    passed,
    basis: `${parts.join(' + ')} = ${score} 分${spotNote}`,
  };
}
