import { CONTRACT_TERMS } from '@shegong/shared';
import { makeCitizenId } from '../../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../../server/src/test-support/credit-codes';
import { apiSession } from './api';

/** The password every account of a contracted station has after its first login. */
export const STATION_PASSWORD = 'Person-Pass-2026';
const START = 'Start-Pass-01';
const PUYANG_COUNTY = '410928000000';

/**
 * What most service journeys start from, set up through the API: 濮阳县's officer (`py.officer`), 柳屯镇社工站 under a
 * live contract with 益民 (contract from 2026-01-01), its organisation admin (`yimin.admin`), project lead
 * (`yimin.lead`), and a resident social worker assigned there with a login (`zhang.xm`, 张晓梅). Every account's
 * password is already changed to `STATION_PASSWORD`. Needs a server started with `SHEGONG_ADMIN_PASSWORD=Initial-Admin-2026`
 * and a clock on or after 2026-03-01.
 */
export async function contractedStation(url: string) {
  const admin = await apiSession(url, 'admin', 'Initial-Admin-2026', STATION_PASSWORD);
  const user = (username: string, displayName: string, role: string, extra: Record<string, unknown> = {}) =>
    admin.post('/api/v1/users', {
      username,
      displayName,
      role,
      divisionCode: PUYANG_COUNTY,
      password: START,
      ...extra,
    });
  await user('py.officer', '王晓燕', 'county_officer');
  const county = await apiSession(url, 'py.officer', START, STATION_PASSWORD);
  const station = await county.post<{ id: string }>('/api/v1/stations', {
    townshipCode: '410928101000',
    batchYear: 2021,
    status: 'operating',
    openedOn: '2021-07-01',
  });
  const org = await county.post<{ id: string }>('/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(71),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: PUYANG_COUNTY,
  });
  const p = await county.post<{ id: string }>('/api/v1/procurements', {
    countyCode: PUYANG_COUNTY,
    title: '柳屯镇社工站服务项目',
    serviceContent: '驻站服务',
    serviceStandards: '市级标准',
    requirements: '驻站社工 2 名',
    method: 'public_tender',
    bidderConditions: '业务范围含社会工作',
    stationIds: [station.id],
    publishedOn: '2025-12-01',
  });
  await county.post(`/api/v1/procurements/${p.id}/award`, {
    organisationId: org.id,
    amount: '500000',
    awardedOn: '2025-12-10',
  });
  await county.post('/api/v1/contracts', {
    procurementId: p.id,
    title: '柳屯镇社工站服务合同',
    signedOn: '2025-12-20',
    cycleStart: '2026-01-01',
    publishedOn: '2025-12-21',
    terms: Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本'])),
    firstAgreement: { amount: '500000', publishedOn: '2025-12-21' },
  });
  await user('yimin.admin', '益民机构管理员', 'org_admin', { organisationId: org.id });
  await user('yimin.lead', '赵项目主管', 'project_lead', { organisationId: org.id });
  const orgAdmin = await apiSession(url, 'yimin.admin', START, STATION_PASSWORD);
  const lead = await apiSession(url, 'yimin.lead', START, STATION_PASSWORD);
  const worker = await orgAdmin.post<{ id: string }>('/api/v1/workers', {
    name: '张晓梅',
    idNumber: makeCitizenId('19950312', 124),
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  await orgAdmin.post(`/api/v1/workers/${worker.id}/assignments`, { stationId: station.id, startOn: '2026-03-01' });
  await orgAdmin.post(`/api/v1/workers/${worker.id}/account`, { username: 'zhang.xm', password: START });
  const social = await apiSession(url, 'zhang.xm', START, STATION_PASSWORD);
  return { admin, county, orgAdmin, lead, social, stationId: station.id, organisationId: org.id, workerId: worker.id };
}
