import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '@shegong/shared';
import { auditEvents } from '../../platform/audit/audit.table';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { createTestApp, DIV, stationBody, type Session } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type World } from '../../test-support/two-worlds';
import { createSatisfactionRates } from './index';
import { complaints, satisfactionCalls, satisfactionResponses, satisfactionSurveys } from './satisfaction.table';

const t = await createTestApp({ today: WORLDS_TODAY });
afterAll(() => t.close());

let A: World;
let B: World;
let city: Session;
beforeAll(async () => {
  const worlds = await buildTwoWorlds(t);
  ({ A, B } = worlds);
  city = worlds.city.city_admin;
});

const form = (stationId: string) => `/api/v1/public/stations/${stationId}/satisfaction`;
const DIGITS = '零一二三四五六七八九十';
/** Solves the form's question the way a person would read it. */
function solve(question: string): string {
  const m = /^(.)(加|减)(.)等于几/.exec(question)!;
  const a = DIGITS.indexOf(m[1]!);
  const b = DIGITS.indexOf(m[3]!);
  return String(m[2] === '加' ? a + b : a - b);
}
let addressNo = 0;
/** Each test answers from its own network address, so only the flood test meets the limit. */
const newAddress = () => `10.0.${Math.floor(++addressNo / 250)}.${(addressNo % 250) + 1}`;

async function open(stationId: string, ip: string) {
  const res = await t.app.inject({ method: 'GET', url: form(stationId), remoteAddress: ip });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { challenge: { question: string; token: string }; stationName: string; townshipName: string };
}
/** Everything this file answered successfully, to compute the rates independently. */
const ledger: { stationId: string; channel: 'public_form' | 'call_back'; overall: number; on: string }[] = [];
function post(stationId: string, body: Record<string, unknown>, ip: string) {
  return t.app.inject({ method: 'POST', url: form(stationId), payload: body, remoteAddress: ip });
}
async function answer(stationId: string, over: Record<string, unknown> = {}, ip = newAddress()) {
  const f = await open(stationId, ip);
  const body = { overall: 5, challengeToken: f.challenge.token, challengeAnswer: solve(f.challenge.question), ...over };
  const res = await post(stationId, body, ip);
  expect(res.statusCode, res.body).toBe(201);
  ledger.push({ stationId, channel: 'public_form', overall: body.overall as number, on: WORLDS_TODAY });
  return res.json();
}
async function call(s: Session, method: 'GET' | 'POST', url: string, body?: unknown, status = 200) {
  const res = await t.call(s, method, url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const counts = async () => ({
  responses: (await t.db.select().from(satisfactionResponses)).length,
  complaints: (await t.db.select().from(complaints)).length,
  surveys: (await t.db.select().from(satisfactionSurveys)).length,
  calls: (await t.db.select().from(satisfactionCalls)).length,
});
const auditOf = (type: 'complaint' | 'satisfactionResponse' | 'satisfactionSurvey', id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, type), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));

describe('满意度评价表 (R-EVAL-3)', () => {
  it('R-EVAL-3 the public form needs no login, names the station and asks a challenge; an unknown or unopened station is 404', async () => {
    const f = await open(A.ids.station, newAddress());
    expect(f.townshipName).toBe('柳屯镇');
    expect(f.challenge.question).toMatch(/^.(加|减).等于几/);
    // The answer is not in the token, in any encoding a reader could undo.
    const payload = Buffer.from(f.challenge.token.split('.')[0]!, 'base64url').toString();
    expect(Object.keys(JSON.parse(payload)).sort()).toEqual(['e', 'n', 's']);

    const unknown = await t.app.inject({ method: 'GET', url: form(randomUUID()) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/社工站/);
    const planned = await call(A.sessions.county_officer, 'POST', '/api/v1/stations', stationBody(DIV.wenliu), 201);
    expect((await t.app.inject({ method: 'GET', url: form(planned.id) })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: form('abc') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('R-EVAL-3 an anonymous answer is stored without anything identifying who answered; the lists show it without a contact', async () => {
    const ip = '10.99.0.7';
    const before = await counts();
    const res = await answer(A.ids.station, { overall: 4, attitude: 5, comment: '社工很耐心' }, ip);
    expect(res).toEqual({ received: true, complaintOpened: false });
    expect(await counts()).toEqual({ ...before, responses: before.responses + 1 });

    const [row] = await t.db
      .select()
      .from(satisfactionResponses)
      .where(eq(satisfactionResponses.comment, '社工很耐心'));
    expect(row).toMatchObject({
      stationId: A.ids.station,
      organisationId: A.ids.organisation,
      channel: 'public_form',
      answeredOn: WORLDS_TODAY,
      overall: 4,
      attitude: 5,
      timeliness: null,
      anonymous: true,
      contactName: null,
      contactPhone: null,
      createdBy: null,
    });
    expect(JSON.stringify(row)).not.toContain(ip);
    const events = await auditOf('satisfactionResponse', row!.id);
    expect(events.map((e) => [e.action, e.ip, e.userId])).toEqual([['create', null, null]]);

    for (const s of [A.sessions.county_officer, A.sessions.project_lead, city]) {
      const page = await call(s, 'GET', `/api/v1/satisfaction?stationId=${A.ids.station}&pageSize=200`);
      const item = page.items.find((x: { id: string }) => x.id === row!.id);
      expect(item).toMatchObject({ anonymous: true, contactName: null, contactPhone: null, overall: 4 });
      expect(Object.keys(item).sort()).not.toContain('ip');
      expect(JSON.stringify(page)).not.toContain(ip);
    }
    // The other world does not see it.
    const other = await call(B.sessions.county_officer, 'GET', '/api/v1/satisfaction?pageSize=200');
    expect(other.items.map((x: { id: string }) => x.id)).not.toContain(row!.id);
  });

  it('R-EVAL-3 a contact left by choice is masked for everyone but the station project lead, and its complaint is routed to the lead and the county', async () => {
    const res = await answer(A.ids.station, {
      overall: 2,
      anonymous: false,
      contactName: '张桂英',
      contactPhone: '13912345678',
      complaint: '预约的上门服务没有按时来',
    });
    expect(res).toEqual({ received: true, complaintOpened: true });
    const county = await call(A.sessions.county_officer, 'GET', '/api/v1/complaints?status=open&pageSize=200');
    const mine = county.items.find((c: { content: string }) => c.content === '预约的上门服务没有按时来');
    expect(mine).toMatchObject({ source: 'public_form', contactName: '张*英', contactPhone: '139****5678' });
    expect(mine.abilities).toEqual({ answer: true, close: false });
    const lead = await call(A.sessions.project_lead, 'GET', `/api/v1/complaints/${mine.id}`);
    expect(lead).toMatchObject({ contactName: '张桂英', contactPhone: '13912345678', abilities: { answer: true } });
    const orgAdmin = await call(A.sessions.org_admin, 'GET', `/api/v1/complaints/${mine.id}`);
    expect(orgAdmin.contactPhone).toBe('139****5678');
    expect((await auditOf('complaint', mine.id)).map((e) => e.action)).toEqual(['create', 'read_pii']);
  });

  it('R-EVAL-3 a wrong, foreign or expired challenge and bad input answer a Chinese 400 and write nothing', async () => {
    const ip = newAddress();
    const before = await counts();
    const f = await open(A.ids.station, ip);
    const good = { overall: 5, challengeToken: f.challenge.token, challengeAnswer: solve(f.challenge.question) };
    const refused = async (body: Record<string, unknown>, field: string, stationId = A.ids.station) => {
      const res = await post(stationId, body, newAddress());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fieldErrors[field]).toMatch(/[\u4e00-\u9fa5]/);
    };
    await refused({ ...good, challengeAnswer: String(Number(good.challengeAnswer) + 1) }, 'challengeAnswer');
    await refused({ ...good, challengeToken: `${good.challengeToken}x` }, 'challengeAnswer');
    await refused({ ...good, challengeToken: 'garbage' }, 'challengeToken');
    await refused(good, 'challengeToken', B.ids.station);
    await refused({ ...good, overall: 6 }, 'overall');
    await refused({ ...good, overall: 0 }, 'overall');
    await refused({ ...good, overall: 3.5 }, 'overall');
    await refused({ ...good, overall: undefined }, 'overall');
    await refused({ ...good, effect: 9 }, 'effect');
    await refused({ ...good, comment: '很'.repeat(501) }, 'comment');
    await refused({ ...good, anonymous: false, contactName: '李', contactPhone: '12345' }, 'contactPhone');
    await refused({ ...good, anonymous: false, contactPhone: '13912345678' }, 'contactName');
    expect(await counts()).toEqual(before);

    // The same challenge, answered after it expired.
    t.clock.set('2026-06-16');
    await refused(good, 'challengeToken');
    t.clock.set(WORLDS_TODAY);
    expect(await counts()).toEqual(before);
  });

  it('R-EVAL-3 the form refuses a flood from one address with a Chinese 429, and other addresses still answer', async () => {
    const ip = '10.200.0.1';
    // Each answer solves a fresh question (a solved one is good once, see below).
    const fresh = async () => {
      const f = await open(A.ids.station, ip);
      return { overall: 3, challengeToken: f.challenge.token, challengeAnswer: solve(f.challenge.question) };
    };
    const before = await counts();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(A.ids.station, await fresh(), ip)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const body = await fresh();
    for (let i = 0; i < 5; i++)
      ledger.push({ stationId: A.ids.station, channel: 'public_form', overall: 3, on: WORLDS_TODAY });
    const limited = await post(A.ids.station, body, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(limited.json().message).toMatch(/过于频繁/);
    expect((await counts()).responses).toBe(before.responses + 5);
    await answer(A.ids.station, { overall: 1 });
  });
});

describe('随机回访 (R-EVAL-3)', () => {
  const served: string[] = [];
  beforeAll(async () => {
    const sw = A.sessions.social_worker;
    const person = async (n: number) => {
      const res = await call(
        sw,
        'POST',
        '/api/v1/beneficiaries',
        {
          stationId: A.ids.station,
          name: `回访对象${n}`,
          idNumber: makeCitizenId('19500101', 300 + n),
          phone: `1370000${String(n).padStart(4, '0')}`,
          village: '柳屯东村',
          categories: [{ category: 'dibao', startedOn: '2025-01-01', source: '低保名册' }],
        },
        201,
      );
      return res.id as string;
    };
    const record = (servedOn: string, ids: string[]) =>
      call(
        sw,
        'POST',
        '/api/v1/service-records',
        {
          id: randomUUID(),
          stationId: A.ids.station,
          servedOn,
          durationMinutes: 30,
          form: 'home_visit',
          catalogueCode: '1.2',
          beneficiaryIds: ids,
          summary: '入户走访',
        },
        201,
      );
    const people = [];
    for (let n = 1; n <= 8; n++) people.push(await person(n));
    // Six served in May (one twice), two only in March: the May pool is the six.
    await record('2026-05-03', people.slice(0, 3));
    await record('2026-05-20', people.slice(2, 6));
    await record('2026-03-10', people.slice(6, 8));
    served.push(...people.slice(0, 6));
  });

  it('R-EVAL-3 the sample is drawn only from people served at the station in the period, reproducibly from its seed', async () => {
    const body = {
      stationId: A.ids.station,
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31',
      sampleSize: 3,
      seed: 'py-2026-05',
    };
    const s1 = await call(A.sessions.county_officer, 'POST', '/api/v1/satisfaction-surveys', body, 201);
    expect(s1).toMatchObject({ poolSize: 6, sampleSize: 3, seed: 'py-2026-05', organisationName: A.organisation.name });
    const expected = drawSample(
      served.map((id) => ({ id })),
      3,
      'py-2026-05',
    ).map((p) => p.id);
    expect(s1.calls.map((c: { beneficiaryId: string }) => c.beneficiaryId).sort()).toEqual([...expected].sort());
    expect(s1.calls.every((c: { name: string }) => c.name.startsWith('回访对象'))).toBe(true);
    const s2 = await call(A.sessions.county_officer, 'POST', '/api/v1/satisfaction-surveys', body, 201);
    expect(s2.calls.map((c: { beneficiaryId: string }) => c.beneficiaryId).sort()).toEqual([...expected].sort());
    // Without a seed, the server makes one and records it; asking more than the pool draws the whole pool.
    const all = await call(
      A.sessions.county_officer,
      'POST',
      '/api/v1/satisfaction-surveys',
      { ...body, seed: undefined, sampleSize: 50 },
      201,
    );
    expect(all.seed).toMatch(/^[0-9a-f]{12}$/);
    expect(all.calls.map((c: { beneficiaryId: string }) => c.beneficiaryId).sort()).toEqual([...served].sort());
    expect((await auditOf('satisfactionSurvey', s1.id)).map((e) => e.action)).toEqual(['create', 'read_pii']);

    // Refusals, in Chinese on the field, nothing written.
    const before = await counts();
    const refused = async (over: Record<string, unknown>, field: string, s = A.sessions.county_officer) => {
      const res = await t.call(s, 'POST', '/api/v1/satisfaction-surveys', { ...body, ...over });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fieldErrors[field]).toMatch(/[\u4e00-\u9fa5]/);
    };
    await refused({ periodStart: '2026-07-01', periodEnd: '2026-07-31' }, 'periodEnd');
    await refused({ periodStart: '2026-01-01', periodEnd: '2026-01-31' }, 'periodStart');
    await refused({ periodEnd: '2026-04-01' }, 'periodEnd');
    await refused({ sampleSize: 0 }, 'sampleSize');
    await refused({}, 'stationId', B.sessions.county_officer);
    expect(await counts()).toEqual(before);
    // The contractor does not draw or read samples.
    expect((await t.call(A.sessions.project_lead, 'POST', '/api/v1/satisfaction-surveys', body)).statusCode).toBe(403);
    expect((await t.call(A.sessions.project_lead, 'GET', `/api/v1/satisfaction-surveys/${s1.id}`)).statusCode).toBe(
      403,
    );
  });

  it('R-EVAL-3 each call is recorded once; an answered call becomes a call-back answer; another county gets 404', async () => {
    const survey = await call(
      A.sessions.county_officer,
      'POST',
      '/api/v1/satisfaction-surveys',
      {
        stationId: A.ids.station,
        periodStart: '2026-05-01',
        periodEnd: '2026-05-31',
        sampleSize: 3,
      },
      201,
    );
    const [c1, c2, c3] = survey.calls;
    const url = (c: { id: string }) => `/api/v1/satisfaction-surveys/${survey.id}/calls/${c.id}`;
    const out = await call(A.sessions.county_officer, 'POST', url(c1), {
      version: c1.version,
      status: 'answered',
      calledOn: '2026-06-10',
      overall: 5,
      timeliness: 4,
    });
    ledger.push({ stationId: A.ids.station, channel: 'call_back', overall: 5, on: '2026-06-10' });
    expect(out.counts).toEqual({ pending: 2, answered: 1, unreachable: 0, declined: 0 });
    expect(out.calls.find((c: { id: string }) => c.id === c1.id)).toMatchObject({ status: 'answered', overall: 5 });
    await call(A.sessions.county_officer, 'POST', url(c2), {
      version: c2.version,
      status: 'answered',
      calledOn: '2026-06-11',
      overall: 3,
    });
    ledger.push({ stationId: A.ids.station, channel: 'call_back', overall: 3, on: '2026-06-11' });
    await call(A.sessions.county_officer, 'POST', url(c3), {
      version: c3.version,
      status: 'unreachable',
      calledOn: '2026-06-11',
      note: '电话停机',
    });

    const again = await t.call(A.sessions.county_officer, 'POST', url(c1), {
      version: c1.version + 1,
      status: 'declined',
      calledOn: '2026-06-12',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    const noRating = await t.call(A.sessions.county_officer, 'POST', url(c1), {
      version: 1,
      status: 'answered',
      calledOn: '2026-06-12',
    });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.json().details.fieldErrors.overall).toMatch(/总体满意度/);

    // The call-back answer carries no contact and is listed under its channel.
    const page = await call(A.sessions.project_lead, 'GET', `/api/v1/satisfaction?channel=call_back&pageSize=200`);
    expect(page.items.map((x: { overall: number }) => x.overall).sort()).toEqual([3, 5]);
    expect(
      page.items.every((x: { anonymous: boolean; contactName: null }) => x.anonymous && x.contactName === null),
    ).toBe(true);

    for (const [m, u, b] of [
      ['GET', `/api/v1/satisfaction-surveys/${survey.id}`, undefined],
      ['POST', url(c1), { version: 1, status: 'declined', calledOn: '2026-06-12' }],
    ] as const) {
      const res = await t.call(B.sessions.county_officer, m, u, b);
      expect(res.statusCode, u).toBe(404);
    }
    const list = await call(B.sessions.county_officer, 'GET', '/api/v1/satisfaction-surveys?pageSize=200');
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(survey.id);
  });
});

describe('投诉 (R-EVAL-3)', () => {
  it('R-EVAL-3 a complaint flows open → answered → closed, audited, and is 404 for another county and another organisation', async () => {
    const created = await call(
      A.sessions.county_officer,
      'POST',
      '/api/v1/complaints',
      {
        stationId: A.ids.station,
        source: 'phone',
        receivedOn: '2026-06-14',
        content: '活动室周末没有开门',
      },
      201,
    );
    expect(created).toMatchObject({
      status: 'open',
      source: 'phone',
      organisationName: A.organisation.name,
      version: 1,
    });
    const path = `/api/v1/complaints/${created.id}`;

    // Outside: another county, another organisation, on every route with an id.
    for (const s of [B.sessions.county_officer, B.sessions.project_lead, B.sessions.org_admin]) {
      expect((await t.call(s, 'GET', path)).statusCode).toBe(404);
      if (s !== B.sessions.org_admin) {
        expect((await t.call(s, 'POST', `${path}/answer`, { version: 1, answer: '已处理' })).statusCode).toBe(404);
        expect((await t.call(s, 'POST', `${path}/close`, { version: 1 })).statusCode).toBe(404);
      }
      const list = await call(s, 'GET', '/api/v1/complaints?pageSize=200');
      expect(list.items.map((x: { id: string }) => x.id)).not.toContain(created.id);
    }

    // Closing before an answer is a transition that does not exist.
    const early = await t.call(A.sessions.county_officer, 'POST', `${path}/close`, { version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_TRANSITION');
    const empty = await t.call(A.sessions.project_lead, 'POST', `${path}/answer`, { version: 1, answer: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.fieldErrors.answer).toMatch(/答复/);

    const answered = await call(A.sessions.project_lead, 'POST', `${path}/answer`, {
      version: 1,
      answer: '已调整排班，周末安排社工值守',
    });
    expect(answered).toMatchObject({ status: 'answered', version: 2, abilities: { answer: false, close: false } });
    expect(answered.answeredByName).toBeTruthy();
    const stale = await t.call(A.sessions.county_officer, 'POST', `${path}/close`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const leadClose = await t.call(A.sessions.project_lead, 'POST', `${path}/close`, { version: 2 });
    expect(leadClose.statusCode).toBe(403);
    const closed = await call(A.sessions.county_officer, 'POST', `${path}/close`, { version: 2 });
    expect(closed).toMatchObject({ status: 'closed', version: 3, abilities: { answer: false, close: false } });
    const twice = await t.call(A.sessions.county_officer, 'POST', `${path}/answer`, { version: 3, answer: '再答' });
    expect(twice.json().code).toBe('INVALID_TRANSITION');

    expect((await auditOf('complaint', created.id)).map((e) => [e.action, e.summary])).toEqual([
      ['create', expect.stringContaining('登记电话投诉')],
      ['update', expect.stringContaining('答复投诉')],
      ['update', expect.stringContaining('办结投诉')],
    ]);
    const closedList = await call(A.sessions.county_officer, 'GET', '/api/v1/complaints?status=closed&pageSize=200');
    expect(closedList.items.map((x: { id: string }) => x.id)).toContain(created.id);
  });

  it('R-EVAL-3 a complaint with bad input or for a station outside scope answers a Chinese 400 and writes nothing', async () => {
    const before = await counts();
    const body = { stationId: A.ids.station, source: 'visit', receivedOn: '2026-06-14', content: '态度不好' };
    for (const [over, field, s] of [
      [{ content: '' }, 'content', A.sessions.county_officer],
      [{ receivedOn: '2026-06-20' }, 'receivedOn', A.sessions.county_officer],
      [{ source: 'public_form' }, 'source', A.sessions.county_officer],
      [{ anonymous: false, contactName: '王', contactPhone: '0393-1234567' }, 'contactPhone', A.sessions.project_lead],
      [{}, 'stationId', B.sessions.county_officer],
      [{}, 'stationId', B.sessions.project_lead],
    ] as const) {
      const res = await t.call(s, 'POST', '/api/v1/complaints', { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().details.fieldErrors[field]).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await counts()).toEqual(before);
    expect((await t.call(city, 'POST', '/api/v1/complaints', body)).statusCode).toBe(403);
  });
});

describe('满意度 figures (R-EVAL-3, R-EVAL-2)', () => {
  it('R-EVAL-3 the rates per station and the indicator figure equal the counts of the answers given in this file', async () => {
    const inJune = ledger.filter((x) => x.on >= '2026-06-01' && x.on <= '2026-06-30' && x.stationId === A.ids.station);
    const tally = (xs: typeof ledger) => ({ answers: xs.length, satisfied: xs.filter((x) => x.overall >= 4).length });
    const rates = await call(
      A.sessions.county_officer,
      'GET',
      '/api/v1/satisfaction/rates?from=2026-06-01&to=2026-06-30',
    );
    const a = rates.items.find((x: { stationId: string }) => x.stationId === A.ids.station);
    expect(a).toMatchObject({
      ...tally(inJune),
      byChannel: {
        public_form: tally(inJune.filter((x) => x.channel === 'public_form')),
        call_back: tally(inJune.filter((x) => x.channel === 'call_back')),
      },
    });
    expect(rates.items.map((x: { stationId: string }) => x.stationId)).not.toContain(B.ids.station);
    const b = (await call(B.sessions.county_officer, 'GET', '/api/v1/satisfaction/rates?from=2026-06-01&to=2026-06-30'))
      .items;
    expect(b).toEqual([expect.objectContaining({ stationId: B.ids.station, answers: 0, satisfied: 0 })]);

    const figures = createSatisfactionRates({ db: t.db });
    expect(await figures.ofStations([A.ids.station, B.ids.station], '2026-06-01', '2026-06-30')).toEqual(tally(inJune));
    expect(await figures.ofStations([A.ids.station], '2026-06-11', '2026-06-11')).toEqual(
      tally(inJune.filter((x) => x.on === '2026-06-11')),
    );
    expect(await figures.ofStations([], '2026-06-01', '2026-06-30')).toEqual({ answers: 0, satisfied: 0 });
    const bad = await t.call(
      A.sessions.county_officer,
      'GET',
      '/api/v1/satisfaction/rates?from=2026-06-30&to=2026-06-01',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors.to).toMatch(/结束日期/);
  });
});

describe('the public form’s challenge is good once (R-EVAL-3)', () => {
  it('R-EVAL-3 a solved challenge replayed, from the same or another address, is refused and writes nothing', async () => {
    const f = await open(A.ids.station, '10.200.0.7');
    const body = { overall: 4, challengeToken: f.challenge.token, challengeAnswer: solve(f.challenge.question) };
    expect((await post(A.ids.station, body, '10.200.0.7')).statusCode).toBe(201);
    ledger.push({ stationId: A.ids.station, channel: 'public_form', overall: 4, on: WORLDS_TODAY });
    const before = await counts();
    for (const ip of ['10.200.0.7', '10.200.0.8']) {
      const again = await post(A.ids.station, body, ip);
      expect(again.statusCode).toBe(400);
      expect(again.json().details.fieldErrors.challengeToken).toContain('已使用');
    }
    expect(await counts()).toEqual(before);
  });

  it('R-EVAL-3 a token with anything appended or a null payload is refused; full-width digits are the same answer', async () => {
    const f = await open(A.ids.station, '10.200.0.9');
    const answer = solve(f.challenge.question);
    const before = await counts();
    const appended = await post(
      A.ids.station,
      { overall: 4, challengeToken: `${f.challenge.token}.x`, challengeAnswer: answer },
      '10.200.0.9',
    );
    expect(appended.statusCode).toBe(400);
    const mac = f.challenge.token.split('.')[1];
    const nul = await post(
      A.ids.station,
      { overall: 4, challengeToken: `${Buffer.from('null').toString('base64url')}.${mac}`, challengeAnswer: answer },
      '10.200.0.9',
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.json().details.fieldErrors.challengeToken).toBeTruthy();
    expect(await counts()).toEqual(before);
    const wide = answer.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const ok = await post(
      A.ids.station,
      { overall: 4, challengeToken: f.challenge.token, challengeAnswer: wide },
      '10.200.0.9',
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
