import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT, LOGIN_RATE_LIMIT } from '@shegong/shared';
import { createTestApp, DIV, TEST_PASSWORD, type TestApp } from '../../test-support/test-app';

/** Defect 5: unknown and existing names answer alike, and one address cannot try without limit. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password } });

describe('login answers do not reveal which accounts exist', () => {
  it('an existing and an unknown name get the same statuses and messages, attempt by attempt, lock included', async () => {
    const real = await t.makeUser('county_officer', DIV.puyangCounty);
    const answers = async (name: string, ip: string) => {
      const out: [number, string, string][] = [];
      for (let i = 0; i <= LOCKOUT.maxFailures; i++) {
        const r = await login(name, 'wrong-pass-1', ip);
        out.push([r.statusCode, r.json().code, r.json().message]);
      }
      return out;
    };
    const existing = await answers(real.username, '10.0.0.2');
    const unknown = await answers('no-such-user-7', '10.0.0.3');
    expect(unknown).toEqual(existing);
    expect(existing.slice(0, LOCKOUT.maxFailures - 1).every(([s]) => s === 401)).toBe(true);
    expect(existing[LOCKOUT.maxFailures - 1][0]).toBe(423);
    expect(existing[LOCKOUT.maxFailures][0]).toBe(423);
    // The per-account lockout stays: even the right password waits out the lock.
    expect((await login(real.username, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(423);
  });
});

describe('per-address limit', () => {
  it(`allows ${LOGIN_RATE_LIMIT.max} attempts from one address in ${LOGIN_RATE_LIMIT.minutes} minutes, then 429 in Chinese; other addresses are unaffected`, async () => {
    const u = await t.makeUser('county_officer', DIV.puyangCounty);
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++)
      expect((await login(`sprayed-${i}`, 'wrong-pass-1', '10.9.9.9')).statusCode).not.toBe(429);
    const limited = await login(u.username, TEST_PASSWORD, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/登录尝试过于频繁，请 \d+ 分钟后再试/),
    });
    expect((await login(u.username, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('attempts sent at once (the lockout cannot be outrun)', () => {
  it('thirty guesses in one burst check at most five passwords, and the account ends up locked', async () => {
    const u = await t.makeUser('county_officer', DIV.puyangCounty);
    const burst = await Promise.all([
      ...Array.from({ length: 29 }, () => login(u.username, 'wrong-pass-1', '10.1.1.1')),
      login(u.username, TEST_PASSWORD, '10.1.1.1'),
    ]);
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOCKOUT.maxFailures - 1);
    expect(codes.every((c) => c === 401 || c === 423)).toBe(true);
    expect((await login(u.username, TEST_PASSWORD, '10.1.1.2')).statusCode).toBe(423);
  });

  it('guessing the current password while changing it locks the account and ends its sessions', async () => {
    const u = await t.makeUser('county_officer', DIV.puyangCounty);
    const s = await t.login(u.username);
    const answers: number[] = [];
    for (let i = 0; i < LOCKOUT.maxFailures; i++)
      answers.push(
        (
          await t.call(s, 'POST', '/api/v1/auth/password', {
            currentPassword: `Guess-${i}-abcdef`,
            newPassword: 'Another-Pass-2026',
          })
        ).statusCode,
      );
    expect(answers).toEqual([400, 400, 400, 400, 423]);
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD, '10.1.1.3')).statusCode).toBe(423);
  });
});
