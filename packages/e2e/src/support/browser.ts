import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../screenshots');
export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

export async function shot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** True when Chinese renders as real glyphs: two different CJK strings must draw different pixels (no tofu). */
export async function cjkRenders(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const draw = (t) => { const c = document.createElement('canvas'); c.width = 80; c.height = 30; const x = c.getContext('2d'); x.font = '20px sans-serif'; x.fillText(t, 2, 22); return c.toDataURL(); };
    return draw('社工站') !== draw('服务室');
  })()`);
}

/** No sideways scrolling at phone width. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1');
}

/**
 * Picks an option in an antd Select found by its form label, inside `scope` (a page or a dialog), and waits until the
 * select shows it; options that load late (a query still running) get one more try. `typed` is what goes into the
 * search box when it is not the option's text (pickers that search on the server, by name, show more than the name).
 */
export async function pick(page: Page, label: string, option: string, scope: Page | Locator = page, typed = option) {
  const input = scope.getByLabel(label, { exact: true });
  const wrapper = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    await wrapper.click();
    if ((await input.getAttribute('readonly')) === null) await input.fill(typed);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .first()
      .click();
    try {
      await wrapper.locator(`[title="${option}"]`).first().waitFor({ timeout: 3000 });
      return;
    } catch (e) {
      if (attempt >= 2) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Types a date into an antd DatePicker found by its form label. */
export async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  // Enter would also submit the surrounding form; leaving the field commits the typed date.
  await input.press('Tab');
}
