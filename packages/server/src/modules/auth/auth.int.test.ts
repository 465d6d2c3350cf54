import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.table';
import { users } from '../users/users.table';
import { sessions } from '../../platform/auth/sessions.table';
import { createTestApp, DIV, sessionCookie, TEST_PASSWORD, type TestApp } from '../../test-support/test-app';
import { bootstrapAdmin } from './bootstrap-admin';

const silent = { info() {}, warn() {} } as never;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('first start and login', () => {
  it('creates admin once with the configured password; the first login forces a password change', async () => {
    const printed: string[] = [];
    await bootstrapAdmin({
      db: t.db,
      log: silent,
      password: 'Start12345abc',
      clock: t.clock,
      print: (l) => printed.push(l),
    });
    await bootstrapAdmin({
      db: t.db,
      log: silent,
      password: 'Other12345abc',
      clock: t.clock,
      print: (l) => printed.push(l),
    });
    expect(printed).toEqual([]);
    const login = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'Start12345abc' });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      mustChangePassword: true,
      user: { role: 'city_admin', divisionName: '濮阳市' },
    });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const s = { cookie: sessionCookie(login), csrf: login.json().csrfToken };

    const blocked = await t.call(s, 'GET', '/api/v1/stations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).json().mustChangePassword).toBe(true);

    const weak = await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Start12345abc',
      newPassword: 'short1',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fieldErrors.newPassword).toContain('10');

    const changed = await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Start12345abc',
      newPassword: 'Better12345xyz',
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.call(s, 'GET', '/api/v1/stations')).statusCode).toBe(200);
    const [admin] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('prints a generated password once when none is configured', async () => {
    // A database of its own: users are referenced by the audit trail, so they cannot be deleted to start over.
    const fresh = await createTestApp();
    try {
      const printed: string[] = [];
      await bootstrapAdmin({
        db: fresh.db,
        log: silent,
        password: undefined,
        clock: fresh.clock,
        print: (l) => printed.push(l),
      });
      const line = printed.find((l) => l.includes('初始密码'))!;
      const password = line.split('初始密码：')[1];
      expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
      const login = await fresh.call(null, 'POST', '/api/v1/auth/login', { username: 'admin', password });
      expect(login.statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('sessions, CSRF and lockout', () => {
  it('state-changing requests need the session CSRF token', async () => {
    const { session } = await t.as('county_officer', DIV.puyangCounty);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { cookie: session.cookie },
      payload: { townshipCode: DIV.liutun, batchYear: 2021, status: 'planned' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'CSRF_INVALID' });
    expect(noToken.json().message).toMatch(/CSRF/);
  });

  it('answers 401 without a session, and logout ends the session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/stations')).statusCode).toBe(401);
    const { session } = await t.as('county_officer', DIV.puyangCounty);
    expect((await t.call(session, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await t.call(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session idle for 30 minutes and any session after 12 hours', async () => {
    const a = await t.as('county_officer', DIV.puyangCounty);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: new Date(t.clock.now().getTime() - 31 * 60_000) })
      .where(eq(sessions.userId, a.user.id));
    expect((await t.call(a.session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const b = await t.as('county_officer', DIV.puyangCounty);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(t.clock.now().getTime() - 1000) })
      .where(eq(sessions.userId, b.user.id));
    expect((await t.call(b.session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('locks the account for 15 minutes after 5 wrong passwords, refusing even the right one', async () => {
    const u = await t.makeUser('county_officer', DIV.puyangCounty);
    for (let i = 1; i <= 4; i++) {
      const r = await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: 'wrong-pass-1' });
      expect(r.statusCode).toBe(401);
      expect(r.json().message).toBe('用户名或密码错误');
    }
    const fifth = await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: 'wrong-pass-1' });
    expect(fifth.statusCode).toBe(423);
    const right = await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/锁定.*15 分钟/);
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(t.clock.now().getTime() - 1000) })
      .where(eq(users.id, u.id));
    expect(
      (await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('audits logins and failed logins, including unknown users', async () => {
    await t.call(null, 'POST', '/api/v1/auth/login', { username: 'ghost', password: 'nothing123' });
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.username, 'ghost'));
    expect(rows.map((r) => r.action)).toEqual(['login_failed']);
    const logins = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'login'));
    expect(logins.length).toBeGreaterThan(0);
  });

  it('sends security headers with a content security policy', async () => {
    const r = await t.call(null, 'GET', '/api/health');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
