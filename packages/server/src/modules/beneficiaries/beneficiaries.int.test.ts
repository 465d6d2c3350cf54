import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TERMS } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';

// The registry (R-SVC-1), risk (R-SVC-5) and who sees what (R-SCOPE-2), through the HTTP API on both databases.
const TODAY = '2026-11-28';
let t: TestApp;
let org: Session;
let county: Session;
let city: Session;
let lead: Session;
let leadName = '';
const sw: Record<string, Session> = {};
const ids: Record<string, string> = {};
const ELDER_ID = makeCitizenId('19480305', 21);
const CHILD_ID = makeCitizenId('20150601', 12);

async function workerLogin(key: string, name: string, idNumber: string, stationId: string) {
  const w = await t.call(org, 'POST', '/api/v1/workers', {
    name,
    idNumber,
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  ids[key] = w.json().id;
  // Placed only where the organisation holds a contract (文留镇 gets one later in the file).
  if (stationId === ids.liutun)
    await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/assignments`, { stationId, startOn: '2026-03-01' });
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

const elder = (extra: Record<string, unknown> = {}) => ({
  stationId: ids.liutun,
  name: '王秀英',
  idNumber: ELDER_ID,
  phone: '13812345678',
  village: '柳屯东村',
  address: '柳屯东村三组 12 号',
  categories: [
    { category: 'dibao', startedOn: '2024-01-01', source: '濮阳县民政局低保名册' },
    { category: 'hardship_elder', startedOn: '2025-03-01', source: '入户核实' },
  ],
  ...extra,
});
const child = (extra: Record<string, unknown> = {}) => ({
  stationId: ids.liutun,
  name: '李小明',
  idNumber: CHILD_ID,
  village: '柳屯东村',
  guardian: { name: '李大山', relation: '祖父', phone: '13900001111' },
  categories: [{ category: 'left_behind_child', startedOn: '2025-09-01', source: '入户走访' }],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  const f = await contractFixture(t, 41);
  ({ org, county } = f);
  Object.assign(ids, f.ids);
  await workerLogin('zhang', '张晓梅', makeCitizenId('19950312', 122), ids.liutun);
  await workerLogin('li', '李建国', makeCitizenId('19900101', 11), ids.liutun);
  city = (await t.as('city_officer', DIV.city)).session;
  const pl = await t.makeUser('project_lead', DIV.city, { organisationId: ids.org });
  leadName = pl.username;
  lead = await t.login(pl.username);
}, 120_000);
afterAll(() => t?.close());

describe('registering people (R-SVC-1)', () => {
  it('R-SVC-1 registers a person with an ID: birth date and gender derived, categories with their dates', async () => {
    const r = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', elder());
    expect(r.statusCode, r.body).toBe(201);
    ids.elder = r.json().id;
    expect(r.json()).toMatchObject({
      name: '王秀英',
      idNumber: ELDER_ID,
      birthDate: '1948-03-05',
      gender: 'male',
      masked: false,
      workerName: '张晓梅',
      categories: expect.arrayContaining(['dibao', 'hardship_elder']),
      stations: [{ stationId: ids.liutun, primary: true, workerName: '张晓梅' }],
    });
  });

  it('R-SVC-1 bad input answers a Chinese 400 naming the field and writes nothing', async () => {
    const before = (await t.call(sw.zhang, 'GET', '/api/v1/beneficiaries')).json().total;
    const bad = ELDER_ID.slice(0, 17) + (ELDER_ID.endsWith('1') ? '2' : '1');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [elder({ idNumber: bad }), 'idNumber', /校验位/],
      [child({ guardian: null }), 'guardian', /监护人/],
      [
        elder({
          idNumber: makeCitizenId('19500101', 31),
          categories: [{ category: 'dibao', startedOn: '2025-05-01', endedOn: '2025-01-01', source: '名册' }],
        }),
        'categories.0.endedOn',
        /早于开始/,
      ],
      [
        elder({
          idNumber: makeCitizenId('19500101', 31),
          categories: [
            { category: 'dibao', startedOn: '2024-01-01', source: '名册' },
            { category: 'dibao', startedOn: '2025-01-01', source: '名册' },
          ],
        }),
        'categories.1.startedOn',
        /重叠/,
      ],
      [elder({ idNumber: '', noIdReason: null }), 'noIdReason', /原因/],
    ];
    for (const [body, field, rule] of cases) {
      const r = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', body);
      expect(r.statusCode, field).toBe(400);
      expect(r.json().details.fieldErrors[field], field).toMatch(rule);
      expect(r.json().message).toMatch(/「.+」/);
    }
    expect((await t.call(sw.zhang, 'GET', '/api/v1/beneficiaries')).json().total).toBe(before);
  });

  it('R-SVC-1 one person once: the same ID is a 409 with the match; another station links instead of copying', async () => {
    const dup = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', elder({ name: '王秀英二' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', details: { match: { by: 'id', inScope: true } } });
    // A worker of 文留镇 (not serving her) learns only that she is registered, and where.
    await workerLogin('wang', '王丽', makeCitizenId('19920202', 44), ids.wenliu);
    const m = await t.call(sw.wang, 'POST', '/api/v1/beneficiaries/matches', { idNumber: ELDER_ID });
    expect(m.json().items).toEqual([expect.objectContaining({ id: null, inScope: false, name: '王*英' })]);
    expect((await t.call(sw.wang, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).statusCode).toBe(404);
  });

  it('R-SVC-1 a person without ID: matched by name, gender, birth year and village before saving', async () => {
    const homeless = {
      stationId: ids.liutun,
      name: '无名氏甲',
      noIdReason: 'homeless_unknown',
      gender: 'male',
      birthYear: 1970,
      village: '柳屯东村',
      categories: [{ category: 'homeless', startedOn: '2026-10-01', source: '救助站转介' }],
    };
    const r = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', homeless);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ idNumber: null, birthYear: 1970, age: 56 });
    const m = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries/matches', {
      name: '无名氏甲',
      gender: 'male',
      birthYear: 1971,
      village: '柳屯东村',
    });
    expect(m.json().items).toEqual([expect.objectContaining({ id: r.json().id, by: 'person', inScope: true })]);
  });

  it('R-SVC-1 categories as of a date answer from the periods; ending one keeps its history', async () => {
    const cats = (await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}/categories`)).json().items;
    const dibao = cats.find((c: { category: string }) => c.category === 'dibao');
    const end = await t.call(sw.zhang, 'PATCH', `/api/v1/beneficiaries/${ids.elder}/categories/${dibao.id}`, {
      endedOn: '2026-06-30',
    });
    expect(end.json()).toMatchObject({ endedOn: '2026-06-30', current: false });
    const q = (asOf: string) =>
      t.call(sw.zhang, 'GET', `/api/v1/beneficiaries?category=dibao&asOf=${asOf}`).then((r) => r.json().total);
    expect([await q('2026-06-30'), await q('2026-07-01'), await q('2023-12-31')]).toEqual([1, 0, 0]);
    const overlap = await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${ids.elder}/categories`, {
      category: 'dibao',
      startedOn: '2026-06-01',
      source: '名册',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().message).toMatch(/重叠/);
    const again = await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${ids.elder}/categories`, {
      category: 'dibao',
      startedOn: '2026-09-01',
      source: '名册',
    });
    expect(again.statusCode).toBe(201);
  });

  it('R-SVC-5 risk assessments are kept; the latest is the person’s grade and a list filter', async () => {
    for (const [level, on] of [
      ['medium', '2026-05-01'],
      ['high', '2026-11-01'],
    ])
      expect(
        (
          await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${ids.elder}/risk-assessments`, {
            level,
            reason: '独居，行动不便',
            assessedOn: on,
          })
        ).statusCode,
      ).toBe(201);
    expect((await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).json().risk.level).toBe('high');
    expect((await t.call(sw.zhang, 'GET', '/api/v1/beneficiaries?risk=high')).json().items[0].id).toBe(ids.elder);
    const consent = await t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${ids.elder}/consents`, {
      kind: 'data_use',
      decision: 'given',
      givenBy: 'self',
      scope: '社工站服务档案',
      recordedOn: '2026-11-01',
    });
    expect(consent.json()).toMatchObject({ recordedBy: '张晓梅', decision: 'given' });
  });

  it('searches by name start, whole ID, last digits of ID or phone, and village', async () => {
    const find = async (q: string) =>
      (await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries?${q}`)).json().items.map((x: { name: string }) => x.name);
    expect(await find(`q=${encodeURIComponent('王秀')}`)).toEqual(['王秀英']);
    expect(await find(`q=${ELDER_ID}`)).toEqual(['王秀英']);
    expect(await find(`q=${ELDER_ID.slice(-6)}`)).toEqual(['王秀英']);
    expect(await find('q=5678')).toEqual(['王秀英']);
    expect(await find('q=13812345678')).toEqual(['王秀英']);
    expect(await find(`village=${encodeURIComponent('柳屯')}&q=${encodeURIComponent('王')}`)).toEqual(['王秀英']);
  });
});

describe('who sees what (R-SCOPE-2)', () => {
  it('R-SCOPE-2 a child is sensitive: the responsible worker, the lead and the county officer see it; a colleague does not', async () => {
    const r = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', child());
    expect(r.statusCode, r.body).toBe(201);
    ids.child = r.json().id;
    expect(r.json()).toMatchObject({ sensitive: true, restricted: false, minor: true });
    const colleague = (await t.call(sw.li, 'GET', `/api/v1/beneficiaries/${ids.child}`)).json();
    expect(colleague).toMatchObject({ restricted: true, name: '李*明', idNumber: expect.stringContaining('****') });
    expect(colleague.guardian).toBeNull();
    expect(colleague.categoryHistory).toEqual([]);
    expect((await t.call(sw.li, 'GET', `/api/v1/beneficiaries/${ids.child}/consents`)).statusCode).toBe(403);
    const asLead = (await t.call(lead, 'GET', `/api/v1/beneficiaries/${ids.child}`)).json();
    expect(asLead).toMatchObject({ restricted: false, idNumber: CHILD_ID, guardian: { name: '李大山' } });
    const asCounty = (await t.call(county, 'GET', `/api/v1/beneficiaries/${ids.child}`)).json();
    expect(asCounty).toMatchObject({ restricted: false, masked: true, name: '李小明', abilities: { unmask: true } });
    expect(asCounty.idNumber).not.toBe(CHILD_ID);
    const asCity = (await t.call(city, 'GET', `/api/v1/beneficiaries/${ids.child}`)).json();
    expect(asCity).toMatchObject({ restricted: true, abilities: { unmask: false } });
    expect(
      (await t.call(city, 'POST', `/api/v1/beneficiaries/${ids.child}/unmask`, { reason: '核实' })).statusCode,
    ).toBe(400);
    expect(
      (await t.call(city, 'POST', `/api/v1/beneficiaries/${ids.child}/unmask`, { reason: '核实低保资格' })).statusCode,
    ).toBe(403);
  });

  it('R-SCOPE-2 officers see masked names in lists and unmask one record with a reason, audited', async () => {
    const list = (await t.call(county, 'GET', '/api/v1/beneficiaries')).json();
    expect(list.items.map((x: { name: string }) => x.name)).toContain('王*英');
    expect(JSON.stringify(list)).not.toContain(ELDER_ID);
    const u = await t.call(county, 'POST', `/api/v1/beneficiaries/${ids.child}/unmask`, { reason: '核实监护情况' });
    expect(u.statusCode).toBe(200);
    expect(u.json()).toMatchObject({ idNumber: CHILD_ID, guardianPhone: '13900001111' });
    const log = (await t.call(await cityAdmin(), 'GET', '/api/v1/audit-events?action=unmask')).json().items;
    expect(log[0]).toMatchObject({ entityType: 'beneficiary', entityId: ids.child });
    expect(log[0].summary).toContain('核实监护情况');
    expect(JSON.stringify(log)).not.toContain(CHILD_ID);
  });

  it('R-SCOPE-2 every clear read is audited; officers cannot change records', async () => {
    const admin = await cityAdmin();
    const before = (await t.call(admin, 'GET', '/api/v1/audit-events?action=read_pii')).json().total;
    await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}`);
    expect((await t.call(admin, 'GET', '/api/v1/audit-events?action=read_pii')).json().total).toBe(before + 1);
    await t.call(county, 'GET', `/api/v1/beneficiaries/${ids.elder}`); // masked: no clear read
    expect((await t.call(admin, 'GET', '/api/v1/audit-events?action=read_pii')).json().total).toBe(before + 1);
    const patch = await t.call(county, 'PATCH', `/api/v1/beneficiaries/${ids.elder}`, { ...elder(), version: 1 });
    expect(patch.statusCode).toBe(403);
  });

  it('a stale version is a 409 and writes nothing', async () => {
    const cur = (await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).json();
    const { stationId: _s, categories: _c, ...person } = elder();
    const ok = await t.call(sw.zhang, 'PATCH', `/api/v1/beneficiaries/${ids.elder}`, {
      ...person,
      phone: '13800000000',
      version: cur.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.call(sw.zhang, 'PATCH', `/api/v1/beneficiaries/${ids.elder}`, {
      ...person,
      phone: '13700000000',
      version: cur.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).json().phone).toBe('13800000000');
  });
});

describe('records belong to the station (handover)', () => {
  it('the handover lists what a team inherits; a list page costs the same for 1 and for many rows', async () => {
    const h = (await t.call(lead, 'GET', `/api/v1/beneficiaries/handover/${ids.liutun}`)).json();
    expect(h).toMatchObject({ stationId: ids.liutun, minors: 1, openCases: null });
    expect(h.highRisk.map((x: { id: string }) => x.id)).toEqual([ids.elder]);
    expect(h.total).toBeGreaterThanOrEqual(3);
    const one = await t.countQueries(() => t.call(sw.zhang, 'GET', '/api/v1/beneficiaries?pageSize=1'));
    const many = await t.countQueries(() => t.call(sw.zhang, 'GET', '/api/v1/beneficiaries?pageSize=50'));
    expect(many).toBe(one);
  });
});

/** A live contract of the fixture's organisation for one more station (as contract-fixture.ts makes the first). */
async function contractFor(stationId: string) {
  const p = (
    await t.call(county, 'POST', '/api/v1/procurements', {
      countyCode: DIV.puyangCounty,
      title: '文留镇社工站项目',
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [stationId],
      publishedOn: '2025-12-01',
    })
  ).json();
  await t.call(county, 'POST', `/api/v1/procurements/${p.id}/award`, {
    organisationId: ids.org,
    amount: 400000,
    awardedOn: '2025-12-10',
  });
  const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));
  const c = await t.call(county, 'POST', '/api/v1/contracts', {
    procurementId: p.id,
    title: '文留镇社工站合同',
    signedOn: '2025-12-20',
    cycleStart: '2026-01-01',
    publishedOn: '2025-12-21',
    terms,
    firstAgreement: { amount: 400000, publishedOn: '2025-12-21' },
  });
  expect(c.statusCode, c.body).toBe(201);
}

let admin: Session | undefined;
async function cityAdmin() {
  admin ??= (await t.as('city_admin', DIV.city)).session;
  return admin;
}

describe('records belong to the station, not to the contractor', () => {
  it('R-SCOPE-2 when the contract ends, the old contractor’s lead and workers lose the people; the county keeps them', async () => {
    t.clock.set('2029-03-01'); // the fixture's contract for 柳屯镇 runs 2026–2028
    try {
      // Sessions expire over two years: log in again as each, on the new date.
      const again = [await t.login(leadName), await t.login('zhang.sw', 'Worker-Pass-02')];
      const officer = (await t.as('county_officer', DIV.puyangCounty)).session;
      for (const s of again) {
        expect((await t.call(s, 'GET', '/api/v1/beneficiaries')).json().total).toBe(0);
        expect((await t.call(s, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).statusCode).toBe(404);
      }
      expect((await t.call(officer, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).statusCode).toBe(200);
    } finally {
      t.clock.set(TODAY);
    }
  });
});

describe('review findings (R-SCOPE-2, R-SVC-1)', () => {
  it('R-SCOPE-2 a filter that would confirm a withheld fact leaves withheld records out', async () => {
    const ids_ = async (s: Session, q: string) =>
      (await t.call(s, 'GET', `/api/v1/beneficiaries?${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids_(sw.li, '')).toContain(ids.child); // the colleague sees that the record exists…
    expect(await ids_(sw.li, 'category=left_behind_child')).not.toContain(ids.child); // …not its category
    expect(await ids_(sw.li, `q=${CHILD_ID.slice(-6)}`)).not.toContain(ids.child);
    expect(await ids_(sw.zhang, 'category=left_behind_child')).toContain(ids.child); // the responsible worker does
    expect(await ids_(county, 'category=left_behind_child')).toContain(ids.child);
    const asCity = (await t.call(city, 'GET', `/api/v1/beneficiaries/${ids.child}`)).json();
    expect(asCity.minor).toBeNull();
  });

  it('R-SCOPE-2 the log keeps no relatives’ names, health categories or risk reasons', async () => {
    const log = (await t.call(await cityAdmin(), 'GET', '/api/v1/audit-events?pageSize=200')).json();
    const text = JSON.stringify(log);
    expect(text).not.toContain('李大山');
    expect(text).not.toContain('独居，行动不便');
  });

  it('R-SVC-1 PATCH changes the fields sent and keeps the others', async () => {
    const cur = (await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}`)).json();
    const r = await t.call(sw.zhang, 'PATCH', `/api/v1/beneficiaries/${ids.elder}`, {
      phone: '13811112222',
      version: cur.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ phone: '13811112222', village: '柳屯东村', idNumber: ELDER_ID, name: '王秀英' });
    expect(r.json().address).toBe(cur.address);
  });

  it('R-SVC-1 linking by ID needs the person’s name too; a future end date is refused', async () => {
    await contractFor(ids.wenliu); // 文留镇 gets its contract: its worker can now be placed there
    const placed = await t.call(org, 'POST', `/api/v1/workers/${ids.wang}/assignments`, {
      stationId: ids.wenliu,
      startOn: '2026-11-01',
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const wrong = await t.call(sw.wang, 'POST', '/api/v1/beneficiaries/links', {
      stationId: ids.wenliu,
      idNumber: ELDER_ID,
      name: '张三',
    });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(JSON.parse(wrong.body).message).toMatch(/姓名.*不一致/);
    const ok = await t.call(sw.wang, 'POST', '/api/v1/beneficiaries/links', {
      stationId: ids.wenliu,
      idNumber: ELDER_ID,
      name: '王秀英',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      ok
        .json()
        .stations.map((s: { stationId: string }) => s.stationId)
        .sort(),
    ).toEqual([ids.liutun, ids.wenliu].sort());
    const open = (await t.call(sw.zhang, 'GET', `/api/v1/beneficiaries/${ids.elder}/categories`)).json().items;
    const current = open.find((c: { endedOn: string | null }) => !c.endedOn);
    const future = await t.call(sw.zhang, 'PATCH', `/api/v1/beneficiaries/${ids.elder}/categories/${current.id}`, {
      endedOn: '2027-01-01',
    });
    expect(future.statusCode).toBe(400);
  });

  it('R-SVC-1 additions at once cannot store overlapping periods of one category', async () => {
    const add = (startedOn: string) =>
      t.call(sw.zhang, 'POST', `/api/v1/beneficiaries/${ids.elder}/categories`, {
        category: 'temporary_relief',
        startedOn,
        source: '临时救助审批',
      });
    const codes = (await Promise.all(['2020-01-01', '2020-02-01', '2020-03-01'].map(add))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 400)).toHaveLength(2);
  });
});
