import { CONTRACT_TERMS } from '@shegong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';

/** Defects 3 and 13, and the rules the review found too loose: R-STAFF-1 and R-STAFF-3. */
let t: TestApp;
let county: Session;
let org: Session;
let ids: Record<string, string>;
const PERSON = makeCitizenId('19950312', 122);
const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));

beforeAll(async () => {
  t = await createTestApp({ today: '2026-06-15' });
  ({ county, org, ids } = await contractFixture(t, 91));
  // A second contract of the same organisation, for 文留镇, so the worker could be placed at either station.
  const p = (
    await t.call(county, 'POST', '/api/v1/procurements', {
      countyCode: DIV.puyangCounty,
      title: '文留镇社工站项目',
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [ids.wenliu],
      publishedOn: '2026-01-05',
    })
  ).json();
  await t.call(county, 'POST', `/api/v1/procurements/${p.id}/award`, {
    organisationId: ids.org,
    amount: 400000,
    awardedOn: '2026-01-10',
  });
  expect(
    (
      await t.call(county, 'POST', '/api/v1/contracts', {
        procurementId: p.id,
        title: '文留镇社工站合同',
        signedOn: '2026-01-20',
        cycleStart: '2026-02-01',
        terms,
        firstAgreement: { amount: 400000 },
      })
    ).statusCode,
  ).toBe(201);
  const w = await t.call(org, 'POST', '/api/v1/workers', {
    name: '张晓梅',
    idNumber: PERSON,
    education: 'bachelor',
    major: '行政管理',
    socialWorkMajor: false,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  expect(w.statusCode).toBe(201);
  ids.worker = w.json().id;
});
afterAll(() => t?.close());

describe('R-STAFF-1: one roster and one station at a time', () => {
  it('a person on one organisation roster cannot be registered by another', async () => {
    const other = await orgAdmin(t, 'other91.hr', ids.other);
    const r = await t.call(other, 'POST', '/api/v1/workers', {
      name: '张晓梅',
      idNumber: PERSON,
      education: 'bachelor',
      hireDate: '2026-04-01',
      role: 'resident',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.idNumber).toContain('其他承接机构的名册');
  });

  it('a resident worker at one station is refused a second open assignment, and counts once', async () => {
    expect(
      (
        await t.call(org, 'POST', `/api/v1/workers/${ids.worker}/assignments`, {
          stationId: ids.liutun,
          startOn: '2026-03-01',
        })
      ).statusCode,
    ).toBe(200);
    const second = await t.call(org, 'POST', `/api/v1/workers/${ids.worker}/assignments`, {
      stationId: ids.wenliu,
      startOn: '2026-06-01',
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().details.fieldErrors.stationId).toContain('同一时间只驻一个社工站');
    const staffed = async (id: string) =>
      (await t.call(county, 'GET', `/api/v1/stations/${id}`)).json().residentWorkers;
    expect([await staffed(ids.liutun), await staffed(ids.wenliu)]).toEqual([1, 0]);
    const a = (await t.call(org, 'GET', `/api/v1/workers/${ids.worker}`)).json().assignments[0];
    await t.call(org, 'POST', `/api/v1/workers/${ids.worker}/assignments/${a.id}/end`, { endOn: '2026-05-31' });
    expect(
      (
        await t.call(org, 'POST', `/api/v1/workers/${ids.worker}/assignments`, {
          stationId: ids.wenliu,
          startOn: '2026-06-01',
        })
      ).statusCode,
    ).toBe(200);
    expect([await staffed(ids.liutun), await staffed(ids.wenliu)]).toEqual([0, 1]);
  });
});

describe("R-STAFF-3: a contractor's training counts once an officer confirms its organiser", () => {
  it('hours wait for confirmation; a corrected level does not count; a confirmed one does', async () => {
    const record = async (title: string) =>
      (
        await t.call(org, 'POST', '/api/v1/trainings', {
          title,
          organiser: '濮阳县民政局',
          organiserLevel: 'county_civil_affairs',
          startOn: '2026-04-01',
          endOn: '2026-04-10',
          hours: 60,
          workerIds: [ids.worker],
        })
      ).json();
    const own = await record('机构内部培训');
    expect(own).toMatchObject({ organiserConfirmed: false, abilities: { confirm: false } });
    const qualified = async () =>
      (await t.call(org, 'GET', `/api/v1/workers/${ids.worker}`)).json().qualification.qualified;
    expect(await qualified()).toBe(false);
    expect(
      (await t.call(org, 'POST', `/api/v1/trainings/${own.id}/confirm`, { organiserLevel: 'county_civil_affairs' }))
        .statusCode,
    ).toBe(403);
    const elsewhere = (await t.as('county_officer', DIV.qingfeng)).session;
    expect(
      (
        await t.call(elsewhere, 'POST', `/api/v1/trainings/${own.id}/confirm`, {
          organiserLevel: 'county_civil_affairs',
        })
      ).statusCode,
    ).toBe(404);
    const listed = (await t.call(county, 'GET', '/api/v1/trainings'))
      .json()
      .items.find((x: { id: string }) => x.id === own.id);
    expect(listed.abilities.confirm).toBe(true);
    // The officer finds it was the contractor's own course and says so: the hours still do not count.
    const corrected = await t.call(county, 'POST', `/api/v1/trainings/${own.id}/confirm`, { organiserLevel: 'other' });
    expect(corrected.json()).toMatchObject({ organiserConfirmed: true, organiserLevel: 'other', qualifying: false });
    expect(await qualified()).toBe(false);
    const real = await record('县民政局集中培训');
    await t.call(county, 'POST', `/api/v1/trainings/${real.id}/confirm`, { organiserLevel: 'county_civil_affairs' });
    expect(await qualified()).toBe(true);
    expect(
      (await t.call(county, 'POST', `/api/v1/trainings/${real.id}/confirm`, { organiserLevel: 'county_civil_affairs' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('one login per roster record', () => {
  it('eight requests at once to open a login for the same worker open exactly one', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.call(org, 'POST', `/api/v1/workers/${ids.worker}/account`, {
          username: `race.sw${i}`,
          password: 'Worker-Pass-01',
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode).filter((c) => c === 201)).toHaveLength(1);
    expect(answers.every((r) => r.statusCode === 201 || r.statusCode === 400)).toBe(true);
  });
});

describe('hiring exceptions stay within the unit (defect 3)', () => {
  it("another county's officer answers the same for this county's contractor as for a missing one", async () => {
    const body = (organisationId: string) => ({
      organisationId,
      idNumber: makeCitizenId('19700101', 11),
      reason: '经县局研究同意聘用',
    });
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    const foreign = await t.call(qf, 'POST', '/api/v1/hiring-exceptions', body(ids.org));
    const missing = await t.call(qf, 'POST', '/api/v1/hiring-exceptions', body('00000000-0000-4000-8000-000000000000'));
    expect([foreign.statusCode, missing.statusCode]).toEqual([400, 400]);
    expect(foreign.json()).toEqual(missing.json());
    expect((await t.call(county, 'POST', '/api/v1/hiring-exceptions', body(ids.org))).statusCode).toBe(201);
  });
});

describe("a worker's unit is derived from today's assignment when read, never left stale", () => {
  it('a city-registered contractor’s worker is the county’s from the day the assignment starts until the day after it ends', async () => {
    const city = (await t.as('city_admin', DIV.city)).session;
    const orgC = (
      await t.call(city, 'POST', '/api/v1/organisations', {
        name: '濮阳市众仁社会工作服务中心',
        creditCode: '52410900MJY6000015',
        creditCodeReason: '测试用代码',
        type: 'social_work_agency',
        socialWorkInScope: true,
        local: true,
        divisionCode: DIV.city,
      })
    ).json().id;
    const p = (
      await t.call(county, 'POST', '/api/v1/procurements', {
        countyCode: DIV.puyangCounty,
        title: '文留镇社工站补充项目',
        serviceContent: '服务',
        serviceStandards: '标准',
        requirements: '要求',
        method: 'public_tender',
        bidderConditions: '条件',
        stationIds: [ids.wenliu],
        publishedOn: '2026-02-01',
      })
    ).json();
    await t.call(county, 'POST', `/api/v1/procurements/${p.id}/award`, {
      organisationId: orgC,
      amount: 300000,
      awardedOn: '2026-02-10',
    });
    expect(
      (
        await t.call(county, 'POST', '/api/v1/contracts', {
          procurementId: p.id,
          title: '文留镇补充合同',
          signedOn: '2026-02-20',
          cycleStart: '2026-03-01',
          terms,
          firstAgreement: { amount: 300000 },
        })
      ).statusCode,
    ).toBe(201);
    await t.call(city, 'POST', '/api/v1/users', {
      username: 'orgc.hr',
      displayName: '众仁人事',
      role: 'org_admin',
      divisionCode: DIV.city,
      organisationId: orgC,
      password: 'Org-C-Admin-1',
    });
    const first = await t.login('orgc.hr', 'Org-C-Admin-1');
    await t.call(first, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Org-C-Admin-1',
      newPassword: 'Org-C-Admin-2',
    });
    const orgSession = () => t.login('orgc.hr', 'Org-C-Admin-2');
    let c = await orgSession();
    const w = (
      await t.call(c, 'POST', '/api/v1/workers', {
        name: '孙丽',
        idNumber: makeCitizenId('19970101', 162),
        education: 'bachelor',
        socialWorkMajor: true,
        hireDate: '2026-06-01',
        role: 'resident',
      })
    ).json();
    expect(
      (await t.call(c, 'POST', `/api/v1/workers/${w.id}/assignments`, { stationId: ids.wenliu, startOn: '2026-06-20' }))
        .statusCode,
    ).toBe(200);
    const seenByCounty = async () =>
      (
        await t.call(
          await t.login((await t.as('county_officer', DIV.puyangCounty)).user.username),
          'GET',
          `/api/v1/workers/${w.id}`,
        )
      ).statusCode;

    expect(await seenByCounty()).toBe(404); // 2026-06-15: not yet at the station, counted with the city-level employer
    t.clock.set('2026-06-21');
    expect(await seenByCounty()).toBe(200);
    c = await orgSession();
    const a = (await t.call(c, 'GET', `/api/v1/workers/${w.id}`)).json().assignments[0];
    expect(
      (await t.call(c, 'POST', `/api/v1/workers/${w.id}/assignments/${a.id}/end`, { endOn: '2026-06-22' })).statusCode,
    ).toBe(200);
    expect(await seenByCounty()).toBe(200); // ends tomorrow: still the county's today
    t.clock.set('2026-06-23');
    expect(await seenByCounty()).toBe(404);
  });
});
