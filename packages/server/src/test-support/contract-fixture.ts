import { CONTRACT_TERMS } from '@shegong/shared';
import { makeCreditCode } from './credit-codes';
import { DIV, sessionCookie, stationBody, type Session, type TestApp } from './test-app';

const TERMS = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));

/** Logs in a new contractor admin of an organisation (created by a county admin), password already changed. */
export async function orgAdmin(t: TestApp, username: string, organisationId: string): Promise<Session> {
  const admin = (await t.as('county_admin', DIV.puyangCounty)).session;
  await t.call(admin, 'POST', '/api/v1/users', {
    username,
    displayName: username,
    role: 'org_admin',
    divisionCode: DIV.puyangCounty,
    organisationId,
    password: 'Org-Admin-123',
  });
  const login = await t.call(null, 'POST', '/api/v1/auth/login', { username, password: 'Org-Admin-123' });
  const s = { cookie: sessionCookie(login), csrf: login.json().csrfToken };
  await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Org-Admin-123', newPassword: 'Org-Admin-456' });
  return s;
}

/**
 * 濮阳县 with two operating stations (柳屯镇, 文留镇), a local organisation holding a live contract for 柳屯镇 from
 * 2026-01-01, a second organisation without one, and the first organisation's admin logged in.
 */
export async function contractFixture(t: TestApp, seed: number) {
  const county = (await t.as('county_officer', DIV.puyangCounty)).session;
  const ids: Record<string, string> = {};
  for (const [k, code] of [
    ['liutun', DIV.liutun],
    ['wenliu', DIV.wenliu],
  ])
    ids[k] = (
      await t.call(
        county,
        'POST',
        '/api/v1/stations',
        stationBody(code, { status: 'operating', openedOn: '2021-07-01' }),
      )
    ).json().id;
  ids.org = (
    await t.call(county, 'POST', '/api/v1/organisations', {
      name: '濮阳县益民社会工作服务中心',
      creditCode: makeCreditCode(seed),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
    })
  ).json().id;
  ids.other = (
    await t.call(county, 'POST', '/api/v1/organisations', {
      name: '另一机构',
      creditCode: makeCreditCode(seed + 1),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: DIV.puyangCounty,
    })
  ).json().id;
  const p = (
    await t.call(county, 'POST', '/api/v1/procurements', {
      countyCode: DIV.puyangCounty,
      title: '柳屯镇社工站项目',
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [ids.liutun],
      publishedOn: '2025-12-01',
    })
  ).json();
  await t.call(county, 'POST', `/api/v1/procurements/${p.id}/award`, {
    organisationId: ids.org,
    amount: 500000,
    awardedOn: '2025-12-10',
  });
  await t.call(county, 'POST', '/api/v1/contracts', {
    procurementId: p.id,
    title: '柳屯镇社工站合同',
    signedOn: '2025-12-20',
    cycleStart: '2026-01-01',
    publishedOn: '2025-12-21',
    terms: TERMS,
    firstAgreement: { amount: 500000, publishedOn: '2025-12-21' },
  });
  const org = await orgAdmin(t, `org${seed}.hr`, ids.org);
  return { county, org, ids };
}
