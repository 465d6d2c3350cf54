import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePng } from '../../server/src/test-support/images';
import { cjkRenders, DESKTOP, fitsWidth, PHONE, pick, pickDate, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * The foundation journey in real Chromium against the real server on a fresh embedded database:
 * admin's first login and password change → creates a county officer → the officer logs in, registers a
 * station with its checklist and photo, sees its findings and the progress table change → the public
 * directory lists it. Screenshots at desktop and phone width go to packages/e2e/screenshots/.
 */
const ADMIN_INITIAL = 'Initial-Admin-2026';
const ADMIN_NEW = 'Admin-Changed-2026';
const OFFICER_INITIAL = 'Officer-Start-01';
const OFFICER_NEW = 'Officer-Changed-02';

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: ADMIN_INITIAL });

async function login(username: string, password: string) {
  await j.page.goto(`${j.server.url}/login`);
  await j.page.getByLabel('用户名').fill(username);
  await j.page.getByLabel('密码').fill(password);
  await j.page.getByRole('button', { name: /登\s*录/ }).click();
}

async function changePassword(current: string, next: string) {
  await j.page.getByText('首次登录或密码已被重置，请先设置新密码').waitFor();
  await j.page.getByLabel('当前密码').fill(current);
  await j.page.getByLabel('新密码', { exact: true }).fill(next);
  await j.page.getByLabel('确认新密码').fill(next);
  await j.page.getByRole('button', { name: '保存新密码' }).click();
  await j.page.getByRole('heading', { name: '工作台' }).waitFor();
}

async function logout() {
  await j.page.locator('header').getByRole('button').last().hover();
  await j.page.getByText('退出登录').click();
  await j.page.getByRole('button', { name: /登\s*录/ }).waitFor();
}

describe('foundation journey', () => {
  it('the login page is Chinese, renders real glyphs and fits a phone', async () => {
    await j.page.goto(j.server.url);
    await j.page.waitForURL(/\/login$/);
    // The login page is its own chunk: wait for the form, not just the address.
    await j.page.getByLabel('用户名').waitFor();
    expect(await cjkRenders(j.page)).toBe(true);
    await shot(j.page, '01-login-desktop');
    await j.page.setViewportSize(PHONE);
    expect(await fitsWidth(j.page)).toBe(true);
    await shot(j.page, '01-login-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('a wrong password is refused with a Chinese message', async () => {
    await login('admin', 'wrong-password-1');
    await expect(j.page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
  });

  it('admin logs in with the initial password and must change it first', async () => {
    await login('admin', ADMIN_INITIAL);
    await j.page.waitForURL(/change-password/);
    await j.page.getByText('首次登录或密码已被重置，请先设置新密码').waitFor();
    await shot(j.page, '02-change-password');
    await changePassword(ADMIN_INITIAL, ADMIN_NEW);
  });

  it('admin creates a county officer for 濮阳县', async () => {
    await j.page.getByRole('menuitem', { name: '用户管理' }).click();
    await j.page.getByRole('button', { name: '新增用户' }).click();
    const dialog = j.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('py.officer');
    await dialog.getByLabel('姓名').fill('王晓燕');
    await pick(j.page, '角色', '县（区）民政局工作人员', dialog);
    await pick(j.page, '所属区划', '濮阳县', dialog);
    await dialog.getByLabel('初始密码').fill(OFFICER_INITIAL);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await j.page.getByRole('cell', { name: 'py.officer' }).waitFor();
    await expect(j.page.getByRole('row', { name: /py\.officer/ }).textContent()).resolves.toContain('待改密码');
    await shot(j.page, '03-users');
    await j.page.getByRole('menuitem', { name: '审计日志' }).click();
    await j.page.getByText('新增用户 py.officer').waitFor();
    await shot(j.page, '04-audit');
    await logout();
  });

  let progressBefore = '';
  it('the officer logs in, changes the password and sees its unit only in the progress table', async () => {
    await login('py.officer', OFFICER_INITIAL);
    await changePassword(OFFICER_INITIAL, OFFICER_NEW);
    await j.page.getByRole('menuitem', { name: '建设进度' }).click();
    const row = j.page.getByRole('row', { name: /^濮阳县/ });
    await row.waitFor();
    progressBefore = (await row.textContent()) ?? '';
    expect(progressBefore).toContain('0/6');
    await expect(j.page.getByRole('row', { name: /^清丰县/ }).count()).resolves.toBe(0);
  });

  let stationUrl = '';
  it('registers 柳屯镇 station with its checklist and sees its findings', async () => {
    await j.page.getByRole('menuitem', { name: /(^|\s)社工站$/ }).click();
    await j.page.getByText('尚未登记社工站，点击“登记社工站”开始').waitFor();
    await j.page.getByRole('button', { name: '登记社工站' }).click();
    await pick(j.page, '乡镇（街道）', '柳屯镇');
    await expect(j.page.getByLabel('站点名称').inputValue()).resolves.toBe('柳屯镇社会工作服务站');
    await pick(j.page, '状态', '运营中');
    await pickDate(j.page, '开工日期', '2021-05-10');
    await pickDate(j.page, '运营日期', '2021-07-01');
    await j.page.getByLabel('地址').fill('濮阳县柳屯镇政府院内东侧二楼');
    await j.page.getByLabel('联系电话').fill('0393-3211234');
    await j.page.getByLabel('开放时间').fill('周一至周五 8:30-17:30');
    await j.page.getByLabel('办公用房面积（㎡）').fill('18');
    for (const item of [
      '活动用房',
      '办公桌椅（沙发）',
      '资料（档案）柜',
      '电脑',
      '打印机（扫描仪）',
      '电话',
      '个案咨询室',
    ])
      await j.page.getByLabel(item, { exact: true }).check();
    for (const item of [
      '组织架构与内部责任分工',
      '运行流程和标准',
      '人员管理制度',
      '财务管理制度',
      '志愿者管理制度',
      '服务场所使用管理制度',
      '文书档案管理制度',
      '服务对象数据库管理制度',
      '服务承诺',
      '服务对象满意度反馈机制',
    ]) {
      await j.page.getByLabel(item, { exact: true }).check();
    }
    await shot(j.page, '05-station-form');
    await j.page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await j.page.getByRole('heading', { name: '柳屯镇社会工作服务站' }).waitFor();
    stationUrl = j.page.url();
    const alert = j.page.locator('.ant-alert').first();
    await expect(alert.textContent()).resolves.toContain('办公用房面积 18 ㎡，少于 20 ㎡');
    await expect(alert.textContent()).resolves.toContain('未上传“社会工作服务站”标牌照片');
    await expect(alert.textContent()).resolves.toContain('缺少设施设备：传真机');
    await shot(j.page, '06-station-findings');
  });

  it('uploads the signage photo; that finding clears', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-img-'));
    const file = path.join(dir, '标牌.png');
    writeFileSync(file, makePng(64, 40, [220, 40, 40]));
    await j.page.getByRole('tab', { name: '标牌照片' }).click();
    await j.page.locator('input[type=file]').setInputFiles(file);
    await j.page.getByText('标牌照片已上传').waitFor();
    await j.page.getByRole('img', { name: '标牌照片' }).waitFor();
    await expect(j.page.locator('.ant-alert').first().textContent()).resolves.not.toContain('标牌照片');
    await shot(j.page, '07-station-signage');
  });

  it('the progress table now counts the station as built', async () => {
    await j.page.getByRole('menuitem', { name: '建设进度' }).click();
    const row = j.page.getByRole('row', { name: /^濮阳县/ });
    await expect.poll(async () => row.textContent()).toContain('1/6');
    expect(await row.textContent()).not.toBe(progressBefore);
    await j.page.locator('canvas').first().waitFor();
    await shot(j.page, '08-progress');
  });

  it('the station list shows the station and its open findings; the home page links to it among its to-dos', async () => {
    await j.page.getByRole('menuitem', { name: /(^|\s)社工站$/ }).click();
    await j.page.getByRole('link', { name: '柳屯镇社会工作服务站' }).waitFor();
    await expect(j.page.getByRole('row', { name: /柳屯镇社会工作服务站/ }).textContent()).resolves.toContain(
      '4 项待处理',
    );
    await shot(j.page, '11-stations-list');
    await j.page.getByRole('menuitem', { name: '工作台' }).click();
    // The 工作台 opens with the to-dos (the station's breaches among them, linked to it), then the figures.
    await j.page.getByRole('heading', { name: /^待办事项/ }).waitFor();
    await expect(j.page.getByRole('link', { name: /社工站有不合规项/ }).textContent()).resolves.toContain(
      '柳屯镇社会工作服务站（濮阳县）',
    );
    await j.page.getByText('建设完成率').waitFor();
    await shot(j.page, '12-home');
    await j.page.setViewportSize(PHONE);
    await j.page.getByRole('button', { name: '菜单' }).waitFor();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '12-home-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('the station detail fits a phone', async () => {
    await j.page.setViewportSize(PHONE);
    await j.page.goto(stationUrl);
    await j.page.getByRole('heading', { name: '柳屯镇社会工作服务站' }).waitFor();
    await j.page.getByRole('button', { name: '菜单' }).waitFor();
    await expect.poll(() => fitsWidth(j.page)).toBe(true);
    await shot(j.page, '09-station-phone');
    await j.page.setViewportSize(DESKTOP);
  });

  it('the public directory lists the station without login', async () => {
    const anon = await j.browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
    await anon.goto(`${j.server.url}/directory`);
    await anon.getByText('柳屯镇社会工作服务站').waitFor();
    await expect(anon.getByText('0393-3211234').count()).resolves.toBe(1);
    expect(await fitsWidth(anon)).toBe(true);
    await shot(anon, '10-directory-phone');
    await anon.setViewportSize(DESKTOP);
    await shot(anon, '10-directory-desktop');
    await anon.close();
  });
});
