import { CONTRACT_TERMS } from '@shegong/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { cjkRenders, DESKTOP, fitsWidth, PHONE, pick, pickDate, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * The staff journey in Chromium: the contractor's admin adds two resident workers and records a county training for
 * the one without a degree; its hours count only after the county officer confirms the organiser on the trainings
 * page (R-STAFF-3). The contractor submits both filings, the county approves, and the station's staffing finding
 * clears. Users, the station and the contract are set up through the API.
 */
const PW = 'Journey-Pass-2026';
const ids: Record<string, string> = {};
const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  await admin.post('/api/v1/users', {
    username: 'py.officer',
    displayName: '王晓燕',
    role: 'county_officer',
    divisionCode: '410928000000',
    password: 'Start-Pass-01',
  });
  const county = await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
  const station = await county.post<{ id: string }>('/api/v1/stations', {
    townshipCode: '410928101000',
    batchYear: 2021,
    status: 'operating',
    openedOn: '2021-07-01',
  });
  ids.station = station.id;
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
    publishedOn: '2026-01-05',
  });
  await county.post(`/api/v1/procurements/${p.id}/award`, {
    organisationId: org.id,
    amount: '500000',
    awardedOn: '2026-01-15',
  });
  const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本']));
  await county.post('/api/v1/contracts', {
    procurementId: p.id,
    title: '柳屯镇社工站服务合同',
    signedOn: '2026-01-25',
    cycleStart: '2026-02-01',
    publishedOn: '2026-01-26',
    terms,
    firstAgreement: { amount: '500000', publishedOn: '2026-01-26' },
  });
  await admin.post('/api/v1/users', {
    username: 'yimin.admin',
    displayName: '益民机构管理员',
    role: 'org_admin',
    divisionCode: '410928000000',
    organisationId: org.id,
    password: 'Start-Pass-01',
  });
  await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
});

const loginAs = (username: string) => j.loginAs(username, PW);

async function addWorker(
  name: string,
  idNumber: string,
  extra: (drawer: ReturnType<typeof j.page.locator>) => Promise<void>,
) {
  await j.page.getByRole('menuitem', { name: '社工名册' }).click();
  await j.page.getByRole('button', { name: '登记社工' }).click();
  const drawer = j.page.locator('.ant-drawer');
  await drawer.getByLabel('姓名').fill(name);
  await drawer.getByLabel('身份证号').fill(idNumber);
  await drawer.getByText(/出生日期 \d{4}-\d{2}-\d{2}/).waitFor();
  await drawer.getByLabel('联系电话').fill('13812345678');
  await pickDate(j.page, '聘用日期', '2026-02-01');
  await extra(drawer);
  await drawer.getByRole('button', { name: /登\s*记/ }).click();
  await j.page.getByRole('heading', { name }).waitFor();
  await j.page.getByRole('button', { name: '派驻社工站' }).click();
  await pick(j.page, '社工站', '柳屯镇社会工作服务站', j.page.getByRole('dialog'));
  await pickDate(j.page, '开始日期', '2026-02-01');
  await j.page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await j.page.getByRole('cell', { name: '柳屯镇社会工作服务站' }).waitFor();
}

describe('staff journey', () => {
  it('the contractor adds a social-work graduate and a worker without a degree', async () => {
    await loginAs('yimin.admin');
    await addWorker('张晓梅', makeCitizenId('19950312', 122), async (d) => {
      await d.getByLabel('社会工作专业毕业').check();
    });
    await expect(j.page.locator('.ant-tag').filter({ hasText: '已具备资质' }).count()).resolves.toBeGreaterThan(0);
    await addWorker('刘伟', makeCitizenId('19920808', 131), async () => undefined);
    await expect(j.page.getByText('尚不具备社会工作专业资质：专业培训累计 0 学时，还差 60 学时').count()).resolves.toBe(
      1,
    );
    await shot(j.page, '30-worker-not-qualified');
  });

  it('a citizen ID already on a roster is refused on the ID field', async () => {
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    await j.page.getByRole('button', { name: '登记社工' }).click();
    const drawer = j.page.locator('.ant-drawer');
    await drawer.getByLabel('姓名').fill('张小梅');
    await drawer.getByLabel('身份证号').fill(makeCitizenId('19950312', 122));
    await drawer.getByText(/出生日期 \d{4}-\d{2}-\d{2}/).waitFor();
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    const idField = drawer.locator('.ant-form-item').filter({ has: j.page.getByLabel('身份证号', { exact: true }) });
    await idField.locator('.ant-form-item-explain-error').filter({ hasText: '本机构已登记该身份证号' }).waitFor();
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
  });

  it('the contractor records 60 hours of county training; they do not count until the county confirms the organiser', async () => {
    await j.page.getByRole('menuitem', { name: '培训' }).click();
    await j.page.getByRole('button', { name: '登记培训' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByLabel('培训名称').fill('社会工作实务能力提升培训');
    await dialog.getByLabel('主办单位', { exact: true }).fill('濮阳县民政局');
    await expect(dialog.getByText('经县（区）民政局确认主办单位后计入资质学时').count()).resolves.toBe(1);
    await dialog.getByPlaceholder('开始日期').fill('2026-03-02');
    await dialog.getByPlaceholder('结束日期').fill('2026-03-09');
    await dialog.getByPlaceholder('结束日期').press('Tab');
    await dialog.getByLabel('学时').fill('60');
    // The picker searches the roster on the server by name: type the name, pick the worker.
    await pick(j.page, '参训人员', '刘伟（濮阳县益民社会工作服务中心）', dialog, '刘伟');
    await j.page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    const row = j.page.getByRole('row', { name: /社会工作实务能力提升培训/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待县（区）民政局确认');
    await expect(row.textContent()).resolves.toContain('暂不计入资质学时');
    // The contractor cannot confirm its own record.
    await expect(row.getByRole('button', { name: '确认主办单位' }).count()).resolves.toBe(0);
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    await j.page.getByRole('link', { name: '刘伟' }).click();
    await j.page.getByText('尚不具备社会工作专业资质：专业培训累计 0 学时，还差 60 学时').waitFor();
    await j.page.getByText('另有 60 学时培训待县（区）民政局确认主办单位，确认后计入资质学时。').waitFor();
    await shot(j.page, '34-worker-training-unconfirmed');
  });

  it('the county officer confirms the organiser on the trainings page; the hours then count', async () => {
    await loginAs('py.officer');
    await j.page.getByRole('menuitem', { name: '培训' }).click();
    const row = j.page.getByRole('row', { name: /社会工作实务能力提升培训/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待县（区）民政局确认');
    await j.page.getByText('1 条承接机构登记的培训待确认主办单位').waitFor();
    expect(await cjkRenders(j.page)).toBe(true);
    await shot(j.page, '35-trainings-pending-desktop');
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('button', { name: '菜单' }).waitFor();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '35-trainings-pending-phone');

    // Confirm at phone width: the button is in the column next to the title, the form fits the screen.
    await row.getByRole('button', { name: '确认主办单位' }).click();
    const dialog = j.page.getByRole('dialog', { name: '确认主办单位' });
    await dialog.getByText('承接机构自行组织的培训请选“其他”').waitFor();
    await dialog.locator('.ant-select [title="县级民政部门"]').waitFor();
    await expect(dialog.textContent()).resolves.toContain('濮阳县民政局');
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '36-training-confirm-phone');
    await j.page.setViewportSize(DESKTOP);
    await shot(j.page, '36-training-confirm-desktop');
    await dialog.getByRole('button', { name: /^确\s*认$/ }).click();
    const ask = j.page.locator('.ant-modal-confirm');
    await expect(ask.textContent()).resolves.toContain('确认后 60 学时计入 1 名参训社工的社会工作专业资质学时');
    await ask.getByRole('button', { name: /^确\s*认$/ }).click();
    await j.page.getByText('已确认主办单位').waitFor();
    await ask.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'hidden' });
    await j.page
      .locator('.ant-modal-mask')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
    await expect.poll(() => row.textContent()).toContain('已确认（王晓燕）');
    await expect(row.textContent()).resolves.toContain('计入资质学时');
    await expect(row.textContent()).resolves.not.toContain('暂不计入');
    await expect(row.getByRole('button', { name: '确认主办单位' }).count()).resolves.toBe(0);
    await expect(j.page.getByText('待确认主办单位').count()).resolves.toBe(0);
    await shot(j.page, '37-trainings-confirmed-desktop');
    await j.page.setViewportSize(PHONE);
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '37-trainings-confirmed-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('the contractor now sees the worker qualified by training', async () => {
    await loginAs('yimin.admin');
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    await j.page.getByRole('link', { name: '刘伟' }).click();
    await j.page.getByText('累计接受社会工作专业培训 60 学时（≥ 60）').waitFor();
    await expect(j.page.getByText('待县（区）民政局确认主办单位').count()).resolves.toBe(0);
  });

  it('a second assignment to the same station is refused on the station field', async () => {
    await j.page.getByRole('button', { name: '派驻社工站' }).click();
    const dialog = j.page.getByRole('dialog');
    await pick(j.page, '社工站', '柳屯镇社会工作服务站', dialog);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const stationField = dialog.locator('.ant-form-item').filter({ has: j.page.getByLabel('社工站', { exact: true }) });
    await stationField.locator('.ant-form-item-explain-error').filter({ hasText: '已派驻该社工站' }).waitFor();
    await shot(j.page, '38-assignment-field-error');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await j.page.getByRole('button', { name: '派驻社工站' }).click();
    await expect(dialog.locator('.ant-form-item-explain-error').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
  });

  it('the contractor submits both filings; the county approves them and the staffing finding clears', async () => {
    for (const name of ['刘伟', '张晓梅']) {
      await j.page.getByRole('menuitem', { name: '社工名册' }).click();
      await j.page.getByRole('link', { name }).click();
      await j.page.getByRole('button', { name: '报县（区）备案' }).click();
      await j.page.locator('.ant-tag').filter({ hasText: '已报备' }).waitFor();
    }
    await loginAs('py.officer');
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    await expect(j.page.getByRole('row', { name: /张晓梅/ }).textContent()).resolves.toContain('410928********');
    for (const name of ['刘伟', '张晓梅']) {
      await j.page.getByRole('menuitem', { name: '社工名册' }).click();
      await j.page.getByRole('link', { name }).click();
      await j.page.getByRole('button', { name: '审核通过' }).click();
      await j.page.locator('.ant-tag').filter({ hasText: '已备案' }).waitFor();
    }
    await shot(j.page, '31-worker-filed');
    await j.page.goto(`${j.server.url}/stations/${ids.station}`);
    await j.page.getByRole('heading', { name: '柳屯镇社会工作服务站' }).waitFor();
    await expect(j.page.locator('.ant-alert').first().textContent()).resolves.not.toContain('R-STAFF-1');
    await expect(j.page.getByText('2 名').count()).resolves.toBe(1);
    await shot(j.page, '32-station-staffed');
    await j.page.getByRole('menuitem', { name: '队伍概况' }).click();
    await expect(j.page.getByRole('row', { name: /^濮阳县/ }).textContent()).resolves.toMatch(/^濮阳县1022002$/);
    await shot(j.page, '32-staff-overview');
  });

  it('the contractor imports a month of pay from Excel; the missing insurance is flagged', async () => {
    await loginAs('yimin.admin');
    await j.page.getByRole('menuitem', { name: '薪酬社保' }).click();
    const monthInput = j.page.getByLabel('月份');
    await monthInput.click();
    await monthInput.fill('2026-03');
    await monthInput.press('Enter');
    await j.page.getByText('2026年3月薪酬和五险一金').waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('薪酬社保');
    ws.addRow([
      '身份证号',
      '姓名',
      '实发工资（元）',
      '发放日期',
      '养老保险',
      '医疗保险',
      '失业保险',
      '工伤保险',
      '生育保险',
      '住房公积金',
      '缴费基数（元）',
      '单位缴纳（元）',
      '个人缴纳（元）',
    ]);
    const amounts = [3500, 980.5, 367.5];
    ws.addRow([
      makeCitizenId('19950312', 122),
      '张晓梅',
      3200,
      '2026-04-10',
      '是',
      '是',
      '是',
      '是',
      '是',
      '是',
      ...amounts,
    ]);
    ws.addRow([
      makeCitizenId('19920808', 131),
      '刘伟',
      3000,
      '2026-04-10',
      '是',
      '是',
      '是',
      '否',
      '是',
      '是',
      ...amounts,
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'shegong-pay-')), '2026年3月薪酬.xlsx');
    await wb.xlsx.writeFile(file);
    await j.page.locator('input[type=file]').setInputFiles(file);
    await j.page.getByText('检查通过：2 行，可以导入。').waitFor();
    await j.page.getByRole('button', { name: '确认导入 2 行' }).click();
    await j.page.getByText('已导入 2 行').waitFor();
    await expect.poll(() => j.page.getByRole('row', { name: /刘伟/ }).textContent()).toContain('工伤保险');
    await expect(j.page.getByRole('row', { name: /张晓梅/ }).textContent()).resolves.toContain('齐全');
    await shot(j.page, '33-payroll-imported');
  });
});
