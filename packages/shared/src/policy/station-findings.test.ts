import { describe, expect, it } from 'vitest';
import { MIN_OFFICE_AREA_M2, requiredStationName, stationFindings, type StationFacts } from './station-findings';

const complete: StationFacts = {
  name: '柳屯镇社会工作服务站',
  townshipName: '柳屯镇',
  status: 'operating',
  officeAreaM2: 25,
  hasSignagePhoto: true,
  address: '柳屯镇政府院内',
  phone: '0393-1234567',
  openingHours: '周一至周五 8:30-17:30',
  site: {
    activityRoom: true,
    desksChairs: true,
    fileCabinet: true,
    computer: true,
    printerScanner: true,
    telephone: true,
    fax: true,
    caseRoom: true,
    groupRoom: true,
  },
  institutions: {
    orgChart: true,
    procedures: true,
    personnelRules: true,
    financeRules: true,
    volunteerRules: true,
    venueRules: true,
    archiveRules: true,
    beneficiaryDbRules: true,
    serviceCommitment: true,
    satisfactionFeedback: true,
  },
};
const rules = (f: StationFacts) => stationFindings(f).map((x) => `${x.ruleId}:${x.severity}:${x.message}`);

describe('station findings', () => {
  it('a complete operating station has no findings', () => {
    expect(stationFindings(complete)).toEqual([]);
  });

  it('R-ST-1: name must be “××乡镇（街道）社会工作服务站”', () => {
    expect(requiredStationName('柳屯镇')).toBe('柳屯镇社会工作服务站');
    const f = stationFindings({ ...complete, name: '柳屯社工站' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'R-ST-1', severity: 'error' });
    expect(f[0].action).toContain('柳屯镇社会工作服务站');
  });

  it('R-ST-1: a built station without a signage photo is flagged', () => {
    expect(rules({ ...complete, hasSignagePhoto: false })).toEqual(['R-ST-1:error:未上传“社会工作服务站”标牌照片']);
  });

  it('R-ST-2: office area below 20 m² is flagged, exactly 20 m² passes', () => {
    expect(MIN_OFFICE_AREA_M2).toBe(20);
    expect(rules({ ...complete, officeAreaM2: 19.99 })).toEqual(['R-ST-2:error:办公用房面积 19.99 ㎡，少于 20 ㎡']);
    expect(stationFindings({ ...complete, officeAreaM2: 20 })).toEqual([]);
    expect(rules({ ...complete, officeAreaM2: null })[0]).toContain('未填写办公用房面积');
  });

  it('R-ST-2: each missing equipment item is named; rooms by need are only info', () => {
    const f = stationFindings({
      ...complete,
      site: { ...complete.site, fax: false, computer: false, caseRoom: false },
    });
    expect(f.find((x) => x.message.startsWith('缺少设施设备'))?.message).toBe('缺少设施设备：电脑、传真机');
    expect(f.find((x) => x.message.includes('个案咨询室'))?.severity).toBe('info');
  });

  it('R-ST-2: no activity room is flagged', () => {
    expect(rules({ ...complete, site: { ...complete.site, activityRoom: false } })).toEqual([
      'R-ST-2:error:缺少活动用房',
    ]);
  });

  it('R-ST-4: a missing institution is named', () => {
    const f = stationFindings({ ...complete, institutions: { ...complete.institutions, financeRules: false } });
    expect(f).toEqual([expect.objectContaining({ ruleId: 'R-ST-4', message: '制度建设缺项：财务管理制度' })]);
  });

  it('R-CON-2: an operating station without a live contract shows the gap', () => {
    expect(rules({ ...complete, hasCurrentContract: false })).toEqual([
      'R-CON-2:warning:没有有效的政府购买服务合同（承接主体）',
    ]);
    expect(stationFindings({ ...complete, hasCurrentContract: true })).toEqual([]);
    expect(rules({ ...complete, hasCurrentContract: true, contractEndsEarlyOn: '2027-01-31' })[0]).toContain(
      '现合同于 2027-01-31 终止',
    );
  });

  it('a planned station is only checked for its name; a station being built gets warnings', () => {
    const bare: StationFacts = {
      ...complete,
      status: 'planned',
      officeAreaM2: null,
      site: {},
      institutions: {},
      hasSignagePhoto: false,
    };
    expect(stationFindings(bare)).toEqual([]);
    const building = stationFindings({ ...bare, status: 'building' });
    expect(building.length).toBeGreaterThan(3);
    expect(building.every((x) => x.severity !== 'error')).toBe(true);
  });
});
