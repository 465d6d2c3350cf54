import { CONTRACT_TERMS } from '@shegong/shared';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { axeProblems } from './support/axe';
import { cjkRenders, DESKTOP, fitsWidth, PHONE, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * The roster import as offices make their sheets (R-STAFF-1): headers that differ from the template are shown as the
 * importer understood them and can be mapped by hand; every problem shows row, name, column, value and what to do, and
 * the whole list downloads as the sheet with a 问题 column; an .xls gets a message that stays on screen.
 */
const PW = 'Journey-Pass-2026';
const STATION = '柳屯镇社会工作服务站';
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
  await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
});

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-import-'));
/** The roster template's columns; a test renames or drops some, the way offices' own sheets differ. */
const TEMPLATE = ['姓名', '身份证号', '联系电话', '学历', '专业', '社会工作专业毕业', '证书等级', '证书编号'];
const TAIL = ['本地户籍', '聘用日期', '岗位', '派驻社工站'];
const person = (name: string, id: unknown, hired: unknown = '2026-03-01', education = '本科') => [
  [name, id, '13812345678', education, '社会工作', '是', '', ''],
  ['是', hired, '驻站社工', STATION],
];

async function sheet(name: string, header: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const card = () => j.page.locator('.ant-card').filter({ hasText: '从 Excel 导入名册' });
const mappingRow = (header: string) => card().getByRole('listitem', { name: header, exact: true });

async function choose(file: string) {
  await card().locator('input[type=file]').setInputFiles(file);
}

describe('roster import as offices make their sheets (R-STAFF-1)', () => {
  it('shows how each header was understood: a synonym (入职日期) and an unknown column (备注, ignored)', async () => {
    await j.loginAs('yimin.admin', PW);
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    const [a, b] = person('赵敏', makeCitizenId('19940215', 211));
    const file = await sheet(
      '本单位名册.xlsx',
      [...TEMPLATE, '本地户籍', '入职日期', '岗位', '派驻社工站', '备注'],
      [[...a, ...b, '新聘']],
    );
    await choose(file);
    await card().getByText('列的对应（文件中的列 → 模板列）').waitFor();
    await expect(mappingRow('入职日期').textContent()).resolves.toContain('同义列名');
    await expect(mappingRow('入职日期').locator('.ant-select').textContent()).resolves.toContain('聘用日期');
    await expect(mappingRow('备注').textContent()).resolves.toContain('未识别（已忽略）');
    await expect(mappingRow('姓名').textContent()).resolves.toContain('模板列');
    await card().getByText('检查通过：1 行，可以导入。').waitFor();
    await card().getByRole('button', { name: '确认导入 1 行' }).waitFor();
  });

  it('a missing required column is named in an alert that stays; mapped by hand with the keyboard, the check passes and the rows are imported', async () => {
    const people = [person('孙丽', makeCitizenId('19960418', 321)), person('周强', makeCitizenId('19930701', 431))].map(
      ([a, b]) => [...a, ...b],
    );
    const header = [...TEMPLATE, ...TAIL];
    header[1] = '个人证件号';
    await choose(await sheet('外部系统导出.xlsx', header, people));
    const missing = card().locator('.ant-alert-error').filter({ hasText: '缺少必填列：身份证号' });
    await missing.waitFor();
    await expect(mappingRow('个人证件号').textContent()).resolves.toContain('未识别（已忽略）');
    await expect(
      card()
        .getByRole('button', { name: /确认导入/ })
        .count(),
    ).resolves.toBe(0);
    await shot(j.page, '50-import-missing-column-desktop');
    expect(await axeProblems(j.page)).toEqual([]);
    await j.page.setViewportSize(PHONE);
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '50-import-missing-column-phone');
    expect(await axeProblems(j.page)).toEqual([]);
    await j.page.setViewportSize(DESKTOP);
    await j.page.waitForTimeout(3500); // a toast would be gone by now
    await expect(missing.isVisible()).resolves.toBe(true);

    // Keyboard only: focus the picker, type the column, Enter; then the re-check button.
    await card().getByLabel('“个人证件号”对应的模板列').focus();
    await j.page.keyboard.type('身份证号');
    await j.page.keyboard.press('Enter');
    await expect(mappingRow('个人证件号').textContent()).resolves.toContain('已修改，待重新检查');
    await card().getByRole('button', { name: '按此对应重新检查' }).focus();
    await j.page.keyboard.press('Enter');
    await card().getByText('检查通过：2 行，可以导入。').waitFor();
    await expect(mappingRow('个人证件号').textContent()).resolves.toContain('手工对应');
    await expect(missing.count()).resolves.toBe(0);
    await card().getByRole('button', { name: '确认导入 2 行' }).click();
    await card().getByText('已导入 2 行').waitFor();
    await j.page.getByRole('link', { name: '孙丽' }).waitFor();
    await j.page.getByRole('link', { name: '周强' }).waitFor();
  });

  it('problems show row, name, column, the value as read and what to do; the list downloads as the sheet with a 问题 column', async () => {
    const rows = [
      // An ID typed into a number cell: the last digits are already lost.
      person('王芳', 410928199001011000),
      person('李强', makeCitizenId('19910520', 512), '3/5/2021'),
      person('陈静', makeCitizenId('19920911', 622), '2026-03-01', '中专'),
    ].map(([a, b]) => [...a, ...b]);
    await choose(await sheet('名册有误.xlsx', [...TEMPLATE, ...TAIL], rows));
    const summary = card()
      .locator('.ant-alert-error')
      .filter({ hasText: /检查发现 \d+ 个问题，未导入任何数据/ });
    await summary.waitFor();
    // The template's own headers: the mapping is one line, its pickers open on request.
    await card().getByText('文件中的 12 列均与模板列名一致。').waitFor();
    await card().getByRole('button', { name: '查看或修改列的对应' }).click();
    await mappingRow('聘用日期').waitFor();
    const problems = card().locator('section[aria-label="检查发现的问题"] .ant-table');
    const wang = problems.getByRole('row', { name: /王芳/ }).first();
    await expect(wang.textContent()).resolves.toMatch(/身份证号.*4\.10928/);
    const li = problems.getByRole('row', { name: /李强/ }).first();
    await expect(li.textContent()).resolves.toContain('3/5/2021');
    await expect(problems.textContent()).resolves.not.toMatch(/R-[A-Z]+-\d/);
    await expect(
      card()
        .getByRole('button', { name: /确认导入/ })
        .count(),
    ).resolves.toBe(0);
    expect(await cjkRenders(j.page)).toBe(true);
    await shot(j.page, '51-import-problems-desktop');
    expect(await axeProblems(j.page)).toEqual([]);

    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      card().getByRole('button', { name: '下载问题清单（Excel）' }).click(),
    ]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.worksheets[0];
    const texts = (n: number) => (ws.getRow(n).values as unknown[]).map((v) => String(v ?? ''));
    let headerRow = 0;
    for (let n = 1; n <= Math.min(ws.rowCount, 10) && !headerRow; n++) if (texts(n).includes('问题')) headerRow = n;
    expect(headerRow).toBeGreaterThan(0);
    const problemCol = texts(headerRow).indexOf('问题');
    const rowOf = (name: string) => {
      for (let n = headerRow + 1; n <= ws.rowCount; n++) if (texts(n).includes(name)) return texts(n);
      throw new Error(`${name} is not in the problems file`);
    };
    expect(rowOf('王芳')[problemCol]).toContain('身份证号');
    expect(rowOf('李强')[problemCol]).toContain('聘用日期');
    expect(rowOf('陈静')[problemCol]).not.toMatch(/R-[A-Z]+-\d/);
  });

  it('at phone width the mapping and each problem stack to fit the screen: no sideways scrolling', async () => {
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('button', { name: '菜单' }).waitFor();
    await card().locator('section[aria-label="检查发现的问题"]').scrollIntoViewIfNeeded();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '51-import-problems-phone');
    expect(await axeProblems(j.page)).toEqual([]);
    await j.page.setViewportSize(DESKTOP);
  });

  it("the payroll template of the month comes pre-filled with the month's workers (R-STAFF-6)", async () => {
    await j.page.getByRole('menuitem', { name: '薪酬社保' }).click();
    const payroll = j.page.locator('.ant-card').filter({ hasText: /从 Excel 导入\d{4}年\d{1,2}月薪酬社保/ });
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      payroll.getByRole('button', { name: '下载模板' }).click(),
    ]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved).toMatch(/薪酬社保导入模板\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => cells.push(...(r.values as unknown[]).map((v) => String(v ?? ''))));
    expect(cells).toEqual(expect.arrayContaining(['孙丽', '周强', makeCitizenId('19960418', 321)]));
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
  });

  it('an .xls file gets a message that stays on screen', async () => {
    // The old binary format starts with the OLE2 signature (Excel 97–2003 and WPS .et alike).
    const xls = path.join(dir, '旧格式名册.xls');
    const bytes = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    writeFileSync(xls, bytes);
    await choose(xls);
    const alert = card().locator('.ant-alert-error').filter({ hasText: '未能导入' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('.xlsx');
    await j.page.waitForTimeout(3500);
    await expect(alert.isVisible()).resolves.toBe(true);
    await expect(card().locator('section[aria-label="检查发现的问题"]').count()).resolves.toBe(0);
  });
});
