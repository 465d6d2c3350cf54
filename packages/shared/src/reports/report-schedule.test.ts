import { describe, expect, it } from 'vitest';
import {
  agreementHalfEnd,
  agreementPeriods,
  DEFAULT_REPORT_SETTINGS as S,
  halfYearPeriods,
  lateness,
  monthlyPeriods,
  quarterlyPeriods,
} from './report-schedule';
import { reportPeriodLabel, reportTitle } from './report-labels';

describe('the reporting calendar (R-REP-1, R-REP-2)', () => {
  it('R-REP-1 monthly briefs: every month a contract covers that has begun, due the 5th of the next (December → January)', () => {
    const p = monthlyPeriods('2025-11-15', '2028-01-31', '2026-01-03', S);
    expect(p.map((x) => [x.periodKey, x.periodStart, x.periodEnd, x.dueOn])).toEqual([
      ['2025-11', '2025-11-01', '2025-11-30', '2025-12-05'],
      ['2025-12', '2025-12-01', '2025-12-31', '2026-01-05'],
      ['2026-01', '2026-01-01', '2026-01-31', '2026-02-05'],
    ]);
  });
  it('R-REP-1 R-REP-2 quarters and halves: a quarter is due in the month after it, the second half in the next year', () => {
    expect(
      quarterlyPeriods('station_quarterly', '2025-11-01', '2027-01-31', '2026-01-01', S).map((x) => [
        x.periodKey,
        x.dueOn,
      ]),
    ).toEqual([
      ['2025-Q4', '2026-01-10'],
      ['2026-Q1', '2026-04-10'],
    ]);
    expect(
      quarterlyPeriods('county_quarterly', '2026-02-01', '2026-06-30', '2026-12-01', S).map((x) => x.dueOn),
    ).toEqual(['2026-04-15', '2026-07-15']);
    expect(
      halfYearPeriods('2025-08-01', '2026-03-01', '2026-03-01', S).map((x) => [x.periodKey, x.periodEnd, x.dueOn]),
    ).toEqual([
      ['2025-H2', '2025-12-31', '2026-01-20'],
      ['2026-H1', '2026-06-30', '2026-07-20'],
    ]);
  });
  it('R-REP-1 an agreement year: the mid-term covers its first six months, the final the year, each due 15 days after', () => {
    expect(agreementPeriods('2026-02-01', '2027-01-31', '2026-02-01', S)).toEqual([
      {
        kind: 'agreement_midterm',
        periodKey: '2026-02-01',
        periodStart: '2026-02-01',
        periodEnd: '2026-07-31',
        dueOn: '2026-08-15',
      },
      {
        kind: 'agreement_final',
        periodKey: '2026-02-01',
        periodStart: '2026-02-01',
        periodEnd: '2027-01-31',
        dueOn: '2027-02-15',
      },
    ]);
    expect(agreementPeriods('2026-02-01', '2027-01-31', '2026-01-31', S)).toEqual([]);
  });
  it('R-REP-3 lateness: the due date itself is in time; a day after is one day late; unsubmitted, late once today passes it', () => {
    expect(lateness('2026-07-05', '2026-07-05', '2026-09-01')).toEqual({ late: false, daysLate: 0 });
    expect(lateness('2026-07-05', '2026-07-06', '2026-09-01')).toEqual({ late: true, daysLate: 1 });
    expect(lateness('2026-07-05', null, '2026-07-05')).toEqual({ late: false, daysLate: 0 });
    expect(lateness('2026-07-05', null, '2026-08-04')).toEqual({ late: true, daysLate: 30 });
  });
  it('names periods and reports the way offices write them', () => {
    const q = {
      kind: 'county_quarterly' as const,
      periodKey: '2026-Q3',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
    };
    expect(reportPeriodLabel(q)).toBe('2026年第三季度');
    expect(reportTitle(q, '濮阳县')).toBe('濮阳县2026年第三季度社工站项目实施情况报告');
    const m = {
      kind: 'station_monthly' as const,
      periodKey: '2026-11',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
    };
    expect(reportTitle(m, '文留镇社工站')).toBe('文留镇社工站2026年11月工作简报');
  });
});

describe('R-REP-1 R-EVAL-1 the first half of an agreement year', () => {
  it('ends the day before six months on, the day clamped to the month, never after the year', () => {
    expect(agreementHalfEnd('2026-01-01', '2026-12-31')).toBe('2026-06-30');
    expect(agreementHalfEnd('2025-08-31', '2026-08-30')).toBe('2026-02-27');
    expect(agreementHalfEnd('2026-02-01', '2027-01-31')).toBe('2026-07-31');
    expect(agreementHalfEnd('2026-01-01', '2026-03-31')).toBe('2026-03-31');
  });
});
