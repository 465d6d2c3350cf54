import {
  contractFindings,
  type AttachmentView,
  type ContractView,
  type Finding,
  type ContractComplianceRow,
} from '@shegong/shared';
import type { ContractParts, ContractRow } from './contracts.repository';
import { endedOn } from './contracts.policy';

/** Findings of a contract from its row and parts (R-CON-1…3); the rule itself lives in shared/policy. */
export const findingsOf = (c: ContractRow, parts: Pick<ContractParts, 'ags' | 'evs'>, today: string): Finding[] =>
  contractFindings({ ...c, agreements: parts.ags, evaluations: parts.evs }, today);

/** The contract as the API shows it; names, files and abilities already looked up for the whole page. */
export function contractView(
  c: ContractRow,
  parts: ContractParts,
  x: {
    today: string;
    countyName: string;
    contractorName: string;
    stationName: Map<string, string>;
    files: AttachmentView[];
    abilities: ContractView['abilities'];
  },
): ContractView {
  const { ags, evs, stationIds } = parts;
  return {
    id: c.id,
    title: c.title,
    countyCode: c.countyCode,
    countyName: x.countyName,
    purchaserName: c.purchaserName,
    procurementId: c.procurementId,
    contractorId: c.organisationId,
    contractorName: x.contractorName,
    stations: stationIds.filter((id) => x.stationName.has(id)).map((id) => ({ id, name: x.stationName.get(id)! })),
    awardedOn: c.awardedOn,
    signedOn: c.signedOn,
    publishedOn: c.publishedOn,
    cycleStart: c.cycleStart,
    cycleEnd: c.cycleEnd,
    endsOn: c.endsOn,
    status: endedOn(c, x.today) ? 'ended' : c.status,
    terms: c.terms,
    agreements: ags.map((a) => ({
      id: a.id,
      yearNo: a.yearNo,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      amountFen: a.amountFen,
      signedOn: a.signedOn,
      publishedOn: a.publishedOn,
    })),
    evaluations: evs.map((e) => ({
      id: e.id,
      yearNo: e.yearNo,
      result: e.result,
      evaluatedOn: e.evaluatedOn,
      evaluator: e.evaluator,
      summary: e.summary,
      source: e.source,
      score: e.score,
      grade: e.grade,
    })),
    currentYearNo: ags.find((a) => a.periodStart <= x.today && a.periodEnd >= x.today)?.yearNo ?? null,
    files: x.files,
    findings: findingsOf(c, parts, x.today),
    version: c.version,
    abilities: x.abilities,
  };
}

/** The finding codes each column of the compliance overview counts (R-CON-1…3); never the message text. */
export const COMPLIANCE_CODES = {
  lateSigning: ['R-CON-1.signed-late'],
  unpublished: ['R-CON-3.contract-unpublished', 'R-CON-3.agreement-unpublished'],
  endingSoon: ['R-CON-2.agreement-expiring', 'R-CON-2.cycle-ending'],
} as const;

type Counted = Omit<ContractComplianceRow, 'countyCode' | 'countyName' | 'stationsWithoutContract'>;

/** Per unit: how many contracts, and how many carry at least one finding of each column's codes. */
export function countByCode(contracts: { countyCode: string; findings: Pick<Finding, 'code'>[] }[]) {
  const out = new Map<string, Counted>();
  for (const c of contracts) {
    const n = out.get(c.countyCode) ?? { contracts: 0, lateSigning: 0, unpublished: 0, endingSoon: 0 };
    const codes = new Set(c.findings.map((f) => f.code));
    n.contracts += 1;
    for (const k of Object.keys(COMPLIANCE_CODES) as (keyof typeof COMPLIANCE_CODES)[])
      if (COMPLIANCE_CODES[k].some((code) => codes.has(code))) n[k] += 1;
    out.set(c.countyCode, n);
  }
  return out;
}
