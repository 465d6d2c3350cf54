import { describe, expect, it } from 'vitest';
import {
  continuingEducation,
  deadlineStatus,
  hiringBreaches,
  missingMonths,
  qualification,
  qualificationDeadline,
  staffingFinding,
} from './staff-rules';

const t = (
  hours: number,
  organiserLevel: 'county_civil_affairs' | 'other' = 'county_civil_affairs',
  endedOn = '2024-06-01',
  organiserConfirmed = true,
) => ({ hours, organiserLevel, endedOn, organiserConfirmed });

describe('R-STAFF-2 hiring checks', () => {
  it('45 at the hire date passes, 46 does not', () => {
    expect(hiringBreaches({ birthDate: '1980-06-15', hireDate: '2026-06-14', education: 'bachelor' })).toEqual([]);
    expect(hiringBreaches({ birthDate: '1980-06-15', hireDate: '2026-06-15', education: 'bachelor' })[0].message).toBe(
      '聘用时 46 周岁，超过 45 周岁',
    );
  });
  it('needs 大专 or higher', () => {
    expect(hiringBreaches({ birthDate: '1995-01-01', hireDate: '2026-01-01', education: 'junior_college' })).toEqual(
      [],
    );
    expect(
      hiringBreaches({ birthDate: '1995-01-01', hireDate: '2026-01-01', education: 'secondary_vocational' })[0].message,
    ).toBe('学历低于大专');
  });
});

describe('R-STAFF-3 qualification is computed', () => {
  const plain = { socialWorkMajor: false, education: 'bachelor' as const, certificateLevel: null };
  it('59 hours is not enough, 60 is', () => {
    expect(qualification(plain, [t(40), t(19)], '2025-01-01')).toMatchObject({ qualified: false, hoursMissing: 1 });
    expect(qualification(plain, [t(40), t(20)], '2025-01-01')).toMatchObject({
      qualified: true,
      path: 'training',
      trainingHours: 60,
    });
  });
  it('training by other organisers does not count', () => {
    expect(qualification(plain, [t(60, 'other')], '2025-01-01')).toMatchObject({ qualified: false, hoursMissing: 60 });
    // R-STAFF-3: a contractor's record whose organiser no county officer has confirmed does not count yet.
    expect(qualification(plain, [t(60, 'county_civil_affairs', '2024-06-01', false)], '2025-01-01')).toMatchObject({
      qualified: false,
      hoursMissing: 60,
    });
  });
  it('a degree or a certificate qualifies without hours', () => {
    expect(qualification({ ...plain, socialWorkMajor: true }, [], '2025-01-01')).toMatchObject({
      qualified: true,
      path: 'degree',
    });
    expect(qualification({ ...plain, certificateLevel: 'assistant' }, [], '2025-01-01')).toMatchObject({
      qualified: true,
      path: 'certificate',
      explanation: '持有助理社会工作师证书',
    });
  });
});

describe('R-STAFF-4 deadlines', () => {
  it('a resident worker has 2 years from the contract start; the lead none', () => {
    expect(qualificationDeadline('resident', { assignedOn: '2021-08-01', contractStart: '2021-06-01' })).toBe(
      '2023-05-31',
    );
    expect(qualificationDeadline('project_lead', { assignedOn: '2021-08-01', contractStart: '2021-06-01' })).toBe(
      '2021-08-01',
    );
  });
  it('at risk within 90 days, overdue the day after', () => {
    expect(deadlineStatus(false, '2023-05-31', '2023-03-02')).toBe('at_risk'); // 90 days left
    expect(deadlineStatus(false, '2023-05-31', '2023-03-01')).toBe('ok'); // 91 days left
    expect(deadlineStatus(false, '2023-05-31', '2023-05-31')).toBe('at_risk');
    expect(deadlineStatus(false, '2023-05-31', '2023-06-01')).toBe('overdue');
    expect(deadlineStatus(true, '2023-05-31', '2023-06-01')).toBe('qualified');
  });
});

describe('R-STAFF-5 and R-STAFF-1, R-STAFF-6', () => {
  it('continuing education: progress during the year, a finding after it', () => {
    expect(continuingEducation(2025, [t(30, 'other', '2025-03-01')], '2025-06-01').finding?.severity).toBe('info');
    expect(continuingEducation(2025, [t(30, 'other', '2025-03-01')], '2026-01-01').finding?.message).toBe(
      '2025 年继续教育 30 学时，不足 60 学时',
    );
    expect(continuingEducation(2025, [t(60, 'other', '2025-03-01')], '2026-01-01').finding).toBeNull();
  });
  it('a station needs two resident workers', () => {
    expect(staffingFinding(1)?.ruleId).toBe('R-STAFF-1');
    expect(staffingFinding(2)).toBeNull();
  });
  it('finds the months without pay records, across a year end', () => {
    expect(missingMonths('2025-11', '2026-02', new Set(['2025-11', '2026-01']))).toEqual(['2025-12', '2026-02']);
  });
});
