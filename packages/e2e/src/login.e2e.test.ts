import { describe, expect, it } from 'vitest';
import { LOCKOUT, LOGIN_RATE_LIMIT } from '@shegong/shared';
import { DESKTOP, fitsWidth, PHONE, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * Refused logins in Chromium: the login page shows the server's own Chinese message when a name is unknown (the same
 * answer as a wrong password), when the account is locked after 5 failures, and when this address has tried too often.
 */
const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' });

async function tryLogin(username: string, password: string) {
  await j.page.getByLabel('用户名').fill(username);
  await j.page.getByLabel('密码').fill(password);
  const answer = j.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await j.page.getByRole('button', { name: /登\s*录/ }).click();
  return (await answer).status();
}
const alertText = () => j.page.getByRole('alert').textContent();

describe('refused logins', () => {
  it('an unknown name gets the same Chinese answer as a wrong password', async () => {
    await j.page.goto(`${j.server.url}/login`);
    expect(await tryLogin('no.such.user', 'Wrong-Pass-01')).toBe(401);
    await expect.poll(alertText).toBe('用户名或密码错误');
    expect(await tryLogin('admin', 'Wrong-Pass-01')).toBe(401);
    await expect.poll(alertText).toBe('用户名或密码错误');
  });

  it(`after ${LOCKOUT.maxFailures} failures the account is locked, and the page says for how long`, async () => {
    const statuses: number[] = [];
    for (let i = 1; i < LOCKOUT.maxFailures; i++) statuses.push(await tryLogin('no.such.user', 'Wrong-Pass-01'));
    expect(statuses.at(-1)).toBe(423);
    await expect.poll(alertText).toMatch(/^连续输错密码 5 次，账号已锁定，请 \d+ 分钟后再试$/);
    await shot(j.page, '13-login-locked');
  });

  it('too many attempts from one address are refused with the server message, also on a phone', async () => {
    // Use up the rest of this address's attempts without the browser, then try once more in the page.
    let used = 2 + (LOCKOUT.maxFailures - 1);
    for (; used < LOGIN_RATE_LIMIT.max; used++) {
      await fetch(`${j.server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `sprayed.${used}`, password: 'Wrong-Pass-01' }),
      });
    }
    await j.page.setViewportSize(PHONE);
    expect(await tryLogin('admin', 'Initial-Admin-2026')).toBe(429);
    await expect.poll(alertText).toMatch(/^登录尝试过于频繁，请 \d+ 分钟后再试$/);
    expect(await fitsWidth(j.page)).toBe(true);
    await shot(j.page, '14-login-rate-limited-phone');
    await j.page.setViewportSize(DESKTOP);
  });
});
