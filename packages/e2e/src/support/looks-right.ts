import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, type AxeProblem } from './axe';
import { cjkRenders, fitsWidth, shot } from './browser';

/**
 * antd's "…" overflow button inside a tablist too wide for a phone: antd's markup, let through as in the accessibility
 * journey; every other rule holds.
 */
const tabsOverflow = (p: AxeProblem) => p.rule === 'aria-required-children' && p.target.endsWith('.ant-tabs-nav');

/** Overlays that fade out after use: a screenshot or axe must not catch one half gone. */
const CLOSING =
  '.ant-modal-mask, .ant-popover:not(.ant-popover-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * What every journey checks of a page it reaches (brief: look at your pages): once it is quiet (no request running,
 * no overlay or toast fading), a screenshot to open, no WCAG 2 A/AA problem, Chinese drawn in a CJK font, nothing
 * wider than the screen, and none of the words the page must not show (rule ids, raw codes, field names, "undefined").
 */
export async function looksRight(page: Page, name: string, opts: { mustNotShow: RegExp; allowTabsOverflow?: boolean }) {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator(CLOSING).count()).toBe(0);
  // Toasts (已保存 …) last about three seconds; axe judged one mid-fade in CI.
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await shot(page, name);
  const problems = await axeProblems(page);
  expect(opts.allowTabsOverflow ? problems.filter((p) => !tabsOverflow(p)) : problems).toEqual([]);
  expect(await cjkRenders(page)).toBe(true);
  await expect.poll(() => fitsWidth(page)).toBe(true);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(opts.mustNotShow);
}
