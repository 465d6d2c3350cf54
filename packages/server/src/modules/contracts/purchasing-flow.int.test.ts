import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditEvents } from '../../platform/audit/audit.table';
import {
  createTestApp,
  DIV,
  sessionCookie,
  stationBody,
  type Session,
  type TestApp,
} from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { agreements, contracts } from './contracts.table';
import { multipartWith } from '../../test-support/images';

let t: TestApp;
let county: Session;
let city: Session;
const ids: Record<string, string> = {};
const planBody = {
  background: '落实省厅社工站建设部署',
  goals: '柳屯镇、文留镇社工站全年提供专业服务',
  budget: '600000.00',
  purchaseMethod: 'public_tender',
  serviceContent: '社会救助、养老服务、儿童福利等领域服务',
  schedule: '2026 年 4 月起驻站服务',
  qualityStandards: '按市服务标准',
  quantityStandards: '每站不少于 2 名驻站社工',
  performanceEvaluation: '县级每年两次评估',
};
const terms = {
  serviceContent: '附件2 所列服务',
  term: '三年，一年一签',
  quantity: '两站',
  quality: '市级标准',
  price: '每年 60 万元',
  settlement: '按季度拨付',
  rightsDuties: '见合同',
  breachLiability: '见合同',
  changeTermination: '政策调整可变更或解除',
};

async function orgId(name: string, extra: Record<string, unknown>, seed: number) {
  const r = await t.call(county, 'POST', '/api/v1/organisations', {
    name,
    creditCode: makeCreditCode(seed),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: DIV.puyangCounty,
    ...extra,
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  // Pinned: the purchasing story is dated 2025–2026 (awards, signing, agreement years).
  t = await createTestApp({ today: '2026-11-28' });
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  city = (await t.as('city_officer', DIV.city)).session;
  for (const [key, code] of [
    ['liutun', DIV.liutun],
    ['wenliu', DIV.wenliu],
    ['qingzu', '410928103000'],
  ]) {
    ids[key] = (
      await t.call(
        county,
        'POST',
        '/api/v1/stations',
        stationBody(code, { status: 'operating', openedOn: '2021-07-01' }),
      )
    ).json().id;
  }
  ids.good = await orgId('濮阳县益民社会工作服务中心', {}, 11);
  ids.noScope = await orgId('濮阳县某文化传播协会', { socialWorkInScope: false, type: 'other' }, 12);
  ids.outside2A = await orgId('外地某社工服务社', { local: false, grade: '2A', gradeValidUntil: '2028-12-31' }, 13);
  ids.outside4A = await orgId(
    '外地优秀社会工作服务中心',
    { local: false, grade: '4A', gradeValidUntil: '2028-12-31' },
    14,
  );
});
afterAll(() => t?.close());

describe('R-PUR-2 annual purchase plan: draft → submitted → filed, or returned', () => {
  it('walks the plan through submit, return, resubmit and filing, keeping every step', async () => {
    const created = await t.call(county, 'POST', '/api/v1/purchase-plans', {
      countyCode: DIV.puyangCounty,
      year: 2026,
      title: '濮阳县 2026 年社工站购买服务计划',
    });
    expect(created.statusCode).toBe(201);
    ids.plan = created.json().id;
    const incomplete = await t.call(county, 'POST', `/api/v1/purchase-plans/${ids.plan}/submit`, { version: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(Object.keys(incomplete.json().details.fieldErrors)).toEqual(
      expect.arrayContaining(['background', 'budget', 'stationIds']),
    );
    const filled = await t.call(county, 'PATCH', `/api/v1/purchase-plans/${ids.plan}`, {
      version: 1,
      ...planBody,
      stationIds: [ids.liutun, ids.wenliu],
    });
    expect(filled.json()).toMatchObject({
      budgetFen: 60000000,
      stations: expect.arrayContaining([expect.objectContaining({ name: '柳屯镇社会工作服务站' })]),
    });
    expect(
      (await t.call(county, 'POST', `/api/v1/purchase-plans/${ids.plan}/submit`, { version: 2 })).json().status,
    ).toBe('submitted');

    const byCounty = await t.call(county, 'POST', `/api/v1/purchase-plans/${ids.plan}/file`, { version: 3 });
    expect(byCounty.statusCode).toBe(403);
    expect(byCounty.json().message).toContain('只有市民政局');
    expect(byCounty.json().message).toContain('《实施方案》五（一）');
    expect(
      (await t.call(county, 'PATCH', `/api/v1/purchase-plans/${ids.plan}`, { version: 3, goals: '改' })).statusCode,
    ).toBe(409);

    expect(
      (await t.call(city, 'POST', `/api/v1/purchase-plans/${ids.plan}/return`, { version: 3 })).json().details
        .fieldErrors.comment,
    ).toBeTruthy();
    expect(
      (
        await t.call(city, 'POST', `/api/v1/purchase-plans/${ids.plan}/return`, {
          version: 3,
          comment: '请细化绩效评估指标',
        })
      ).json().status,
    ).toBe('returned');
    await t.call(county, 'PATCH', `/api/v1/purchase-plans/${ids.plan}`, {
      version: 4,
      performanceEvaluation: '县级每年两次评估，按行政监管、服务成效、项目管理、社会影响四个维度',
    });
    await t.call(county, 'POST', `/api/v1/purchase-plans/${ids.plan}/submit`, { version: 5 });
    const filed = await t.call(city, 'POST', `/api/v1/purchase-plans/${ids.plan}/file`, {
      version: 6,
      comment: '同意备案',
    });
    expect(filed.json().status).toBe('filed');
    expect(filed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'file',
    ]);
    expect(filed.json().events[2].comment).toBe('请细化绩效评估指标');
  });

  it('refuses a plan with another county’s station and a budget with three decimals, writing nothing', async () => {
    const qfStation = (
      await t.call(
        (await t.as('county_officer', DIV.qingfeng)).session,
        'POST',
        '/api/v1/stations',
        stationBody(DIV.chengguanQF),
      )
    ).json().id;
    const before = (await t.db.select({ n: count() }).from(auditEvents))[0].n;
    expect(
      (
        await t.call(county, 'POST', '/api/v1/purchase-plans', {
          countyCode: DIV.puyangCounty,
          year: 2026,
          title: '越界计划',
          stationIds: [qfStation],
        })
      ).statusCode,
    ).toBe(400);
    const money = await t.call(county, 'POST', '/api/v1/purchase-plans', {
      countyCode: DIV.puyangCounty,
      year: 2026,
      title: '金额',
      budget: '12.345',
    });
    expect(money.json().details.fieldErrors.budget).toContain('两位小数');
    expect(
      (
        await t.call(county, 'POST', '/api/v1/purchase-plans', {
          countyCode: DIV.puyangCounty,
          year: 2026,
          title: '负数',
          budget: -5,
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.db.select({ n: count() }).from(auditEvents))[0].n).toBe(before);
  });
});

describe('R-PUR-3 procurement and R-ORG-1 eligibility at award', () => {
  it('publishes the announcement on the public portal', async () => {
    const body = {
      countyCode: DIV.puyangCounty,
      purchasePlanId: ids.plan,
      title: '濮阳县社工站服务项目（一标段）',
      serviceContent: '驻站服务',
      serviceStandards: '市级标准',
      requirements: '驻站社工不少于 2 名',
      method: 'public_tender',
      bidderConditions: '业务范围含社会工作；外地机构 3A 以上',
      budget: 600000,
      stationIds: [ids.liutun, ids.wenliu],
      publishedOn: '2026-02-01',
    };
    const r = await t.call(county, 'POST', '/api/v1/procurements', body);
    expect(r.statusCode).toBe(201);
    ids.proc = r.json().id;
    const pub = (await t.call(null, 'GET', '/api/v1/public/announcements')).json();
    expect(pub.items[0]).toMatchObject({
      title: '濮阳县社工站服务项目（一标段）',
      method: 'public_tender',
      status: 'published',
    });
  });

  it.each([
    ['noScope', '业务范围不含社会工作'],
    ['outside2A', '须为 3A 级以上'],
  ])('refuses the award to %s with the rule and the reason', async (key, reason) => {
    const r = await t.call(county, 'POST', `/api/v1/procurements/${ids.proc}/award`, {
      organisationId: ids[key],
      amount: '580000',
      awardedOn: '2026-03-01',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('AWARD_INELIGIBLE');
    expect(r.json().message).toContain('《实施方案》四（一）');
    expect(r.json().message).toContain(reason);
    expect((await t.call(county, 'GET', `/api/v1/procurements/${ids.proc}`)).json().status).toBe('published');
  });

  it('awards to an outside 4A organisation, not before the announcement', async () => {
    expect(
      (
        await t.call(county, 'POST', `/api/v1/procurements/${ids.proc}/award`, {
          organisationId: ids.outside4A,
          amount: '580000',
          awardedOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(400);
    const r = await t.call(county, 'POST', `/api/v1/procurements/${ids.proc}/award`, {
      organisationId: ids.outside4A,
      amount: '580000.50',
      awardedOn: '2026-03-01',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().award).toMatchObject({
      organisationName: '外地优秀社会工作服务中心',
      amountFen: 58000050,
      awardedOn: '2026-03-01',
    });
  });
});

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

  it('exports the compliance overview as a real .xlsx', async () => {
    const res = await t.call(city, 'GET', '/api/v1/contracts/compliance/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('合同合规')!;
    const py = ws.getColumn(1).values.findIndex((v) => v === '濮阳县');
    expect(ws.getRow(py).getCell(3).value).toBe(1);
    expect((await t.db.select({ n: count() }).from(contracts))[0].n).toBe(2);
  });
});
