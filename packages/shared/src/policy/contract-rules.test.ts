import { describe, expect, it } from 'vitest';
import { agreementPeriod, contractFindings, lateSigningDays, newAgreementRefusal } from './contract-rules';

describe('R-CON-1 signing within 30 days of the award notice', () => {
  it('day 30 is in time, day 31 is one day late', () => {
    expect(lateSigningDays('2021-05-01', '2021-05-31')).toBe(0);
    expect(lateSigningDays('2021-05-01', '2021-06-01')).toBe(1);
  });
  it('a late contract carries an error finding naming the days', () => {
    const f = contractFindings(
      {
        awardedOn: '2021-05-01',
        signedOn: '2021-06-01',
        publishedOn: '2021-06-02',
        cycleStart: '2021-06-01',
        endsOn: null,
        agreements: [],
        evaluations: [],
      },
      '2021-06-10',
    );
    expect(f).toEqual([expect.objectContaining({ ruleId: 'R-CON-1', severity: 'error' })]);
    expect(f[0].message).toContain('31 日');
  });
});

describe('R-CON-2 one agreement a year, renewed after a passed evaluation', () => {
  const y1 = { yearNo: 1, periodEnd: '2022-05-31', publishedOn: '2021-06-02' };
  it('year periods follow the cycle start', () => {
    expect(agreementPeriod('2021-06-01', 1)).toEqual({ start: '2021-06-01', end: '2022-05-31' });
    expect(agreementPeriod('2021-06-01', 3)).toEqual({ start: '2023-06-01', end: '2024-05-31' });
  });
  it('year 2 needs a passed year-1 evaluation', () => {
    expect(newAgreementRefusal(2, [y1], [], 'active')).toContain('尚未记录');
    expect(newAgreementRefusal(2, [y1], [{ yearNo: 1, result: 'failed' }], 'active')).toContain('不合格');
    expect(newAgreementRefusal(2, [y1], [{ yearNo: 1, result: 'passed' }], 'active')).toBeNull();
    // R-CON-2: the next year's agreement is signed on or after the passed evaluation, not before it.
    const passed = [{ yearNo: 1, result: 'passed' as const, evaluatedOn: '2027-03-20' }];
    expect(newAgreementRefusal(2, [y1], passed, 'active', '2027-03-19')).toContain('早于第 1 年度评估日期 2027-03-20');
    expect(newAgreementRefusal(2, [y1], passed, 'active', '2027-03-20')).toBeNull();
  });
  it('a fourth agreement is refused, and years go in order', () => {
    expect(newAgreementRefusal(4, [], [], 'active')).toContain('不能签订第 4 年协议');
    expect(newAgreementRefusal(3, [y1], [{ yearNo: 1, result: 'passed' }], 'active')).toContain('应先签订第 2 年');
    expect(newAgreementRefusal(1, [y1], [], 'active')).toContain('已签订');
  });
  it('a failed evaluation ends renewal and shows an error', () => {
    expect(newAgreementRefusal(2, [y1], [{ yearNo: 1, result: 'failed' }], 'ending')).toContain('重新确定承接主体');
    const f = contractFindings(
      {
        awardedOn: '2021-05-01',
        signedOn: '2021-05-20',
        publishedOn: '2021-05-21',
        cycleStart: '2021-06-01',
        endsOn: '2022-05-31',
        agreements: [y1],
        evaluations: [{ yearNo: 1, result: 'failed' }],
      },
      '2022-04-01',
    );
    expect(f.map((x) => x.ruleId)).toEqual(['R-CON-2']);
    expect(f[0].message).toContain('2022-05-31 终止');
  });
  it('an agreement ending within 60 days asks for the evaluation and renewal', () => {
    const f = contractFindings(
      {
        awardedOn: '2021-05-01',
        signedOn: '2021-05-20',
        publishedOn: '2021-05-21',
        cycleStart: '2021-06-01',
        endsOn: null,
        agreements: [y1],
        evaluations: [],
      },
      '2022-04-15',
    );
    expect(f).toEqual([expect.objectContaining({ ruleId: 'R-CON-2', severity: 'warning' })]);
    expect(
      contractFindings(
        {
          awardedOn: '2021-05-01',
          signedOn: '2021-05-20',
          publishedOn: '2021-05-21',
          cycleStart: '2021-06-01',
          endsOn: null,
          agreements: [y1],
          evaluations: [],
        },
        '2022-03-01',
      ),
    ).toEqual([]);
  });
});

describe('R-CON-3 publication', () => {
  it('flags an unpublished contract and agreement', () => {
    const f = contractFindings(
      {
        awardedOn: '2021-05-01',
        signedOn: '2021-05-20',
        publishedOn: null,
        cycleStart: '2021-06-01',
        endsOn: null,
        agreements: [{ yearNo: 1, periodEnd: '2022-05-31', publishedOn: null }],
        evaluations: [],
      },
      '2021-07-01',
    );
    expect(f.map((x) => x.message)).toEqual(['合同尚未公告', '第 1 年协议尚未公告']);
  });
});
