import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { auditEvents } from '../../platform/audit/audit.table';
import { alerts } from './alerts.table';

// 预警 (R-SVC-5) and who reads what (R-SCOPE-2), through the HTTP API on both databases.
const TODAY = '2026-11-28';
let t: TestApp;
let org: Session;
let county: Session;
let otherCounty: Session;
let city: Session;
let lead: Session;
const sw: Record<string, Session> = {};
const ids: Record<string, string> = {};
const ABUSE = '老人手臂有多处淤青，自述被儿子推搡';

async function workerLogin(key: string, name: string, idNumber: string) {
  const w = await t.call(org, 'POST', '/api/v1/workers', {
    name,
    idNumber,
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  ids[key] = w.json().id;
  await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/assignments`, {
    stationId: ids.liutun,
    startOn: '2026-03-01',
  });
  await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/account`, {
    username: `${key}.sw`,
    password: 'Worker-Pass-01',
  });
  const first = await t.login(`${key}.sw`, 'Worker-Pass-01');
  await t.call(first, 'POST', '/api/v1/auth/password', {
    currentPassword: 'Worker-Pass-01',
    newPassword: 'Worker-Pass-02',
  });
  sw[key] = await t.login(`${key}.sw`, 'Worker-Pass-02');
}

const countAlerts = async () => (await t.db.select({ id: alerts.id }).from(alerts)).length;
const piiReads = async (alertId: string) =>
  (
    await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, alertId), eq(auditEvents.action, 'read_pii')))
  ).length;
const raise = (s: Session, extra: Record<string, unknown> = {}) =>
  t.call(s, 'POST', '/api/v1/alerts', {
    stationId: ids.liutun,
    beneficiaryId: ids.elder,
    kind: 'abuse',
    description: ABUSE,
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  const f = await contractFixture(t, 61);
  ({ org, county } = f);
  Object.assign(ids, f.ids);
  await workerLogin('zhang', '张晓梅', makeCitizenId('19950312', 122));
  await workerLogin('li', '李建国', makeCitizenId('19900101', 11));
  city = (await t.as('city_officer', DIV.city)).session;
  otherCounty = (await t.as('county_officer', DIV.qingfeng)).session;
  lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
  const p = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', {
    stationId: ids.liutun,
    name: '王秀英',
    idNumber: makeCitizenId('19480305', 21),
    village: '柳屯东村',
    categories: [{ category: 'dibao', startedOn: '2024-01-01', source: '濮阳县民政局低保名册' }],
  });
  expect(p.statusCode, p.body).toBe(201);
  ids.elder = p.json().id;
}, 120_000);
afterAll(() => t?.close());

describe('raising an alert (R-SVC-5)', () => {
  it('R-SVC-5 a worker flags a person directly: raised at once, open, with the time it must be acknowledged by', async () => {
    const r = await raise(sw.zhang);
    expect(r.statusCode, r.body).toBe(201);
    ids.alert = r.json().id;
    const a = r.json();
    expect(a).toMatchObject({ kind: 'abuse', status: 'open', escalated: false, beneficiaryName: '王秀英' });
    expect(a.details.description).toBe(ABUSE);
    expect(Date.parse(a.acknowledgeBy) - Date.parse(a.raisedAt)).toBe(24 * 3600_000);
    expect(a.abilities).toEqual({ acknowledge: false, act: false, close: false });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ids.alert), eq(auditEvents.action, 'create')));
    expect(event.summary).toBe('发出预警：疑似虐待');
    expect(JSON.stringify(event)).not.toContain('淤青');
  });

  it('R-SVC-5 bad input answers a Chinese 4xx and writes nothing', async () => {
    const before = await countAlerts();
    const stranger = await raise(sw.zhang, { beneficiaryId: '00000000-0000-4000-8000-000000000001' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().details.fieldErrors.beneficiaryId).toBe('不是该社工站的服务对象');
    const elsewhere = await raise(sw.zhang, { stationId: ids.wenliu });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().message).toContain('社工站');
    expect((await raise(sw.zhang, { kind: 'gossip' })).statusCode).toBe(400);
    expect((await raise(sw.zhang, { description: ' ' })).statusCode).toBe(400);
    expect((await raise(county)).statusCode).toBe(403);
    expect(await countAlerts()).toBe(before);
  });

  it('R-SVC-5 a concern in a service record raises an alert in the record’s transaction', async () => {
    const recordId = crypto.randomUUID();
    const r = await t.call(sw.zhang, 'POST', '/api/v1/service-records', {
      id: recordId,
      stationId: ids.liutun,
      servedOn: TODAY,
      durationMinutes: 30,
      form: 'home_visit',
      catalogueCode: '1.1',
      beneficiaryIds: [ids.elder],
      summary: '入户走访，了解生活情况',
      concern: { kind: 'abandonment', description: '子女长期不管，老人独居无人照料' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const list = await t.call(lead, 'GET', `/api/v1/alerts?kind=abandonment`);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      serviceRecordId: recordId,
      status: 'open',
      stationName: expect.any(String),
    });
    ids.recordAlert = list.json().items[0].id;
  });
});

describe('who reads what (R-SCOPE-2)', () => {
  it('R-SCOPE-2 a colleague at the station and the organisation admin see kind, station, status and times only', async () => {
    for (const s of [sw.li, org]) {
      const r = await t.call(s, 'GET', `/api/v1/alerts/${ids.alert}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().details).toBeNull();
      expect(r.body).not.toContain('淤青');
    }
    expect(await piiReads(ids.alert)).toBe(0);
  });

  it('R-SCOPE-2 the raiser, the project lead and the county officer read the details; each clear read is audited', async () => {
    for (const s of [sw.zhang, lead, county]) {
      const r = await t.call(s, 'GET', `/api/v1/alerts/${ids.alert}`);
      expect(r.json().details.description).toBe(ABUSE);
    }
    expect(await piiReads(ids.alert)).toBe(3);
    // Lists never carry the description; officers see the person by initials.
    const list = await t.call(county, 'GET', '/api/v1/alerts');
    expect(list.body).not.toContain('淤青');
    expect(list.json().items.find((a: { id: string }) => a.id === ids.alert).beneficiaryName).not.toBe('王秀英');
  });

  it('R-SCOPE-1 another county and the city (before escalation) get 404 and an empty list', async () => {
    for (const s of [otherCounty, city]) {
      expect((await t.call(s, 'GET', `/api/v1/alerts/${ids.alert}`)).statusCode).toBe(404);
      expect((await t.call(s, 'GET', '/api/v1/alerts')).json().total).toBe(0);
      expect((await t.call(s, 'POST', `/api/v1/alerts/${ids.alert}/acknowledge`)).statusCode).toBe(404);
    }
  });

  it('R-SVC-5 the banner at login counts the open alerts in reach and lists the oldest first', async () => {
    const s = (await t.call(county, 'GET', '/api/v1/alerts/summary')).json();
    expect(s).toMatchObject({ open: 2, active: 2, escalated: 0 });
    expect(s.top[0].id).toBe(ids.alert);
    expect((await t.call(otherCounty, 'GET', '/api/v1/alerts/summary')).json()).toMatchObject({ open: 0, top: [] });
  });
});

describe('handling (R-SVC-5)', () => {
  it('R-SVC-5 a social worker and the organisation admin cannot acknowledge; the project lead can', async () => {
    expect((await t.call(sw.zhang, 'POST', `/api/v1/alerts/${ids.alert}/acknowledge`)).statusCode).toBe(403);
    expect((await t.call(org, 'POST', `/api/v1/alerts/${ids.alert}/acknowledge`)).statusCode).toBe(403);
    const readsBefore = await piiReads(ids.alert);
    const r = await t.call(lead, 'POST', `/api/v1/alerts/${ids.alert}/acknowledge`);
    expect(r.statusCode, r.body).toBe(200);
    // R-SCOPE-2: the answer carries the description, so it is a clear read like a GET's.
    expect(r.json().details.description).toBe(ABUSE);
    expect(await piiReads(ids.alert)).toBe(readsBefore + 1);
    expect(r.json()).toMatchObject({
      status: 'acknowledged',
      escalated: false,
      acknowledgedByName: expect.any(String),
    });
    expect(r.json().minutesToAcknowledge).toBeGreaterThanOrEqual(0);
    expect((await t.call(county, 'POST', `/api/v1/alerts/${ids.alert}/acknowledge`)).statusCode).toBe(409);
  });

  it('R-SVC-5 the county officer records actions and closes with a note; a closed alert takes nothing more', async () => {
    const a = await t.call(county, 'POST', `/api/v1/alerts/${ids.alert}/actions`, {
      note: '已联系派出所和妇联上门核实',
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().details.actions.map((x: { note: string }) => x.note)).toEqual(['已联系派出所和妇联上门核实']);
    expect((await t.call(county, 'POST', `/api/v1/alerts/${ids.alert}/close`, { note: '' })).statusCode).toBe(400);
    const c = await t.call(county, 'POST', `/api/v1/alerts/${ids.alert}/close`, { note: '已安置至敬老院' });
    expect(c.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(c.json().details.closingNote).toBe('已安置至敬老院');
    const again = await t.call(county, 'POST', `/api/v1/alerts/${ids.alert}/actions`, { note: '补充' });
    expect(again.statusCode).toBe(409);
    const closed = await t.call(county, 'GET', '/api/v1/alerts?status=closed');
    expect(closed.json().items.map((x: { id: string }) => x.id)).toEqual([ids.alert]);
  });

  it('R-SVC-5 not acknowledged within 24 hours: escalated to the city, which then reads, acknowledges and closes it', async () => {
    t.clock.set('2026-11-30');
    // Two days on, the sessions have expired: the same roles log in again.
    county = (await t.as('county_officer', DIV.puyangCounty)).session;
    city = (await t.as('city_officer', DIV.city)).session;
    const esc = await t.call(county, 'GET', '/api/v1/alerts?escalated=true');
    expect(esc.json().items.map((x: { id: string }) => x.id)).toEqual([ids.recordAlert]);
    const list = await t.call(city, 'GET', '/api/v1/alerts');
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([ids.recordAlert]);
    expect((await t.call(city, 'GET', '/api/v1/alerts/summary')).json()).toMatchObject({ open: 1, escalated: 1 });
    const got = await t.call(city, 'GET', `/api/v1/alerts/${ids.recordAlert}`);
    expect(got.json()).toMatchObject({ escalated: true, abilities: { acknowledge: true, act: true, close: true } });
    expect(got.json().details.description).toContain('独居');
    const ack = await t.call(city, 'POST', `/api/v1/alerts/${ids.recordAlert}/acknowledge`);
    expect(ack.json().minutesToAcknowledge).toBeGreaterThan(24 * 60);
    // Acknowledged late, it stays escalated: the city keeps it in view until closed.
    expect((await t.call(city, 'GET', '/api/v1/alerts?escalated=true')).json().total).toBe(1);
    const c = await t.call(city, 'POST', `/api/v1/alerts/${ids.recordAlert}/close`, { note: '已协调子女签订赡养协议' });
    expect(c.json().status).toBe('closed');
    t.clock.set(TODAY);
  });
});
