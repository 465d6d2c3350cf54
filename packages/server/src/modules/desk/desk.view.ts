import {
  clauseOf,
  progressPercent,
  type DeskItem,
  type DeskItemKind,
  type DeskUnit,
  type FindingSeverity,
} from '@shegong/shared';

// Presenter of the 工作台: to-dos in words, each with the plan's clause (never a rule id) and a link.

interface Due {
  count: number;
  firstId?: string | null;
}

/** A to-do, or nothing when nothing waits: one record links to itself, several to the list. */
export function item(
  kind: DeskItemKind,
  due: Due,
  x: { title: string; detail: string; list: string; record?: string; ruleId: string; severity: FindingSeverity },
): DeskItem[] {
  if (due.count <= 0) return [];
  const link = due.count === 1 && due.firstId && x.record ? `${x.record}/${due.firstId}` : x.list;
  return [
    {
      kind,
      count: due.count,
      title: x.title,
      detail: x.detail,
      link,
      clause: clauseOf(x.ruleId),
      severity: x.severity,
    },
  ];
}

/** Most pressing first: errors, then warnings, then notes; the order of the calls within a severity. */
export function byUrgency(items: DeskItem[]): DeskItem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => rank[a.it.severity] - rank[b.it.severity] || a.i - b.i)
    .map((x) => x.it);
}

/** "益民社工中心 3 人、另一机构 1 人" — at most `max` names, then how many more. */
export function perOrganisation(counts: Map<string, number>, names: Map<string, string>, max = 3): string {
  const list = [...counts].sort((a, b) => b[1] - a[1] || (names.get(a[0]) ?? '').localeCompare(names.get(b[0]) ?? ''));
  const shown = list.slice(0, max).map(([id, n]) => `${names.get(id) ?? '未知机构'} ${n} 人`);
  return shown.join('、') + (list.length > max ? ` 等 ${list.length} 家机构` : '');
}

/** "甲、乙、丙 等 5 个社工站" — at most `max` names, then how many in all. */
export function listed(names: string[], unit: string, max = 3): string {
  return names.slice(0, max).join('、') + (names.length > max ? ` 等 ${names.length} ${unit}` : '');
}

/** The units ranked both ways, best first; ties by the figure behind the rate, then by unit code (stable). */
export function rankings(units: DeskUnit[]) {
  const order = (rate: (u: DeskUnit) => number | null, base: (u: DeskUnit) => number) => (a: DeskUnit, b: DeskUnit) =>
    (rate(b) ?? -1) - (rate(a) ?? -1) || base(b) - base(a) || a.countyCode.localeCompare(b.countyCode);
  return {
    byBuild: [...units].sort(
      order(
        (u) => u.buildPercent,
        (u) => u.built,
      ),
    ),
    byQualified: [...units].sort(
      order(
        (u) => u.qualifiedPercent,
        (u) => u.qualified,
      ),
    ),
  };
}

export const rate = progressPercent;
