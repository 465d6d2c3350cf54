import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DESKTOP, fitsWidth, PHONE, pick, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * Issue 9, exports in the browser: a county officer exports the roster with the filter set on the page, then the
 * trainings, the staff overview and the contracts; each download is the page's list as a sheet naming the scope
 * and the filter.
 */
const PW = 'Journey-Pass-2026';
const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  await admin.post('/api/v1/users', {
    username: 'py.officer',
    displayName: '王晓燕',
    role: 'county_officer',
    divisionCode: '410928000000',
    password: 'Start-Pass-01',
  });
  await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
});

/** Clicks 导出 Excel and reads the downloaded workbook's first sheet. */
async function exportSheet() {
  const [download] = await Promise.all([
    j.page.waitForEvent('download'),
    j.page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  return { name: download.suggestedFilename(), ws: wb.worksheets[0] };
}

describe('exports from the list pages (issue 9)', () => {
  it('the roster exports with the filter set on the page; the button fits a phone', async () => {
    await j.loginAs('py.officer', PW);
    await j.page.getByRole('menuitem', { name: '社工名册' }).click();
    await pick(j.page, '岗位', '驻站社工', j.page.locator('#filter'));
    await shot(j.page, '80-roster-export-desktop');
    const { name, ws } = await exportSheet();
    expect(name).toBe('社工名册.xlsx');
    expect(ws.getCell('A1').value).toBe('乡镇（街道）社会工作服务站社工名册');
    expect(ws.getCell('A2').value).toBe('范围：濮阳县');
    expect(ws.getCell('A3').value).toBe('筛选条件：岗位：驻站社工');
    expect(ws.pageSetup.orientation).toBe('landscape');
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('button', { name: '导出 Excel' }).waitFor();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '80-roster-export-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('trainings, staff overview and contracts each export their list', async () => {
    const pages = [
      { menu: '培训', heading: '培训', file: '培训记录.xlsx', title: '社会工作者培训记录' },
      {
        menu: '队伍概况',
        heading: '队伍概况',
        file: '队伍概况.xlsx',
        title: '乡镇（街道）社工站驻站社工配备与资质情况',
      },
      { menu: '合同', heading: '政府购买服务合同', file: '合同台账.xlsx', title: '政府购买社会工作服务合同台账' },
    ];
    for (const p of pages) {
      await j.page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${p.menu}$`) }).click();
      // The page is lazy: its own 导出 Excel, not the previous page's, once its title is there.
      await j.page.getByRole('heading', { level: 1, name: p.heading, exact: true }).waitFor();
      const { name, ws } = await exportSheet();
      expect(name).toBe(p.file);
      expect(ws.getCell('A1').value).toBe(p.title);
      expect(ws.getCell('A2').value).toBe('范围：濮阳县');
    }
    await shot(j.page, '81-contracts-export-desktop');
  });
});
