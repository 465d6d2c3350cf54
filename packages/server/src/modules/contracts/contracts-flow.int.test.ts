import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { CONTRACT_TERMS, type ContractTerm } from '@shegong/shared';
import {
  createTestApp,
  DIV,
  sessionCookie,
  stationBody,
  type Session,
  type TestApp,
} from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { agreements } from './contracts.table';
import { multipartWith } from '../../test-support/images';

// The contract story (R-CON-1…3) continues the purchasing story (modules/purchasing/purchasing-flow.int.test.ts):
// 濮阳县's procurement for 柳屯镇 and 文留镇 awarded on 2026-03-01 to an outside 4A organisation; 青族 has no contract.
let t: TestApp;
let county: Session;
let city: Session;
const ids: Record<string, string> = {};
const terms = Object.fromEntries(
  Object.keys(CONTRACT_TERMS).map((k) => [k, `${CONTRACT_TERMS[k as ContractTerm]}：见合同`]),
);

const orgId = async (name: string, extra: Record<string, unknown>, seed: number) =>
  (
    await t.call(county, 'POST', '/api/v1/organisations', { ...org, name, creditCode: makeCreditCode(seed), ...extra })
  ).json().id as string;
const org = { type: 'social_work_agency', socialWorkInScope: true, local: true, divisionCode: DIV.puyangCounty };

beforeAll(async () => {
  // Pinned: the story is dated 2025–2026 (awards, signing, agreement years).
  t = await createTestApp({ today: '2026-11-28' });
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  city = (await t.as('city_officer', DIV.city)).session;
  for (const [key, code] of [
    ['liutun', DIV.liutun],
    ['wenliu', DIV.wenliu],
    ['qingzu', '410928103000'],
  ]) {
    const s = stationBody(code, { status: 'operating', openedOn: '2021-07-01' });
    ids[key] = (await t.call(county, 'POST', '/api/v1/stations', s)).json().id;
  }
  ids.good = await orgId('濮阳县益民社会工作服务中心', {}, 11);
  ids.outside4A = await orgId(
    '外地优秀社会工作服务中心',
    { local: false, grade: '4A', gradeValidUntil: '2028-12-31' },
    14,
  );
  const p = await t.call(county, 'POST', '/api/v1/procurements', {
    countyCode: DIV.puyangCounty,
    title: '濮阳县社工站服务项目（一标段）',
    serviceContent: '驻站服务',
    serviceStandards: '市级标准',
    requirements: '驻站社工不少于 2 名',
    method: 'public_tender',
    bidderConditions: '业务范围含社会工作；外地机构 3A 以上',
    budget: 600000,
    stationIds: [ids.liutun, ids.wenliu],
    publishedOn: '2026-02-01',
  });
  ids.proc = p.json().id;
  const award = { organisationId: ids.outside4A, amount: '580000.50', awardedOn: '2026-03-01' };
  expect((await t.call(county, 'POST', `/api/v1/procurements/${ids.proc}/award`, award)).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('R-CON-1…3 contracts', () => {
  it('refuses a signing date before the award notice', async () => {
    const r = await t.call(county, 'POST', '/api/v1/contracts', {
      procurementId: ids.proc,
      title: '合同',
      signedOn: '2026-02-28',
      cycleStart: '2026-04-01',
      terms,
      firstAgreement: { amount: 580000 },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.signedOn).toContain('《实施方案》五（三）');
  });

  it('signs 31 days after the award: recorded, shown as a violation; unpublished agreement flagged', async () => {
    const r = await t.call(county, 'POST', '/api/v1/contracts', {
      procurementId: ids.proc,
      title: '濮阳县社工站服务合同（2026—2029）',
      signedOn: '2026-04-01',
      cycleStart: '2026-04-01',
      publishedOn: '2026-04-03',
      terms,
      firstAgreement: { amount: '580000.00' },
    });
    expect(r.statusCode).toBe(201);
    const c = r.json();
    ids.contract = c.id;
    expect(c).toMatchObject({
      purchaserName: '濮阳县民政局',
      contractorName: '外地优秀社会工作服务中心',
      cycleEnd: '2029-03-31',
      currentYearNo: 1,
    });
    expect(c.agreements).toEqual([
      expect.objectContaining({ yearNo: 1, periodStart: '2026-04-01', periodEnd: '2027-03-31', amountFen: 58000000 }),
    ]);
    const late = c.findings.find((f: { ruleId: string }) => f.ruleId === 'R-CON-1');
    expect(late.message).toContain('31 日');
    expect(c.findings.map((f: { message: string }) => f.message)).toContain('第 1 年协议尚未公告');
    const station = (await t.call(county, 'GET', `/api/v1/stations/${ids.liutun}`)).json();
    expect(station.contract).toMatchObject({ contractorName: '外地优秀社会工作服务中心', yearNo: 1 });
    expect(station.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('R-CON-2');
    const overview = (await t.call(city, 'GET', '/api/v1/contracts/compliance'))
      .json()
      .items.find((x: { countyName: string }) => x.countyName === '濮阳县');
    expect(overview).toMatchObject({ contracts: 1, lateSigning: 1, unpublished: 1, stationsWithoutContract: 1 });
  });

  it('refuses year 2 without a passed year-1 evaluation, writing nothing; allows it after', async () => {
    const before = (await t.db.select({ n: count() }).from(agreements))[0].n;
    const r = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
      yearNo: 2,
      amount: 580000,
      signedOn: '2026-11-20',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toContain('《实施方案》五（三）');
    expect((await t.db.select({ n: count() }).from(agreements))[0].n).toBe(before);
    expect(
      (
        await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
          yearNo: 2,
          amount: -1,
          signedOn: '2026-11-20',
        })
      ).statusCode,
    ).toBe(400);
    const ev = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
      yearNo: 1,
      result: 'passed',
      evaluatedOn: '2026-11-15',
      evaluator: '濮阳县民政局评估组',
    });
    expect(ev.statusCode).toBe(201);
    const y2 = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
      yearNo: 2,
      amount: '590000',
      signedOn: '2026-11-20',
    });
    expect(y2.statusCode).toBe(201);
    expect(y2.json().agreements[1]).toMatchObject({ yearNo: 2, periodStart: '2027-04-01', periodEnd: '2028-03-31' });
  });

  it('never makes a fourth agreement in a 3-year cycle', async () => {
    await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
      yearNo: 2,
      result: 'passed',
      evaluatedOn: '2026-11-21',
      evaluator: '第三方',
    });
    expect(
      (
        await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
          yearNo: 3,
          amount: 590000,
          signedOn: '2026-11-22',
        })
      ).statusCode,
    ).toBe(201);
    await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
      yearNo: 3,
      result: 'passed',
      evaluatedOn: '2026-11-23',
      evaluator: '第三方',
    });
    const fourth = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
      yearNo: 4,
      amount: 590000,
      signedOn: '2026-11-24',
    });
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().message).toContain('不能签订第 4 年协议');
  });

  it('a failed evaluation ends the contract at the end of that year and blocks renewal', async () => {
    const proc = await t.call(county, 'POST', '/api/v1/procurements', {
      countyCode: DIV.puyangCounty,
      title: '二标段',
      serviceContent: '驻站服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'competitive_consultation',
      bidderConditions: '条件',
      stationIds: [ids.qingzu],
      publishedOn: '2026-01-02',
    });
    await t.call(county, 'POST', `/api/v1/procurements/${proc.json().id}/award`, {
      organisationId: ids.good,
      amount: 300000,
      awardedOn: '2026-01-10',
    });
    const c = (
      await t.call(county, 'POST', '/api/v1/contracts', {
        procurementId: proc.json().id,
        title: '二标段合同',
        signedOn: '2026-01-20',
        cycleStart: '2026-02-01',
        publishedOn: '2026-01-21',
        terms,
        firstAgreement: { amount: 300000, publishedOn: '2026-01-21' },
      })
    ).json();
    expect(c.findings).toEqual([]);
    const failed = await t.call(county, 'POST', `/api/v1/contracts/${c.id}/evaluations`, {
      yearNo: 1,
      result: 'failed',
      evaluatedOn: '2026-11-10',
      evaluator: '濮阳县民政局评估组',
    });
    expect(failed.json()).toMatchObject({ status: 'ending', endsOn: '2027-01-31' });
    expect(failed.json().findings[0].message).toContain('不予续签');
    const renew = await t.call(county, 'POST', `/api/v1/contracts/${c.id}/agreements`, {
      yearNo: 2,
      amount: 300000,
      signedOn: '2026-11-20',
    });
    expect(renew.statusCode).toBe(422);
    expect(renew.json().message).toContain('重新确定承接主体');
    ids.failedContract = c.id;
    const station = (await t.call(county, 'GET', `/api/v1/stations/${ids.qingzu}`)).json();
    expect(station.contract).toMatchObject({ ending: true, endsOn: '2027-01-31' });
    expect(station.findings.map((f: { message: string }) => f.message)).toContain(
      '年度评估不合格，现合同于 2027-01-31 终止，不予续签',
    );
  });

  it('attaches the contract text as a real PDF; the contractor downloads it, another county gets 404, a fake file is refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
    const mp = multipartWith({ label: '第1年协议' }, 'file', '第一年协议.pdf', 'application/pdf', pdf);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/contracts/${ids.contract}/files`,
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ name: '第一年协议.pdf', label: '第1年协议' });
    const c = (await t.call(county, 'GET', `/api/v1/contracts/${ids.contract}`)).json();
    expect(c.files).toHaveLength(1);
    const dl = await t.call(county, 'GET', `/api/v1/contracts/${ids.contract}/files/${c.files[0].fileId}`);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(qf, 'GET', `/api/v1/contracts/${ids.contract}/files/${c.files[0].fileId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await t.call(county, 'GET', `/api/v1/contracts/${ids.failedContract}/files/${c.files[0].fileId}`)).statusCode,
    ).toBe(404);
    const fake = multipartWith({}, 'file', '协议.pdf', 'application/pdf', Buffer.from('<html>not a pdf</html>'));
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/contracts/${ids.contract}/files`,
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': fake.contentType },
      payload: fake.payload,
    });
    expect(bad.statusCode).toBe(415);
    expect((await t.call(county, 'GET', `/api/v1/contracts/${ids.contract}`)).json().files).toHaveLength(1);
  });

  it('the contractor admin sees only its organisation’s contract and the stations it covers', async () => {
    const admin = (await t.as('county_admin', DIV.puyangCounty)).session;
    await t.call(admin, 'POST', '/api/v1/users', {
      username: 'waidi.admin',
      displayName: '外地机构管理员',
      role: 'org_admin',
      divisionCode: DIV.puyangCounty,
      organisationId: ids.outside4A,
      password: 'Org-Admin-123',
    });
    const login = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'waidi.admin',
      password: 'Org-Admin-123',
    });
    const s = { cookie: sessionCookie(login), csrf: login.json().csrfToken };
    await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Org-Admin-123',
      newPassword: 'Org-Admin-456',
    });
    const list = (await t.call(s, 'GET', '/api/v1/contracts')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([ids.contract]);
    expect((await t.call(s, 'GET', `/api/v1/contracts/${ids.failedContract}`)).statusCode).toBe(404);
    const stations = (await t.call(s, 'GET', '/api/v1/stations'))
      .json()
      .items.map((x: { id: string }) => x.id)
      .sort();
    expect(stations).toEqual([ids.liutun, ids.wenliu].sort());
    expect((await t.call(s, 'GET', `/api/v1/stations/${ids.qingzu}`)).statusCode).toBe(404);
    expect(
      (
        await t.call(s, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
          yearNo: 3,
          amount: 1,
          signedOn: '2026-11-24',
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(s, 'GET', '/api/v1/purchase-plans')).statusCode).toBe(403);
  });
});
