import { CONTRACT_TERMS } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { axeProblems } from './support/axe';
import { DESKTOP, PHONE, cjkRenders, fitsWidth, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * 工作台 in Chromium (issue 9): the city officer and the contractor's admin each see what waits on them, with the
 * plan's clause and never a rule id; a to-do opens its record; the page fits 1366 and 390 px. Pinned to 2026-11-28:
 * the contract's first year ends 2026-12-31 (within 60 days) and October's pay is last month's.
 */
const PW = 'Desk-Pass-2026';
const ids: Record<string, string> = {};

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: '2026-11-28' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  for (const [username, role, divisionCode] of [
    ['py.officer', 'county_officer', '410928000000'],
    ['city.officer', 'city_officer', '410900000000'],
  ])
    await admin.post('/api/v1/users', {
      username,
      displayName: username,
      role,
      divisionCode,
      password: 'Start-Pass-01',
    });
  const county = await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
  await apiSession(server.url, 'city.officer', 'Start-Pass-01', PW);
  const station = await county.post<{ id: string }>('/api/v1/stations', {
    townshipCode: '410928101000',
    batchYear: 2021,
    status: 'operating',
    openedOn: '2021-07-01',
  });
  const org = await county.post<{ id: string }>('/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(41),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: '410928000000',
  });
  const p = await county.post<{ id: string }>('/api/v1/procurements', {
    countyCode: '410928000000',
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
  // Signed and running, but neither the contract nor its agreement published yet.
  const c = await county.post<{ id: string }>('/api/v1/contracts', {
    procurementId: p.id,
    title: '柳屯镇社工站服务合同',
    signedOn: '2025-12-20',
    cycleStart: '2026-01-01',
    terms: Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本'])),
    firstAgreement: { amount: '500000' },
  });
  ids.contract = c.id;
  await admin.post('/api/v1/users', {
    username: 'yimin.admin',
    displayName: '益民机构管理员',
    role: 'org_admin',
    divisionCode: '410928000000',
    organisationId: org.id,
    password: 'Start-Pass-01',
  });
  const orgAdmin = await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
  const w = await orgAdmin.post<{ id: string }>('/api/v1/workers', {
    name: '张晓梅',
    idNumber: makeCitizenId('19950312', 122),
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  ids.worker = w.id;
  await orgAdmin.post(`/api/v1/workers/${w.id}/assignments`, { stationId: station.id, startOn: '2026-03-01' });
});

const todo = (title: string | RegExp) => j.page.getByRole('link', { name: title });

/** The desk at both widths: Chinese renders, nothing is wider than a phone, no rule id is shown, no WCAG 2 A/AA issue. */
async function lookAt(name: string) {
  await shot(j.page, `${name}-1366`);
  expect(await axeProblems(j.page)).toEqual([]);
  await j.page.setViewportSize(PHONE);
  await j.page.getByRole('heading', { name: /^待办事项/ }).waitFor();
  // The layout settles a moment after the resize.
  await expect.poll(() => fitsWidth(j.page)).toBe(true);
  await shot(j.page, `${name}-390`);
  expect(await axeProblems(j.page)).toEqual([]);
  await j.page.setViewportSize(DESKTOP);
  expect(await cjkRenders(j.page)).toBe(true);
  expect(await j.page.locator('main').textContent()).not.toMatch(/R-[A-Z]+-\d/);
}

describe('工作台 by role', () => {
  it('the city officer sees contracts ending, agreements unpublished and pay missing, and the units ranked', async () => {
    await j.loginAs('city.officer', PW);
    await todo(/合同或年度协议 60 日内到期/).waitFor();
    await expect(todo(/2026-10 工资或五险一金未登记/).textContent()).resolves.toContain(
      '濮阳县益民社会工作服务中心 1 人',
    );
    await expect(j.page.getByText('依据 《实施方案》五（三）').first().isVisible()).resolves.toBe(true);
    await j.page.getByRole('heading', { name: '各县（区）建设完成率排名' }).waitFor();
    await j.page.getByRole('heading', { name: '各县（区）社工专业资质占比排名' }).waitFor();
    await lookAt('60-desk-city');
  });

  it('a to-do with one record opens that record', async () => {
    await todo(/合同或协议尚未公告/).click();
    await j.page.waitForURL(`**/contracts/${ids.contract}`);
    await j.page.getByRole('heading', { name: '柳屯镇社工站服务合同' }).waitFor();
  });

  it('the contractor’s admin sees its own filing to submit and its pay missing, and opens the worker', async () => {
    await j.loginAs('yimin.admin', PW);
    await todo(/2026-10 工资或五险一金未登记/).waitFor();
    await expect(j.page.locator('main').textContent()).resolves.not.toContain('各县（区）建设完成率排名');
    await lookAt('61-desk-organisation');
    await todo(/社工备案待报送/).click();
    await j.page.waitForURL(`**/workers/${ids.worker}`);
    await j.page.getByRole('heading', { name: '张晓梅' }).waitFor();
  });

  it('the pay to-do opens the month the server means (the Clock), not the browser’s last month', async () => {
    await j.page.goto(`${j.server.url}/`);
    await todo(/2026-10 工资或五险一金未登记/).click();
    await j.page.waitForURL('**/payroll?month=2026-10');
    await j.page.getByText('2026年10月薪酬和五险一金').waitFor();
  });
});
