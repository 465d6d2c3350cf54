import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { axeProblems } from './support/axe';
import { DESKTOP, PHONE, shot } from './support/browser';
import { apiSession } from './support/api';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * Reports up the hierarchy (issue 12; R-REP-1…3), from a station's monthly brief to the city's half-year report: the
 * project lead opens 柳屯镇's June brief, sees the figures computed from the station's records, writes the narrative
 * and submits it; the county officer returns it with a comment; the lead fixes it and submits again; the county
 * accepts it (figures frozen); the county writes and submits its second-quarter report, which gathers the station's
 * reports; the city accepts it and submits its first-half report. Records are made through the API. Pinned to
 * 2026-07-10 (the June brief was due on 07-05: five days late).
 */
const TODAY = '2026-07-10';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  const p = await s.social.post<{ id: string }>('/api/v1/beneficiaries', {
    stationId: s.stationId,
    name: '王秀英',
    idNumber: makeCitizenId('19480706', 151),
    village: '柳屯东村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  const record = (people: string[], servedOn: string, form: string, code: string, headCount = 0) =>
    s.social.post('/api/v1/service-records', {
      id: randomUUID(),
      stationId: s.stationId,
      servedOn,
      durationMinutes: 60,
      form,
      catalogueCode: code,
      beneficiaryIds: people,
      headCount,
      summary: '入户看望，了解近况',
    });
  await record([p.id], '2026-06-03', 'home_visit', '2.3');
  await record([p.id], '2026-06-17', 'phone_followup', '2.3');
  await record([], '2026-06-20', 'community_activity', '4.1', 30);
  await record([p.id], '2026-05-12', 'home_visit', '2.1');
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, {
    mustNotShow: /R-[A-Z]+-\d|station_monthly|county_quarterly|city_half_year|submitted|undefined|NaN/,
    allowTabsOverflow: true,
  });

const tab = (name: RegExp | string) => j.page.getByRole('tab', { name }).click();
const confirm = () => j.page.getByRole('button', { name: /^确\s*定$/ }).click();
const statusTag = (text: string) =>
  j.page
    .locator('main .ant-tag')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .first()
    .waitFor();

/** Opens the one report the list shows for these filters (the filters go in the address, as other pages link). */
async function openReport(query: string) {
  await j.page.goto(`${j.server.url}/reports?${query}`);
  await j.page.getByRole('heading', { name: '报告', level: 1 }).waitFor();
  await j.page.locator('main a[href^="/reports/"]').first().click();
  await j.page.getByRole('tab', { name: '数字' }).waitFor();
}

async function writeSection(label: string, text: string) {
  await tab('文字部分');
  await j.page.getByLabel(label).fill(text);
}

describe('reports from a station’s monthly brief to the city’s half-year report', () => {
  it('the project lead writes the June brief over its computed figures and submits it (R-REP-1, R-REP-3)', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await j.page.getByRole('heading', { name: /待报告/ }).waitFor();
    await looksRight('r1-desk-due-reports');
    await j.page.getByRole('menuitem', { name: '报告' }).click();
    await j.page.getByRole('heading', { name: '报告', level: 1 }).waitFor();
    await j.page.getByText('逾期 5 天').first().waitFor(); // the June brief, due 07-05
    await looksRight('r2-reports-list');

    await openReport('kind=station_monthly&period=2026-06');
    await j.page.getByText('2026年6月').first().waitFor();
    await j.page.getByText('《实施方案》五（四）').waitFor();
    // Three June records, one of them a community activity; each figure links to its records.
    await j.page.getByRole('link', { name: '3 条' }).waitFor();
    await expect(j.page.getByRole('link', { name: '3 条' }).getAttribute('href')).resolves.toMatch(
      /^\/services\?stationId=.+&from=2026-06-01&to=2026-06-30$/,
    );
    await j.page.getByText('该模块上线后自动生成').first().waitFor();
    await looksRight('r3-brief-figures');
    // A figure opens the records behind it: the community activity of June at this station, with the filters shown.
    await j.page
      .getByRole('row', { name: /^社区活动/ })
      .getByRole('link')
      .first()
      .click();
    await j.page.getByRole('heading', { name: '服务记录', level: 1 }).waitFor();
    await j.page.getByText('共 1 条').waitFor();
    await j.page.locator('[title="社区活动"]').waitFor(); // the 服务形式 filter, filled from the address
    await j.page.goBack();
    await j.page.getByRole('tab', { name: '数字' }).waitFor();

    await writeSection('一、工作开展情况', '六月走访困境老人，开展社区活动一次。');
    await j.page.getByRole('button', { name: '保存文字' }).click();
    await j.page.getByText('已保存').waitFor();
    // A file goes with the brief; it and the Word and Excel exports download.
    await tab(/附件/);
    await j.page.locator('input[type=file]').setInputFiles({
      name: '六月活动签到表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n'),
    });
    const attached = j.page.getByRole('link', { name: '六月活动签到表.pdf' });
    await attached.waitFor();
    const files = [
      [await attached.getAttribute('href'), 'application/pdf'],
      [await j.page.getByRole('link', { name: /导出 Word/ }).getAttribute('href'), 'wordprocessingml'],
      [await j.page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href'), 'spreadsheetml'],
    ];
    for (const [href, type] of files) {
      const res = await j.page.request.get(`${j.server.url}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
    await j.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm();
    await statusTag('已提交');
    await looksRight('r4-brief-submitted');
  });

  it('the county officer returns it with a comment; the lead fixes it and submits again', async () => {
    await j.loginAs('py.officer', STATION_PASSWORD);
    await j.page.getByRole('heading', { name: /待接收的报告/ }).waitFor();
    await openReport('kind=station_monthly&period=2026-06&status=submitted');
    await j.page.getByRole('button', { name: /^退\s*回$/ }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await dialog.getByText('请填写退回意见').waitFor(); // a return needs its comment
    await dialog.getByLabel('退回意见').fill('请补充社区活动的参与情况和群众反映。');
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await statusTag('已退回');

    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await openReport('kind=station_monthly&period=2026-06');
    await j.page.getByText('退回意见：请补充社区活动的参与情况和群众反映。').waitFor();
    await looksRight('r5-brief-returned');
    await writeSection('二、亮点与成效', '社区活动 30 人参加，老人反映良好。');
    // Submitting saves the unsaved writing first.
    await j.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm();
    await statusTag('已提交');
    await tab('文字部分');
    await j.page.getByText('社区活动 30 人参加，老人反映良好。').waitFor();
  });

  it('the county accepts the brief (figures frozen), then writes and submits its quarterly report (R-REP-2)', async () => {
    await j.loginAs('py.officer', STATION_PASSWORD);
    await openReport('kind=station_monthly&period=2026-06&status=submitted');
    await j.page.getByRole('button', { name: /^接\s*收$/ }).click();
    await confirm();
    await statusTag('已接收');
    await j.page.getByText(/数据截至接收时/).waitFor();
    await looksRight('r6-brief-accepted');

    // The station's second-quarter brief comes in too (through the API: the browser part is the same as June's).
    const lead = await apiSession(j.server.url, 'yimin.lead', STATION_PASSWORD);
    const q2 = await lead.get<{ items: { id: string }[] }>('/api/v1/reports?kind=station_quarterly&period=2026-Q2');
    const brief = await lead.get<{ version: number }>(`/api/v1/reports/${q2.items[0].id}`);
    await lead.post(`/api/v1/reports/${q2.items[0].id}/submit`, { version: brief.version });

    await openReport('kind=county_quarterly&period=2026-Q2');
    await tab(/汇总的报告/);
    await j.page.getByRole('link', { name: /柳屯镇.*第二季度工作简报/ }).waitFor();
    await j.page.getByRole('tabpanel').getByText('已提交').waitFor();
    await looksRight('r7-county-gathered');
    await writeSection('一、工作开展情况', '全县社工站第二季度运行平稳。');
    await j.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm();
    await statusTag('已提交');

    await j.page.setViewportSize(PHONE);
    await j.page.reload();
    await statusTag('已提交');
    await looksRight('r8-county-report-390');
    await j.page.goto(`${j.server.url}/reports`);
    await j.page.getByRole('button', { name: '筛选' }).waitFor();
    await looksRight('r9-reports-list-390');
  });

  it('the city accepts the county report and submits its half-year report', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('admin', STATION_PASSWORD);
    await openReport('kind=county_quarterly&period=2026-Q2&status=submitted');
    await j.page.getByRole('button', { name: /^接\s*收$/ }).click();
    await confirm();
    await statusTag('已接收');

    await openReport('kind=city_half_year&period=2026-H1');
    await j.page.getByText('省民政厅').first().waitFor();
    await writeSection('一、工作开展情况', '上半年全市社工站建设和服务按计划推进。');
    await j.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm();
    await statusTag('已提交');
    await j.page.getByText(/已报送省民政厅，报告已锁定/).waitFor(); // the city's report is final when submitted
    await looksRight('r10-city-half-year');
    await j.page.setViewportSize(PHONE);
    await looksRight('r11-city-half-year-390');
  });

  it('the city reopens the accepted county report for a correction; the accepted version stays viewable', async () => {
    await j.page.setViewportSize(DESKTOP);
    await openReport('kind=county_quarterly&period=2026-Q2');
    await j.page.getByRole('button', { name: '重新打开更正' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByLabel('更正原因').fill('柳屯镇补录了六月的走访记录，需要更正数字。');
    await dialog.getByRole('button', { name: '重新打开' }).click();
    await statusTag('草稿');
    await tab(/更正前版本/);
    await j.page.getByText(/柳屯镇补录了六月的走访记录/).waitFor();
    await j.page.getByRole('button', { name: '查看第 1 版' }).click();
    await j.page.getByRole('dialog').getByText('全县社工站第二季度运行平稳。').waitFor();
    await j.page.waitForLoadState('networkidle');
    await shot(j.page, 'r12-county-revision');
    expect(await axeProblems(j.page)).toEqual([]);
  });

  it('the city sets the due dates in 报告设置; a wrong date is refused on its field', async () => {
    await j.page.goto(`${j.server.url}/reports`);
    await j.page.getByRole('button', { name: '报告设置' }).click();
    await j.page.getByRole('heading', { name: '报告设置', level: 1 }).waitFor();
    await expect(j.page.getByLabel('月工作简报').inputValue()).resolves.toBe('5');
    await j.page.getByLabel('市级上半年报告').fill('07-31');
    await j.page.getByText('应为 MM-DD 格式，日不超过 28').waitFor();
    await j.page.getByLabel('市级上半年报告').fill('07-25');
    await j.page.getByLabel('月工作简报').fill('6');
    await j.page.getByRole('button', { name: /^保\s*存$/ }).click();
    await j.page.getByText(/报告截止日期已保存/).waitFor();
    await looksRight('r13-report-settings');
  });
});
