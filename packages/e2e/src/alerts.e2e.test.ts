import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { DESKTOP, PHONE } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 预警 (issue 11; R-SVC-5): the station's social worker flags suspected abuse of an elder from the person's page on her
 * phone; the county officer logs in at a desk, sees the alert on the 工作台 at once, opens it, acknowledges it, records
 * what was done and closes it. The person is registered through the API. Pinned to 2026-11-28.
 */
const TODAY = '2026-11-28';
let personId = '';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  const p = await s.social.post<{ id: string }>('/api/v1/beneficiaries', {
    stationId: s.stationId,
    name: '王秀英',
    idNumber: makeCitizenId('19480706', 171),
    village: '柳屯东村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  personId = p.id;
  await s.social.post(`/api/v1/beneficiaries/${p.id}/consents`, {
    kind: 'referral',
    decision: 'given',
    givenBy: 'self',
    scope: '同意转介申请临时救助',
    recordedOn: '2026-11-20',
  });
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|abuse|acknowledged|undefined|null|NaN/ });

describe('a worker flags suspected abuse and the county officer handles it', () => {
  it('raises the alert on the phone; the county officer sees it at login, acknowledges, acts and closes (R-SVC-5)', async () => {
    const page = j.page;
    await page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', STATION_PASSWORD);
    await page.goto(`${j.server.url}/beneficiaries/${personId}`);
    await page.getByRole('button', { name: '发出预警' }).click();
    await page.getByRole('heading', { name: '发出预警', level: 1 }).waitFor();
    await page.getByText('疑似虐待', { exact: true }).click();
    await page.getByLabel('所见情况').fill('入户时发现老人手臂有多处淤青，自述被儿子推搡');
    await looksRight('95-alert-raise-390');
    await page.getByRole('button', { name: '发出预警' }).click();
    await page.getByRole('heading', { name: '疑似虐待预警', level: 1 }).waitFor();
    await page.getByText('入户时发现老人手臂有多处淤青').waitFor();
    await looksRight('96-alert-raised-390');

    // The same visit, 资源链接: a referral for temporary assistance, the person's consent already recorded.
    await page.goto(`${j.server.url}/beneficiaries/${personId}`);
    await page.getByRole('button', { name: '转介' }).click();
    await page.getByRole('heading', { name: '登记转介', level: 1 }).waitFor();
    await page.getByLabel('转介去向').click();
    await page.getByTitle('临时救助').click();
    await page.getByLabel('对接部门或机构').fill('柳屯镇民政所');
    await page.getByRole('button', { name: '登记转介' }).click();
    await page.getByRole('heading', { name: '转介与资源链接', level: 1 }).waitFor();
    await page.getByText('柳屯镇民政所').waitFor();
    await looksRight('99-referrals-390');

    // The county officer, at a desk: the alert is on the 工作台 the moment the login lands there.
    await page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    const banner = page.getByRole('alert').filter({ hasText: '1 条预警待响应' });
    await banner.waitFor();
    await looksRight('97-alert-banner-desk');
    await banner.getByRole('link', { name: /疑似虐待：王\*英/ }).click();
    await page.getByRole('heading', { name: '疑似虐待预警', level: 1 }).waitFor();
    await page.getByText('入户时发现老人手臂有多处淤青').waitFor();
    await page.getByRole('button', { name: '响应' }).click();
    await page.getByText('处置中').first().waitFor();
    await page.getByRole('button', { name: '记录处置' }).click();
    await page.getByLabel('处置情况').fill('已联系柳屯派出所和镇妇联上门核实，老人暂住女儿家');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已联系柳屯派出所和镇妇联上门核实').waitFor();
    await page.getByRole('button', { name: '关闭预警' }).click();
    await page.getByLabel('关闭说明').fill('儿子已签订赡养承诺书，村委会每周探视');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已关闭').first().waitFor();
    await page.getByText('关闭说明：儿子已签订赡养承诺书').waitFor();
    await looksRight('98-alert-closed-desk');

    // Handled: the 工作台 no longer shows it.
    await page.goto(`${j.server.url}/`);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('region', { name: '本月服务' }).waitFor();
    expect(await page.getByText('条预警待响应').count()).toBe(0);
  });
});
