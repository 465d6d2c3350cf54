import { describe, expect, it } from 'vitest';
import { clauseOf, RULE_CLAUSES, withClauses } from './clauses';

describe('requirement ids become plan clauses for users', () => {
  it('names the clause of the plan', () => {
    expect(clauseOf('R-STAFF-2')).toBe('《实施方案》四（五）');
    expect(clauseOf('R-CON-1')).toBe('《实施方案》五（三）');
  });
  it('rewrites every id in a message, ranges included', () => {
    expect(withClauses('不符合聘用条件（R-STAFF-2）：学历低于大专')).toBe(
      '不符合聘用条件（《实施方案》四（五））：学历低于大专',
    );
    expect(withClauses('见 R-ST-1…4 与 R-CON-2')).toBe('见 《实施方案》四（六） 与 《实施方案》五（三）');
    expect(withClauses('没有编号的文字')).toBe('没有编号的文字');
  });
  it('knows every requirement of REQUIREMENTS.md used in code', () => {
    for (const id of ['R-ST-2', 'R-ST-4', 'R-STAFF-6', 'R-ORG-2', 'R-PUR-2', 'R-PLAN-2'])
      expect(RULE_CLAUSES[id]).toBeTruthy();
  });
});
