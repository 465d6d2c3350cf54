import { CONTRACT_TERMS, INSURANCE_ITEMS, type DeskItem, type DeskView } from '@shegong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { makeCreditCode } from '../../test-support/credit-codes';
import {
  createTestApp,
  DIV,
  sessionCookie,
  stationBody,
  type Session,
  type TestApp,
} from '../../test-support/test-app';

// 工作台 by role (issue 9): each to-do's count and link, the figures, the city's ranking of units, the scope, and a
// constant number of queries. Pinned to 2026-11-28: agreements of 2026 end within 60 days, last month is 2026-10.
const TODAY = '2026-11-28';
const TERMS = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));
const PAID = Object.fromEntries(Object.keys(INSURANCE_ITEMS).map((k) => [k, true]));
const CHENGGUAN_PY = '410928100000'; // 濮阳县 城关镇

let t: TestApp;
let countyA: Session;
let countyB: Session;
let city: Session;
let org: Session;
const ids: Record<string, string> = {};

const desk = async (s: Session): Promise<DeskView> => {
  const r = await t.call(s, 'GET', '/api/v1/desk');
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const find = (v: DeskView, kind: DeskItem['kind'], title?: string) =>
  v.items.find((i) => i.kind === kind && (!title || i.title.includes(title)));
const kinds = (v: DeskView) => v.items.map((i) => i.kind);
/** The stations the station list shows with a breach (the same view judges both). */
const breaching = async (s: Session) =>
  (await t.call(s, 'GET', '/api/v1/stations?pageSize=200'))
    .json()
    .items.filter((x: { findings: { severity: string }[] }) => x.findings.some((f) => f.severity === 'error'));

async function station(s: Session, township: string) {
  const r = await t.call(
    s,
    'POST',
    '/api/v1/stations',
    stationBody(township, { status: 'operating', openedOn: '2021-07-01' }),
  );
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** A contract from its own procurement: awarded, signed and (unless `unpublished`) published on the given dates. */
async function contract(
  s: Session,
  x: { county: string; stationId: string; orgId: string; title: string; awardedOn: string; cycleStart: string },
) {
  const p = (
    await t.call(s, 'POST', '/api/v1/procurements', {
      countyCode: x.county,
      title: x.title,
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [x.stationId],
      publishedOn: x.awardedOn,
    })
  ).json();
  await t.call(s, 'POST', `/api/v1/procurements/${p.id}/award`, {
    organisationId: x.orgId,
    amount: 400000,
    awardedOn: x.awardedOn,
  });
  const c = await t.call(s, 'POST', '/api/v1/contracts', {
    procurementId: p.id,
    title: x.title,
    signedOn: x.awardedOn,
    cycleStart: x.cycleStart,
    publishedOn: x.awardedOn,
    terms: TERMS,
    firstAgreement: { amount: 400000, publishedOn: x.awardedOn },
  });
  expect(c.statusCode, c.body).toBe(201);
  return c.json().id as string;
}

async function hire(s: Session, name: string, seq: number, stationId: string) {
  const w = await t.call(s, 'POST', '/api/v1/workers', {
    name,
    idNumber: makeCitizenId('19950312', seq),
    education: 'bachelor',
    major: '行政管理',
    socialWorkMajor: false,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  expect(w.statusCode, w.body).toBe(201);
  const id = w.json().id as string;
  const a = await t.call(s, 'POST', `/api/v1/workers/${id}/assignments`, { stationId, startOn: '2026-03-01' });
  expect(a.statusCode, a.body).toBe(200);
  return id;
}
const filing = async (s: Session, id: string, action: 'submit' | 'return', viewer = s) => {
  const { version } = (await t.call(viewer, 'GET', `/api/v1/workers/${id}`)).json();
  const r = await t.call(s, 'POST', `/api/v1/workers/${id}/filing/${action}`, { version, comment: '材料不全' });
  expect(r.statusCode, r.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  // 濮阳县: 柳屯镇 (contract C1 from 2026-01-01: its first year ends 2026-12-31), 文留镇 and 城关镇.
  const f = await contractFixture(t, 71);
  ({ county: countyA, org } = f);
  Object.assign(ids, f.ids);
  ids.cgPy = await station(countyA, CHENGGUAN_PY);
  ids.c1 = (await t.call(org, 'GET', '/api/v1/contracts')).json().items[0].id;
  // C2 (文留镇) from 2025-01-01: year 1 evaluated, year 2 signed in 2026 for 450 000 and not published, ends 2026-12-31.
  ids.c2 = await contract(countyA, {
    county: DIV.puyangCounty,
    stationId: ids.wenliu,
    orgId: ids.org,
    title: '文留镇社工站合同',
    awardedOn: '2024-12-10',
    cycleStart: '2025-01-01',
  });
  const ev = { yearNo: 1, result: 'passed', evaluatedOn: '2025-12-20', evaluator: '濮阳县民政局' };
  expect((await t.call(countyA, 'POST', `/api/v1/contracts/${ids.c2}/evaluations`, ev)).statusCode).toBe(201);
  const y2 = { yearNo: 2, amount: 450000, signedOn: '2026-01-05' };
  expect((await t.call(countyA, 'POST', `/api/v1/contracts/${ids.c2}/agreements`, y2)).statusCode).toBe(201);
  // C3 (城关镇) from 2025-06-01: year 1 ended 2026-05-31 and has no evaluation.
  ids.c3 = await contract(countyA, {
    county: DIV.puyangCounty,
    stationId: ids.cgPy,
    orgId: ids.org,
    title: '城关镇社工站合同',
    awardedOn: '2025-05-10',
    cycleStart: '2025-06-01',
  });
  // Workers: W1 submitted (the county approves), W2 returned (the employer resubmits), W3 not yet submitted.
  ids.w1 = await hire(org, '张晓梅', 11, ids.liutun);
  ids.w2 = await hire(org, '李建国', 12, ids.liutun);
  ids.w3 = await hire(org, '王秀英', 13, ids.wenliu);
  await filing(org, ids.w1, 'submit');
  await filing(org, ids.w2, 'submit');
  await filing(countyA, ids.w2, 'return', org);
  // October's pay and 五险一金: only W1 complete.
  const pay = await t.call(org, 'PUT', '/api/v1/payroll/2026-10', {
    rows: [
      {
        workerId: ids.w1,
        salary: 3200,
        paidOn: '2026-10-10',
        ...PAID,
        insuranceBase: 3200,
        employerShare: 1100,
        employeeShare: 350,
      },
    ],
  });
  expect(pay.statusCode, pay.body).toBe(200);
  // A training of the contractor's, waiting for an officer to confirm its organiser.
  const tr = await t.call(org, 'POST', '/api/v1/trainings', {
    title: '机构内部培训',
    organiser: '濮阳县民政局',
    organiserLevel: 'county_civil_affairs',
    startOn: '2026-04-01',
    endOn: '2026-04-10',
    hours: 20,
    workerIds: [ids.w1],
  });
  expect(tr.statusCode, tr.body).toBe(201);
  // The county's purchase plan, still a draft.
  const plan = await t.call(countyA, 'POST', '/api/v1/purchase-plans', {
    countyCode: DIV.puyangCounty,
    year: 2027,
    title: '濮阳县 2027 年度购买服务计划',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  ids.planA = plan.json().id;

  // 清丰县: its own station, organisation, contract ending soon, a submitted filing and a submitted plan.
  countyB = (await t.as('county_officer', DIV.qingfeng)).session;
  ids.cgQf = await station(countyB, DIV.chengguanQF);
  const orgB = await t.call(countyB, 'POST', '/api/v1/organisations', {
    name: '清丰县和谐社工服务中心',
    creditCode: makeCreditCode(7100),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: DIV.qingfeng,
  });
  ids.orgB = orgB.json().id;
  ids.cB = await contract(countyB, {
    county: DIV.qingfeng,
    stationId: ids.cgQf,
    orgId: ids.orgB,
    title: '清丰县城关镇社工站合同',
    awardedOn: '2025-12-10',
    cycleStart: '2026-01-01',
  });
  const orgBUser = await t.makeUser('org_admin', DIV.city, { organisationId: ids.orgB });
  const orgBAdmin = await t.login(orgBUser.username);
  ids.wB = await hire(orgBAdmin, '赵丽', 14, ids.cgQf);
  await filing(orgBAdmin, ids.wB, 'submit');
  const planB = await t.call(countyB, 'POST', '/api/v1/purchase-plans', {
    countyCode: DIV.qingfeng,
    year: 2027,
    title: '清丰县 2027 年度购买服务计划',
    background: '落实部署',
    goals: '全年服务',
    budget: '300000.00',
    purchaseMethod: 'public_tender',
    serviceContent: '社会救助',
    schedule: '全年',
    qualityStandards: '按市标准',
    quantityStandards: '每站 2 人',
    performanceEvaluation: '每年评估',
    stationIds: [ids.cgQf],
  });
  ids.planB = planB.json().id;
  const sub = await t.call(countyB, 'POST', `/api/v1/purchase-plans/${ids.planB}/submit`, { version: 1 });
  expect(sub.statusCode, sub.body).toBe(200);
  city = (await t.as('city_officer', DIV.city)).session;
});
afterAll(() => t?.close());

describe('GET /desk for a county officer (濮阳县)', () => {
  it('lists what waits on the county, each with its count, link and clause, and nothing of 清丰县', async () => {
    const v = await desk(countyA);
    expect(v.today).toBe(TODAY);
    // R-STAFF-6: one submitted filing, linked to the worker.
    expect(find(v, 'filings_to_approve')).toMatchObject({ count: 1, link: `/workers/${ids.w1}` });
    // R-CON-2: C1 and C2 end within 60 days; C3's first year ended without an evaluation.
    expect(find(v, 'contracts_ending')).toMatchObject({ count: 2, link: '/contracts', clause: '《实施方案》五（三）' });
    expect(find(v, 'evaluations_missing')).toMatchObject({ count: 1, link: `/contracts/${ids.c3}`, severity: 'error' });
    // R-CON-3: C2's second-year agreement is unpublished.
    expect(find(v, 'agreements_unpublished')).toMatchObject({ count: 1, link: `/contracts/${ids.c2}` });
    // R-STAFF-6: October's pay missing for W2 and W3, named by organisation.
    expect(find(v, 'payroll_missing')).toMatchObject({ count: 2, link: '/payroll?month=2026-10' });
    expect(find(v, 'payroll_missing')!.title).toContain('2026-10');
    expect(find(v, 'payroll_missing')!.detail).toBe('濮阳县益民社会工作服务中心 2 人');
    // R-PUR-2: the county's draft plan, linked to it; R-STAFF-3: the training to confirm.
    expect(find(v, 'plans_to_submit')).toMatchObject({ count: 1, link: `/purchase-plans/${ids.planA}` });
    expect(find(v, 'trainings_to_confirm')).toMatchObject({ count: 1, link: '/trainings' });
    expect(kinds(v)).not.toContain('plans_to_file');
    // R-STAFF-4: W3 at 文留镇 must qualify by 2026-12-31 (two years from C2's start), 33 days away.
    expect(find(v, 'qualification_due')).toMatchObject({ count: 1, link: '/workers?deadline=at_risk' });
    // Stations with a breach, as the station list judges them, named with their county.
    const failing = await breaching(countyA);
    expect(failing.length).toBeGreaterThan(1);
    expect(find(v, 'stations_noncompliant')).toMatchObject({ count: failing.length, link: '/stations' });
    expect(find(v, 'stations_noncompliant')!.detail).toContain('社会工作服务站（濮阳县）');
    // Users never see rule ids.
    expect(JSON.stringify(v)).not.toMatch(/R-[A-Z]+-\d/);
    for (const other of [ids.wB, ids.cB, ids.planB, ids.orgB, '清丰']) expect(JSON.stringify(v)).not.toContain(other);
    // Errors first.
    expect(v.items[0].severity).toBe('error');
  });

  it('shows the county’s figures and no ranking', async () => {
    const v = await desk(countyA);
    const progress = (await t.call(countyA, 'GET', '/api/v1/plan/progress')).json().total.total;
    expect(v.figures).toMatchObject({
      stationsBuilt: 3,
      stationsPlanned: progress.planned,
      buildPercent: progress.percent,
      workers: 3,
      qualified: 0,
      qualifiedPercent: 0,
      contractAmountFen: 45000000,
      year: 2026,
    });
    expect(v.ranking).toEqual({ byBuild: [], byQualified: [] });
  });

  it('costs the same number of queries with more workers, filings and stations (no N+1)', async () => {
    const before = await t.countQueries(() => desk(countyA));
    const extra = await hire(org, '陈静', 15, ids.wenliu);
    const planned = await t.call(countyA, 'POST', '/api/v1/stations', stationBody('410928103000'));
    expect(planned.statusCode, planned.body).toBe(201);
    await filing(org, extra, 'submit');
    const v = await desk(countyA);
    expect(find(v, 'filings_to_approve')).toMatchObject({ count: 2, link: '/workers?filingStatus=submitted' });
    expect(await t.countQueries(() => desk(countyA))).toBe(before);
  });
});

describe('GET /desk for the city', () => {
  it('files plans and oversees contracts and pay across units, but approves no filing', async () => {
    const v = await desk(city);
    expect(find(v, 'plans_to_file')).toMatchObject({ count: 1, link: `/purchase-plans/${ids.planB}` });
    expect(kinds(v)).not.toContain('filings_to_approve');
    expect(kinds(v)).not.toContain('plans_to_submit');
    expect(find(v, 'contracts_ending')).toMatchObject({ count: 3 });
    expect(find(v, 'stations_noncompliant')).toMatchObject({ count: (await breaching(city)).length });
    expect(find(v, 'payroll_missing')!.detail).toBe('濮阳县益民社会工作服务中心 3 人、清丰县和谐社工服务中心 1 人');
    expect(find(v, 'payroll_missing')!.count).toBe(4);
  });

  it('ranks the nine units by construction and by the share of qualified workers, never workers', async () => {
    const v = await desk(city);
    expect(v.figures).toMatchObject({ stationsBuilt: 4, workers: 5, qualified: 0, contractAmountFen: 45000000 });
    for (const list of [v.ranking.byBuild, v.ranking.byQualified]) {
      expect(list).toHaveLength(9);
      expect(JSON.stringify(list)).not.toMatch(/张晓梅|赵丽|workerId/);
    }
    const rates = v.ranking.byBuild.map((u) => u.buildPercent ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(v.ranking.byBuild.find((u) => u.countyName === '濮阳县')).toMatchObject({ built: 3, workers: 4 });
    expect(v.ranking.byBuild.find((u) => u.countyName === '清丰县')).toMatchObject({ built: 1, workers: 1 });
    // Units with workers (0 % qualified) rank above units without any (no rate).
    expect(
      v.ranking.byQualified
        .slice(0, 2)
        .map((u) => u.countyName)
        .sort(),
    ).toEqual(['清丰县', '濮阳县']);
  });
});

describe('GET /desk for a contractor', () => {
  it('shows its own filings to resubmit or submit, its pay gaps and contracts, and its own figures', async () => {
    // W2's October with every item ticked but no 缴费基数 or shares is still missing, as the payroll grid says.
    const partial = await t.call(org, 'PUT', '/api/v1/payroll/2026-10', {
      rows: [{ workerId: ids.w2, salary: 3000, paidOn: '2026-10-10', ...PAID }],
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const v = await desk(org);
    expect(find(v, 'filings_returned')).toMatchObject({ count: 1, link: `/workers/${ids.w2}` });
    expect(find(v, 'filings_to_submit')).toMatchObject({ count: 1, link: `/workers/${ids.w3}` });
    expect(find(v, 'payroll_missing')).toMatchObject({ count: 3, detail: '濮阳县益民社会工作服务中心 3 人' });
    expect(find(v, 'contracts_ending')).toMatchObject({ count: 2 });
    for (const k of [
      'filings_to_approve',
      'evaluations_missing',
      'agreements_unpublished',
      'trainings_to_confirm',
      'stations_noncompliant',
    ])
      expect(kinds(v)).not.toContain(k);
    expect(v.figures).toMatchObject({
      stationsBuilt: 3,
      stationsPlanned: null,
      workers: 4,
      contractAmountFen: 45000000,
    });
    expect(v.ranking.byBuild).toEqual([]);
    expect(JSON.stringify(v)).not.toContain('清丰');
  });
});

describe('GET /desk for a resident social worker', () => {
  it('shows their own training awaiting confirmation (R-STAFF-3) and, within 90 days, their deadline (R-STAFF-4)', async () => {
    const acc = await t.call(org, 'POST', `/api/v1/workers/${ids.w1}/account`, {
      username: 'zhang.desk',
      password: 'Worker-Pass-01',
    });
    expect(acc.statusCode, acc.body).toBe(201);
    const signIn = async () => {
      const login = await t.call(null, 'POST', '/api/v1/auth/login', {
        username: 'zhang.desk',
        password: 'Worker-Pass-02',
      });
      return { cookie: sessionCookie(login), csrf: login.json().csrfToken };
    };
    const first = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'zhang.desk',
      password: 'Worker-Pass-01',
    });
    const changed = await t.call(
      { cookie: sessionCookie(first), csrf: first.json().csrfToken },
      'POST',
      '/api/v1/auth/password',
      { currentPassword: 'Worker-Pass-01', newPassword: 'Worker-Pass-02' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const s = await signIn();
    // R-STAFF-3: the training the contractor recorded for W1 waits for an officer; nothing else waits yet.
    expect(await desk(s)).toMatchObject({
      items: [{ kind: 'trainings_unconfirmed', count: 1, link: '/trainings' }],
      figures: null,
    });
    // The deadline is two years from C1's start, 2027-12-31: 46 days left on 2027-11-15.
    t.clock.set('2027-11-15');
    try {
      // Sessions expire by the clock: sign in again on the new day.
      const v = await desk(await signIn());
      expect(kinds(v)).toEqual(['qualification_due', 'trainings_unconfirmed']);
      expect(find(v, 'qualification_due')).toMatchObject({ count: 1, link: `/workers/${ids.w1}` });
      expect(find(v, 'qualification_due')!.detail).toContain('2027-12-31');
      // The officers see the roster's: W1 and W2 (柳屯镇) at risk, W3 and 陈静 (文留镇, due 2026-12-31) overdue.
      const county = await desk((await t.as('county_officer', DIV.puyangCounty)).session);
      expect(find(county, 'qualification_due')).toMatchObject({ count: 2 });
      expect(find(county, 'qualification_overdue')).toMatchObject({ count: 2, severity: 'error' });
    } finally {
      t.clock.set(TODAY);
    }
  });
});
