import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { buildApp } from '../../app';
import { createTestDatabase } from '../../test-support/test-db';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { makePng, multipart } from '../../test-support/images';
import { files } from '../files/files.table';
import { stations } from '../../modules/stations/stations.table';
import { organisations } from '../../modules/organisations/organisations.table';

/** Defects 4, 7, 8, 9 and 10 of the access review: hostile text, forged addresses, races, a database that is down. */
let t: TestApp;
let county: Session;
let station: string;

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  station = (await t.call(county, 'POST', '/api/v1/stations', stationBody(DIV.liutun))).json().id;
});
afterAll(() => t?.close());

const rowCount = async () => (await t.db.select({ n: count() }).from(stations))[0].n;

describe('one text rule for the whole API (defect 4)', () => {
  it.each([
    ['NUL in a JSON string', { address: '柳屯镇\u0000政府院内' }, '控制字符'],
    ['a lone surrogate', { address: '地址\ud800' }, '不完整'],
    ['a right-to-left override', { address: '合同\u202efdp.exe' }, '显示方向'],
    ['a zero-width space', { address: '柳屯\u200b镇' }, '零宽度'],
  ])('%s is refused with a Chinese field error and nothing changes', async (_name, patch, words) => {
    const r = await t.call(county, 'PATCH', `/api/v1/stations/${station}`, { version: 1, ...patch });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: { address: expect.stringContaining(words) } },
    });
    expect(r.json().message).toContain('「地址」');
    expect((await t.call(county, 'GET', `/api/v1/stations/${station}`)).json()).toMatchObject({
      version: 1,
      address: '',
    });
  });

  it('a lone surrogate in a title, a NUL in a nested field and in a query string are 400, never 500', async () => {
    const before = await rowCount();
    const title = await t.call(county, 'POST', '/api/v1/purchase-plans', {
      countyCode: DIV.puyangCounty,
      year: 2026,
      title: '计划\udc00',
    });
    expect(title.statusCode).toBe(400);
    expect(title.json().details.fieldErrors.title).toContain('不完整');
    const nested = await t.call(
      county,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.wenliu, { site: { officeNote: 'a\u0000' } }),
    );
    expect(nested.statusCode).toBe(400);
    const query = await t.call(county, 'GET', `/api/v1/stations?q=${encodeURIComponent('柳\u0000')}`);
    expect(query.statusCode).toBe(400);
    expect(query.json().details.fieldErrors.q).toContain('控制字符');
    expect(await rowCount()).toBe(before);
  });

  it('an upload whose file name hides its type or holds a NUL is refused and leaves no file on disk', async () => {
    const fileRows = async () => (await t.db.select({ n: count() }).from(files))[0].n;
    const before = { rows: await fileRows(), disk: await t.storage.count() };
    for (const name of ['标牌\u202egnp.exe', '标牌\u0000.png']) {
      const mp = multipart('file', name, 'image/png', makePng());
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/stations/${station}/signage`,
        headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': mp.contentType },
        payload: mp.payload,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().details.fieldErrors.fileName).toBeTruthy();
    }
    expect({ rows: await fileRows(), disk: await t.storage.count() }).toEqual(before);
  });
});

describe('client address (defect 7)', () => {
  it('X-Forwarded-For is ignored unless TRUST_PROXY names the proxy', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'nobody-forged', password: 'x1234567890' },
    });
    const audit = await t.db.query.auditEvents.findFirst({ where: (e, { eq }) => eq(e.username, 'nobody-forged') });
    expect(audit?.ip).toBe('127.0.0.1');

    const database = await createTestDatabase();
    const trusting = await buildApp({ db: database.db, dataDir: t.dataDir, trustProxy: ['127.0.0.1'], clock: t.clock });
    try {
      await trusting.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username: 'via-proxy', password: 'x1234567890' },
      });
      const row = await database.db.query.auditEvents.findFirst({ where: (e, { eq }) => eq(e.username, 'via-proxy') });
      expect(row?.ip).toBe('203.0.113.9');
    } finally {
      await trusting.close();
      await database.close();
    }
  });
});

describe('duplicates that race (defect 8)', () => {
  it('identical creates sent at once give one 201 and otherwise 409 in Chinese, never 500', async () => {
    const body = {
      name: '并发登记测试社工服务中心',
      creditCode: makeCreditCode(91),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.call(county, 'POST', '/api/v1/organisations', body)),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => c === 201 || c === 400 || c === 409)).toBe(true);
    for (const r of answers.filter((x) => x.statusCode !== 201)) expect(r.json().message).toMatch(/已登记|已存在/);
    expect((await t.db.select({ n: count() }).from(organisations))[0].n).toBe(1);
    const users = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.call(county, 'POST', '/api/v1/county-centres', {
          countyCode: DIV.puyangCounty,
          name: '濮阳县社会工作服务中心',
          status: 'planned',
        }),
      ),
    );
    expect(users.map((r) => r.statusCode).filter((c) => c === 201)).toHaveLength(1);
    expect(users.every((r) => r.statusCode < 500)).toBe(true);
  });
});

describe('database down (defect 9) and caching (defect 10)', () => {
  it('health says 503 and db: false, and API calls answer 503 in Chinese', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, dataDir: t.dataDir, clock: t.clock });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', db: true });
    await database.close();
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', db: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x1234567890' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().message).toContain('数据库暂时无法连接');
    await app.close();
  });

  it('answers of the API are not cached; public pages may be', async () => {
    const r = await t.call(county, 'GET', `/api/v1/stations/${station}`);
    expect(r.headers['cache-control']).toBe('no-store');
    expect((await t.call(null, 'GET', '/api/v1/public/stations')).headers['cache-control']).not.toBe('no-store');
  });
});

describe('what a hostile-input hunt found (second pass)', () => {
  it('a body nested thousands deep is refused with 400 before anything else, even without a session', async () => {
    const deep = `${'['.repeat(7000)}"x"${']'.repeat(7000)}`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: `{"username":${deep},"password":"x"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('嵌套层级');
  });

  it('a malformed multipart upload is 400 and stores nothing', async () => {
    const before = await t.storage.count();
    for (const [type, body] of [
      ['multipart/form-data', 'no boundary'],
      [
        'multipart/form-data; boundary=abc',
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\npartial',
      ],
    ]) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/stations/${station}/signage`,
        headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': type },
        payload: body,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await t.storage.count()).toBe(before);
  });

  it('who may call is settled before the body is judged: no session is 401, a wrong CSRF token 403', async () => {
    expect((await t.call(null, 'POST', '/api/v1/users', {})).statusCode).toBe(401);
    const badCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { cookie: county.cookie, 'x-csrf-token': 'wrong' },
      payload: {},
    });
    expect(badCsrf.statusCode).toBe(403);
  });

  it('an implausible year is refused at the door (a typo of 0202 for 2025 would break every deadline later)', async () => {
    const r = await t.call(county, 'PATCH', `/api/v1/stations/${station}`, {
      version: 1,
      status: 'building',
      buildingStartedOn: '0202-05-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.buildingStartedOn).toContain('1900 年至 2100 年');
  });

  it('framework errors before routing are Chinese JSON and do not echo the path', async () => {
    const long = await t.call(county, 'GET', `/api/v1/users/${'a'.repeat(150)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().message).toBe('请求地址中的编号过长');
    expect(long.body).not.toContain('aaaa');
    const bad = await t.call(county, 'GET', '/api/v1/stations/%zz');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请求地址格式不正确');
  });

  it('a request id that does not look like one is replaced, never stored', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-request-id': '<img src=x onerror=alert(1)>' },
      payload: { username: 'reqid-probe', password: 'x1234567890' },
    });
    const row = await t.db.query.auditEvents.findFirst({ where: (e, { eq }) => eq(e.username, 'reqid-probe') });
    expect(row?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
