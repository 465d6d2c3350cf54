import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { orgAdmin } from '../../test-support/contract-fixture';
import { makeCreditCode } from '../../test-support/credit-codes';
import { createTestApp, DIV, stationBody, type Session } from '../../test-support/test-app';
import { PDF, upload } from '../../test-support/two-worlds';
import { preAwardEvaluations } from './evaluation.table';

const TODAY = '2026-06-15';
const t = await createTestApp({ today: TODAY });
afterAll(() => t.close());

let county: Session;
let city: Session;
let otherCounty: Session;
let org: Session;
let otherOrg: Session;
const ids: Record<string, string> = {};

async function organisation(name: string, seed: number) {
  const r = await t.call(county, 'POST', '/api/v1/organisations', {
    name,
    creditCode: makeCreditCode(seed),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: DIV.puyangCounty,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  county = (await t.as('county_officer', DIV.puyangCounty)).session;
  city = (await t.as('city_officer', DIV.city)).session;
  otherCounty = (await t.as('county_officer', DIV.qingfeng)).session;
  const station = await t.call(
    county,
    'POST',
    '/api/v1/stations',
    stationBody(DIV.liutun, { status: 'operating', openedOn: '2021-07-01' }),
  );
  ids.station = station.json().id;
  ids.a = await organisation('濮阳县益民社会工作服务中心', 5301);
  ids.b = await organisation('濮阳县同心社会工作服务社', 5302);
  ids.c = await organisation('濮阳县明德社会工作服务中心', 5303);
  const p = await t.call(county, 'POST', '/api/v1/procurements', {
    countyCode: DIV.puyangCounty,
    title: '柳屯镇社工站项目',
    serviceContent: '服务',
    serviceStandards: '标准',
    requirements: '要求',
    method: 'public_tender',
    bidderConditions: '条件',
    stationIds: [ids.station],
    publishedOn: '2026-05-01',
  });
  expect(p.statusCode, p.body).toBe(201);
  ids.proc = p.json().id;
  org = await orgAdmin(t, 'pre5301.hr', ids.a);
  otherOrg = await orgAdmin(t, 'pre5302.hr', ids.b);
});

const api = '/api/v1/pre-award-evaluations';
const ok = (note = '') => ({ passed: true, note });
const body = (over: Record<string, unknown> = {}) => ({
  procurementId: ids.proc,
  organisationId: ids.a,
  agency: '濮阳市明远社会评估中心',
  evaluatedOn: '2026-06-10',
  qualification: ok('业务范围含社会工作'),
  management: ok('财务制度健全'),
  talent: ok('持证社工 6 名'),
  summary: '三方面均合格',
  ...over,
});
const rowCount = async () => (await t.db.select().from(preAwardEvaluations)).length;
const auditOf = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'preAwardEvaluation'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));

describe('立项评估 (R-EVAL-1)', () => {
  it('R-EVAL-1 the county records a passed evaluation; read back by id and in the procurement’s list; audited', async () => {
    const res = await t.call(county, 'POST', api, body());
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    ids.passed = e.id;
    expect(e).toMatchObject({
      procurementId: ids.proc,
      organisationId: ids.a,
      organisationName: '濮阳县益民社会工作服务中心',
      agency: '濮阳市明远社会评估中心',
      evaluatedOn: '2026-06-10',
      qualification: { passed: true, note: '业务范围含社会工作' },
      passed: true,
      attachments: [],
    });
    expect((await t.call(county, 'GET', `${api}/${e.id}`)).json()).toEqual(e);
    const list = (await t.call(city, 'GET', `${api}?procurementId=${ids.proc}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([e.id]);
    const audit = await auditOf(e.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0].summary).toContain('濮阳县益民社会工作服务中心');
  });

  it('R-EVAL-1 passed only when all three aspects pass: one 不合格 makes the whole not passed', async () => {
    const res = await t.call(
      county,
      'POST',
      api,
      body({ organisationId: ids.b, talent: { passed: false, note: '持证社工不足' }, evaluatedOn: TODAY }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ passed: false, talent: { passed: false, note: '持证社工不足' } });
    const [row] = await t.db.select().from(preAwardEvaluations).where(eq(preAwardEvaluations.id, res.json().id));
    expect(row.passed).toBe(false);
  });

  it('R-EVAL-1 bad input: a date after today, a missing aspect, an unknown organisation, a short agency — Chinese errors, nothing written', async () => {
    const before = await rowCount();
    const auditBefore = (await t.db.select().from(auditEvents)).length;
    const late = await t.call(county, 'POST', api, body({ organisationId: ids.c, evaluatedOn: '2026-06-16' }));
    expect(late.statusCode).toBe(400);
    expect(late.json().details.fieldErrors.evaluatedOn).toContain('不能晚于今天（2026-06-15）');
    const missing = body({ organisationId: ids.c }) as Record<string, unknown>;
    delete missing.management;
    const noAspect = await t.call(county, 'POST', api, missing);
    expect(noAspect.statusCode).toBe(400);
    expect(noAspect.json().message).toContain('内部管理');
    const unknown = await t.call(county, 'POST', api, body({ organisationId: '00000000-0000-4000-8000-000000000001' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.fieldErrors.organisationId).toContain('不存在');
    const agency = await t.call(county, 'POST', api, body({ organisationId: ids.c, agency: '甲' }));
    expect(agency.statusCode).toBe(400);
    expect(agency.json().message).toContain('至少 2 个字');
    const noProc = await t.call(county, 'POST', api, body({ procurementId: '00000000-0000-4000-8000-000000000002' }));
    expect(noProc.statusCode).toBe(404);
    expect(noProc.json().message).toContain('采购项目');
    expect(await rowCount()).toBe(before);
    expect((await t.db.select().from(auditEvents)).length).toBe(auditBefore);
  });

  it('R-EVAL-1 the same organisation for the same procurement twice → 409 DUPLICATE in Chinese', async () => {
    const before = await rowCount();
    const res = await t.call(county, 'POST', api, body({ agency: '另一评估机构' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
    expect(res.json().message).toContain('不能重复登记');
    expect(await rowCount()).toBe(before);
  });

  it('R-EVAL-1 only the county records: the city and the contractor are refused, another county does not see the procurement', async () => {
    expect((await t.call(city, 'POST', api, body({ organisationId: ids.c }))).statusCode).toBe(403);
    expect((await t.call(org, 'POST', api, body({ organisationId: ids.c }))).statusCode).toBe(404);
    expect((await t.call(otherCounty, 'POST', api, body({ organisationId: ids.c }))).statusCode).toBe(404);
  });

  it('R-EVAL-1 the agency’s report: the county uploads it; readers download it; another county answers 404 on every route with an id', async () => {
    const url = `${api}/${ids.passed}/files`;
    const file = { name: '立项评估报告.pdf', type: 'application/pdf', bytes: PDF };
    const added = await upload(t, county, url, file, { label: '评估报告' });
    expect(added.statusCode, added.body).toBe(201);
    const fileId = added.json().fileId;
    const seen = (await t.call(city, 'GET', `${api}/${ids.passed}`)).json();
    expect(seen.attachments.map((f: { name: string }) => f.name)).toEqual(['立项评估报告.pdf']);
    expect((await t.call(org, 'GET', `${url}/${fileId}`)).statusCode).toBe(200);
    expect((await upload(t, org, url, file)).statusCode).toBe(403);
    for (const s of [otherCounty, otherOrg]) {
      expect((await t.call(s, 'GET', `${api}/${ids.passed}`)).statusCode).toBe(404);
      expect((await upload(t, s, url, file)).statusCode).toBe(404);
      expect((await t.call(s, 'GET', `${url}/${fileId}`)).statusCode).toBe(404);
    }
    expect((await t.call(otherCounty, 'GET', `${api}?procurementId=${ids.proc}`)).json().items).toEqual([]);
  });

  it('R-EVAL-1 a contractor reads only its own organisation’s evaluations', async () => {
    const mine = (await t.call(org, 'GET', api)).json().items;
    expect(mine.map((i: { organisationId: string }) => i.organisationId)).toEqual([ids.a]);
    const theirs = (await t.call(otherOrg, 'GET', `${api}?procurementId=${ids.proc}`)).json().items;
    expect(theirs.map((i: { organisationId: string; passed: boolean }) => [i.organisationId, i.passed])).toEqual([
      [ids.b, false],
    ]);
    expect((await t.call(otherOrg, 'GET', `${api}/${ids.passed}`)).statusCode).toBe(404);
  });
});
