import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * Pages load on first visit, each from its own chunk (src/app/router.tsx): the login page fetches only what it draws;
 * a slow chunk shows 页面加载中… after a moment and a fast one shows nothing; a chunk that cannot be fetched (a deploy
 * replaced it) offers 重新加载, which recovers; unknown paths and pages the role may not open still answer in Chinese.
 */
const PW = 'Journey-Pass-2026';
const HOME_CHUNK = /\/assets\/home-page-[\w-]+\.js$/;

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

async function submitLogin(username: string) {
  await j.page.context().clearCookies();
  await j.page.goto(`${j.server.url}/login`);
  await j.page.getByLabel('用户名').fill(username);
  await j.page.getByLabel('密码').fill(PW);
  await j.page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Whether 页面加载中… was ever in the page since the last navigation (a MutationObserver installed on each load). */
const sawLoading = () => j.page.evaluate<boolean>('window.sawLoading === true');

describe('pages load on demand', () => {
  it('the login page fetches the entry and its own chunk, no other page', async () => {
    const scripts: string[] = [];
    j.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await j.page.goto(`${j.server.url}/login`);
    await j.page.getByLabel('用户名').waitFor();
    expect(scripts.some((s) => /\/assets\/login-page-/.test(s))).toBe(true);
    expect(scripts.filter((s) => /(home-page|users-page|stations-page|progress-page|progress-chart)-/.test(s))).toEqual(
      [],
    );
    j.page.removeAllListeners('request');
  });

  it('a fast page load shows no spinner; a slow one shows 页面加载中… and then the page', async () => {
    await j.page.addInitScript(`new MutationObserver(() => {
      if (document.body && document.body.textContent.includes('页面加载中')) window.sawLoading = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });`);
    await submitLogin('admin');
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
    await j.page.reload();
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await sawLoading()).toBe(false);

    await j.page.route(HOME_CHUNK, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await j.page.reload();
    await j.page.getByText('页面加载中…').waitFor();
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
    await j.page.unroute(HOME_CHUNK);
  });

  it('a page whose chunk is gone offers 重新加载 inside the shell, and reloading recovers', async () => {
    await j.page.route(HOME_CHUNK, (route) => route.abort());
    await submitLogin('admin');
    await j.page.getByText('页面加载失败').waitFor();
    await j.page.getByText('系统可能刚刚更新，或网络连接中断。请重新加载页面。').waitFor();
    // The shell loaded: the menu is there to go elsewhere.
    await j.page.getByRole('menuitem', { name: '用户管理' }).waitFor();
    await shot(j.page, '40-page-chunk-failed');
    await j.page.unroute(HOME_CHUNK);
    await j.page.getByRole('button', { name: '重新加载' }).click();
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await j.page.getByText('页面加载失败').count()).toBe(0);
  });

  it('an unknown path says 页面不存在, a page the role may not open says 无权访问', async () => {
    await j.page.goto(`${j.server.url}/no-such-page`);
    await j.page.getByText('页面不存在').waitFor();
    await submitLogin('py.officer');
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
    await j.page.goto(`${j.server.url}/users`);
    await j.page.getByText('您的角色没有访问此页面的权限').waitFor();
    await shot(j.page, '41-forbidden');
  });
});
