import { describe, expect, it } from 'vitest';
import { checkIdentity, checkPeriod, inForceOn, type PeriodInput } from './beneficiary-rules';

const TODAY = '2026-11-29';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idFor = (birth: string, seq: number) => {
  const body = `410928${birth}${String(seq).padStart(3, '0')}`;
  return body + '10X98765432'[WEIGHTS.reduce((s, w, i) => s + Number(body[i]) * w, 0) % 11];
};
const none = { noIdReason: null, gender: null, birthYear: null, guardian: null };
const period = (p: Partial<PeriodInput>): PeriodInput => ({
  category: 'dibao',
  tekunForm: null,
  disabilityKind: null,
  disabilityGrade: null,
  startedOn: '2025-01-01',
  endedOn: null,
  ...p,
});

describe('R-SVC-1 identity', () => {
  it('R-SVC-1 derives birth date, year and gender from a valid citizen ID', () => {
    const r = checkIdentity({ ...none, idNumber: idFor('19500304', 21) }, TODAY);
    expect(r.errors).toEqual({});
    expect(r.identity).toMatchObject({ birthDate: '1950-03-04', birthYear: 1950, gender: 'male' });
  });
  it('R-SVC-1 refuses a wrong check digit', () => {
    const good = idFor('19500304', 21);
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(checkIdentity({ ...none, idNumber: bad }, TODAY).errors.idNumber).toMatch(/校验位/);
  });
  it('R-SVC-1 without an ID needs a reason, a gender and an approximate birth year', () => {
    const r = checkIdentity({ ...none, idNumber: '' }, TODAY);
    expect(Object.keys(r.errors).sort()).toEqual(['birthYear', 'gender', 'noIdReason']);
    const ok = checkIdentity(
      { idNumber: '', noIdReason: 'homeless_unknown', gender: 'male', birthYear: 1970, guardian: null },
      TODAY,
    );
    expect(ok.errors).toEqual({});
  });
  it('R-SVC-1 a minor needs a guardian', () => {
    const child = idFor('20150601', 12);
    expect(checkIdentity({ ...none, idNumber: child }, TODAY).errors.guardian).toMatch(/监护人/);
    expect(checkIdentity({ ...none, idNumber: child, guardian: { name: '李四' } }, TODAY).errors).toEqual({});
  });
});

describe('R-SVC-1 category periods', () => {
  const elder = { birthDate: '1950-03-04', birthYear: 1950 };
  it('R-SVC-1 refuses an end before the start and a start after today', () => {
    const e = checkPeriod(period({ startedOn: '2027-01-01', endedOn: '2026-01-01' }), elder, [], TODAY);
    expect(e.startedOn).toMatch(/晚于今天/);
    expect(e.endedOn).toMatch(/早于开始/);
  });
  it('R-SVC-1 refuses overlapping periods of one category, allows them in different categories', () => {
    const existing = [{ category: 'dibao' as const, startedOn: '2024-01-01', endedOn: '2025-06-30' }];
    expect(checkPeriod(period({ startedOn: '2025-06-30' }), elder, existing, TODAY).startedOn).toMatch(/重叠/);
    expect(checkPeriod(period({ startedOn: '2025-07-01' }), elder, existing, TODAY)).toEqual({});
    expect(
      checkPeriod(
        period({ category: 'tekun', tekunForm: 'dispersed', startedOn: '2024-05-01' }),
        elder,
        existing,
        TODAY,
      ),
    ).toEqual({});
  });
  it('R-SVC-1 asks 特困 for its form and 残疾 for kind and grade', () => {
    expect(checkPeriod(period({ category: 'tekun' }), elder, [], TODAY).tekunForm).toBeTruthy();
    const d = checkPeriod(period({ category: 'disabled' }), elder, [], TODAY);
    expect(Object.keys(d).sort()).toEqual(['disabilityGrade', 'disabilityKind']);
  });
  it('R-SVC-1 children’s categories need a minor, elders’ 60 or over', () => {
    expect(checkPeriod(period({ category: 'left_behind_child' }), elder, [], TODAY).category).toMatch(/未满 18/);
    const child = { birthDate: '2015-06-01', birthYear: 2015 };
    expect(checkPeriod(period({ category: 'hardship_elder' }), child, [], TODAY).category).toMatch(/年满 60/);
    expect(checkPeriod(period({ category: 'left_behind_child' }), child, [], TODAY)).toEqual({});
  });
  it('R-SVC-1 answers "as of a date" from the dates, both ends inclusive', () => {
    const p = { category: 'dibao' as const, startedOn: '2024-01-01', endedOn: '2024-12-31' };
    expect([inForceOn(p, '2023-12-31'), inForceOn(p, '2024-01-01'), inForceOn(p, '2024-12-31')]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
