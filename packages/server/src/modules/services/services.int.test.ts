import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { servicesFixture } from '../../test-support/services-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { upload, PNG } from '../../test-support/two-worlds';
import {
  contactOf as contactOfStored,
  expectedRollups,
  serviceSnapshot,
  storedRollups,
  type MadeRecord,
} from '../../test-support/service-rollups';
import { auditEvents } from '../../platform/audit/audit.table';
import { alerts } from '../alerts/alerts.table';
import { beneficiaries, beneficiaryStations } from '../beneficiaries/beneficiaries.table';
import { serviceMonthStats, servicePeopleMonths, serviceRecords } from './services.table';

// 服务记录 (R-SVC-2, R-SVC-3, R-SVC-5 last contact, R-SCOPE-1/2) through the HTTP API, on PGlite and PostgreSQL.
const TODAY = '2026-11-28';
let t: TestApp;
let org: Session;
let county: Session;
let city: Session;
let lead: Session;
const sw: Record<string, Session> = {};
const ids: Record<string, string> = {};
/** Every record this file made and did not withdraw, as the test itself knows it (the rollups must equal these). */
const made = new Map<string, MadeRecord>();

const visit = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  stationId: ids.liutun,
  servedOn: '2026-11-20',
  durationMinutes: 40,
  form: 'home_visit',
  catalogueCode: '2.3',
  beneficiaryIds: [ids.elder],
  summary: '入户看望，老人精神尚好，叮嘱按时服药',
  place: '柳屯东村',
  ...extra,
});

async function post(s: Session, body: Record<string, unknown>, status = 201) {
  const r = await t.call(s, 'POST', '/api/v1/service-records', body);
  expect(r.statusCode, r.body).toBe(status);
  const v = r.json();
  if (status === 201)
    made.set(v.id, {
      servedOn: v.servedOn,
      code: v.catalogueCode,
      form: v.form,
      people: (body.beneficiaryIds as string[] | undefined) ?? [],
      head: v.headCount,
      min: v.durationMinutes,
    });
  return v;
}

const snapshot = () => serviceSnapshot(t.db);
const contactOf = (id: string) => contactOfStored(t.db, id);
/** A person of 柳屯 that only one test names (its counts start from nothing). */
async function newPerson(name: string, idNumber: string) {
  const r = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', { stationId: ids.liutun, name, idNumber });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const expected = () => expectedRollups(made.values());
const actual = () => storedRollups(t.db, ids.liutun);

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  const f = await servicesFixture(t, 61);
  ({ org, county, lead, city } = f);
  Object.assign(sw, f.sw);
  Object.assign(ids, f.ids, f.workerIds);
  ids.elder = await f.person(sw.zhang, '王秀英', {
    categories: [{ category: 'hardship_elder', startedOn: '2025-03-01', source: '入户核实' }],
  });
  // A child, li responsible: sensitive (R-SCOPE-2), so zhang sees only that the child exists.
  ids.child = await f.person(sw.li, '李小明', {
    birth: '20150601',
    categories: [{ category: 'left_behind_child', startedOn: '2025-09-01', source: '入户走访' }],
    extra: { guardian: { name: '李大山', relation: '祖父', phone: '13900001111' }, workerId: ids.li },
  });
  // A person served only by 文留镇 (no contract of this organisation there), written as the registry would.
  const path = (await t.db.select().from(beneficiaryStations).limit(1))[0].divisionPath.replace(DIV.liutun, DIV.wenliu);
  const [other] = await t.db
    .insert(beneficiaries)
    .values({ stationId: ids.wenliu, divisionPath: path, name: '赵文留', birthYear: 1950, gender: 'female' })
    .returning();
  await t.db
    .insert(beneficiaryStations)
    .values({ beneficiaryId: other.id, stationId: ids.wenliu, divisionPath: path, since: '2026-01-01' });
  ids.otherPerson = other.id;
  ids.wenliuPath = path;
}, 180_000);
afterAll(() => t?.close());

describe('the catalogue (R-SVC-2)', () => {
  it('R-SVC-2 GET /catalogue answers the 附件2 items from the reference data', async () => {
    const r = await t.call(sw.zhang, 'GET', '/api/v1/catalogue');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { code: string; domainName: string; itemName: string }[];
    expect(items).toHaveLength(29);
    expect(items.find((i) => i.code === '2.3')).toMatchObject({ domainName: '养老服务', itemName: '精神慰藉' });
  });
});

describe('recording a service (R-SVC-2, R-SVC-3)', () => {
  it('R-SVC-2 a home visit: the worker by default, the organisation of the day, counted and last visit set at once', async () => {
    const v = await post(sw.zhang, visit());
    expect(v).toMatchObject({
      stationId: ids.liutun,
      form: 'home_visit',
      domainCode: 2,
      domainName: '养老服务',
      itemName: '精神慰藉',
      organisationId: ids.org,
      people: [{ id: ids.elder, name: '王秀英', restricted: false }],
      workers: [{ id: ids.zhang, name: '张晓梅' }],
      summaryWithheld: false,
      abilities: { update: true, archive: true },
    });
    ids.first = v.id;
    expect(await contactOf(ids.elder)).toEqual({ service: '2026-11-20', visit: '2026-11-20' });
    const [stat] = await t.db
      .select()
      .from(serviceMonthStats)
      .where(and(eq(serviceMonthStats.stationId, ids.liutun), eq(serviceMonthStats.catalogueCode, '2.3')));
    expect(stat).toMatchObject({
      month: '2026-11-01',
      records: 1,
      personServices: 1,
      minutes: 40,
      organisationId: ids.org,
    });
  });

  it('R-SVC-2 the same record sent twice (offline queue) is stored once; the same id with other content is a 409', async () => {
    const body = visit({ servedOn: '2026-11-21', catalogueCode: '2.1' });
    const first = await post(sw.zhang, body);
    const before = await snapshot();
    const again = await t.call(sw.zhang, 'POST', '/api/v1/service-records', body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, version: 1 });
    const changed = await t.call(sw.zhang, 'POST', '/api/v1/service-records', { ...body, durationMinutes: 90 });
    expect(changed.statusCode, changed.body).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'DUPLICATE' });
    expect(changed.json().message).toMatch(/已经保存过/);
    expect(await snapshot()).toEqual(before);
    const [stat] = await t.db.select().from(serviceMonthStats).where(eq(serviceMonthStats.catalogueCode, '2.1'));
    expect(stat.records).toBe(1);
  });

  it('R-SVC-2 a record sent again after its checks would refuse it (the person since moved away) answers with the stored one', async () => {
    // The create reads no id first: a resend that today's checks refuse must still find what was stored.
    const body = visit({ servedOn: '2026-11-19', catalogueCode: '2.2' });
    const first = await post(sw.zhang, body);
    const link = and(eq(beneficiaryStations.beneficiaryId, ids.elder), eq(beneficiaryStations.stationId, ids.liutun));
    await t.db.update(beneficiaryStations).set({ archivedAt: new Date() }).where(link);
    try {
      const before = await snapshot();
      const again = await t.call(sw.zhang, 'POST', '/api/v1/service-records', body);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ id: first.id, version: 1 });
      const fresh = await t.call(sw.zhang, 'POST', '/api/v1/service-records', { ...body, id: randomUUID() });
      expect(fresh.statusCode, fresh.body).toBe(400);
      expect(fresh.json().details?.fieldErrors?.beneficiaryIds).toMatch(/不是本站的服务对象/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await t.db.update(beneficiaryStations).set({ archivedAt: null }).where(link);
    }
  });

  it('R-SVC-2 R-SVC-3 bad input answers a Chinese 4xx naming the field and writes nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [visit({ catalogueCode: '7.1' }), 422, 'catalogueCode', /附件2/],
      [visit({ catalogueCode: '2.9' }), 422, 'catalogueCode', /附件2/],
      [visit({ catalogueCode: '养老' }), 400, 'catalogueCode', /附件2/],
      [visit({ servedOn: '2026-11-29' }), 400, 'servedOn', /晚于今天/],
      [visit({ beneficiaryIds: [] }), 400, 'beneficiaryIds', /走访入户须选择/],
      [visit({ form: 'phone_followup', headCount: 3 }), 400, 'headCount', /不填写参与人数/],
      [visit({ form: 'community_activity', beneficiaryIds: [], catalogueCode: '2.4' }), 400, 'headCount', /参与人数/],
      [visit({ beneficiaryIds: [ids.elder, ids.otherPerson] }), 400, 'beneficiaryIds', /不是本站的服务对象/],
      [visit({ beneficiaryIds: [randomUUID()] }), 400, 'beneficiaryIds', /不是本站的服务对象/],
      [visit({ durationMinutes: 0 }), 400, 'durationMinutes', /至少 1 分钟/],
      [visit({ durationMinutes: 1000 }), 400, 'durationMinutes', /分次记录/],
      [visit({ stationId: ids.wenliu }), 400, 'stationId', /不是您服务的社工站/],
      [visit({ workerIds: [randomUUID()] }), 400, 'workerIds', /派驻该社工站/],
      [visit({ servedOn: '2026-02-10' }), 400, 'workerIds', /未派驻/],
      [visit({ summary: '' }), 400, 'summary', /几句话/],
      [
        visit({ concern: { kind: 'abuse', description: '疑似', beneficiaryId: ids.child } }),
        400,
        'concern.beneficiaryId',
        /服务对象之一/,
      ],
    ];
    for (const [body, status, field, message] of cases) {
      const r = await t.call(sw.zhang, 'POST', '/api/v1/service-records', body);
      expect(r.statusCode, `${field}: ${r.body}`).toBe(status);
      expect(r.json().details?.fieldErrors?.[field], `${field}: ${r.body}`).toMatch(message);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('R-SVC-2 a community activity counts heads; community work (四) may name and count nobody', async () => {
    await post(
      sw.zhang,
      visit({ form: 'community_activity', beneficiaryIds: [], headCount: 35, catalogueCode: '2.4' }),
    );
    await post(
      sw.zhang,
      visit({ form: 'group_work', beneficiaryIds: [], catalogueCode: '4.3', servedOn: '2026-10-08' }),
    );
    await post(
      sw.li,
      visit({
        form: 'group_work',
        beneficiaryIds: [ids.elder, ids.child],
        catalogueCode: '3.3',
        servedOn: '2026-10-15',
      }),
    );
  });

  it('R-SVC-5 a late-entered older record never moves the last service back', async () => {
    await post(sw.zhang, visit({ servedOn: '2026-09-01', form: 'phone_followup', catalogueCode: '2.1' }));
    expect(await contactOf(ids.elder)).toEqual({ service: '2026-11-21', visit: '2026-11-21' });
  });
});

describe('statistics rollups kept in step (issue 11: current as records arrive)', () => {
  it('R-SVC-2 month rollups equal the counts computed from the records made', async () => {
    expect(await actual()).toEqual(expected());
    const months = await t.db
      .select({ n: sql<number>`count(distinct ${servicePeopleMonths.beneficiaryId})::int` })
      .from(servicePeopleMonths)
      .where(eq(servicePeopleMonths.month, '2026-10-01'));
    expect(months[0].n).toBe(2);
  });

  it('R-SVC-2 a change moves the counts (month, item, people); a stale version is a 409', async () => {
    const cur = (await t.call(sw.zhang, 'GET', `/api/v1/service-records/${ids.first}`)).json();
    const r = await t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${ids.first}`, {
      version: cur.version,
      servedOn: '2026-10-30',
      catalogueCode: '2.5',
      durationMinutes: 55,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ servedOn: '2026-10-30', itemName: '权益保障', version: 2 });
    made.set(ids.first, { ...made.get(ids.first)!, servedOn: '2026-10-30', code: '2.5', min: 55 });
    expect(await actual()).toEqual(expected());
    const stale = await t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${ids.first}`, {
      version: cur.version,
      summary: '再改一次',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const bad = await t.call(sw.zhang, 'PATCH', `/api/v1/service-records/${ids.first}`, {
      version: 2,
      catalogueCode: '9.9',
    });
    expect(bad.statusCode, bad.body).toBe(422);
  });

  it('R-SVC-2 withdrawing a record takes it out of lists and counts, and the last visit goes back', async () => {
    const visits = [...made.entries()].filter(([, r]) => r.form === 'home_visit' && r.people.includes(ids.elder));
    const latest = visits.sort(([, a], [, b]) => b.servedOn.localeCompare(a.servedOn))[0];
    const cur = (await t.call(sw.zhang, 'GET', `/api/v1/service-records/${latest[0]}`)).json();
    const r = await t.call(sw.zhang, 'POST', `/api/v1/service-records/${latest[0]}/archive`, {
      version: cur.version,
      reason: '重复录入',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().archivedAt).not.toBeNull();
    made.delete(latest[0]);
    expect(await actual()).toEqual(expected());
    expect((await t.call(sw.zhang, 'GET', `/api/v1/service-records/${latest[0]}`)).statusCode).toBe(404);
    const list = (await t.call(sw.zhang, 'GET', '/api/v1/service-records?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(latest[0]);
    expect(list.total).toBe(made.size);
    const left = [...made.values()].filter((m) => m.people.includes(ids.elder));
    const max = (xs: string[]) => xs.sort().at(-1) ?? null;
    expect(await contactOf(ids.elder)).toEqual({
      service: max(left.map((m) => m.servedOn)),
      visit: max(left.filter((m) => m.form === 'home_visit').map((m) => m.servedOn)),
    });
  });
});

describe('who sees what (R-SCOPE-1, R-SCOPE-2)', () => {
  it('R-SCOPE-1 another station’s record answers 404 to the worker, lead and contractor; its county sees it', async () => {
    const [rec] = await t.db
      .insert(serviceRecords)
      .values({
        id: randomUUID(),
        stationId: ids.wenliu,
        divisionPath: ids.wenliuPath,
        servedOn: '2026-11-02',
        durationMinutes: 30,
        form: 'home_visit',
        catalogueCode: '2.3',
        domainCode: 2,
        summary: '文留镇的记录',
      })
      .returning();
    for (const s of [sw.zhang, lead, org]) {
      const r = await t.call(s, 'GET', `/api/v1/service-records/${rec.id}`);
      expect(r.statusCode, r.body).toBe(404);
      const p = await t.call(s, 'PATCH', `/api/v1/service-records/${rec.id}`, { version: 1, summary: '越权修改' });
      // The contractor's admin does not record services at all (403 before scope); the others are told 404.
      expect(p.statusCode, p.body).toBe(s === org ? 403 : 404);
      const list = (await t.call(s, 'GET', '/api/v1/service-records?pageSize=100')).json();
      expect(list.items.map((i: { id: string }) => i.id)).not.toContain(rec.id);
    }
    expect((await t.call(county, 'GET', `/api/v1/service-records/${rec.id}`)).statusCode).toBe(200);
    await t.db.delete(serviceRecords).where(eq(serviceRecords.id, rec.id));
  });

  it('R-SCOPE-2 officers see initials; a child’s record is withheld from a colleague and its clear read is audited', async () => {
    const list = (await t.call(county, 'GET', `/api/v1/service-records?beneficiaryId=${ids.elder}`)).json();
    expect(list.total).toBeGreaterThan(0);
    for (const item of list.items)
      expect(item.people.find((p: { id: string }) => p.id === ids.elder).name).toBe('王*英');
    const cityView = (await t.call(city, 'GET', `/api/v1/service-records?beneficiaryId=${ids.child}`)).json();
    expect(cityView.items[0]).toMatchObject({ summaryWithheld: true, summary: '' });
    const childRecord = cityView.items[0].id;
    const colleague = (await t.call(sw.zhang, 'GET', `/api/v1/service-records/${childRecord}`)).json();
    expect(colleague).toMatchObject({ summaryWithheld: true, summary: '', abilities: { update: false } });
    expect(colleague.people.find((p: { id: string }) => p.id === ids.child)).toMatchObject({
      name: '李*明',
      restricted: true,
    });
    const audited = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'read_pii'), eq(auditEvents.entityType, 'serviceRecord')))
      )[0].n;
    const before = await audited();
    const officer = (await t.call(county, 'GET', `/api/v1/service-records/${childRecord}`)).json();
    expect(officer.summaryWithheld).toBe(false);
    expect(officer.summary).toMatch(/入户看望/);
    expect(await audited()).toBe(before + 1);
    const own = (await t.call(sw.li, 'GET', `/api/v1/service-records/${childRecord}`)).json();
    expect(own).toMatchObject({ summaryWithheld: false, abilities: { update: true } });
  });

  it('R-SVC-2 a page costs the same number of queries whatever its size (no query per record or person)', async () => {
    const one = await t.countQueries(() => t.call(sw.zhang, 'GET', '/api/v1/service-records?pageSize=3'));
    const all = await t.countQueries(() => t.call(sw.zhang, 'GET', '/api/v1/service-records?pageSize=100'));
    expect(made.size).toBeGreaterThan(4);
    expect(all).toBe(one);
  });

  it('R-SCOPE-2 officers record no services', async () => {
    const r = await t.call(county, 'POST', '/api/v1/service-records', visit());
    expect(r.statusCode).toBe(403);
  });
});

describe('hostile input, races and the case gate', () => {
  it('R-SVC-2 hostile or malformed bodies and queries are a Chinese 400, never a 500, and write nothing', async () => {
    const before = await snapshot();
    const bodies: [Record<string, unknown>, string][] = [
      [visit({ summary: '看望\u0000老人' }), 'summary'],
      [visit({ place: '柳屯\u202e村' }), 'place'],
      [visit({ durationMinutes: '40' }), 'durationMinutes'],
      [visit({ beneficiaryIds: ['not-a-uuid'] }), 'beneficiaryIds.0'],
      [visit({ beneficiaryIds: Array.from({ length: 201 }, () => randomUUID()) }), 'beneficiaryIds'],
      [visit({ id: 'phone-1' }), 'id'],
      [visit({ servedOn: '2026-02-30' }), 'servedOn'],
      [visit({ form: 'gps_checkin' }), 'form'],
      [visit({ points: 5 }), 'points'],
    ];
    for (const [body, field] of bodies) {
      const r = await t.call(sw.zhang, 'POST', '/api/v1/service-records', body);
      expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
      expect(Object.keys(r.json().details?.fieldErrors ?? {}), r.body).toContain(field);
    }
    for (const q of ['pageSize=1000', 'from=2026-13-01', 'domain=abc', 'item=%00', 'stationId=1']) {
      const r = await t.call(sw.zhang, 'GET', `/api/v1/service-records?${q}`);
      expect(r.statusCode, `${q}: ${r.body}`).toBe(400);
    }
    expect((await t.call(sw.zhang, 'GET', '/api/v1/service-records/not-a-uuid')).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('R-SVC-2 the same record sent twice at once is stored once (both answered with it)', async () => {
    const body = visit({ servedOn: '2026-11-25', form: 'phone_followup', catalogueCode: '2.1' });
    const [a, b] = await Promise.all([
      t.call(sw.zhang, 'POST', '/api/v1/service-records', body),
      t.call(sw.zhang, 'POST', '/api/v1/service-records', body),
    ]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const v = a.json();
    made.set(v.id, {
      servedOn: v.servedOn,
      code: '2.1',
      form: 'phone_followup',
      people: [ids.elder],
      head: 0,
      min: 40,
    });
    expect(await actual()).toEqual(expected());
  });

  it('R-SVC-2 R-SVC-5 a withdrawal racing a new record of the same person and month: still counted, last service kept', async () => {
    const racer = await newPerson('赵竞先', makeCitizenId('19600101', 77));
    const counted = async () =>
      (
        await t.db
          .select()
          .from(servicePeopleMonths)
          .where(and(eq(servicePeopleMonths.month, '2026-08-01'), eq(servicePeopleMonths.beneficiaryId, racer)))
      ).length;
    const record = (servedOn: string) =>
      visit({ servedOn, form: 'phone_followup', catalogueCode: '2.1', beneficiaryIds: [racer] });
    for (let i = 0; i < 6; i++) {
      const old = (await t.call(sw.zhang, 'POST', '/api/v1/service-records', record('2026-08-10'))).json();
      const [archived, fresh] = await Promise.all([
        t.call(sw.zhang, 'POST', `/api/v1/service-records/${old.id}/archive`, { version: 1, reason: '误录撤回' }),
        t.call(sw.zhang, 'POST', '/api/v1/service-records', record('2026-08-12')),
      ]);
      expect([archived.statusCode, fresh.statusCode], `${archived.body} ${fresh.body}`).toEqual([200, 201]);
      expect(await counted()).toBe(1);
      expect(await contactOf(racer)).toEqual({ service: '2026-08-12', visit: null });
      const back = await t.call(sw.zhang, 'POST', `/api/v1/service-records/${fresh.json().id}/archive`, {
        version: 1,
        reason: '测试撤回',
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(await counted()).toBe(0);
      expect(await contactOf(racer)).toEqual({ service: null, visit: null });
    }
    expect(await actual()).toEqual(expected());
  });

  it('R-SVC-2 R-SVC-5 records naming the same people, station and month written at once with a withdrawal: each counted, none deadlocked', async () => {
    // Each new record is one statement whose steps lock the rollup rows in a withdrawal's order (station month row,
    // unit month row, people months, unit people, last contacts): run together, none may wait on another in a cycle.
    const people = [await newPerson('钱同时', makeCitizenId('19550101', 60))];
    people.push(await newPerson('孙同时', makeCitizenId('19550101', 61)));
    const old = await post(sw.zhang, visit({ servedOn: '2026-09-03', beneficiaryIds: people }));
    const bodies = Array.from({ length: 10 }, (_, i) =>
      visit({
        servedOn: `2026-09-${10 + i}`,
        form: i % 2 ? 'home_visit' : 'phone_followup',
        catalogueCode: i % 2 ? '2.3' : '2.1',
        beneficiaryIds: i % 3 === 0 ? people : [people[i % 2]],
      }),
    );
    // `post` expects each create's 201 and records it for the tally.
    const [withdrawn] = await Promise.all([
      t.call(sw.zhang, 'POST', `/api/v1/service-records/${old.id}/archive`, { version: 1, reason: '误录撤回' }),
      ...bodies.map((b) => post(sw.zhang, b)),
    ]);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    made.delete(old.id);
    expect(await actual()).toEqual(expected());
    const both = { service: '2026-09-19', visit: '2026-09-19' }; // both named on the 19th, a home visit
    expect(await Promise.all(people.map(contactOf))).toEqual([both, both]);
  });

  it('R-SVC-3 a record naming a case that does not exist here is refused and writes nothing', async () => {
    const before = await snapshot();
    const r = await t.call(
      sw.zhang,
      'POST',
      '/api/v1/service-records',
      visit({ form: 'case_work', caseId: randomUUID() }),
    );
    expect(r.statusCode, r.body).toBe(404);
    expect(r.json().message).toMatch(/个案/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('alerts, photos and the log (R-SVC-5)', () => {
  it('R-SVC-5 a record flagging suspected abuse raises an alert in the same transaction', async () => {
    const v = await post(
      sw.li,
      visit({
        beneficiaryIds: [ids.child],
        catalogueCode: '3.1',
        concern: { kind: 'abuse', description: '孩子手臂有淤青' },
      }),
    );
    expect(v.alertRaised).toBe(true);
    expect(v.alertIds).toHaveLength(1);
    const [a] = await t.db.select().from(alerts).where(eq(alerts.id, v.alertIds[0]));
    expect(a).toMatchObject({ serviceRecordId: v.id, beneficiaryId: ids.child, kind: 'abuse', stationId: ids.liutun });
  });

  it('R-SVC-5 R-SCOPE-2 a record that raised an alert keeps its summary from those who may not read the alert', async () => {
    const v = await post(
      sw.zhang,
      visit({ summary: '老人手臂有伤', concern: { kind: 'domestic_violence', description: '老人称被家人打伤' } }),
    );
    const read = async (s: Session) => (await t.call(s, 'GET', `/api/v1/service-records/${v.id}`)).json();
    expect(await read(org)).toMatchObject({ summaryWithheld: true, summary: '', photos: [] });
    const listed = (await t.call(org, 'GET', `/api/v1/service-records?beneficiaryId=${ids.elder}`)).json();
    expect(listed.items.find((i: { id: string }) => i.id === v.id)).toMatchObject({
      summaryWithheld: true,
      summary: '',
    });
    expect(await read(lead)).toMatchObject({ summaryWithheld: false, summary: '老人手臂有伤', alertIds: v.alertIds });
    expect(await read(county)).toMatchObject({ summaryWithheld: false, summary: '老人手臂有伤' });
    expect(await read(sw.zhang)).toMatchObject({ summaryWithheld: false, summary: '老人手臂有伤' });
  });

  it('R-SVC-2 a photo is optional and attached to the saved record', async () => {
    const r = await upload(t, sw.zhang, `/api/v1/service-records/${ids.first}/files`, {
      name: '走访.png',
      type: 'image/png',
      bytes: PNG,
    });
    expect(r.statusCode, r.body).toBe(201);
    const v = (await t.call(sw.zhang, 'GET', `/api/v1/service-records/${ids.first}`)).json();
    expect(v.photos).toHaveLength(1);
  });

  it('R-SVC-2 every create, change and withdrawal is in the log, without the summary text or names', async () => {
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'serviceRecord'), eq(auditEvents.entityId, ids.first)));
    expect(rows.map((r) => r.action).sort()).toEqual(['create', 'update', 'upload']);
    expect(JSON.stringify(rows)).not.toMatch(/王秀英|叮嘱按时服药/);
  });
});
