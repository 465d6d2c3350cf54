import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, pick, pickDate } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 立项评估（第三方）(R-EVAL-1, 《实施方案》六（六）) on the procurement page: 柳屯镇's procurement was awarded with no
 * pre-award evaluation, so the page warns (it does not refuse); the county officer records the agency's evaluation
 * of the awarded organisation, dated before the award — three aspects 合格 — and uploads the agency's report; the
 * warning goes.
 */
const TODAY = '2026-06-15';
let procurementId = '';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  const list = await s.county.get<{ items: { id: string }[] }>('/api/v1/procurements');
  procurementId = list.items[0].id;
});

const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|qualification|management|talent|true|false|undefined|NaN/ });

const card = () => j.page.locator('.ant-card').filter({ hasText: '立项评估（第三方）' }).first();

describe('立项评估（第三方）on the procurement page', () => {
  it('R-EVAL-1 warns that the awarded organisation has no pre-award evaluation; the county records one and the warning goes', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/procurements/${procurementId}`);
    await card().getByText('尚无第三方立项评估').waitFor();
    await looksRight('pa1-warning');

    await card().getByRole('button', { name: '登记立项评估' }).click();
    await pick(j.page, '被评估的机构', '濮阳县益民社会工作服务中心', j.page, '益民');
    await j.page.getByLabel('第三方评估机构').fill('濮阳市明远社会评估中心');
    await pickDate(j.page, '评估日期', '2025-12-05');
    for (const group of await card().locator('.ant-radio-group').all())
      await group.getByText('合格', { exact: true }).click();
    await j.page.getByLabel('评估结论摘要').fill('三方面均合格，同意立项');
    await looksRight('pa2-form');
    await card()
      .getByRole('button', { name: /登记立项评估$/ })
      .last()
      .click();
    await card().getByText('濮阳市明远社会评估中心').waitFor();
    await expect.poll(() => card().locator('.ant-alert-warning').count()).toBe(0);
    await expect
      .poll(() =>
        card()
          .locator('.ant-tag')
          .filter({ hasText: /^通过$/ })
          .count(),
      )
      .toBe(1);

    await card().locator('.ant-table-row-expand-icon').first().click();
    await card()
      .locator('input[type=file]')
      .setInputFiles({
        name: '立项评估报告.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n'),
      });
    await card().getByRole('link', { name: '立项评估报告.pdf' }).first().waitFor();
    await looksRight('pa3-recorded');

    await j.page.setViewportSize(PHONE);
    await j.page.reload();
    await card().getByText('濮阳市明远社会评估中心').waitFor();
    await looksRight('pa4-phone');
    await card().getByRole('button', { name: '登记立项评估' }).click();
    await j.page.getByLabel('第三方评估机构').waitFor();
    await looksRight('pa5-phone-form');
  });
});
