import type { ProcurementView, PurchaseMethod } from '@shegong/shared';
import type { ProcurementRow } from './procurements.repository';

/** Row → view; names, contracts and stations are gathered by the caller for a whole page at once. */
export function toProcurementView(
  p: ProcurementRow,
  facts: {
    countyName: string;
    stationName: Map<string, string>;
    organisationName: Map<string, string>;
    contractId: string | null;
  },
): ProcurementView {
  return {
    id: p.id,
    countyCode: p.countyCode,
    countyName: facts.countyName,
    purchasePlanId: p.purchasePlanId,
    title: p.title,
    serviceContent: p.serviceContent,
    serviceStandards: p.serviceStandards,
    requirements: p.requirements,
    method: p.method as PurchaseMethod,
    bidderConditions: p.bidderConditions,
    budgetFen: p.budgetFen,
    stations: p.stationIds
      .filter((id) => facts.stationName.has(id))
      .map((id) => ({ id, name: facts.stationName.get(id)! })),
    publishedOn: p.publishedOn,
    status: p.status,
    award:
      p.awardOrganisationId && p.awardedOn
        ? {
            organisationId: p.awardOrganisationId,
            organisationName: facts.organisationName.get(p.awardOrganisationId) ?? '',
            amountFen: p.awardAmountFen ?? 0,
            awardedOn: p.awardedOn,
          }
        : null,
    contractId: facts.contractId,
    version: p.version,
  };
}
