import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIV, sessionCookie, type Session, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let city: Session;
beforeAll(async () => {
  t = await createTestApp();
  city = (await t.as('city_admin', DIV.city)).session;
});
afterAll(() => t?.close());

describe('user administration', () => {
  it('the city creates a county officer who must change the initial password', async () => {
    const r = await t.call(city, 'POST', '/api/v1/users', {
      username: 'py.officer',
      displayName: '张三',
      role: 'county_officer',
      divisionCode: DIV.puyangCounty,
      password: 'Initial12345',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      username: 'py.officer',
      divisionName: '濮阳县',
      mustChangePassword: true,
      version: 1,
    });
    expect(JSON.stringify(r.json())).not.toMatch(/argon2|passwordHash/);
    const login = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'py.officer',
      password: 'Initial12345',
    });
    expect(login.json().mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username, a role at the wrong level and a weak password', async () => {
    const dup = await t.call(city, 'POST', '/api/v1/users', {
      username: 'py.officer',
      displayName: '重复',
      role: 'county_officer',
      divisionCode: DIV.puyangCounty,
      password: 'Initial12345',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details.fieldErrors.username).toBeTruthy();
    const level = await t.call(city, 'POST', '/api/v1/users', {
      username: 'wrong.level',
      displayName: '层级',
      role: 'township_liaison',
      divisionCode: DIV.puyangCounty,
      password: 'Initial12345',
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().details.fieldErrors.divisionCode).toContain('乡镇（街道）');
    const weak = await t.call(city, 'POST', '/api/v1/users', {
      username: 'weak.pw',
      displayName: '弱',
      role: 'county_officer',
      divisionCode: DIV.puyangCounty,
      password: 'onlyletters',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('密码');
  });

  it('disabling a user ends its sessions and refuses its login; a reset forces a new password', async () => {
    const u = await t.makeUser('county_officer', DIV.qingfeng);
    const s = await t.login(u.username);
    const off = await t.call(city, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, status: 'disabled' });
    expect(off.statusCode).toBe(200);
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: 'Passw0rd-Test' });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    const on = await t.call(city, 'PATCH', `/api/v1/users/${u.id}`, {
      version: 2,
      status: 'active',
      password: 'Reset123456',
    });
    expect(on.statusCode).toBe(200);
    const relog = await t.call(null, 'POST', '/api/v1/auth/login', { username: u.username, password: 'Reset123456' });
    expect(relog.json().mustChangePassword).toBe(true);
    expect(sessionCookie(relog)).toMatch(/^sg_session=/);
  });

  it('a stale version gets 409; an administrator cannot disable itself', async () => {
    const u = await t.makeUser('county_officer', DIV.qingfeng);
    expect((await t.call(city, 'PATCH', `/api/v1/users/${u.id}`, { version: 7, displayName: 'x' })).statusCode).toBe(
      409,
    );
    const me = (await t.call(city, 'GET', '/api/v1/auth/me')).json().user.id;
    const self = await t.call(city, 'PATCH', `/api/v1/users/${me}`, { version: 1, status: 'disabled' });
    expect(self.statusCode).toBe(400);
  });

  it('lists users with filters and paging', async () => {
    const r = await t.call(city, 'GET', `/api/v1/users?role=county_officer&page=1&pageSize=2`);
    expect(r.json().items.length).toBeLessThanOrEqual(2);
    expect(r.json().total).toBeGreaterThanOrEqual(3);
  });
});
