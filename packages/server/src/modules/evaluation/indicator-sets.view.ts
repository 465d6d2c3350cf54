import {
  keyedItems,
  totalPoints,
  type IndicatorSetInput,
  type IndicatorSetListItem,
  type IndicatorSetView,
} from '@shegong/shared';
import type { IndicatorSetRow } from './indicator-sets.repository';

/** A set as the list shows it: version, state, whether it is the shipped example, total, items and pass line. */
export function indicatorSetListItem(r: IndicatorSetRow): IndicatorSetListItem {
  return {
    id: r.id,
    familyId: r.familyId,
    versionNo: r.versionNo,
    name: r.name,
    status: r.status,
    isExample: r.isExample,
    totalPoints: totalPoints(r.dimensions),
    itemCount: keyedItems(r.dimensions).length,
    passLine: r.passLine,
    adoptedAt: r.adoptedAt ? r.adoptedAt.toISOString() : null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The whole set: its tree, bands, pass line and combination rule, with the rounds on it and what the caller may do. */
export function indicatorSetView(
  r: IndicatorSetRow,
  roundCount: number,
  abilities: IndicatorSetView['abilities'],
): IndicatorSetView {
  return {
    ...indicatorSetListItem(r),
    note: r.note,
    dimensions: r.dimensions,
    bands: r.bands,
    combination: r.combination,
    roundCount,
    version: r.version,
    abilities,
  };
}

/** The editable content of a row (what a new version copies and what the audit compares). */
export const contentOf = (r: IndicatorSetRow): IndicatorSetInput => ({
  name: r.name,
  note: r.note,
  dimensions: r.dimensions,
  bands: r.bands,
  passLine: r.passLine,
  combination: r.combination,
});
