import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.table';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';

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
