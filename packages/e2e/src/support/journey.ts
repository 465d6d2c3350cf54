import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, shot } from './browser';
import { startServer } from './server';

export interface Journey {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
}

/**
 * One journey per test file: a fresh server and database, Chromium with one page at desktop size, a screenshot of
 * any failed step, and everything stopped at the end. `setup` runs after the server starts, before the browser.
 */
export function useJourney(env: Record<string, string>, setup?: (server: Journey['server']) => Promise<void>): Journey {
  const j = {} as Journey;
  beforeAll(async () => {
    j.server = await startServer(env);
    await setup?.(j.server);
    j.browser = await launch();
    j.page = await j.browser.newPage({ viewport: DESKTOP, locale: 'zh-CN' });
    j.page.setDefaultTimeout(10_000);
    j.page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && j.page) await shot(j.page, `FAILED-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.stop();
  });
  return j;
}
