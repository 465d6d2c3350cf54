import { CONTRACT_TERMS } from '@shegong/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { cjkRenders, DESKTOP, fitsWidth, pick, PHONE, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * The officer's desk in Chromium (issue 9): the contractor records a month's pay with the 五险一金 base and shares in
 * the grid; the city reads every organisation's month with totals, filters it and exports it; the station form does
 * not submit on Enter; station lists name the county; the progress chart lies on its side on a phone.
 */
const PW = 'Journey-Pass-2026';
const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  const officer = async (username: string, divisionCode: string) => {
    await admin.post('/api/v1/users', {
      username,
      displayName: username,
      role: 'county_officer',
      divisionCode,
      password: 'Start-Pass-01',
    });
    return apiSession(server.url, username, 'Start-Pass-01', PW);
  };
  const county = await officer('py.officer', '410928000000');
  const qingfeng = await officer('qf.officer', '410922000000');
  // 城关镇 of 清丰县: one of the five 城关镇 of the city.
  await qingfeng.post('/api/v1/stations', { townshipCode: '410922100000', batchYear: 2021, status: 'planned' });
  const station = await county.post<{ id: string }>('/api/v1/stations', {
    townshipCode: '410928101000',
    batchYear: 2021,
    status: 'operating',
    openedOn: '2021-07-01',
  });
  const org = await county.post<{ id: string }>('/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(61),
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
  await county.post('/api/v1/contracts', {
    procurementId: p.id,
    title: '柳屯镇社工站服务合同',
    signedOn: '2026-01-25',
    cycleStart: '2026-02-01',
    publishedOn: '2026-01-26',
    terms: Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本'])),
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
  const contractor = await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
  for (const [name, id] of [
    ['张晓梅', makeCitizenId('19950312', 122)],
    ['刘伟', makeCitizenId('19920808', 131)],
  ]) {
    const w = await contractor.post<{ id: string }>('/api/v1/workers', {
      name,
      idNumber: id,
      education: 'bachelor',
      hireDate: '2026-02-01',
      role: 'resident',
    });
    await contractor.post(`/api/v1/workers/${w.id}/assignments`, { stationId: station.id, startOn: '2026-02-01' });
  }
});

async function openMonth(month: string) {
  await j.page.getByRole('menuitem', { name: '薪酬社保' }).click();
  const input = j.page.getByLabel('月份');
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await j.page.getByText(`${month.slice(0, 4)}年${Number(month.slice(5))}月薪酬和五险一金`).waitFor();
  await j.page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
}
/**
 * How far a column header reaches past the visible part of the grid (≤ 0: on screen): at 1366 px the amounts must be
 * read without scrolling sideways.
 */
async function pastGrid(header: string) {
  const cell = (await j.page.getByRole('columnheader', { name: header }).boundingBox())!;
  const grid = (await j.page.locator('.ant-table-container').first().boundingBox())!;
  return cell.x + cell.width - (grid.x + grid.width);
}

describe('payroll with 五险一金 amounts', () => {
  it('the contractor enters pay, the base and both shares in the grid; ticked items without amounts are flagged', async () => {
    await j.loginAs('yimin.admin', PW);
    await openMonth('2026-03');
    for (const [name, salary] of [
      ['张晓梅', '3200.5'],
      ['刘伟', '3000'],
    ]) {
      await j.page.getByLabel(`${name}实发工资`).fill(salary);
      const paid = j.page.getByLabel(`${name}发放日期`);
      await paid.click();
      await paid.fill('2026-04-10');
      await paid.press('Tab');
      for (const item of ['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险', '住房公积金'])
        await j.page.getByLabel(`${name}${item}`).check();
    }
    await j.page.getByLabel('张晓梅缴费基数').fill('3500');
    await j.page.getByLabel('张晓梅单位缴纳').fill('980.5');
    await j.page.getByLabel('张晓梅个人缴纳').fill('367.5');
    await j.page.getByRole('button', { name: '保存本月' }).click();
    await j.page.getByText('已保存').waitFor();
    await expect.poll(() => j.page.getByRole('row', { name: /张晓梅/ }).textContent()).toContain('齐全');
    const liu = await j.page.getByRole('row', { name: /刘伟/ }).textContent();
    expect(liu).toContain('缴费基数');
    expect(liu).toContain('个人缴纳');
    expect(await pastGrid('个人缴纳（元）')).toBeLessThanOrEqual(0);
    expect(await cjkRenders(j.page)).toBe(true);
    await shot(j.page, '70-payroll-contractor-grid');
  });

  it('the city sees every organisation with totals, filters by unit and organisation, and exports the month', async () => {
    await j.loginAs('admin', PW);
    await openMonth('2026-03');
    const totals = j.page.getByTestId('payroll-totals');
    await expect.poll(() => totals.textContent()).toContain('在册 2 人');
    expect(await totals.textContent()).toContain('实发工资合计 6,200.50 元');
    expect(await j.page.getByRole('row', { name: /合计/ }).textContent()).toContain('980.50');
    expect(await pastGrid('个人缴纳（元）')).toBeLessThanOrEqual(0);
    await shot(j.page, '71-payroll-city-desktop');
    await pick(j.page, '县（区）', '清丰县');
    await expect.poll(() => totals.textContent()).toContain('在册 0 人');
    await pick(j.page, '县（区）', '濮阳县');
    await pick(j.page, '承接机构', '濮阳县益民社会工作服务中心', j.page, '益民');
    await expect.poll(() => totals.textContent()).toContain('在册 2 人');
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-payroll-'));
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('2026年3月社工薪酬和五险一金发放表');
    expect(String(ws.getCell('A3').value)).toContain('濮阳县益民社会工作服务中心');
    await j.page.setViewportSize(PHONE);
    await shot(j.page, '72-payroll-city-phone');
    await j.page.setViewportSize(DESKTOP);
  });
});

describe('small things a user met', () => {
  it('at city level the station list names the county at every width', async () => {
    await j.page.goto(`${j.server.url}/stations`);
    await j.page.getByRole('cell', { name: '清丰县' }).waitFor();
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('columnheader', { name: '县（区）' }).waitFor();
    expect(await j.page.getByRole('cell', { name: '清丰县' }).isVisible()).toBe(true);
    await shot(j.page, '73-stations-city-phone');
  });

  it('the progress chart lies on its side on a phone, so no unit name overlaps another', async () => {
    await j.page.setViewportSize(PHONE);
    await j.page.goto(`${j.server.url}/progress`);
    const chart = j.page.getByRole('img', { name: '建设进度图' });
    await chart.waitFor();
    expect((await chart.boundingBox())!.height).toBeGreaterThan(320);
    expect(await fitsWidth(j.page)).toBe(true);
    await shot(j.page, '74-progress-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('Enter in a date field does not submit the station form; an operating station needs its address', async () => {
    await j.loginAs('py.officer', PW);
    await j.page.goto(`${j.server.url}/stations/new`);
    await pick(j.page, '乡镇（街道）', '文留镇');
    // A planned station needs no address: Enter in a date field would have registered it half-filled.
    const started = j.page.getByLabel('开工日期', { exact: true });
    await started.click();
    await started.fill('2026-03-01');
    await started.press('Enter');
    await j.page.waitForTimeout(1000);
    expect(j.page.url()).toMatch(/\/stations\/new$/);
    expect(await j.page.getByText('社工站已登记').count()).toBe(0);
    await pick(j.page, '状态', '运营中');
    const opened = j.page.getByLabel('运营日期', { exact: true });
    await opened.click();
    await opened.fill('2026-03-01');
    await opened.press('Tab');
    await j.page.getByRole('button', { name: /登\s*记/ }).click();
    await j.page.getByText('运营中或暂停的站点须填写地址').waitFor();
    expect(j.page.url()).toMatch(/\/stations\/new$/);
    await shot(j.page, '75-station-form-address-required');
  });

  it('the audit log shows each record by kind in Chinese and by name', async () => {
    await j.loginAs('admin', PW);
    await j.page.goto(`${j.server.url}/audit`);
    await j.page.getByText('登记2026-03 薪酬和社保（刘伟、张晓梅，2 人）').waitFor();
    const kinds = await j.page.locator('td').allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(['社工 张晓梅', '合同 柳屯镇社工站服务合同']));
    expect(await j.page.getByText(/派驻 张晓梅 到柳屯镇社会工作服务站/).count()).toBe(1);
    expect(await j.page.locator('body').textContent()).not.toMatch(/R-[A-Z]+-\d/);
    await shot(j.page, '76-audit-named');
  });
});
