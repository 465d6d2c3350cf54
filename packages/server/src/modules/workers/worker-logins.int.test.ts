import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';

let t: TestApp;
let org: Session;
let ids: Record<string, string> = {};

beforeAll(async () => {
  // Pinned: the fixture contract runs 2026–2028; hires are dated in 2026.
  t = await createTestApp({ today: '2026-11-28' });
  ({ org, ids } = await contractFixture(t, 33));
  for (const [key, name, idNumber] of [
    ['zhang', '张晓梅', makeCitizenId('19950312', 122)],
    ['li', '李建国', makeCitizenId('19900101', 11)],
  ]) {
    const w = await t.call(org, 'POST', '/api/v1/workers', {
      name,
      idNumber,
      education: 'bachelor',
      socialWorkMajor: true,
      hireDate: '2026-03-01',
      role: 'resident',
    });
    expect(w.statusCode).toBe(201);
    ids[key] = w.json().id;
    const a = await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/assignments`, {
      stationId: ids.liutun,
      startOn: '2026-03-01',
    });
    expect(a.statusCode).toBe(200);
  }
});
afterAll(() => t?.close());

describe('social worker logins follow their assignments', () => {
  it('a worker’s login sees only the stations assigned today, and moving the worker moves the scope at once', async () => {
    const acc = await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/account`, {
      username: 'zhang.xm',
      password: 'Worker-Pass-01',
    });
    expect(acc.statusCode).toBe(201);
    expect(
      (
        await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/account`, {
          username: 'zhang.xm2',
          password: 'Worker-Pass-01',
        })
      ).statusCode,
    ).toBe(400);
    const login = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'zhang.xm',
      password: 'Worker-Pass-01',
    });
    expect(login.json()).toMatchObject({ mustChangePassword: true, user: { role: 'social_worker' } });
    const s = {
      cookie: `sg_session=${login.cookies.find((c) => c.name === 'sg_session')!.value}`,
      csrf: login.json().csrfToken,
    };
    await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Worker-Pass-01',
      newPassword: 'Worker-Pass-02',
    });
    expect((await t.call(s, 'GET', '/api/v1/stations')).json().items.map((x: { id: string }) => x.id)).toEqual([
      ids.liutun,
    ]);
    expect((await t.call(s, 'GET', `/api/v1/stations/${ids.wenliu}`)).statusCode).toBe(404);
    const colleagues = (await t.call(s, 'GET', '/api/v1/workers')).json().items;
    expect(colleagues.map((w: { name: string }) => w.name).sort()).toEqual(['张晓梅', '李建国']);
    expect(colleagues[0].idNumber).toContain('********');
    expect((await t.call(s, 'GET', '/api/v1/contracts')).statusCode).toBe(403);
    const w = (await t.call(org, 'GET', `/api/v1/workers/${ids.zhang}`)).json();
    // Ending before the start is refused and changes nothing.
    const early = await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/assignments/${w.assignments[0].id}/end`, {
      endOn: '2020-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect((await t.call(org, 'GET', `/api/v1/workers/${ids.zhang}`)).json().assignments[0].endOn).toBeNull();
    // The assignment ends yesterday: from now on the login reaches no station.
    const yesterday = addDays(t.clock.today(), -1);
    await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/assignments/${w.assignments[0].id}/end`, {
      endOn: yesterday,
    });
    expect((await t.call(s, 'GET', '/api/v1/stations')).json().items).toEqual([]);
    expect((await t.call(s, 'GET', `/api/v1/stations/${ids.liutun}`)).statusCode).toBe(404);
  });

  it('the users API cannot open a social worker login detached from a roster record', async () => {
    const city = (await t.as('city_admin', DIV.city)).session;
    const r = await t.call(city, 'POST', '/api/v1/users', {
      username: 'loose.sw',
      displayName: '游离账号',
      role: 'social_worker',
      divisionCode: DIV.city,
      organisationId: ids.org,
      password: 'Loose-Pass-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.role).toBeTruthy();
  });
});
