import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { apiSession } from './support/api';
import { DESKTOP, PHONE, shot } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 完成及时率 and the city's 通报 (issue 12; R-REP-3, R-REP-4 六（七）): the city officer sees the live picture on the
 * 工作台, opens the 通报, marks 濮阳县 for commendation with a note, exports it and prints it; the county officer sees
 * only 濮阳县's timeliness and follows a figure to the reports behind it. 柳屯镇's briefs are owed from its contract
 * (2026-01-01); the project lead submitted October's brief late on 11-20 (due 11-05). Pinned to 2026-11-20.
 */
const TODAY = '2026-11-20';
const CITY = '410900000000';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  await s.admin.post('/api/v1/users', {
    username: 'city.officer',
    displayName: '李市民政',
    role: 'city_officer',
    divisionCode: CITY,
    password: 'Start-Pass-01',
  });
  await apiSession(server.url, 'city.officer', 'Start-Pass-01', STATION_PASSWORD);
  // A person visited through the year, so the trend by month has records to show.
  const p = await s.social.post<{ id: string }>('/api/v1/beneficiaries', {
    stationId: s.stationId,
    name: '王秀英',
    idNumber: makeCitizenId('19480706', 152),
    village: '柳屯东村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  for (const servedOn of ['2026-03-12', '2026-05-20', '2026-05-27', '2026-09-08', '2026-10-15', '2026-11-03'])
    await s.social.post('/api/v1/service-records', {
      id: randomUUID(),
      stationId: s.stationId,
      servedOn,
      durationMinutes: 45,
      form: 'home_visit',
      catalogueCode: '2.3',
      beneficiaryIds: [p.id],
      summary: '入户看望，了解近况',
    });
  const owed = await s.lead.get<{ items: { id: string }[] }>(
    '/api/v1/reports?kind=station_monthly&period=2026-10&pageSize=5',
  );
  await s.lead.post(`/api/v1/reports/${owed.items[0].id}/submit`, { version: 1 });
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, {
    mustNotShow: /R-[A-Z]+-\d|station_monthly|county_quarterly|onTime|staffing|undefined|NaN|null/,
  });

const row = (name: string) => j.page.locator('main .ant-table-row').filter({ hasText: name });

describe('完成及时率 and the city’s 通报', () => {
  it('the city officer sees the live picture on the 工作台, each figure a link (R-REP-4)', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('city.officer', STATION_PASSWORD);
    const picture = j.page.getByRole('region', { name: '全市实时情况' });
    await picture.getByText('2026年报告及时率').waitFor();
    await picture.getByRole('heading', { name: /各县（区）2026年情况/ }).waitFor();
    await picture.locator('canvas').first().waitFor();
    await expect(picture.getByRole('link', { name: /逾期与未报/ }).getAttribute('href')).resolves.toBe(
      '/reports?period=2026&late=true',
    );
    await looksRight('c1-city-desk-live-picture');
  });

  it('the city officer opens the 通报, marks 濮阳县 for commendation, exports and prints it (R-REP-4)', async () => {
    await j.page.getByRole('menuitem', { name: '通报' }).click();
    await j.page.getByRole('heading', { name: '通报', level: 1 }).waitFor();
    // 濮阳县 leads: the only unit with a station built, reports owed and a resident worker.
    expect(await j.page.locator('main .ant-table-row').first().textContent()).toContain('濮阳县');
    await row('濮阳县').getByRole('button', { name: '标记表彰' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByLabel('表彰说明').fill('社工站运行规范，服务记录完整');
    await dialog.getByRole('button', { name: '标记表彰' }).click();
    await row('濮阳县').getByText('拟表彰').waitFor();
    await row('濮阳县').getByText('社工站运行规范，服务记录完整').waitFor();
    await looksRight('c2-circular-marked');

    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('社工站工作进展通报（2026年）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').text).toBe('濮阳市乡镇（街道）社工站工作进展通报（2026年）');
    expect(ws.getCell('A4').text).toMatch(/^导出时间：2026-11-20 /);
    const first = ws.getRow(6);
    expect(first.getCell(2).text).toBe('濮阳县');
    expect(first.getCell(first.cellCount).text).toBe('拟表彰：社工站运行规范，服务记录完整');

    // 打印: only the 通报 goes on paper, without the menu, the header or the buttons.
    await j.page.emulateMedia({ media: 'print' });
    await expect.poll(() => j.page.locator('.circular-print h1').isVisible()).toBe(true);
    await expect.poll(() => j.page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await expect.poll(() => j.page.getByRole('button', { name: '导出 Excel' }).isVisible()).toBe(false);
    await shot(j.page, 'c3-circular-print');
    await j.page.emulateMedia({ media: 'screen' });
  });

  it('the city officer reads 完成及时率 per unit and organisation (R-REP-3)', async () => {
    await j.page.getByRole('menuitem', { name: '完成及时率' }).click();
    await j.page.getByRole('heading', { name: '完成及时率', level: 1 }).waitFor();
    await row('濮阳县益民社会工作服务中心').waitFor();
    await looksRight('c4-timeliness-city');
  });

  it('the county officer sees only its own unit and follows a figure to the reports behind it (R-REP-3)', async () => {
    await j.loginAs('py.officer', STATION_PASSWORD);
    await j.page.getByRole('menuitem', { name: '完成及时率' }).click();
    await j.page.getByRole('heading', { name: '完成及时率', level: 1 }).waitFor();
    const units = j.page.locator('main .ant-card').filter({ hasText: '按县（区）' }).locator('.ant-table-row');
    await expect.poll(() => units.allTextContents()).toEqual([expect.stringContaining('濮阳县')]);
    await looksRight('c5-timeliness-county');
    await units.getByRole('link', { name: /濮阳县逾期/ }).click();
    await j.page.getByRole('heading', { name: '报告', level: 1 }).waitFor();
    expect(j.page.url()).toMatch(/\/reports\?unit=410928000000&period=2026&late=true$/);
    await j.page.getByText(/逾期 15 天提交/).waitFor(); // October's brief, due 11-05, sent 11-20

    await j.page.getByRole('menuitem', { name: '通报' }).click();
    await j.page.getByRole('heading', { name: '通报', level: 1 }).waitFor();
    await expect
      .poll(() => j.page.locator('main .ant-table-row').allTextContents())
      .toEqual([expect.stringContaining('濮阳县')]);
    expect(await j.page.getByRole('button', { name: '标记表彰' }).count()).toBe(0);
  });

  it('both pages fit a phone (390 px)', async () => {
    await j.page.setViewportSize(PHONE);
    await j.page.goto(`${j.server.url}/circulars`);
    await j.page.getByText('第1名 濮阳县').waitFor();
    await looksRight('c6-circular-phone');
    await j.page.goto(`${j.server.url}/timeliness`);
    await j.page.getByText('完成率', { exact: false }).first().waitFor();
    await looksRight('c7-timeliness-phone');
    await j.loginAs('city.officer', STATION_PASSWORD);
    await j.page.getByRole('region', { name: '全市实时情况' }).getByText('报告完成率').waitFor();
    await looksRight('c8-city-desk-phone');
  });
});
