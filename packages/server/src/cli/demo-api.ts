import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A logged-in caller of the real API (cookie and CSRF token), as the browser holds them. */
export interface DemoSession {
  username: string;
  cookie: string;
  csrf: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * The demo builds its city through the real routes (`app.inject`), so every rule, scope check and audit line of the
 * modules applies exactly as when an officer types the same records in. A refused request stops the build with the
 * route's own Chinese message: demo data that breaks a rule is a bug of the demo, never silently kept.
 */
export function demoApi(app: FastifyInstance) {
  let logins = 0;

  function fail(what: string, res: LightMyRequestResponse): never {
    throw new Error(`演示数据生成失败：${what} → ${res.statusCode} ${res.body.slice(0, 500)}`);
  }

  async function call<T = Record<string, unknown>>(
    s: DemoSession | null,
    method: Method,
    url: string,
    payload?: unknown,
    expect = method === 'POST' && !url.includes('/auth/') ? [200, 201] : [200],
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (s) {
      headers.cookie = s.cookie;
      headers['x-csrf-token'] = s.csrf;
    }
    const res = await app.inject({ method, url, headers, payload: payload as never });
    if (!expect.includes(res.statusCode)) fail(`${s?.username ?? '匿名'} ${method} ${url}`, res);
    return res.json() as T;
  }

  /** A multipart upload (a signage photo, a contract scan) through the record's own route. */
  async function upload(s: DemoSession, url: string, mp: { payload: Buffer; contentType: string }) {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    if (res.statusCode !== 200 && res.statusCode !== 201) fail(`${s.username} 上传 ${url}`, res);
    return res.json() as Record<string, unknown>;
  }

  /**
   * Logs in as a person would. The login route allows a burst of attempts per client address; the builder signs in a
   * few dozen accounts, so each batch of 20 comes from its own loopback address (recorded as such in the audit log).
   */
  async function login(username: string, password: string): Promise<DemoSession & { mustChangePassword: boolean }> {
    const remoteAddress = `127.0.${Math.floor(logins++ / 20)}.1`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { username, password },
    });
    if (res.statusCode !== 200) fail(`登录 ${username}`, res);
    const cookie = res.cookies.find((c) => c.name === 'sg_session');
    if (!cookie) fail(`登录 ${username}（无会话）`, res);
    const body = res.json() as { csrfToken: string; mustChangePassword: boolean };
    return {
      username,
      cookie: `sg_session=${cookie.value}`,
      csrf: body.csrfToken,
      mustChangePassword: body.mustChangePassword,
    };
  }

  /** First login of an account opened with an initial password: sign in and set the password the demo prints. */
  async function firstLogin(username: string, initial: string, password: string): Promise<DemoSession> {
    const s = await login(username, initial);
    if (s.mustChangePassword)
      await call(s, 'POST', '/api/v1/auth/password', { currentPassword: initial, newPassword: password }, [200]);
    return s;
  }

  return { call, upload, login, firstLogin };
}
export type DemoApi = ReturnType<typeof demoApi>;
