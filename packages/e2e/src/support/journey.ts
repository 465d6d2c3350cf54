import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, shot } from './browser';
import { startServer } from './server';

export interface Journey {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
  /** Logs in through the login page as a user whose password is already changed, and waits for the home page. */
  loginAs(username: string, password: string): Promise<void>;
}

/**
 * One journey per test file: a fresh server and database, Chromium with one page at desktop size, a screenshot of
 * any failed step, and everything stopped at the end. `setup` runs after the server starts, before the browser.
 */
export function useJourney(env: Record<string, string>, setup?: (server: Journey['server']) => Promise<void>): Journey {
  const j = {} as Journey;
  j.loginAs = async (username, password) => {
    await j.page.context().clearCookies();
    await j.page.goto(`${j.server.url}/login`);
    await j.page.getByLabel('用户名').fill(username);
    await j.page.getByLabel('密码').fill(password);
    await j.page.getByRole('button', { name: /登\s*录/ }).click();
    await j.page.getByRole('heading', { name: '工作台' }).waitFor();
  };
  beforeAll(async () => {
    j.server = await startServer(env);
    await setup?.(j.server);
    j.browser = await launch();
    j.page = await j.browser.newPage({ viewport: DESKTOP, locale: 'zh-CN' });
    j.page.setDefaultTimeout(10_000);
    j.page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && j.page)
      await shot(j.page, `FAILED-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.stop();
  });
  return j;
}
