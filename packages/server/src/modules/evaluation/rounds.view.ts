import {
  keyedItems,
  suggestedScore,
  totalPoints,
  type EvaluationRoundListItem,
  type EvaluationRoundView,
  type Measure,
  type MeasuredFigure,
  type ScoredItem,
} from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { IndicatorSetRow } from './indicator-sets.repository';
import { roundAbilities } from './rounds.policy';
import type { RoundRow, ScoreRow } from './rounds.repository';

/** Names a list shows beside a round, looked up once per page. */
export interface RoundNames {
  contracts: Map<string, string>;
  organisations: Map<string, string>;
  sets: Map<string, string>;
  units: (countyCode: string) => string;
  openRectifications: Map<string, number>;
}

export function roundListItem(r: RoundRow, n: RoundNames): EvaluationRoundListItem {
  return {
    id: r.id,
    kind: r.kind,
    contractId: r.contractId,
    contractTitle: n.contracts.get(r.contractId) ?? '',
    organisationId: r.organisationId,
    organisationName: n.organisations.get(r.organisationId) ?? '（已注销机构）',
    unitName: n.units(r.countyCode),
    yearNo: r.yearNo,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    setId: r.setId,
    setName: n.sets.get(r.setId) ?? '',
    status: r.status,
    total: r.total,
    grade: r.grade,
    passed: r.passed,
    signedOffAt: r.signedOffAt?.toISOString() ?? null,
    openRectifications: n.openRectifications.get(r.id) ?? 0,
  };
}

/**
 * The set's items with the round's scores. While scoring, `live` holds the figures measured now; once signed off,
 * the figures frozen with the scores are shown, so a signed round never moves.
 */
export function scoredItems(
  set: IndicatorSetRow,
  scores: ScoreRow[],
  live: Record<Measure, MeasuredFigure> | null,
): ScoredItem[] {
  const byKey = new Map(scores.map((s) => [s.itemKey, s]));
  const names = new Map<string, { dimension: string; group: string }>();
  set.dimensions.forEach((d, i) =>
    d.groups.forEach((g, j) => names.set(`${i + 1}.${j + 1}`, { dimension: d.name, group: g.name })),
  );
  return keyedItems(set.dimensions).map((it) => {
    const s = byKey.get(it.key);
    const figure = live && it.measure ? live[it.measure] : (s?.figure ?? null);
    const suggested = live ? (figure ? suggestedScore(it.points, figure.rate) : null) : (s?.suggested ?? null);
    const where = names.get(it.key.split('.').slice(0, 2).join('.'))!;
    return {
      ...it,
      ...where,
      figure,
      suggested,
      score: s?.score ?? null,
      reason: s?.reason ?? '',
      note: s?.note ?? '',
    };
  });
}

export function roundView(
  actor: Actor,
  r: RoundRow,
  n: RoundNames,
  set: IndicatorSetRow,
  items: ScoredItem[],
  extra: Pick<EvaluationRoundView, 'annual' | 'signedOffBy' | 'evaluatorUsers' | 'files'>,
): EvaluationRoundView {
  return {
    ...roundListItem(r, n),
    evaluators: r.evaluators,
    visitOn: r.visitOn,
    visitNotes: r.visitNotes,
    findings: r.findings,
    sample: r.sample ?? null,
    passLine: set.passLine,
    totalPoints: totalPoints(set.dimensions),
    items,
    ...extra,
    version: r.version,
    abilities: roundAbilities(actor, r),
  };
}
