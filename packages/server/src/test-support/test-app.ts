import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ROLE_LEVEL, type Role } from '@shegong/shared';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { hashPassword } from '../platform/auth/passwords';
import { users } from '../modules/users/users.table';
import { fixedClock } from '../platform/clock';
import { createFileStorage } from '../platform/files/file-storage';
import { CITY_CODE } from '../modules/divisions';
import { createTestDatabase } from './test-db';

export const TEST_PASSWORD = 'Passw0rd-Test';
let hashed: Promise<string> | undefined;

/** Well-known divisions of the real reference data used across tests. */
export const DIV = {
  city: CITY_CODE,
  puyangCounty: '410928000000', // 濮阳县
  qingfeng: '410922000000', // 清丰县
  liutun: '410928101000', // 濮阳县 柳屯镇
  wenliu: '410928102000', // 濮阳县 文留镇
  chengguanQF: '410922100000', // 清丰县 城关镇
  kaizhou: '410972062000', // 开州街道 (示范区)
};

export interface TestUser {
  id: string;
  username: string;
  role: Role;
}

export interface Session {
  cookie: string;
  csrf: string;
}

/**
 * "Today" for tests that do not pin their own date. CI runs the integration suite twice: once on this date and once
 * years ahead (SHEGONG_TEST_TODAY=2031-06-30), so a test that silently depends on the calendar fails there.
 */
export const TEST_TODAY = process.env.SHEGONG_TEST_TODAY ?? '2026-11-28';

/**
 * The real app on a fresh database, with helpers to make users and call the API as them. `today` pins the clock for
 * tests whose dates mean something relative to today (an agreement running now, a deadline at risk); `t.clock.set`
 * moves it during a test.
 */
export async function createTestApp(opts: { today?: string } = {}) {
  let queries = 0;
  const database: Database = await createTestDatabase(() => queries++);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shegong-test-'));
  const clock = fixedClock(opts.today ?? TEST_TODAY);
  const app: FastifyInstance = await buildApp({ db: database.db, dataDir, clock });
  let seq = 0;

  async function divisionPath(code: string) {
    const res = await app.inject({ method: 'GET', url: '/api/v1/divisions' });
    const all = res.json().items as { code: string; parentCode: string | null }[];
    const chain: string[] = [];
    let cur: string | null = code;
    while (cur) {
      chain.unshift(cur);
      cur = all.find((d) => d.code === cur)?.parentCode ?? null;
    }
    return `/${chain.join('/')}/`;
  }

  /** Inserts a user directly (password already changed), as a fixture. */
  async function makeUser(
    role: Role,
    divisionCode: string,
    opts: { mustChangePassword?: boolean; organisationId?: string } = {},
  ): Promise<TestUser> {
    hashed ??= hashPassword(TEST_PASSWORD);
    const username = `${role.replace('_', '')}${++seq}`;
    if (ROLE_LEVEL[role] === 'city' && divisionCode !== CITY_CODE) throw new Error('city roles sit at the city');
    const [u] = await database.db
      .insert(users)
      .values({
        username,
        displayName: `测试${seq}`,
        role,
        divisionCode,
        divisionPath: await divisionPath(divisionCode),
        passwordHash: await hashed,
        mustChangePassword: opts.mustChangePassword ?? false,
        organisationId: opts.organisationId ?? null,
      })
      .returning();
    return { id: u.id, username, role };
  }

  async function login(username: string, password = TEST_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return { cookie: sessionCookie(res), csrf: res.json().csrfToken };
  }

  async function as(role: Role, divisionCode: string) {
    const u = await makeUser(role, divisionCode);
    return { user: u, session: await login(u.username) };
  }

  function call(
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (s) {
      headers.cookie = s.cookie;
      headers['x-csrf-token'] = s.csrf;
    }
    return app.inject({ method, url, headers, payload: payload as never });
  }

  return {
    app,
    clock,
    dataDir,
    /** The app's file storage, to prove that refused uploads leave nothing on disk. */
    storage: createFileStorage(dataDir),
    db: database.db,
    driver: database.driver,
    makeUser,
    login,
    /** Runs `fn` and answers how many SQL statements it sent (sessions and audit included), for N+1 tests. */
    async countQueries(fn: () => Promise<unknown>): Promise<number> {
      const before = queries;
      await fn();
      return queries - before;
    },
    as,
    call,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'sg_session');
  if (!c) throw new Error('no session cookie');
  return `sg_session=${c.value}`;
}

/** A minimal valid station body for a township. */
export function stationBody(townshipCode: string, extra: Record<string, unknown> = {}) {
  return { townshipCode, batchYear: 2021, status: 'planned', ...extra };
}
