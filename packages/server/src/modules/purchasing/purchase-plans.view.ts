import type { PlanEventView, PurchaseMethod, PurchasePlanView } from '@shegong/shared';
import type { PlanEventRow, PlanRow } from './purchase-plans.repository';

/** Row → view; the facts from other modules (names, trail, abilities) are gathered by the caller for a whole page. */
export function toPlanView(
  p: PlanRow,
  facts: {
    countyName: string;
    stationName: Map<string, string>;
    events: PlanEventRow[];
    abilities: PurchasePlanView['abilities'];
  },
): PurchasePlanView {
  return {
    id: p.id,
    countyCode: p.countyCode,
    countyName: facts.countyName,
    year: p.year,
    title: p.title,
    background: p.background,
    goals: p.goals,
    budgetFen: p.budgetFen,
    purchaseMethod: p.purchaseMethod as PurchaseMethod | null,
    serviceContent: p.serviceContent,
    schedule: p.schedule,
    qualityStandards: p.qualityStandards,
    quantityStandards: p.quantityStandards,
    performanceEvaluation: p.performanceEvaluation,
    stations: p.stationIds
      .filter((id) => facts.stationName.has(id))
      .map((id) => ({ id, name: facts.stationName.get(id)! })),
    status: p.status,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    filedAt: p.filedAt?.toISOString() ?? null,
    events: facts.events.map((e): PlanEventView => ({
      action: e.action as PlanEventView['action'],
      comment: e.comment,
      username: e.username,
      at: e.at.toISOString(),
    })),
    version: p.version,
    abilities: facts.abilities,
  };
}
