import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { referrals } from './referrals.table';

// 资源链接 / 转介 (附件2 (一)3): consent first, status steps, what was obtained, scope — on both databases.
const TODAY = '2026-11-28';
let t: TestApp;
let org: Session;
let county: Session;
let otherCounty: Session;
let lead: Session;
const ids: Record<string, string> = {};

const countReferrals = async () => (await t.db.select({ id: referrals.id }).from(referrals)).length;
const consent = (decision: string, recordedOn: string) =>
  t.call(lead, 'POST', `/api/v1/beneficiaries/${ids.elder}/consents`, {
    kind: 'referral',
    decision,
    givenBy: 'self',
    scope: '同意向镇民政所转介申请低保',
    recordedOn,
  });
const refer = (extra: Record<string, unknown> = {}) =>
  t.call(lead, 'POST', '/api/v1/referrals', {
    stationId: ids.liutun,
    beneficiaryId: ids.elder,
    target: 'dibao',
    agency: '柳屯镇民政所',
    submittedOn: '2026-11-20',
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  const f = await contractFixture(t, 71);
  ({ org, county } = f);
  Object.assign(ids, f.ids);
  otherCounty = (await t.as('county_officer', DIV.qingfeng)).session;
  lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
  const p = await t.call(lead, 'POST', '/api/v1/beneficiaries', {
    stationId: ids.liutun,
    name: '赵桂兰',
    idNumber: makeCitizenId('19520716', 31),
    village: '柳屯西村',
    categories: [{ category: 'dibao', startedOn: '2024-01-01', source: '濮阳县民政局低保名册' }],
  });
  expect(p.statusCode, p.body).toBe(201);
  ids.elder = p.json().id;
}, 120_000);
afterAll(() => t?.close());

describe('consent to referral (附件2 (一)3)', () => {
  it('R-SVC-3 a referral without a recorded consent is refused in Chinese and writes nothing', async () => {
    const r = await refer();
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'CONSENT_REQUIRED', message: '转介须先记录服务对象（或监护人）同意转介' });
    expect(await countReferrals()).toBe(0);
  });

  it('R-SVC-3 with consent given the referral is made and keeps the consent it relied on', async () => {
    const c = await consent('given', '2026-11-10');
    expect(c.statusCode, c.body).toBe(201);
    // A referral cannot rest on a consent recorded after it.
    expect((await refer({ submittedOn: '2026-11-05' })).statusCode).toBe(422);
    expect(await countReferrals()).toBe(0);
    const r = await refer();
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'submitted', consentId: c.json().id, beneficiaryName: '赵桂兰' });
    ids.referral = r.json().id;
    // Counted under the contractor whose staff made it (statistics by organisation).
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, ids.referral));
    expect(row.organisationId).toBe(ids.org);
  });

  it('R-SVC-3 after the consent is withdrawn (the latest decision counts) a new referral is refused, nothing written', async () => {
    expect((await consent('withdrawn', '2026-11-25')).statusCode).toBe(201);
    const before = await countReferrals();
    expect((await refer({ target: 'medical_aid' })).statusCode).toBe(422);
    expect(await countReferrals()).toBe(before);
  });

  it('R-SVC-3 bad input answers 4xx naming the field and writes nothing', async () => {
    expect((await consent('given', '2026-11-26')).statusCode).toBe(201);
    const before = await countReferrals();
    const future = await refer({ submittedOn: '2026-12-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().details.fieldErrors.submittedOn).toBe('不能晚于今天');
    expect((await refer({ target: 'lottery' })).statusCode).toBe(400);
    expect((await refer({ agency: '' })).statusCode).toBe(400);
    const stranger = await refer({ beneficiaryId: '00000000-0000-4000-8000-000000000002' });
    expect(stranger.json().details.fieldErrors.beneficiaryId).toBe('不是该社工站的服务对象');
    expect((await refer({ stationId: ids.wenliu })).statusCode).toBe(400);
    const noCase = await refer({ caseId: '00000000-0000-4000-8000-000000000003' });
    expect(noCase.json().details.fieldErrors.caseId).toBeDefined();
    expect((await t.call(county, 'POST', '/api/v1/referrals', {})).statusCode).toBe(403);
    expect(await countReferrals()).toBe(before);
  });
});

describe('status and outcome', () => {
  const patch = (body: Record<string, unknown>) => t.call(lead, 'PATCH', `/api/v1/referrals/${ids.referral}`, body);

  it('R-SVC-3 steps 已提交 → 已受理 → 已获得 with the decision date and the amount obtained', async () => {
    const skip = await patch({ version: 1, status: 'obtained', decidedOn: '2026-11-27', amountFen: 50000 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toContain('不能从「已提交」改为「已获得」');
    const a = await patch({ version: 1, status: 'accepted' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'accepted', version: 2 });
    expect((await patch({ version: 1, outcome: '旧版本' })).statusCode).toBe(409);
    expect((await patch({ version: 2, status: 'obtained' })).json().details.fieldErrors.decidedOn).toBeDefined();
    const early = await patch({ version: 2, status: 'obtained', decidedOn: '2026-11-01' });
    expect(early.json().details.fieldErrors.decidedOn).toBe('不能早于提交日期');
    const o = await patch({
      version: 2,
      status: 'obtained',
      decidedOn: '2026-11-27',
      amountFen: 62000,
      outcome: '每月低保金 620 元',
    });
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json()).toMatchObject({ status: 'obtained', amountFen: 62000, decidedOn: '2026-11-27' });
    expect(o.json().abilities.update).toBe(false);
    expect((await patch({ version: 3, status: 'not_obtained', decidedOn: '2026-11-27' })).statusCode).toBe(409);
  });

  it('R-SVC-3 an amount belongs to money obtained only', async () => {
    const r = await refer({ target: 'legal_aid', agency: '县法律援助中心' });
    const bad = await t.call(lead, 'PATCH', `/api/v1/referrals/${r.json().id}`, {
      version: 1,
      status: 'not_obtained',
      decidedOn: '2026-11-28',
      amountFen: 100,
    });
    expect(bad.json().details.fieldErrors.amountFen).toBeDefined();
  });
});

describe('scope (R-SCOPE-1)', () => {
  it('R-SCOPE-1 the county reads (initials, no update); another county and another organisation get 404', async () => {
    const r = await t.call(county, 'GET', `/api/v1/referrals/${ids.referral}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().beneficiaryName).not.toBe('赵桂兰');
    expect(r.json().abilities.update).toBe(false);
    expect((await t.call(county, 'GET', '/api/v1/referrals?target=dibao')).json().total).toBe(1);
    expect((await t.call(otherCounty, 'GET', `/api/v1/referrals/${ids.referral}`)).statusCode).toBe(404);
    expect((await t.call(otherCounty, 'GET', '/api/v1/referrals')).json().total).toBe(0);
    const other = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.other })).username);
    expect((await t.call(other, 'GET', `/api/v1/referrals/${ids.referral}`)).statusCode).toBe(404);
    expect((await t.call(other, 'PATCH', `/api/v1/referrals/${ids.referral}`, { version: 3 })).statusCode).toBe(404);
    expect((await t.call(org, 'GET', '/api/v1/referrals')).json().total).toBe(2);
  });
});
