import type { CatalogueItemView } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { PHONE, pick, pickDate } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 个案 at phone width (issue 11; R-SVC-3): the station's social worker opens a case for one of her people, writes the
 * assessment and a plan with one goal and one task, and submits it; the project lead logs in, finds it under 待我审核
 * and approves the plan; the worker sees the case in 介入 with 记录服务 offered. The station, contract, worker, lead and
 * person are set up through the API. Pinned to 2026-11-28 (the browser's own date may be later, so dates are typed).
 */
const PERSON = '王秀英';
let domain = '';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: '2026-11-28' }, async (server) => {
  const s = await contractedStation(server.url);
  await s.social.post('/api/v1/beneficiaries', {
    stationId: s.stationId,
    name: PERSON,
    idNumber: makeCitizenId('19480706', 152),
    village: '王庄村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  const items = (await s.social.get<{ items: CatalogueItemView[] }>('/api/v1/catalogue')).items;
  domain = items.find((i) => i.domainCode === 2)!.domainName;
});

/** Chinese renders, nothing wider than the screen, no raw code on the page, no WCAG 2 A/AA violation. */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|plan_submitted|intervention|undefined|null/ });

describe('个案 at phone width: a worker opens a case and submits a plan, the project lead approves it', () => {
  it('the worker opens a case, assesses, writes a plan with a goal and a task and submits it (R-SVC-3)', async () => {
    await j.page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', STATION_PASSWORD);
    await j.page.getByRole('button', { name: '菜单' }).click();
    await j.page.getByRole('menuitem', { name: '个案' }).click();
    await j.page.getByRole('heading', { name: '个案', level: 1 }).waitFor();
    await looksRight('c1-cases-empty-390');

    await j.page.getByRole('button', { name: '开案' }).click();
    await j.page.getByRole('heading', { name: '开案', level: 1 }).waitFor();
    await j.page.locator('[title="柳屯镇社会工作服务站"]').waitFor();
    await pick(j.page, '服务对象', `${PERSON}（王庄村）`, j.page, PERSON);
    await pickDate(j.page, '开案日期', '2026-11-20');
    await j.page.getByLabel('求助问题').fill('独居，近期多次摔倒，子女在外务工');
    await looksRight('c2-case-open-390');
    await j.page
      .getByRole('button', { name: /^开\s*案$/ })
      .last()
      .click();
    await j.page.getByRole('heading', { name: `个案：${PERSON}`, level: 1 }).waitFor();

    await j.page.getByRole('button', { name: '添加需求' }).click();
    await pick(j.page, '需求领域', domain);
    await j.page.getByLabel('需求说明').fill('日常照料与防跌倒');
    await j.page.locator('label.ant-radio-button-wrapper').filter({ hasText: /^高$/ }).click();
    await j.page.getByRole('button', { name: '添加目标' }).click();
    await j.page.getByLabel('目标 1', { exact: true }).fill('建立日常照料安排');
    await j.page.getByLabel('目标 1 介入前评分').fill('3');
    await j.page.getByRole('button', { name: '添加任务' }).click();
    await j.page.getByLabel('任务 1', { exact: true }).fill('联系邻里互助并安装扶手');
    await pickDate(j.page, '任务 1 完成期限', '2026-12-20');
    await j.page.getByRole('button', { name: '保存预估和计划' }).click();
    await j.page.getByText('已保存').waitFor();
    await looksRight('c3-case-plan-390');

    await j.page.getByRole('button', { name: '提交服务计划' }).click();
    await j.page.getByRole('button', { name: /^确\s*定$/ }).click();
    await j.page.getByText('服务计划等待项目主管审核').waitFor();
    await expect(j.page.getByRole('button', { name: '保存预估和计划' }).count()).resolves.toBe(0);
    await looksRight('c4-case-submitted-390');
  });

  it('the project lead finds the plan under 待我审核 and approves it; the worker sees the case in 介入', async () => {
    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/cases`);
    await j.page.getByRole('heading', { name: '个案', level: 1 }).waitFor();
    await j.page.getByRole('link', { name: PERSON }).click();
    await j.page.getByRole('heading', { name: `个案：${PERSON}`, level: 1 }).waitFor();
    await j.page.getByText('建立日常照料安排').first().waitFor();
    await looksRight('c5-case-lead-390');
    await j.page.getByRole('button', { name: '批准服务计划' }).click();
    await j.page.getByRole('button', { name: /^确\s*定$/ }).click();
    await j.page
      .locator('main .ant-tag')
      .filter({ hasText: /^介入$/ })
      .waitFor();

    await j.loginAs('zhang.xm', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/cases`);
    await j.page.getByRole('link', { name: PERSON }).click();
    await j.page
      .locator('main .ant-tag')
      .filter({ hasText: /^介入$/ })
      .waitFor();
    await j.page.getByRole('button', { name: '记录服务' }).waitFor();
    await j.page.getByText('批准服务计划').first().waitFor(); // the timeline
    await looksRight('c6-case-intervention-390');
  });
});
