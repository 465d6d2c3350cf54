import { CONTRACT_TERMS } from '@shegong/shared';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { DESKTOP, PHONE, fitsWidth, pick, pickDate, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * The purchasing journey in Chromium: the county writes and submits a plan → the city files it → the county
 * publishes a procurement and awards it → signs the contract 31 days after the award and sees the violation →
 * records a passed year-1 evaluation → makes the year-2 agreement; the contractor's admin sees only its contract;
 * the public portal shows the announcement. Users, stations and organisations are set up through the API.
 */
const PW = 'Journey-Pass-2026';
const ids: Record<string, string> = {};

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  for (const [username, role, divisionCode] of [
    ['py.officer', 'county_officer', '410928000000'],
    ['city.officer', 'city_officer', '410900000000'],
  ]) {
    await admin.post('/api/v1/users', {
      username,
      displayName: username === 'py.officer' ? '王晓燕' : '赵建国',
      role,
      divisionCode,
      password: 'Start-Pass-01',
    });
  }
  const county = await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
  await apiSession(server.url, 'city.officer', 'Start-Pass-01', PW);
  for (const code of ['410928101000', '410928102000'])
    await county.post('/api/v1/stations', {
      townshipCode: code,
      batchYear: 2021,
      status: 'operating',
      openedOn: '2021-07-01',
    });
  const org = (name: string, seed: number, extra = {}) =>
    county.post<{ id: string }>('/api/v1/organisations', {
      name,
      creditCode: makeCreditCode(seed),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: '410928000000',
      grade: '4A',
      gradeValidUntil: '2028-12-31',
      ...extra,
    });
  ids.winner = (await org('濮阳县益民社会工作服务中心', 21)).id;
  ids.other = (await org('濮阳县阳光社会工作服务社', 22)).id;
  // Another organisation's contract, which the winner's admin must not see.
  const stations = await county.get<{ items: { id: string; townshipName: string }[] }>('/api/v1/stations');
  const qingzu = await county.post<{ id: string }>('/api/v1/stations', {
    townshipCode: '410928103000',
    batchYear: 2022,
    status: 'operating',
    openedOn: '2022-07-01',
  });
  const p2 = await county.post<{ id: string }>('/api/v1/procurements', {
    countyCode: '410928000000',
    title: '庆祖镇社工站服务项目',
    serviceContent: '驻站服务',
    serviceStandards: '市级标准',
    requirements: '驻站社工 2 名',
    method: 'competitive_consultation',
    bidderConditions: '业务范围含社会工作',
    stationIds: [qingzu.id],
    publishedOn: '2026-08-01',
  });
  await county.post(`/api/v1/procurements/${p2.id}/award`, {
    organisationId: ids.other,
    amount: '300000',
    awardedOn: '2026-08-10',
  });
  const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本']));
  await county.post('/api/v1/contracts', {
    procurementId: p2.id,
    title: '庆祖镇社工站服务合同',
    signedOn: '2026-08-20',
    cycleStart: '2026-09-01',
    publishedOn: '2026-08-21',
    terms,
    firstAgreement: { amount: '300000', publishedOn: '2026-08-21' },
  });
  await admin.post('/api/v1/users', {
    username: 'yimin.admin',
    displayName: '益民机构管理员',
    role: 'org_admin',
    divisionCode: '410928000000',
    organisationId: ids.winner,
    password: 'Start-Pass-01',
  });
  await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
  ids.stations = stations.items.map((s) => s.townshipName).join(',');
});

const loginAs = (username: string) => j.loginAs(username, PW);
const confirm = () =>
  j.page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();

describe('purchasing and contracts journey', () => {
  it('the county writes its annual purchase plan and submits it', async () => {
    await loginAs('py.officer');
    await j.page.getByRole('menuitem', { name: '年度购买计划' }).click();
    await j.page.getByRole('button', { name: '编制计划' }).click();
    await j.page.getByRole('dialog').getByLabel('计划名称').fill('濮阳县 2026 年社工站购买服务计划');
    await j.page.getByRole('button', { name: '创建草稿' }).click();
    await j.page.getByRole('heading', { name: '濮阳县 2026 年社工站购买服务计划' }).waitFor();
    await j.page.getByLabel('预算（元）').fill('600000');
    await pick(j.page, '购买方式', '公开招标');
    await pick(j.page, '覆盖的社工站', '柳屯镇社会工作服务站');
    await j.page.keyboard.press('Escape');
    for (const [label, text] of [
      ['项目背景', '落实全市社工站建设部署'],
      ['项目目标', '两站提供专业社工服务'],
      ['服务内容', '社会救助、养老、儿童福利等'],
      ['服务进度', '2026 年 10 月起驻站'],
      ['服务质量标准', '市级服务标准'],
      ['服务数量标准', '每站驻站社工不少于 2 名'],
      ['绩效评估和考核', '县级每年两次评估'],
    ]) {
      await j.page.getByLabel(label, { exact: true }).fill(text);
    }
    await j.page.getByRole('button', { name: '保存草稿' }).click();
    await j.page.getByText('已保存').waitFor();
    await j.page.getByRole('button', { name: '报送备案' }).click();
    await confirm();
    await j.page.locator('.ant-tag').filter({ hasText: '已报送' }).first().waitFor();
    await shot(j.page, '20-plan-submitted');
  });

  it('the city files the plan', async () => {
    await loginAs('city.officer');
    await j.page.getByRole('menuitem', { name: '年度购买计划' }).click();
    await j.page.getByRole('link', { name: '濮阳县 2026 年社工站购买服务计划' }).click();
    await j.page.getByRole('button', { name: /^备\s*案$/ }).click();
    await confirm();
    await j.page.locator('.ant-tag').filter({ hasText: '已备案' }).first().waitFor();
    await expect(j.page.locator('.ant-timeline').textContent()).resolves.toContain('同意备案');
    await shot(j.page, '21-plan-filed');
  });

  it('the county publishes the procurement and awards it to an eligible organisation', async () => {
    await loginAs('py.officer');
    await j.page.getByRole('menuitem', { name: '采购' }).click();
    await j.page.getByRole('button', { name: '发布采购公告' }).click();
    const drawer = j.page.locator('.ant-drawer');
    await drawer.getByLabel('项目名称').fill('濮阳县社工站服务项目（柳屯镇、文留镇）');
    await pickDate(j.page, '公告日期', '2026-09-01');
    await pick(j.page, '依据的年度购买服务计划（须已备案）', '濮阳县 2026 年社工站购买服务计划', drawer);
    await pick(j.page, '覆盖的社工站', '柳屯镇社会工作服务站', drawer);
    await pick(j.page, '覆盖的社工站', '文留镇社会工作服务站', drawer);
    await j.page.keyboard.press('Escape');
    for (const [label, text] of [
      ['服务内容', '驻站社工服务'],
      ['服务标准', '濮阳市社工站服务标准'],
      ['服务要求', '每站驻站社工不少于 2 名'],
      ['承接主体条件', '业务范围含社会工作；外地机构须 3A 以上'],
    ])
      await drawer.getByLabel(label, { exact: true }).fill(text);
    await drawer.getByRole('button', { name: /发\s*布/ }).click();
    await j.page.getByRole('heading', { name: '濮阳县社工站服务项目（柳屯镇、文留镇）' }).waitFor();
    await pick(j.page, '承接主体', '濮阳县益民社会工作服务中心（本地，4A）', j.page, '益民');
    await j.page.getByLabel('中标（成交）金额（元）').fill('580000');
    await pickDate(j.page, '通知书日期', '2026-09-10');
    await j.page.getByRole('button', { name: '确定承接主体' }).click();
    await j.page.getByText('采购结果').waitFor();
    await shot(j.page, '22-procurement-awarded');
  });

  it('signs the contract 31 days after the award and sees the violation', async () => {
    await pickDate(j.page, '签订日期', '2026-10-11');
    await pickDate(j.page, '合同周期开始', '2026-10-11');
    for (const label of [
      '服务内容',
      '服务期限',
      '服务数量',
      '服务质量',
      '服务价格',
      '资金结算方式',
      '各方权利义务',
      '违约责任',
      '变更或解除（不可抗力、政策调整）',
    ]) {
      await j.page.locator('form').last().getByLabel(label, { exact: true }).fill(`${label}：按合同文本约定`);
    }
    await j.page.getByRole('button', { name: '签订合同' }).click();
    await j.page.getByRole('heading', { name: /服务合同$/ }).waitFor();
    const alert = await j.page.locator('.ant-alert').first().textContent();
    // Users see the plan's clause, never the internal requirement id.
    expect(alert).toContain('《实施方案》五（三）');
    expect(alert).not.toMatch(/R-[A-Z]+-\d/);
    expect(alert).toContain('31 日');
    await shot(j.page, '23-contract-late');
  });

  it('records a passed year-1 evaluation (a paper result: this year has no rounds) and makes the year-2 agreement', async () => {
    await j.page.getByRole('button', { name: '补录纸质评估结果' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByLabel('评估单位').fill('濮阳县民政局评估组');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await j.page.getByRole('cell', { name: '合格' }).waitFor();
    await j.page.getByRole('button', { name: '续签第 2 年协议' }).click();
    await dialog.getByLabel('金额（元）').fill('590000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await j.page.getByRole('cell', { name: '第 2 年' }).waitFor();
    await expect(j.page.getByRole('row', { name: /第 2 年/ }).textContent()).resolves.toContain(
      '2027-10-11 至 2028-10-10',
    );
    await shot(j.page, '24-contract-year2');
  });

  it('attaches the signed agreement as a PDF and lists it for download', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-pdf-'));
    const file = path.join(dir, '第二年协议（签章版）.pdf');
    writeFileSync(file, '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
    await pick(j.page, '附件类别', '第2年协议');
    await j.page.locator('input[type=file]').setInputFiles(file);
    await j.page.getByRole('link', { name: '第二年协议（签章版）.pdf' }).waitFor();
    const href = await j.page.getByRole('link', { name: '第二年协议（签章版）.pdf' }).getAttribute('href');
    const res = await j.page.request.get(`${j.server.url}${href}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await shot(j.page, '24-contract-attachment');
  });

  it('the contractor admin sees only its own contract, and the covered stations', async () => {
    await loginAs('yimin.admin');
    await j.page.getByRole('menuitem', { name: '合同' }).click();
    await j.page.getByRole('link', { name: /服务合同$/ }).waitFor();
    await expect(j.page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(1);
    await expect(j.page.getByText('庆祖镇社工站服务合同').count()).resolves.toBe(0);
    await shot(j.page, '25-contractor-contracts');
    await j.page.getByRole('menuitem', { name: /(^|\s)社工站$/ }).click();
    await j.page.getByRole('link', { name: '柳屯镇社会工作服务站' }).waitFor();
    await expect(j.page.getByRole('link', { name: '庆祖镇社会工作服务站' }).count()).resolves.toBe(0);
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('button', { name: '菜单' }).waitFor();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '25-contractor-stations-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('the public portal shows the announcement and its result', async () => {
    const anon = await j.browser.newPage({ viewport: DESKTOP, locale: 'zh-CN' });
    await anon.goto(`${j.server.url}/directory`);
    await anon.getByRole('tab', { name: '采购公告' }).click();
    await anon.getByText('濮阳县社工站服务项目（柳屯镇、文留镇）').waitFor();
    await expect(anon.locator('.ant-card').filter({ hasText: '柳屯镇、文留镇' }).textContent()).resolves.toContain(
      '濮阳县益民社会工作服务中心',
    );
    await shot(anon, '26-portal-announcements');
    await anon.close();
  });
});
