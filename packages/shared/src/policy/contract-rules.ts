import type { Finding } from './finding';
import { CONTRACT_CYCLE_YEARS, SIGNING_DEADLINE_DAYS } from '../contracts/contracts.schemas';

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number) => new Date(toTime(d) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY);
function addYears(d: string, n: number): string {
  const t = new Date(toTime(d));
  t.setUTCFullYear(t.getUTCFullYear() + n);
  return t.toISOString().slice(0, 10);
}

/** Year n of a 3-year cycle runs from cycleStart + (n−1) years to the day before cycleStart + n years (R-CON-2). */
export function agreementPeriod(cycleStart: string, yearNo: number): { start: string; end: string } {
  return { start: addYears(cycleStart, yearNo - 1), end: addDays(addYears(cycleStart, yearNo), -1) };
}

/** R-CON-1: the contract is signed within 30 days from the award notice. */
export function lateSigningDays(awardedOn: string, signedOn: string): number {
  return Math.max(0, daysBetween(awardedOn, signedOn) - SIGNING_DEADLINE_DAYS);
}

interface AgreementFacts {
  yearNo: number;
  periodEnd: string;
  publishedOn: string | null;
}
interface EvaluationFacts {
  yearNo: number;
  result: 'passed' | 'failed';
  evaluatedOn?: string;
}

/**
 * Why a new year's agreement cannot be made, or null (R-CON-2: one a year, the next only after a passed evaluation,
 * and signed on or after that evaluation's date when `signedOn` is given).
 */
export function newAgreementRefusal(
  yearNo: number,
  agreements: AgreementFacts[],
  evaluations: EvaluationFacts[],
  status: string,
  signedOn?: string,
): string | null {
  if (yearNo > CONTRACT_CYCLE_YEARS)
    return `合同周期为 ${CONTRACT_CYCLE_YEARS} 年、一年一签，不能签订第 ${yearNo} 年协议（R-CON-2）`;
  if (status !== 'active')
    return '合同已因评估不合格终止或即将终止，不能续签，须按政府采购程序重新确定承接主体（R-CON-2）';
  if (agreements.some((a) => a.yearNo === yearNo)) return `第 ${yearNo} 年协议已签订`;
  const last = Math.max(0, ...agreements.map((a) => a.yearNo));
  if (yearNo !== last + 1) return `应先签订第 ${last + 1} 年协议`;
  if (yearNo > 1) {
    const prev = evaluations.find((e) => e.yearNo === yearNo - 1);
    if (!prev) return `第 ${yearNo - 1} 年度评估结果尚未记录，年度评估合格后方可续签（R-CON-2）`;
    if (prev.result !== 'passed') return `第 ${yearNo - 1} 年度评估不合格，不予续签（R-CON-2）`;
    if (signedOn && prev.evaluatedOn && signedOn < prev.evaluatedOn)
      return `签订日期 ${signedOn} 早于第 ${yearNo - 1} 年度评估日期 ${prev.evaluatedOn}：年度评估合格后方可续签（R-CON-2）`;
  }
  return null;
}

export interface ContractFacts {
  awardedOn: string;
  signedOn: string;
  publishedOn: string | null;
  cycleStart: string;
  endsOn: string | null;
  agreements: AgreementFacts[];
  evaluations: EvaluationFacts[];
}

/** Findings on a contract: late signing (R-CON-1), unpublished (R-CON-3), renewal due or refused (R-CON-2). */
export function contractFindings(c: ContractFacts, today: string): Finding[] {
  const out: Finding[] = [];
  const late = lateSigningDays(c.awardedOn, c.signedOn);
  if (late > 0) {
    out.push({
      ruleId: 'R-CON-1',
      code: 'R-CON-1.signed-late',
      severity: 'error',
      message: `合同于 ${c.signedOn} 签订，距中标（成交）通知书 ${c.awardedOn} 已 ${daysBetween(c.awardedOn, c.signedOn)} 日，超过 ${SIGNING_DEADLINE_DAYS} 日时限 ${late} 日`,
      action: '违规已记录并通报市民政局；今后须在通知书发出之日起 30 日内签订',
    });
  }
  if (!c.publishedOn)
    out.push({
      ruleId: 'R-CON-3',
      code: 'R-CON-3.contract-unpublished',
      severity: 'warning',
      message: '合同尚未公告',
      action: '依法公告服务协议后登记公告日期',
    });
  for (const a of c.agreements) {
    if (!a.publishedOn)
      out.push({
        ruleId: 'R-CON-3',
        code: 'R-CON-3.agreement-unpublished',
        severity: 'warning',
        message: `第 ${a.yearNo} 年协议尚未公告`,
        action: '依法公告后登记公告日期',
      });
  }
  const failed = c.evaluations.find((e) => e.result === 'failed');
  if (failed) {
    out.push({
      ruleId: 'R-CON-2',
      code: 'R-CON-2.failed-evaluation',
      severity: 'error',
      message: `第 ${failed.yearNo} 年度评估不合格，合同于 ${c.endsOn} 终止，不予续签`,
      action: '按政府采购程序重新确定承接主体',
    });
    return out;
  }
  const last = [...c.agreements].sort((a, b) => b.yearNo - a.yearNo)[0];
  if (last) {
    const left = daysBetween(today, last.periodEnd);
    if (left >= 0 && left <= 60) {
      out.push(
        last.yearNo < CONTRACT_CYCLE_YEARS
          ? {
              ruleId: 'R-CON-2',
              code: 'R-CON-2.agreement-expiring',
              severity: 'warning',
              message: `第 ${last.yearNo} 年协议将于 ${last.periodEnd} 到期（剩 ${left} 日）`,
              action: '完成年度评估；评估合格后签订下一年协议',
            }
          : {
              ruleId: 'R-CON-2',
              code: 'R-CON-2.cycle-ending',
              severity: 'warning',
              message: `三年合同周期将于 ${last.periodEnd} 结束（剩 ${left} 日）`,
              action: '启动下一周期的购买计划和采购',
            },
      );
    }
  }
  return out;
}
