import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { orgAdmin } from '../../test-support/contract-fixture';
import { evaluationFixture, openRound } from '../../test-support/evaluation-fixture';
import { createTestApp, DIV, type Session } from '../../test-support/test-app';
import { PDF, upload } from '../../test-support/two-worlds';
import { rectifications } from './evaluation.table';

const TODAY = '2026-06-15';
const t = await createTestApp({ today: TODAY });
afterAll(() => t.close());

let county: Session;
let org: Session;
let city: Session;
let otherCounty: Session;
let otherOrg: Session;
let ids: Record<string, string>;
const rounds = {} as Record<'midterm' | 'spot_check', string>;

/** Moving the clock past the session's idle limit ends every session: log the users in again on the new day. */
const logins: Record<'county' | 'org' | 'city', { username: string; password?: string }> = {
  county: { username: '' },
  org: { username: 'org4101.hr', password: 'Org-Admin-456' },
  city: { username: '' },
};
async function moveTo(day: string) {
  t.clock.set(day);
  county = await t.login(logins.county.username);
  org = await t.login(logins.org.username, logins.org.password);
  city = await t.login(logins.city.username);
}

beforeAll(async () => {
  const f = await evaluationFixture(t, 4101);
  const countyUser = await t.as('county_officer', DIV.puyangCounty);
  county = countyUser.session;
  logins.county.username = countyUser.user.username;
  org = f.org;
  ids = { ...f.ids, contract: f.contractId };
  const cityUser = await t.as('city_officer', DIV.city);
  city = cityUser.session;
  logins.city.username = cityUser.user.username;
  otherCounty = (await t.as('county_officer', DIV.qingfeng)).session;
  otherOrg = await orgAdmin(t, 'other4101.hr', ids.other);
  // Real rounds through the rounds API: the county's midterm, and the city's spot check of the same agreement year.
  rounds.midterm = await openRound(t, county, { kind: 'midterm', setId: f.setId, contractId: f.contractId });
  const spot = await t.call(city, 'POST', '/api/v1/evaluation-rounds', {
    kind: 'spot_check',
    setId: f.setId,
    sample: { mode: 'chosen', subjects: [{ contractId: f.contractId, yearNo: 1 }], reason: '群众反映较多' },
  });
  expect(spot.statusCode, spot.body).toBe(201);
  rounds.spot_check = spot.json().items[0].id;
});

const api = '/api/v1/rectifications';
async function create(s: Session, body: Record<string, unknown>, status = 201) {
  const res = await t.call(s, 'POST', api, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
async function step(s: Session, id: string, what: string, body: Record<string, unknown>, status = 200) {
  const res = await t.call(s, 'POST', `${api}/${id}/${what}`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const countRows = async () => (await t.db.select().from(rectifications)).length;
const auditOf = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'rectification'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));

describe('整改 (R-EVAL-4)', () => {
  it('R-EVAL-4 a finding of the county midterm: created, submitted by the contractor, returned, resubmitted, verified; audited', async () => {
    const item = await create(county, {
      roundId: rounds.midterm,
      finding: '  服务台账不完整  ',
      requirement: '补齐 1-5 月服务台账',
      deadline: '2026-06-30',
    });
    expect(item).toMatchObject({
      roundId: rounds.midterm,
      roundKind: 'midterm',
      contractId: ids.contract,
      contractTitle: '柳屯镇社工站合同',
      organisationId: ids.org,
      organisationName: '濮阳县益民社会工作服务中心',
      unitName: '濮阳县',
      yearNo: 1,
      finding: '服务台账不完整',
      deadline: '2026-06-30',
      status: 'open',
      overdueDays: 0,
      version: 1,
    });
    // The county sees it but does not answer it; the contractor does.
    expect(item.abilities).toEqual({ submit: false, verify: false });
    const seen = await (await t.call(org, 'GET', `${api}/${item.id}`)).json();
    expect(seen.abilities).toEqual({ submit: true, verify: false });

    const submitted = await step(org, item.id, 'submit', { version: 1, correction: '已补齐台账' });
    expect(submitted).toMatchObject({ status: 'submitted', correction: '已补齐台账', version: 2 });
    expect(submitted.submittedAt).not.toBeNull();
    expect((await (await t.call(county, 'GET', `${api}/${item.id}`)).json()).abilities).toEqual({
      submit: false,
      verify: true,
    });
    // A contractor cannot verify its own correction.
    expect((await step(org, item.id, 'verify', { version: 2 }, 403)).code).toBe('FORBIDDEN');
    // Returning needs a comment.
    const bare = await step(county, item.id, 'return', { version: 2, comment: ' ' }, 400);
    expect(bare.message).toContain('退回意见');

    const returned = await step(county, item.id, 'return', { version: 2, comment: '缺少 3 月台账' });
    expect(returned).toMatchObject({ status: 'open', returnComment: '缺少 3 月台账', version: 3 });
    // A stale version and a wrong state are conflicts.
    expect((await step(org, item.id, 'submit', { version: 2, correction: '再补' }, 409)).code).toBe('VERSION_CONFLICT');
    expect((await step(county, item.id, 'verify', { version: 3 }, 409)).code).toBe('INVALID_TRANSITION');

    await step(org, item.id, 'submit', { version: 3, correction: '已补齐 3 月台账' });
    const verified = await step(county, item.id, 'verify', { version: 4 });
    expect(verified).toMatchObject({ status: 'verified', version: 5, abilities: { submit: false, verify: false } });
    expect(verified.verifiedAt).not.toBeNull();
    expect((await step(county, item.id, 'return', { version: 5, comment: '再看' }, 409)).code).toBe(
      'INVALID_TRANSITION',
    );

    const events = await auditOf(item.id);
    expect(events.map((e) => [e.action, (e.after as { status?: string } | null)?.status ?? null])).toEqual([
      ['create', null],
      ['update', 'submitted'],
      ['update', 'open'],
      ['update', 'submitted'],
      ['update', 'verified'],
    ]);
    expect(events.every((e) => e.divisionPath?.includes(`/${DIV.puyangCounty}/`))).toBe(true);
  });

  it('R-EVAL-4 bad input answers in Chinese and writes nothing: past deadline, empty finding, unknown round', async () => {
    const before = await countRows();
    const past = await create(county, { roundId: rounds.midterm, finding: '问题', deadline: '2026-06-14' }, 400);
    expect(past.code).toBe('VALIDATION_FAILED');
    expect(past.details.fieldErrors.deadline).toContain('不能早于今天');
    expect(past.message).toContain('整改期限');
    const empty = await create(county, { roundId: rounds.midterm, finding: '   ', deadline: TODAY }, 400);
    expect(empty.details.fieldErrors.finding).toBe('请填写发现的问题');
    const badDate = await create(county, { roundId: rounds.midterm, finding: '问题', deadline: '2026-02-30' }, 400);
    expect(badDate.code).toBe('VALIDATION_FAILED');
    const unknown = await create(county, { roundId: randomUUID(), finding: '问题', deadline: TODAY }, 404);
    expect(unknown.message).toBe('评估不存在或无权访问');
    expect(await countRows()).toBe(before);
    // The deadline may be today itself.
    expect((await create(county, { roundId: rounds.midterm, finding: '当日整改', deadline: TODAY })).overdueDays).toBe(
      0,
    );
    expect(await countRows()).toBe(before + 1);
  });

  it('R-EVAL-4 another county’s officer and another organisation’s admin get 404 on every route', async () => {
    const item = await create(county, { roundId: rounds.midterm, finding: '范围检查', deadline: '2026-06-30' });
    for (const s of [otherCounty, otherOrg]) {
      expect((await t.call(s, 'GET', `${api}/${item.id}`)).statusCode).toBe(404);
      const list = (await t.call(s, 'GET', `${api}?pageSize=100`)).json();
      expect(list.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
      for (const what of ['submit', 'verify', 'return']) {
        const res = await t.call(s, 'POST', `${api}/${item.id}/${what}`, {
          version: 1,
          ...(what === 'submit' ? { correction: '越权' } : what === 'return' ? { comment: '越权' } : {}),
        });
        expect(res.statusCode, `${what} ${res.body}`).toBe(404);
      }
    }
    for (const s of [otherCounty, otherOrg]) {
      const res = await t.call(s, 'POST', api, { roundId: rounds.midterm, finding: '越权', deadline: TODAY });
      expect(res.statusCode, res.body).toBe(404);
    }
    // In scope but not its to record: the contractor itself.
    expect((await create(org, { roundId: rounds.midterm, finding: '自己登记', deadline: TODAY }, 403)).code).toBe(
      'FORBIDDEN',
    );
    const [row] = await t.db.select().from(rectifications).where(eq(rectifications.id, item.id));
    expect(row).toMatchObject({ status: 'open', version: 1 });
  });

  it('R-EVAL-4 only the level that runs the round records and verifies its items: the city its spot check, the county its midterm', async () => {
    const refused = await create(county, { roundId: rounds.spot_check, finding: '抽查问题', deadline: TODAY }, 403);
    expect(refused.message).toContain('市级');
    expect((await create(city, { roundId: rounds.midterm, finding: '中期问题', deadline: TODAY }, 403)).code).toBe(
      'FORBIDDEN',
    );
    const item = await create(city, { roundId: rounds.spot_check, finding: '抽查发现问题', deadline: '2026-07-15' });
    expect(item.roundKind).toBe('spot_check');
    // The county sees the city's item in its unit, and the contractor answers it.
    expect((await t.call(county, 'GET', `${api}/${item.id}`)).statusCode).toBe(200);
    await step(org, item.id, 'submit', { version: 1, correction: '已整改' });
    expect((await step(county, item.id, 'verify', { version: 2 }, 403)).code).toBe('FORBIDDEN');
    expect((await step(city, item.id, 'verify', { version: 2 })).status).toBe('verified');
    // The list filters by round, unit and organisation, and by status.
    const q = async (s: Session, query: string) =>
      ((await (await t.call(s, 'GET', `${api}?${query}&pageSize=100`)).json()).items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await q(city, `roundId=${rounds.spot_check}`)).toEqual([item.id]);
    expect(await q(city, `unit=${DIV.puyangCounty}&status=verified&roundId=${rounds.spot_check}`)).toEqual([item.id]);
    expect(await q(city, `unit=${DIV.qingfeng}`)).toEqual([]);
    expect(await q(city, `organisationId=${ids.other}`)).toEqual([]);
    const bad = await t.call(city, 'GET', `${api}?status=done`);
    expect(bad.statusCode).toBe(400);
  });

  it('R-EVAL-4 evidence files: the contractor attaches them while the item is open; readers download them; nobody else adds any', async () => {
    const item = await create(county, { roundId: rounds.midterm, finding: '活动照片缺失', deadline: '2026-06-30' });
    const url = `${api}/${item.id}/files`;
    const file = { name: '整改照片.pdf', type: 'application/pdf', bytes: PDF };
    const added = await upload(t, org, url, file, { label: '整改佐证' });
    expect(added.statusCode, added.body).toBe(201);
    const fileId = added.json().fileId;
    const seen = await (await t.call(county, 'GET', `${api}/${item.id}`)).json();
    expect(seen.attachments.map((f: { name: string; label: string }) => [f.name, f.label])).toEqual([
      ['整改照片.pdf', '整改佐证'],
    ]);
    expect((await t.call(county, 'GET', `${url}/${fileId}`)).statusCode).toBe(200);
    // The county does not add evidence; other units and organisations do not reach the item at all.
    expect((await upload(t, county, url, file)).statusCode).toBe(403);
    for (const s of [otherCounty, otherOrg]) {
      expect((await upload(t, s, url, file)).statusCode).toBe(404);
      expect((await t.call(s, 'GET', `${url}/${fileId}`)).statusCode).toBe(404);
    }
    // Once submitted, the evidence the county checks stays as it was.
    await step(org, item.id, 'submit', { version: 1, correction: '已补拍活动照片' });
    const late = await upload(t, org, url, file);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_TRANSITION');
    const after = await (await t.call(org, 'GET', `${api}/${item.id}`)).json();
    expect(after.attachments).toHaveLength(1);
  });

  // Last: it moves the clock forward.
  it('R-EVAL-4 overdue is judged on the Clock’s today: not on the deadline itself, 1 day the day after, none once verified', async () => {
    const a = await create(county, { roundId: rounds.midterm, finding: '逾期边界甲', deadline: '2026-06-20' });
    const b = await create(county, { roundId: rounds.midterm, finding: '逾期边界乙', deadline: '2026-06-20' });
    const overdue = async (s: Session, flag: string) =>
      (await (await t.call(s, 'GET', `${api}?roundId=${rounds.midterm}&overdue=${flag}&pageSize=100`)).json())
        .items as { id: string; overdueDays: number }[];
    const days = async (id: string) => (await (await t.call(county, 'GET', `${api}/${id}`)).json()).overdueDays;

    await moveTo('2026-06-20');
    expect(await days(a.id)).toBe(0);
    expect((await overdue(county, 'true')).map((i) => i.id)).not.toContain(a.id);
    expect((await overdue(county, 'false')).map((i) => i.id)).toContain(a.id);

    await moveTo('2026-06-21');
    expect(await days(a.id)).toBe(1);
    const late = await overdue(org, 'true');
    expect(late.filter((i) => i.id === a.id || i.id === b.id).map((i) => i.overdueDays)).toEqual([1, 1]);

    // Submitted but not verified is still overdue; verified is not.
    await step(org, b.id, 'submit', { version: 1, correction: '已整改' });
    await step(county, b.id, 'verify', { version: 2 });
    await moveTo('2026-07-01');
    expect(await days(a.id)).toBe(11);
    expect(await days(b.id)).toBe(0);
    const ids1 = (await overdue(county, 'true')).map((i) => i.id);
    expect(ids1).toContain(a.id);
    expect(ids1).not.toContain(b.id);
  });
});
