import type { Finding } from './finding';
import { gradeRank, type Grade } from '../organisations/organisations.schemas';

export interface EligibilityFacts {
  name: string;
  socialWorkInScope: boolean;
  local: boolean;
  grade: Grade | null;
  gradeValidUntil: string | null;
}

/**
 * R-ORG-1 at award: the contractor's business scope includes social work, and an organisation from outside
 * Puyang holds a grade of 3A or above that is valid on the award date. Returns the reasons it is not eligible.
 */
export function awardIneligibility(o: EligibilityFacts, awardedOn: string): Finding[] {
  const out: Finding[] = [];
  if (!o.socialWorkInScope) {
    out.push({
      ruleId: 'R-ORG-1',
      code: 'R-ORG-1.scope',
      severity: 'error',
      message: `${o.name}的业务范围不含社会工作内容，不能作为承接主体`,
      action: '选择业务范围含社会工作的社会组织',
    });
  }
  if (!o.local) {
    if (gradeRank(o.grade) < 3) {
      out.push({
        ruleId: 'R-ORG-1',
        code: 'R-ORG-1.grade-below-3a',
        severity: 'error',
        message: `${o.name}为外地机构，评估等级${o.grade ? `为 ${o.grade}` : '未评定'}，须为 3A 级以上`,
        action: '选择本地机构，或评估等级 3A 以上的外地社工服务机构',
      });
    } else if (o.gradeValidUntil && o.gradeValidUntil < awardedOn) {
      out.push({
        ruleId: 'R-ORG-1',
        code: 'R-ORG-1.grade-expired',
        severity: 'error',
        message: `${o.name}的 ${o.grade} 评估等级已于 ${o.gradeValidUntil} 到期`,
        action: '核实机构当前有效的评估等级',
      });
    }
  }
  return out;
}

/** Standing findings on an organisation record. */
export function organisationFindings(
  o: EligibilityFacts & { creditCodeValid: boolean; creditCodeReason: string },
  today: string,
): Finding[] {
  const out: Finding[] = [];
  if (!o.creditCodeValid) {
    out.push({
      ruleId: 'R-ORG-1',
      code: 'R-ORG-1.credit-code',
      severity: 'warning',
      message: `统一社会信用代码未通过校验（说明：${o.creditCodeReason || '未说明'}）`,
      action: '核对营业执照或登记证书上的代码',
    });
  }
  if (!o.socialWorkInScope)
    out.push({
      ruleId: 'R-ORG-1',
      code: 'R-ORG-1.scope',
      severity: 'info',
      message: '业务范围不含社会工作内容：不能承接社工站项目',
      action: '如已变更业务范围，请更新登记信息',
    });
  if (o.grade && o.gradeValidUntil && o.gradeValidUntil < today)
    out.push({
      ruleId: 'R-ORG-1',
      code: 'R-ORG-1.grade-expired',
      severity: 'warning',
      message: `评估等级 ${o.grade} 已于 ${o.gradeValidUntil} 到期`,
      action: '更新评估等级及有效期',
    });
  if (!o.local && gradeRank(o.grade) < 3)
    out.push({
      ruleId: 'R-ORG-1',
      code: 'R-ORG-1.grade-below-3a',
      severity: 'info',
      message: '外地机构且评估等级低于 3A：不能承接社工站项目',
      action: '外地机构须评估等级 3A 以上',
    });
  return out;
}
