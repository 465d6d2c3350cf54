import { describe, expect, it } from 'vitest';
import { catalogueFit, checkServiceRecord, domainOf, monthOf, orderCatalogue, type RecordFacts } from './service-rules';

const TODAY = '2026-11-28';
const visit = (extra: Partial<RecordFacts> = {}): RecordFacts => ({
  servedOn: '2026-11-20',
  durationMinutes: 40,
  form: 'home_visit',
  catalogueCode: '2.3',
  peopleCount: 1,
  headCount: 0,
  ...extra,
});

describe('service record rules (R-SVC-2, R-SVC-3)', () => {
  it('R-SVC-2 a home visit of one person today passes', () => {
    expect(checkServiceRecord(visit({ servedOn: TODAY }), TODAY)).toEqual({});
  });

  it('R-SVC-2 a date after today is refused', () => {
    expect(checkServiceRecord(visit({ servedOn: '2026-11-29' }), TODAY)).toEqual({ servedOn: '服务日期不能晚于今天' });
  });

  it('R-SVC-2 the duration lies between 1 minute and a day’s work', () => {
    expect(checkServiceRecord(visit({ durationMinutes: 0 }), TODAY)).toHaveProperty('durationMinutes');
    expect(checkServiceRecord(visit({ durationMinutes: 721 }), TODAY)).toHaveProperty('durationMinutes');
    expect(checkServiceRecord(visit({ durationMinutes: 12.5 }), TODAY)).toHaveProperty('durationMinutes');
    expect(checkServiceRecord(visit({ durationMinutes: 720 }), TODAY)).toEqual({});
  });

  it('R-SVC-3 a visit, phone follow-up, case or crisis names the people served and counts no heads', () => {
    for (const form of ['home_visit', 'phone_followup', 'case_work', 'crisis_intervention'] as const) {
      expect(checkServiceRecord(visit({ form, peopleCount: 0 }), TODAY).beneficiaryIds).toMatch(/至少一人/);
      expect(checkServiceRecord(visit({ form, headCount: 5 }), TODAY).headCount).toMatch(/不填写参与人数/);
    }
  });

  it('R-SVC-3 a community activity or outreach counts heads instead of names; community work may do neither', () => {
    const activity = visit({ form: 'community_activity', peopleCount: 0, catalogueCode: '2.4' });
    expect(checkServiceRecord({ ...activity, headCount: 40 }, TODAY)).toEqual({});
    expect(checkServiceRecord(activity, TODAY).headCount).toMatch(/参与人数/);
    expect(checkServiceRecord({ ...activity, catalogueCode: '4.2' }, TODAY)).toEqual({});
    expect(checkServiceRecord({ ...activity, form: 'policy_outreach', catalogueCode: '6.4' }, TODAY)).toEqual({});
    expect(checkServiceRecord({ ...activity, form: 'group_work', peopleCount: 6 }, TODAY)).toEqual({});
  });

  it('domain and month of a record', () => {
    expect(domainOf('2.3')).toBe(2);
    expect(domainOf('12.3')).toBeNull();
    expect(domainOf('x')).toBeNull();
    expect(monthOf('2026-11-28')).toBe('2026-11-01');
  });
});

describe('catalogue fit: guidance, never a refusal (R-SVC-2)', () => {
  const elder = { age: 78, categories: [] };
  const child = { age: 9, categories: [] };
  const dibao = { age: 45, categories: ['dibao' as const] };
  const disabled = { age: 40, categories: ['disabled' as const] };
  const leftBehindElder = { age: null, categories: ['left_behind_elder' as const] };

  it('二 养老服务 fits people 60+ or in an elder category', () => {
    expect(catalogueFit('2.3', [elder]).fits).toBe(true);
    expect(catalogueFit('2.3', [leftBehindElder]).fits).toBe(true);
    expect(catalogueFit('2.3', [child])).toEqual({ fits: false, note: expect.stringMatching(/60 岁以上/) });
  });

  it('三 儿童福利 fits minors; 一 社会救助 the assistance categories; 五3 disabled people', () => {
    expect(catalogueFit('3.1', [child]).fits).toBe(true);
    expect(catalogueFit('3.1', [elder]).fits).toBe(false);
    expect(catalogueFit('1.3', [dibao]).fits).toBe(true);
    expect(catalogueFit('1.3', [elder]).fits).toBe(false);
    expect(catalogueFit('5.3', [disabled]).fits).toBe(true);
    expect(catalogueFit('5.3', [elder]).fits).toBe(false);
    expect(catalogueFit('5.1', [elder]).fits).toBe(true);
  });

  it('四 社区治理 and 六 人才建设 fit community work without named people', () => {
    expect(catalogueFit('4.1', []).fits).toBe(true);
    expect(catalogueFit('6.2', []).fits).toBe(true);
    expect(catalogueFit('2.3', []).fits).toBe(false);
    expect(catalogueFit('4.1', [elder]).fits).toBe(false);
  });

  it('the form offers fitting items first, each group in catalogue order', () => {
    const items = ['1.1', '2.1', '2.3', '3.1', '4.1'].map((code) => ({
      code,
      domainCode: Number(code[0]),
      itemNumber: Number(code.slice(2)),
    }));
    expect(orderCatalogue(items, [elder, child]).map((i) => i.code)).toEqual(['2.1', '2.3', '3.1', '1.1', '4.1']);
  });
});
