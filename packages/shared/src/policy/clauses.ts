// Users never see requirement ids (REQUIREMENTS.md): they see the clause of the city's plan the rule comes from.
// The ids stay in code, tests and finding codes; everything shown to people goes through these two functions.

/** The clause of 《实施方案》 behind each requirement id. */
export const RULE_CLAUSES: Record<string, string> = {
  'R-SCOPE-1': '二',
  'R-SCOPE-2': '二',
  'R-PLAN-1': '一（二）',
  'R-PLAN-2': '一（二）',
  'R-PLAN-3': '五',
  'R-PLAN-4': '六（四）',
  'R-ST-1': '四（六）',
  'R-ST-2': '四（三）',
  'R-ST-3': '四（二）',
  'R-ST-4': '四（四）',
  'R-ORG-1': '四（一）',
  'R-ORG-2': '二（三）',
  'R-PUR-1': '四（一）',
  'R-PUR-2': '五（一）',
  'R-PUR-3': '五（二）',
  'R-CON-1': '五（三）',
  'R-CON-2': '五（三）',
  'R-CON-3': '五（三）',
  'R-STAFF-1': '四（五）',
  'R-STAFF-2': '四（五）',
  'R-STAFF-3': '四（五）',
  'R-STAFF-4': '四（五）',
  'R-STAFF-5': '六（四）',
  'R-STAFF-6': '二（二）',
  'R-SVC-1': '三',
  'R-SVC-2': '三',
  'R-SVC-3': '三',
  'R-SVC-4': '五（四）',
  'R-SVC-5': '三',
  'R-SVC-6': '六（五）',
  'R-REP-1': '五（四）',
  'R-REP-2': '二（二）',
  'R-REP-3': '五（六）',
  'R-REP-4': '六（七）',
  'R-FUND-1': '六（二）',
  'R-FUND-2': '五（五）',
  'R-FUND-3': '六（三）',
  'R-FUND-4': '六（三）',
  'R-FUND-5': '六（三）',
  'R-EVAL-1': '五（三）',
  'R-EVAL-2': '六（六）',
  'R-EVAL-3': '五（六）',
  'R-EVAL-4': '五（六）',
  'R-TAL-1': '六（四）',
};

/** `《实施方案》四（五）` for a requirement id (the plan itself when the id is unknown). */
export const clauseOf = (ruleId: string): string => `《实施方案》${RULE_CLAUSES[ruleId] ?? ''}`;

/** A text with every requirement id (`R-STAFF-2`, `R-ST-1…4`) replaced by its clause, for messages shown to people. */
export function withClauses(text: string): string {
  return text.replace(/R-[A-Z]+-\d+(?:…\d+)?/g, (id) => clauseOf(id.replace(/…\d+$/, '')));
}
