import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS } from './support/browser';
import { apiSession } from './support/api';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 评估指标体系 (issue 13; R-EVAL-2): the city administrator opens the example the platform ships, changes the pass line
 * and one item's points together with its group's and dimension's so the sums still hold, sees the server's field error
 * on the group's points while they do not, saves, adopts the set after the confirm step and sees it 使用中; a county
 * officer reads it on a phone and may not change it.
 */
const ADMIN_PASSWORD = 'City-Admin-2026';
const OFFICER_PASSWORD = 'County-Officer-2026';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', ADMIN_PASSWORD);
  await admin.post('/api/v1/users', {
    username: 'py.officer',
    displayName: '濮阳县民政局',
    role: 'county_officer',
    divisionCode: '410928000000',
    password: 'Start-Pass-01',
  });
  await apiSession(server.url, 'py.officer', 'Start-Pass-01', OFFICER_PASSWORD);
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, {
    mustNotShow: /R-[A-Z]+-\d|draft|in_use|retired|graded|combined|deduction|purchaser|undefined|NaN/,
  });

const field = (label: string) => j.page.getByLabel(label, { exact: true });
const tag = (text: string) =>
  j.page
    .locator('main .ant-tag')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .first();

describe('the city adapts and adopts the example indicator set', () => {
  it('the city admin finds the example in the list, marked as an example draft (R-EVAL-2)', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('admin', ADMIN_PASSWORD);
    await j.page.getByRole('menuitem', { name: '评估指标体系' }).click();
    await j.page.getByRole('heading', { name: '评估指标体系', level: 1 }).waitFor();
    await tag('示例').waitFor();
    await tag('草稿').waitFor();
    await j.page.getByText('第 1 版').first().waitFor();
    await looksRight('is1-list');

    await j.page.getByRole('link', { name: '社工站项目绩效评估指标体系（示例）' }).click();
    await j.page.getByText('这是平台提供的示例指标体系').waitFor();
    await j.page.getByText('优秀：90 分及以上').waitFor();
    await j.page.getByText(/中期评估得分 × 40% \+ 末期评估得分 × 60%/).waitFor();
    await j.page.getByRole('cell', { name: '驻站社工配备（每站不少于 2 名）' }).waitFor();
    await looksRight('is2-example');
  });

  it('a sum that does not hold gets the server’s error on its field, nothing typed is lost; then it saves', async () => {
    await j.page.getByRole('button', { name: /^修\s*改$/ }).click();
    await field('合格线').fill('80');
    await field('三级指标 1.1.1 分值').fill('6');
    // The group's sum, live, beside its points.
    await j.page.getByText('三级指标合计 13 分，与分值 12 不一致').waitFor();
    await j.page.getByRole('button', { name: /保\s*存$/ }).click();
    const groupPoints = j.page
      .locator('.ant-form-item')
      .filter({ has: field('二级指标 1.1 分值') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => groupPoints.textContent()).toContain('与其三级指标分值合计 13 不一致');
    expect(await field('三级指标 1.1.1 分值').inputValue()).toBe('6');
    expect(await field('合格线').inputValue()).toBe('80');
    await looksRight('is3-field-error');
    // The whole form is long: the part around the error, as the user sees it after the page scrolled there.
    await j.page.screenshot({ path: path.join(SCREENSHOTS, 'is3b-field-error-view.png') });

    await field('二级指标 1.1 分值').fill('13');
    await field('一级指标 1 分值').fill('21');
    await j.page.getByText('二级指标合计 21 分，与分值一致').waitFor();
    await j.page.getByRole('button', { name: /保\s*存$/ }).click();
    await j.page.getByText('已保存').waitFor();
    await j.page.getByText('合格线').first().waitFor();
    await j.page.getByText('80 分（“良好”及以上为合格）').waitFor();
    await j.page.getByText('101 分').first().waitFor();
  });

  it('the city adopts it after the confirm step and sees 使用中; it is frozen', async () => {
    await j.page.getByRole('button', { name: /^启\s*用$/ }).click();
    await j.page.getByText('启用后本版本冻结，不能再修改；如需调整请新建版本', { exact: false }).waitFor();
    await j.page.getByRole('button', { name: '确定启用' }).click();
    await tag('使用中').waitFor();
    await j.page.getByText('本版本已启用并冻结').waitFor();
    expect(await j.page.getByRole('button', { name: /^修\s*改$/ }).count()).toBe(0);
    await j.page.getByRole('button', { name: '新建版本' }).waitFor();
    await looksRight('is4-in-use');

    await j.page.setViewportSize(PHONE);
    await looksRight('is5-set-phone');
  });

  it('a county officer reads the set in use on a phone and has nothing to change', async () => {
    await j.loginAs('py.officer', OFFICER_PASSWORD);
    await j.page.goto(`${j.server.url}/indicator-sets`);
    await j.page.getByRole('heading', { name: '评估指标体系', level: 1 }).waitFor();
    await tag('使用中').waitFor();
    expect(await j.page.getByRole('button', { name: '新建版本' }).count()).toBe(0);
    await looksRight('is6-list-phone');
    await j.page.getByRole('link', { name: '社工站项目绩效评估指标体系（示例）' }).click();
    await j.page.getByText('驻站社工配备（6 分）').waitFor();
    expect(await j.page.getByRole('button', { name: /^启\s*用$|^修\s*改$|新建版本/ }).count()).toBe(0);
    await looksRight('is7-set-phone-county');
  });

  it('the city makes a new version of the set in use: a draft 第 2 版 copying it, to change and adopt later', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('admin', ADMIN_PASSWORD);
    await j.page.goto(`${j.server.url}/indicator-sets`);
    await j.page.getByRole('button', { name: '新建版本' }).click();
    await j.page.getByText('第 2 版').first().waitFor();
    await tag('草稿').waitFor();
    await j.page.getByRole('button', { name: /^修\s*改$/ }).waitFor();
    await j.page.getByText('驻站社工配备').first().waitFor();
    await j.page.getByRole('link', { name: '评估指标体系' }).click();
    await j.page.getByRole('heading', { name: '评估指标体系', level: 1 }).waitFor();
    const rows = j.page.locator('main tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/第 2 版.*草稿/);
    expect(await rows.nth(1).textContent()).toMatch(/第 1 版.*使用中/);
    // A family with a draft offers no second new version.
    expect(await j.page.getByRole('button', { name: '新建版本' }).count()).toBe(0);
    await looksRight('is8-list-two-versions');
  });
});
