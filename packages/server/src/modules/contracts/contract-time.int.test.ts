import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';

/**
 * Defect 12 and R-CON-2 on a server that keeps running while the calendar moves: the contract of the fixture runs
 * 2026-01-01 … 2028-12-31 with its first agreement for 2026; the clock is moved on the same app instance.
 */
let t: TestApp;
let county: Session;
let ids: Record<string, string>;
const ORG_USER = 'org81.hr';
const orgSession = () => t.login(ORG_USER, 'Org-Admin-456');

beforeAll(async () => {
  t = await createTestApp({ today: '2026-06-15' });
  ({ county, ids } = await contractFixture(t, 81));
  const c = await t.call(county, 'GET', '/api/v1/contracts');
  ids.contract = c.json().items[0].id;
});
afterAll(() => t?.close());

describe('R-CON-2 dates', () => {
  it('an evaluation cannot be dated after today', async () => {
    const r = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
      yearNo: 1,
      result: 'passed',
      evaluatedOn: '2026-06-16',
      evaluator: '濮阳县民政局',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.evaluatedOn).toContain('不能晚于今天');
  });

  it("the next year's agreement is signed on or after the passed evaluation of the year before", async () => {
    expect(
      (
        await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
          yearNo: 1,
          result: 'passed',
          evaluatedOn: '2026-06-10',
          evaluator: '濮阳县民政局',
        })
      ).statusCode,
    ).toBe(201);
    const early = await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
      yearNo: 2,
      amount: '500000.00',
      signedOn: '2026-06-09',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().details.fieldErrors.signedOn).toContain('早于第 1 年度评估日期 2026-06-10');
    expect(
      (
        await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/agreements`, {
          yearNo: 2,
          amount: '500000.00',
          signedOn: '2026-06-12',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('a contract that has ended gives its contractor no more access (defect 12)', () => {
  it('after a failed evaluation the contractor keeps its stations until the year ends, then reads them no more', async () => {
    t.clock.set('2027-11-20');
    county = await t.login((await t.as('county_officer', '410928000000')).user.username);
    expect(
      (
        await t.call(county, 'POST', `/api/v1/contracts/${ids.contract}/evaluations`, {
          yearNo: 2,
          result: 'failed',
          evaluatedOn: '2027-11-15',
          evaluator: '濮阳县民政局',
        })
      ).statusCode,
    ).toBe(201);
    let org = await orgSession();
    expect((await t.call(org, 'GET', `/api/v1/stations/${ids.liutun}`)).statusCode).toBe(200);
    expect((await t.call(org, 'GET', '/api/v1/contracts')).json().items[0].status).toBe('ending');

    t.clock.set('2028-01-01');
    org = await orgSession();
    expect((await t.call(org, 'GET', `/api/v1/stations/${ids.liutun}`)).statusCode).toBe(404);
    expect((await t.call(org, 'GET', '/api/v1/stations')).json().items).toEqual([]);
    const contract = (await t.call(org, 'GET', `/api/v1/contracts/${ids.contract}`)).json();
    expect(contract.status).toBe('ended');
    const officer = await t.login((await t.as('county_officer', '410928000000')).user.username);
    const station = (await t.call(officer, 'GET', `/api/v1/stations/${ids.liutun}`)).json();
    expect(station.contract).toBeNull();
    expect(station.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('R-CON-2');
  });

  it('a cycle that runs out ends access the day after, with no job and no restart', async () => {
    t.clock.set('2026-06-15');
    const org = await orgSession();
    expect((await t.call(org, 'GET', `/api/v1/stations/${ids.liutun}`)).statusCode).toBe(200);
    t.clock.set('2029-01-01');
    const later = await orgSession();
    expect((await t.call(later, 'GET', `/api/v1/stations/${ids.liutun}`)).statusCode).toBe(404);
    const w = await t.call(later, 'POST', '/api/v1/workers', {
      name: '王芳',
      idNumber: makeCitizenId('19950312', 126),
      education: 'bachelor',
      hireDate: '2029-01-01',
      role: 'resident',
    });
    expect(w.statusCode).toBe(201);
    const assign = await t.call(later, 'POST', `/api/v1/workers/${w.json().id}/assignments`, {
      stationId: ids.liutun,
      startOn: '2029-01-01',
    });
    expect(assign.statusCode).toBe(400);
    expect(assign.json().details.fieldErrors.stationId).toContain('不在本机构有效合同的服务范围内');
  });
});
