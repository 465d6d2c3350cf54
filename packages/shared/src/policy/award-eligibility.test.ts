import { describe, expect, it } from 'vitest';
import { awardIneligibility } from './award-eligibility';

const base = { name: '某机构', socialWorkInScope: true, local: true, grade: null, gradeValidUntil: null };

describe('R-ORG-1 award eligibility', () => {
  it('a local organisation with social work in its scope is eligible whatever its grade', () => {
    expect(awardIneligibility(base, '2021-06-01')).toEqual([]);
  });
  it('refuses an organisation whose scope lacks social work', () => {
    const r = awardIneligibility({ ...base, socialWorkInScope: false }, '2021-06-01');
    expect(r).toHaveLength(1);
    expect(r[0].message).toContain('业务范围不含社会工作');
  });
  it('an organisation from outside Puyang needs 3A or above: 2A refused, 3A accepted', () => {
    expect(awardIneligibility({ ...base, local: false, grade: '2A' }, '2021-06-01')[0].message).toContain(
      '须为 3A 级以上',
    );
    expect(awardIneligibility({ ...base, local: false, grade: null }, '2021-06-01')[0].message).toContain('未评定');
    expect(awardIneligibility({ ...base, local: false, grade: '3A' }, '2021-06-01')).toEqual([]);
    expect(
      awardIneligibility({ ...base, local: false, grade: '5A', gradeValidUntil: '2024-12-31' }, '2021-06-01'),
    ).toEqual([]);
  });
  it('an expired grade does not count on the award date', () => {
    expect(
      awardIneligibility({ ...base, local: false, grade: '4A', gradeValidUntil: '2021-05-31' }, '2021-06-01')[0]
        .message,
    ).toContain('已于 2021-05-31 到期');
  });
});
