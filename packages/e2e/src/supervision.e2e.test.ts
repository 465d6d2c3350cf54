import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { DESKTOP, PHONE, pickDate, shot } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 督导 (issue 13, R-EVAL-4): 柳屯镇's contractor records a supervision session in the browser (the worker ticked from
 * those at the station that day); the hours show per worker; the contractor records a supervisor's comment on 张晓梅's
 * service record (made through the API), she answers it on a phone, and the contractor closes it. Pinned to 2026-06-20.
 */
const TODAY = '2026-06-20';
const COMMENT = '入户记录只写了“了解近况”，请补充老人的身体和居住情况';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  const person = await s.social.post<{ id: string }>('/api/v1/beneficiaries', {
    stationId: s.stationId,
    name: '王秀英',
    idNumber: makeCitizenId('19480706', 161),
    village: '柳屯东村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  await s.social.post('/api/v1/service-records', {
    id: randomUUID(),
    stationId: s.stationId,
    servedOn: '2026-06-10',
    durationMinutes: 40,
    form: 'home_visit',
    catalogueCode: '2.3',
    beneficiaryIds: [person.id],
    summary: '入户看望，了解近况',
  });
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, {
    mustNotShow: /R-EVAL|internal|external|service_record|open|answered|closed|undefined|NaN/,
  });

async function dialogNamed(name: string) {
  const dialog = j.page.getByRole('dialog', { name });
  await dialog.waitFor();
  await expect.poll(() => j.page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count()).toBe(0);
  return dialog;
}

/** Opens a tab and waits until its pane has faded in and the ink bar sits under it (screenshots mid-switch mislead). */
async function openTab(name: string) {
  await j.page.getByRole('tab', { name }).click();
  await expect
    .poll(() =>
      j.page.evaluate((wanted) => {
        const active = document.querySelector('.ant-tabs-tab-active');
        const tab = active?.getBoundingClientRect();
        const bar = document.querySelector('.ant-tabs-ink-bar')?.getBoundingClientRect();
        return (
          active?.textContent === wanted &&
          document.querySelectorAll('[class*="ant-tabs-switch-"]').length === 0 &&
          !!tab &&
          !!bar &&
          Math.abs(tab.left - bar.left) < 1 &&
          Math.abs(tab.width - bar.width) < 1
        );
      }, name),
    )
    .toBe(true);
}

const card = (text: string) => j.page.locator('main .ant-card').filter({ hasText: text });

describe('督导: a session recorded, a comment answered on the phone and closed', () => {
  it('the contractor records a session; the worker is ticked from the station’s workers that day', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('yimin.admin', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/supervision`);
    await j.page.getByRole('heading', { name: '督导', level: 1 }).waitFor();
    await j.page.getByText('尚无督导记录').waitFor();
    await j.page.getByRole('button', { name: '新增督导记录' }).click();
    const dialog = await dialogNamed('新增督导记录');
    // Nothing filled: the form says what is missing and sends nothing.
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.getByText('请填写督导姓名').waitFor();
    await pickDate(j.page, '督导日期', '2026-06-18');
    await dialog.getByLabel('督导姓名').fill('陈敏');
    await dialog.getByText('外部督导').click();
    await dialog.getByLabel('督导时长（小时）').fill('2.5');
    await dialog.getByLabel('督导主题和内容').fill('高龄独居老人入户探访的记录要点');
    await dialog.getByLabel('跟进事项').fill('下次督导抽查 6 月入户记录');
    await dialog.getByRole('checkbox', { name: '张晓梅' }).check();
    await dialog.getByText('请选择参加督导的社工').waitFor({ state: 'hidden' });
    await shot(j.page, 'sup1-new-session-form');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await card('高龄独居老人入户探访').waitFor();
    await card('高龄独居老人入户探访').getByText('外部督导').waitFor();
    await card('高龄独居老人入户探访').getByText('参加社工：张晓梅').waitFor();
    await looksRight('sup2-sessions-desktop');

    await openTab('督导学时');
    const row = j.page.locator('main .ant-table-row').filter({ hasText: '张晓梅' });
    await row.getByText('2.5 小时').waitFor();
    await row.getByText('1 次').waitFor();
    await looksRight('sup3-hours-desktop');
  });

  it('the contractor records a comment on a sampled service record (新增督导意见)', async () => {
    await j.page.goto(`${j.server.url}/supervision?tab=reviews`);
    await j.page.getByText('暂无督导意见').waitFor();
    await j.page.getByRole('button', { name: '新增督导意见' }).click();
    const dialog = await dialogNamed('新增督导意见');
    await dialog.getByText('服务记录', { exact: true }).click();
    // The station's records, newest first: the one 张晓梅 made on 2026-06-10.
    await dialog.getByLabel('被抽查的服务记录').click();
    await j.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^2026-06-10 .*张晓梅$/ })
      .click();
    await dialog.getByLabel('督导姓名').fill('陈敏');
    await dialog.getByLabel('督导意见').fill(COMMENT);
    await dialog.getByLabel('所属督导记录').click();
    await j.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '2026-06-18 陈敏' })
      .click();
    await shot(j.page, 'sup3b-new-review-form');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await card(COMMENT).getByText('待回复').waitFor();
    await card(COMMENT).getByText('回复人：张晓梅').waitFor();
    await looksRight('sup3c-reviews-open');
  });

  it('the worker, on a phone, sees her hours and answers the comment on her record', async () => {
    await j.page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/supervision`);
    await j.page.getByText('2026 年参加督导').waitFor();
    await j.page.getByText('2.5 小时').first().waitFor();
    await card(COMMENT).waitFor();
    await looksRight('sup4-worker-phone');
    await card(COMMENT)
      .getByRole('button', { name: /回\s*复/ })
      .click();
    await card(COMMENT).getByLabel('回复督导意见').fill('已补充老人的身体状况、居住条件和近期需求。');
    await shot(j.page, 'sup5-worker-phone-answer');
    await card(COMMENT).getByRole('button', { name: '提交回复' }).click();
    await j.page.getByText('没有待回复的督导意见').waitFor();
    await looksRight('sup6-worker-phone-answered');
  });

  it('the contractor closes the answered comment', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('yimin.admin', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/supervision?tab=reviews`);
    await card(COMMENT).getByText('已回复').waitFor();
    await card(COMMENT).getByText('回复：已补充老人的身体状况').waitFor();
    await card(COMMENT)
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await j.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await card(COMMENT).getByText('已关闭').waitFor();
    expect(await card(COMMENT).getByRole('button').count()).toBe(0);
    await looksRight('sup7-reviews-closed');
  });

  it('the project lead reads the three tabs on a phone', async () => {
    await j.page.setViewportSize(PHONE);
    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/supervision`);
    await card('高龄独居老人入户探访').waitFor();
    await looksRight('sup8-lead-phone-sessions');
    await openTab('督导意见');
    await card(COMMENT).getByText('已关闭').waitFor();
    await looksRight('sup9-lead-phone-reviews');
    await openTab('督导学时');
    await j.page.locator('main .ant-table-row').filter({ hasText: '张晓梅' }).waitFor();
    await looksRight('sup10-lead-phone-hours');
  });
});
