import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** GB/T 37668-2019 asks for WCAG 2.0 AA; the 2.1 A/AA rules (reflow, orientation, autocomplete) are met as well. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failing element of one rule, as a line a failed test can show. */
export interface AxeProblem {
  rule: string;
  impact: string | null;
  help: string;
  target: string;
  summary: string;
}

/**
 * Runs axe-core on the page as it is now and returns every WCAG 2 A/AA violation, one entry per failing element,
 * so `expect(await axeProblems(page)).toEqual([])` prints what failed, where and why. The script goes in through the
 * DevTools protocol (page.evaluate), not a <script> tag: the server's CSP allows only its own scripts, as it should.
 */
export async function axeProblems(page: Page, tags: string[] = WCAG_TAGS): Promise<AxeProblem[]> {
  await settled(page);
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    await page.evaluate<void>(`${AXE_SOURCE}\n;undefined`);
  }
  return page.evaluate<AxeProblem[]>(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => ({
        rule: v.id,
        impact: v.impact ?? null,
        help: v.help,
        target: n.target.join(' '),
        summary: (n.failureSummary ?? '').replace(/\\s+/g, ' ').trim(),
      }))))`,
  );
}

/**
 * Waits (up to 3 s) until no finite CSS animation or transition is running: a select list, date panel or toast that is
 * fading out is judged by axe mid-way (a nameless listbox, half-transparent text) — the flakes CI met again and again.
 * Endless animations (spinners) are not waited for.
 */
async function settled(page: Page) {
  // Polled with page.evaluate (the DevTools protocol), like axe itself: the server's CSP forbids string evaluation.
  const busy = `document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)`;
  for (let i = 0; i < 30 && (await page.evaluate<boolean>(busy)); i++) await page.waitForTimeout(100);
}
