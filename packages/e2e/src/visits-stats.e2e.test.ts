import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { DESKTOP, PHONE, shot } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 待走访 and 服务统计 (issue 11; R-SVC-5, R-SVC-2): the station's social worker opens the visits due on her phone (an
 * elder graded high and never visited is overdue, one visited in September is due in two days), then the county
 * officer opens the station's 服务统计 tab (figures, the chart by domain) at desktop and phone width. People, grades
 * and records are made through the API. Pinned to 2026-11-28.
 */
const TODAY = '2026-11-28';
let stationId = '';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  stationId = s.stationId;
  const person = async (name: string, seq: number, level: string, assessedOn: string) => {
    const p = await s.social.post<{ id: string }>('/api/v1/beneficiaries', {
      stationId,
      name,
      idNumber: makeCitizenId('19480706', seq),
      village: '柳屯东村',
      workerId: s.workerId,
      categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
    });
    await s.social.post(`/api/v1/beneficiaries/${p.id}/risk-assessments`, {
      level,
      reason: '独居，行动不便',
      assessedOn,
    });
    return p.id;
  };
  const record = (people: string[], servedOn: string, form: string, code: string, headCount = 0) =>
    s.social.post('/api/v1/service-records', {
      id: randomUUID(),
      stationId,
      servedOn,
      durationMinutes: 45,
      form,
      catalogueCode: code,
      beneficiaryIds: people,
      headCount,
      summary: '入户看望，了解近况',
    });
  await person('王秀英', 151, 'high', '2026-10-01');
  const medium = await person('钟玉兰', 153, 'medium', '2026-05-01');
  const low = await person('刘德胜', 155, 'low', '2026-05-01');
  await record([medium], '2026-09-01', 'home_visit', '2.3');
  await record([low], '2026-11-05', 'home_visit', '2.1');
  await record([], '2026-11-10', 'community_activity', '4.1', 30);
  await record([low, medium], '2026-11-20', 'phone_followup', '2.3');
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|home_visit|undefined|null|NaN/, allowTabsOverflow: true });

describe('待走访 on the phone and a station’s 服务统计', () => {
  it('shows a worker her visits due, overdue first, and the station’s figures to the county officer (R-SVC-5, R-SVC-2)', async () => {
    const page = j.page;
    await page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', STATION_PASSWORD);
    // 工作台: this month's service figures, the visits due among them.
    await page.getByRole('region', { name: '本月服务' }).waitFor();
    await page.getByText('待走访（已到期）').waitFor();
    await shot(page, '89-home-service-figures-390');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '待走访' }).click();
    await page.getByRole('heading', { name: '待走访', level: 1 }).waitFor();
    const rows = page.getByRole('list', { name: '待走访名单' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toMatch(/王秀英.*高风险.*逾期 58 天.*上次走访 从未/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/钟玉兰.*中风险.*2 天后到期.*上次走访 2026-09-01/);
    await page.getByText('高风险每 30 天，中风险每 90 天，低风险每 180 天').waitFor();
    await looksRight('90-visits-due-390');

    await page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await page.goto(`${j.server.url}/stations/${stationId}`);
    await page.getByRole('tab', { name: '服务统计' }).click();
    const stats = page.getByRole('region', { name: '服务统计' });
    // From January to this month: four records, 45 minutes each; four person-services of two people.
    await stats.getByText('4 条').waitFor();
    await stats.getByText('3 小时').waitFor();
    await stats.getByText('4 / 2').waitFor();
    await page.getByRole('img', { name: '按服务领域的服务记录图' }).waitFor();
    await stats.getByText('社区活动 1').waitFor();
    await looksRight('91-station-statistics');
    await page.setViewportSize(PHONE);
    await page.getByRole('img', { name: '按服务领域的服务记录图' }).waitFor();
    await looksRight('92-station-statistics-390');
  });
});
