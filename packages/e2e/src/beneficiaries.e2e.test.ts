import { CONTRACT_TERMS } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { DESKTOP, PHONE, pick, pickDate } from './support/browser';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 服务对象 in Chromium at phone width (issue 10; R-SVC-1, R-SCOPE-2): the station's social worker registers a left-behind
 * child with a guardian on a phone and sees the child's page; the county officer finds the child in the list with the
 * name masked, opens the record with the ID number masked, states why and sees it in clear. The station, its contractor,
 * the award, the contract, the worker's assignment and login are set up through the API. Pinned to 2026-11-28.
 */
const PW = 'Person-Pass-2026';
const CHILD_ID = makeCitizenId('20170510', 122); // a girl of 9 on 2026-11-28
const CHILD_MASKED = `410928********${CHILD_ID.slice(14)}`;

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: '2026-11-28' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  await admin.post('/api/v1/users', {
    username: 'py.officer',
    displayName: '王晓燕',
    role: 'county_officer',
    divisionCode: '410928000000',
    password: 'Start-Pass-01',
  });
  const county = await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
  const station = (townshipCode: string) =>
    county.post<{ id: string }>('/api/v1/stations', {
      townshipCode,
      batchYear: 2021,
      status: 'operating',
      openedOn: '2021-07-01',
    });
  const liutun = await station('410928101000');
  const wenliu = await station('410928102000');
  const org = await county.post<{ id: string }>('/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(71),
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
    stationIds: [liutun.id, wenliu.id],
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
    idNumber: makeCitizenId('19950312', 124),
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  await orgAdmin.post(`/api/v1/workers/${w.id}/assignments`, { stationId: liutun.id, startOn: '2026-03-01' });
  await orgAdmin.post(`/api/v1/workers/${w.id}/account`, { username: 'zhang.xm', password: 'Start-Pass-01' });
  // A colleague at the neighbouring station, where the child also comes to be served.
  const liu = await orgAdmin.post<{ id: string }>('/api/v1/workers', {
    name: '刘伟',
    idNumber: makeCitizenId('19960821', 131),
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  await orgAdmin.post(`/api/v1/workers/${liu.id}/assignments`, { stationId: wenliu.id, startOn: '2026-03-01' });
  await orgAdmin.post(`/api/v1/workers/${liu.id}/account`, { username: 'liu.w', password: 'Start-Pass-01' });
  await apiSession(server.url, 'liu.w', 'Start-Pass-01', PW);
  await apiSession(server.url, 'zhang.xm', 'Start-Pass-01', PW);
});

/** Chinese renders, nothing wider than the screen, no rule id or raw code on the page, no WCAG 2 A/AA violation. */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|left_behind_child|undefined|null/ });

describe('服务对象 at phone width: a worker registers a child, the county officer unmasks with a reason', () => {
  it('the social worker registers a left-behind child with a guardian (R-SVC-1) and sees the child’s page', async () => {
    await j.page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', PW);
    await j.page.getByRole('button', { name: '菜单' }).click();
    await j.page.getByRole('menuitem', { name: '服务对象' }).click();
    await j.page.getByRole('heading', { name: '服务对象', level: 1 }).waitFor();
    await looksRight('70-beneficiaries-empty-390');

    await j.page.getByRole('button', { name: '登记服务对象' }).click();
    await j.page.getByRole('heading', { name: '登记服务对象' }).waitFor();
    // Defaults: the worker's one station and the worker as responsible.
    await j.page.locator('[title="柳屯镇社会工作服务站"]').waitFor();
    await j.page.locator('[title^="张晓梅"]').waitFor();
    await j.page.getByLabel('姓名', { exact: true }).fill('李小花');
    await j.page.getByLabel('身份证号', { exact: true }).fill(CHILD_ID);
    await j.page.getByText('出生日期 2017-05-10，女').waitFor();
    // A minor: the guardian block appears and is required.
    await j.page.getByLabel('监护人姓名').fill('李桂兰');
    await j.page.getByLabel('与本人关系').fill('祖母');
    await j.page.getByLabel('监护人电话').fill('13903931234');
    await j.page.getByLabel('村（社区）').fill('王庄村');
    await j.page.getByRole('button', { name: '添加类别' }).click();
    await pick(j.page, '类别 1', '农村留守儿童');
    // The server's day is pinned to 2026-11-28; the browser's own date may be later.
    await pickDate(j.page, '开始日期 1', '2026-09-01');
    await j.page.getByLabel('来源 1').fill('入户核实');
    await looksRight('71-beneficiary-form-390');
    await j.page.getByRole('button', { name: /^登\s*记$/ }).click();

    await j.page.getByRole('heading', { name: '李小花', level: 1 }).waitFor();
    const main = j.page.locator('main');
    await expect(main.textContent()).resolves.toContain(CHILD_ID);
    await expect(main.textContent()).resolves.toContain('李桂兰');
    await main.getByText('农村留守儿童').first().waitFor();
    await main.getByText('尚未评估风险等级').waitFor();
    await looksRight('72-beneficiary-page-worker-390');

    // R-SVC-5: children are graded; the worker records the grade with its reason and date.
    await j.page.getByRole('button', { name: '评估风险' }).click();
    const dialog = j.page.getByRole('dialog');
    await pick(j.page, '风险等级', '中风险', dialog);
    await dialog.getByRole('textbox', { name: '评估依据' }).fill('父母在外务工，祖母年迈，放学后无人看护');
    await pickDate(j.page, '评估日期', '2026-11-20');
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await main.getByText('依据：父母在外务工，祖母年迈，放学后无人看护').waitFor();
    await expect(main.getByText('尚未评估风险等级').count()).resolves.toBe(0);

    // One person once: the colleague at the neighbouring station registering the same ID number is shown the record
    // that exists and links it to that station instead of making a second one.
    await j.loginAs('liu.w', PW);
    await j.page.goto(`${j.server.url}/beneficiaries/new`);
    await j.page.locator('[title="文留镇社会工作服务站"]').waitFor();
    await j.page.locator('[title^="刘伟"]').waitFor();
    await j.page.getByLabel('姓名', { exact: true }).fill('李小花');
    await j.page.getByLabel('身份证号', { exact: true }).fill(CHILD_ID);
    await j.page.getByLabel('监护人姓名').fill('李桂兰');
    await j.page.getByLabel('与本人关系').fill('祖母');
    await j.page.getByRole('button', { name: /^登\s*记$/ }).click();
    await j.page.getByText('此身份证号已登记').waitFor();
    await expect(j.page.getByRole('button', { name: '不是同一人，继续登记' }).count()).resolves.toBe(0);
    await looksRight('72b-beneficiary-duplicate-390');
    await j.page.getByRole('button', { name: '关联到本站' }).click();
    await j.page.getByRole('heading', { name: '李小花', level: 1 }).waitFor();
    await main.getByText('文留镇社会工作服务站').waitFor();
    await main.getByText('共同服务').waitFor();
  });

  it('the county officer finds the child with the name masked (R-SCOPE-2) and unmasks the ID with a reason', async () => {
    await j.loginAs('py.officer', PW);
    await j.page.goto(`${j.server.url}/beneficiaries`);
    await j.page.getByRole('heading', { name: '服务对象', level: 1 }).waitFor();
    await j.page.getByLabel('查找服务对象').fill('李小花');
    await j.page.getByRole('button', { name: /查\s*找/ }).click();
    const card = j.page.getByRole('link', { name: '李*花' });
    await card.waitFor();
    await expect(j.page.locator('main').textContent()).resolves.not.toContain('李小花');
    await looksRight('73-beneficiaries-county-390');

    // The person's page names the person (the officer opened that one record); the identity stays masked.
    await card.click();
    await j.page.getByRole('heading', { name: '李小花', level: 1 }).waitFor();
    const main = j.page.locator('main');
    await main.getByText(CHILD_MASKED).waitFor();
    await expect(main.textContent()).resolves.not.toContain(CHILD_ID);
    await looksRight('74-beneficiary-page-county-masked-390');

    await j.page.getByRole('button', { name: '查看明文' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('核实留守儿童关爱保护名册');
    await dialog.getByRole('button', { name: /^查\s*看$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await main.getByText(CHILD_ID).waitFor();
    await main.getByText('正在显示明文，本次查看已记入审计日志').waitFor();
    await looksRight('75-beneficiary-page-county-clear-390');
  });

  it('at 1366 px the list is a table and the person page reads at a desk', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.page.goto(`${j.server.url}/beneficiaries`);
    await j.page.getByRole('columnheader', { name: '村（社区）' }).waitFor();
    await j.page.getByRole('cell', { name: '王庄村' }).waitFor();
    await looksRight('76-beneficiaries-county-1366');
    await j.page.getByRole('link', { name: '李*花' }).click();
    await j.page.getByRole('heading', { name: '李小花', level: 1 }).waitFor();
    await looksRight('77-beneficiary-page-county-1366');

    // 交接清单: what a new team would inherit at the station.
    await j.page.goto(`${j.server.url}/beneficiaries/handover`);
    await j.page.getByRole('heading', { name: '交接清单', level: 1 }).waitFor();
    await pick(j.page, '社工站', '柳屯镇社会工作服务站');
    await j.page.getByText('柳屯镇社会工作服务站：交接概况').waitFor();
    await j.page.getByText('在办个案和待走访：服务模块上线后提供').waitFor();
    await looksRight('78-handover-county-1366');
  });
});
