import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type TwoWorlds } from '../../test-support/two-worlds';

const t = await createTestApp({ today: WORLDS_TODAY });
let w: TwoWorlds;
beforeAll(async () => {
  w = await buildTwoWorlds(t);
});
afterAll(() => t.close());

interface Item {
  id: string;
  kind: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  status: string;
  late: boolean;
  daysLate: number;
  firstSubmittedOn: string | null;
  title: string;
}
const list = async (s: Session, q = '') => {
  const res = await t.call(s, 'GET', `/api/v1/reports?pageSize=200${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
};
const one = async (s: Session, q: string) => {
  const items = await list(s, q);
  expect(items, q).toHaveLength(1);
  return items[0];
};
const get = async (s: Session, id: string) => {
  const res = await t.call(s, 'GET', `/api/v1/reports/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const post = (s: Session, id: string, action: string, body: object) =>
  t.call(s, 'POST', `/api/v1/reports/${id}/${action}`, body);

describe('the reporting calendar', () => {
  it('R-REP-1 R-REP-2 exists by itself: each station brief, the agreement year reports, the county and city reports, with default due dates', async () => {
    const lead = w.A.sessions.project_lead;
    const mine = await list(lead, `&stationId=${w.A.ids.station}`);
    const monthly = mine.filter((r) => r.kind === 'station_monthly').map((r) => [r.periodKey, r.dueOn]);
    // The contract runs from 2026-02-01; today is 2026-06-15: February to June, each due the 5th of the next month.
    expect(monthly.sort()).toEqual([
      ['2026-02', '2026-03-05'],
      ['2026-03', '2026-04-05'],
      ['2026-04', '2026-05-05'],
      ['2026-05', '2026-06-05'],
      ['2026-06', '2026-07-05'],
    ]);
    const quarterly = mine.filter((r) => r.kind === 'station_quarterly').map((r) => [r.periodKey, r.dueOn]);
    expect(quarterly.sort()).toEqual([
      ['2026-Q1', '2026-04-10'],
      ['2026-Q2', '2026-07-10'],
    ]);
    const agreement = (await list(lead, `&organisationId=${w.A.ids.organisation}`)).filter((r) =>
      r.kind.startsWith('agreement_'),
    );
    expect(agreement.map((r) => [r.kind, r.periodStart, r.periodEnd, r.dueOn]).sort()).toEqual([
      ['agreement_final', '2026-02-01', '2027-01-31', '2027-02-15'],
      ['agreement_midterm', '2026-02-01', '2026-07-31', '2026-08-15'],
    ]);
    const county = await list(w.A.sessions.county_officer, '&kind=county_quarterly');
    expect(county.map((r) => [r.periodKey, r.dueOn]).sort()).toEqual([
      ['2026-Q1', '2026-04-15'],
      ['2026-Q2', '2026-07-15'],
    ]);
    const city = await list(w.city.city_officer, '&kind=city_half_year');
    expect(city.map((r) => [r.periodKey, r.dueOn])).toEqual([['2026-H1', '2026-07-20']]);
    expect(city[0].title).toBe('濮阳市2026年上半年社工站项目实施情况报告');
  });

  it('R-SCOPE-1 a county never sees another county’s reports; a contractor only its own organisation’s', async () => {
    const bBrief = await one(w.B.sessions.project_lead, `&kind=station_monthly&period=2026-04`);
    for (const s of [w.A.sessions.county_officer, w.A.sessions.project_lead, w.A.sessions.org_admin]) {
      expect((await list(s)).map((r) => r.id)).not.toContain(bBrief.id);
      expect((await t.call(s, 'GET', `/api/v1/reports/${bBrief.id}`)).statusCode).toBe(404);
    }
    // The city's own report is not a contractor's or a county's to see.
    const cityReport = (await list(w.city.city_officer, '&kind=city_half_year'))[0];
    expect((await t.call(w.A.sessions.county_officer, 'GET', `/api/v1/reports/${cityReport.id}`)).statusCode).toBe(404);
    // Social workers and township liaisons hold no reports at all.
    expect((await t.call(w.A.sessions.social_worker, 'GET', '/api/v1/reports')).statusCode).toBe(403);
  });
});

describe('lateness and the workflow', () => {
  it('R-REP-3 submitted on the due date is in time; a day after is late by one day; unsubmitted past its due date is late until today', async () => {
    const lead = w.A.sessions.project_lead;
    const feb = await one(lead, `&kind=station_monthly&period=2026-02&stationId=${w.A.ids.station}`);
    const mar = await one(lead, `&kind=station_monthly&period=2026-03&stationId=${w.A.ids.station}`);
    const apr = await one(lead, `&kind=station_monthly&period=2026-04&stationId=${w.A.ids.station}`);
    expect([apr.late, apr.daysLate]).toEqual([true, 41]); // due 2026-05-05, today 2026-06-15
    try {
      t.clock.set('2026-03-05');
      expect((await post(lead, feb.id, 'submit', { version: 1 })).statusCode).toBe(200);
      t.clock.set('2026-04-06');
      expect((await post(lead, mar.id, 'submit', { version: 1 })).statusCode).toBe(200);
    } finally {
      t.clock.set(WORLDS_TODAY);
    }
    const after = await list(lead, `&kind=station_monthly&stationId=${w.A.ids.station}`);
    const byKey = new Map(after.map((r) => [r.periodKey, r]));
    expect(byKey.get('2026-02')).toMatchObject({
      status: 'submitted',
      firstSubmittedOn: '2026-03-05',
      late: false,
      daysLate: 0,
    });
    expect(byKey.get('2026-03')).toMatchObject({
      status: 'submitted',
      firstSubmittedOn: '2026-04-06',
      late: true,
      daysLate: 1,
    });
    const late = (await list(lead, `&kind=station_monthly&late=true&stationId=${w.A.ids.station}`)).map(
      (r) => r.periodKey,
    );
    expect(late.sort()).toEqual(['2026-03', '2026-04', '2026-05']);
    // Not late: in time, or not yet due (a report not yet submitted is not late before its due date).
    const inTime = await list(lead, `&kind=station_monthly&late=false&stationId=${w.A.ids.station}`);
    expect(inTime.map((r) => r.periodKey).sort()).toEqual(['2026-02', '2026-06']);
  });

  it('R-REP-3 returned with a comment, resubmitted, accepted: locked with figures frozen; a correction reopens it with a reason and both versions stay', async () => {
    const lead = w.A.sessions.project_lead;
    const county = w.A.sessions.county_officer;
    const may = await one(lead, `&kind=station_monthly&period=2026-05&stationId=${w.A.ids.station}`);
    let v = await get(lead, may.id);
    expect(v.abilities).toMatchObject({ edit: true, submit: true, accept: false });
    expect(v.frozen).toBe(false);
    expect(v.clause).toBe('《实施方案》五（四）');
    const saved = await t.call(lead, 'PATCH', `/api/v1/reports/${may.id}`, {
      version: v.version,
      narrative: { work_done: '五月开展入户走访', problems: '人手紧张' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    v = saved.json();
    // The county may not write the contractor's brief; the contractor may not accept its own.
    expect(
      (await t.call(county, 'PATCH', `/api/v1/reports/${may.id}`, { version: v.version, narrative: {} })).json().code,
    ).toBe('FORBIDDEN');
    expect((await post(lead, may.id, 'accept', { version: v.version })).statusCode).toBe(403);
    v = (await post(lead, may.id, 'submit', { version: v.version })).json();
    expect(v).toMatchObject({ status: 'submitted', firstSubmittedOn: WORLDS_TODAY, late: true, daysLate: 10 });
    expect(v.abilities.edit).toBe(false);

    const noComment = await post(county, may.id, 'return', { version: v.version, comment: ' ' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().details.fieldErrors.comment).toBe('请填写退回意见');
    v = (await post(county, may.id, 'return', { version: v.version, comment: '请补充服务对象数量说明' })).json();
    expect(v).toMatchObject({ status: 'returned', returnComment: '请补充服务对象数量说明' });
    v = (
      await t.call(lead, 'PATCH', `/api/v1/reports/${may.id}`, {
        version: v.version,
        narrative: { highlights: '补充说明' },
      })
    ).json();
    expect(v.narrative).toEqual({ work_done: '五月开展入户走访', problems: '人手紧张', highlights: '补充说明' });
    // A stale version is a conflict, never a silent overwrite.
    expect((await post(lead, may.id, 'submit', { version: v.version - 1 })).json().code).toBe('VERSION_CONFLICT');
    v = (await post(lead, may.id, 'submit', { version: v.version })).json();
    expect(v.firstSubmittedOn).toBe(WORLDS_TODAY);
    v = (await post(county, may.id, 'accept', { version: v.version })).json();
    expect(v).toMatchObject({ status: 'accepted', acceptedOn: WORLDS_TODAY, frozen: true });
    const frozenRecords = v.figures.services.totals.records as number;

    const locked = await t.call(lead, 'PATCH', `/api/v1/reports/${may.id}`, {
      version: v.version,
      narrative: { problems: '改' },
    });
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'REPORT_LOCKED']);

    // A record of May made after acceptance does not move the accepted figures.
    const record = await t.call(w.A.sessions.social_worker, 'POST', '/api/v1/service-records', {
      id: randomUUID(),
      stationId: w.A.ids.station,
      servedOn: '2026-05-20',
      durationMinutes: 40,
      form: 'home_visit',
      catalogueCode: '1.2',
      beneficiaryIds: [w.A.ids.beneficiary],
      summary: '补录五月入户走访',
    });
    expect(record.statusCode, record.body).toBe(201);
    expect((await get(county, may.id)).figures.services.totals.records).toBe(frozenRecords);

    const noReason = await post(lead, may.id, 'reopen', { version: v.version, reason: '' });
    expect(noReason.json().details.fieldErrors.reason).toBe('请填写更正原因');
    v = (await post(lead, may.id, 'reopen', { version: v.version, reason: '补录了一条五月的服务记录' })).json();
    expect(v).toMatchObject({ status: 'draft', revision: 2, frozen: false, acceptedOn: null });
    expect(v.figures.services.totals.records).toBe(frozenRecords + 1);
    expect(v.revisions).toHaveLength(1);
    expect(v.revisions[0]).toMatchObject({
      revision: 1,
      acceptedOn: WORLDS_TODAY,
      reopenReason: '补录了一条五月的服务记录',
    });
    expect(v.revisions[0].figures.services.totals.records).toBe(frozenRecords);
    expect(v.revisions[0].narrative.highlights).toBe('补充说明');
    // Lateness stays judged on the first submission.
    expect(v.firstSubmittedOn).toBe(WORLDS_TODAY);
  });

  it('R-REP-2 the county’s quarterly report gathers its stations’ briefs; the city receives it; the city’s half-year report is final once sent', async () => {
    const county = w.A.sessions.county_officer;
    const q2 = await one(county, '&kind=county_quarterly&period=2026-Q2');
    let v = await get(county, q2.id);
    expect(v.gathered.map((g: { kind: string; subjectName: string }) => g.kind)).toEqual(['station_quarterly']);
    expect(v.receiver).toBe('市民政局');
    v = (await post(county, q2.id, 'submit', { version: v.version })).json();
    expect(v.status).toBe('submitted');
    const city = w.city.city_officer;
    expect((await get(city, q2.id)).abilities).toMatchObject({ accept: true, return: true });
    expect((await post(city, q2.id, 'accept', { version: v.version })).json().status).toBe('accepted');

    const h1 = (await list(city, '&kind=city_half_year'))[0];
    v = await get(city, h1.id);
    expect(v.gathered.map((g: { id: string }) => g.id)).toContain(q2.id);
    v = (await post(city, h1.id, 'submit', { version: v.version })).json();
    expect(v).toMatchObject({ status: 'submitted', frozen: true });
    expect(v.abilities).toMatchObject({ edit: false, accept: false, reopen: true });
  });
});

describe('the city’s due dates', () => {
  it('R-REP-3 the city changes a due date: reports not yet due follow it; those already due keep theirs', async () => {
    const admin = w.city.city_admin;
    const current = (await t.call(admin, 'GET', '/api/v1/report-settings')).json();
    expect(current).toMatchObject({ stationMonthlyDay: 5, version: 0 });
    const bad = await t.call(admin, 'PUT', '/api/v1/report-settings', { ...current, stationMonthlyDay: 31 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors.stationMonthlyDay).toContain('1 至 28');
    expect(
      (await t.call(w.A.sessions.county_admin, 'PUT', '/api/v1/report-settings', { ...current, stationMonthlyDay: 8 }))
        .statusCode,
    ).toBe(403);
    const put = await t.call(admin, 'PUT', '/api/v1/report-settings', { ...current, stationMonthlyDay: 8 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ stationMonthlyDay: 8, version: 1 });
    const briefs = await list(w.B.sessions.project_lead, `&kind=station_monthly&stationId=${w.B.ids.station}`);
    const due = new Map(briefs.map((r) => [r.periodKey, r.dueOn]));
    expect(due.get('2026-06')).toBe('2026-07-08');
    expect(due.get('2026-05')).toBe('2026-06-05');
    const stale = await t.call(admin, 'PUT', '/api/v1/report-settings', { ...current, stationMonthlyDay: 9 });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});

describe('the platform’s start month', () => {
  it('R-REP-1 reports of periods before it that nobody touched are set aside; moving it back brings them back', async () => {
    const admin = w.city.city_admin;
    const lead = w.B.sessions.project_lead;
    const months = async () =>
      (await list(lead, `&kind=station_monthly&stationId=${w.B.ids.station}`)).map((r) => r.periodKey).sort();
    expect(await months()).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    // A brief someone has written stays owed whatever the start month.
    const march = await one(lead, `&kind=station_monthly&period=2026-03&stationId=${w.B.ids.station}`);
    expect(
      (await t.call(lead, 'PATCH', `/api/v1/reports/${march.id}`, { version: 1, narrative: { work_done: '三月' } }))
        .statusCode,
    ).toBe(200);
    let settings = (await t.call(admin, 'GET', '/api/v1/report-settings')).json();
    const bad = await t.call(admin, 'PUT', '/api/v1/report-settings', { ...settings, startsOn: '2026-13' });
    expect(Object.keys(bad.json().details.fieldErrors)).toEqual(['startsOn']);
    settings = (await t.call(admin, 'PUT', '/api/v1/report-settings', { ...settings, startsOn: '2026-04' })).json();
    expect(settings.startsOn).toBe('2026-04');
    expect(await months()).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    expect((await list(lead, `&kind=station_quarterly&stationId=${w.B.ids.station}`)).map((r) => r.periodKey)).toEqual([
      '2026-Q2',
    ]);
    expect((await t.call(admin, 'PUT', '/api/v1/report-settings', { ...settings, startsOn: null })).statusCode).toBe(
      200,
    );
    expect(await months()).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });
});

describe('a handover', () => {
  it('R-REP-1 a station changing contractor: its briefs not yet submitted follow it to the new contractor; submitted ones stay', async () => {
    const [oldLead, newLead] = [w.B.sessions.project_lead, w.A.sessions.project_lead];
    const april = await one(oldLead, `&kind=station_monthly&period=2026-04&stationId=${w.B.ids.station}`);
    expect(
      (await post(oldLead, april.id, 'submit', { version: (await get(oldLead, april.id)).version })).statusCode,
    ).toBe(200);
    // World B's contract ends with May; world A's contractor takes the station over.
    await t.db.execute(
      sql`update contracts set ends_on = '2026-05-31', updated_at = now() where id = ${w.B.ids.contract}`,
    );
    await t.db.execute(
      sql`insert into contract_stations (contract_id, station_id) values (${w.A.ids.contract}, ${w.B.ids.station})`,
    );
    const taken = await list(newLead, `&stationId=${w.B.ids.station}`);
    expect(taken.map((r) => `${r.kind} ${r.periodKey}`)).toEqual(
      expect.arrayContaining(['station_monthly 2026-06', 'station_quarterly 2026-Q2']),
    );
    expect(taken.map((r) => r.id)).not.toContain(april.id);
    const june = taken.find((r) => r.periodKey === '2026-06')!;
    expect((await get(newLead, june.id)).abilities.edit).toBe(true);
    expect((await t.call(oldLead, 'GET', `/api/v1/reports/${june.id}`)).statusCode).toBe(404);
    expect((await list(oldLead, `&stationId=${w.B.ids.station}`)).map((r) => r.id)).toContain(april.id);
  });

  it('R-REP-3 periods and versions out of range are refused on their field, never a database error', async () => {
    const lead = w.A.sessions.project_lead;
    for (const period of ['0000', '0202-Q1', '2026-02-30']) {
      const res = await t.call(lead, 'GET', `/api/v1/reports?period=${period}`);
      expect(res.statusCode, period).toBe(400);
      expect(Object.keys(res.json().details.fieldErrors), period).toEqual(['period']);
    }
    const brief = await one(lead, `&kind=station_monthly&period=2026-06&stationId=${w.A.ids.station}`);
    const huge = await t.call(lead, 'PATCH', `/api/v1/reports/${brief.id}`, { version: 2 ** 40, narrative: {} });
    expect([huge.statusCode, Object.keys(huge.json().details.fieldErrors)]).toEqual([400, ['version']]);
    const admin = w.city.city_admin;
    const current = (await t.call(admin, 'GET', '/api/v1/report-settings')).json();
    const late = await t.call(admin, 'PUT', '/api/v1/report-settings', { ...current, citySecondHalfDue: '12-28' });
    expect(late.json().details.fieldErrors.citySecondHalfDue).toContain('6 月 30 日');
  });
});

describe('figures link to their records', () => {
  it('R-REP-3 a county report’s records are its unit’s, an agreement report’s its contractor’s; an unknown unit is refused on its field', async () => {
    const city = w.city.city_officer;
    const records = async (q: string) => {
      const res = await t.call(city, 'GET', `/api/v1/service-records?pageSize=200&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { stationId: string }[];
    };
    const a = await records(`unit=${w.A.countyCode}`);
    expect(a.length).toBeGreaterThan(0);
    expect(new Set(a.map((r) => r.stationId))).toEqual(new Set([w.A.ids.station]));
    expect((await records(`unit=${w.B.countyCode}`)).map((r) => r.stationId)).not.toContain(w.A.ids.station);
    expect(new Set((await records(`organisationId=${w.A.ids.organisation}`)).map((r) => r.stationId))).toEqual(
      new Set([w.A.ids.station]),
    );
    const unknown = await t.call(city, 'GET', '/api/v1/service-records?unit=419999000000');
    expect([unknown.statusCode, Object.keys(unknown.json().details.fieldErrors)]).toEqual([400, ['unit']]);
    const county = (await list(w.A.sessions.county_officer, '&kind=county_quarterly&period=2026-Q2'))[0];
    expect((await get(w.A.sessions.county_officer, county.id)).unitCode).toBe(w.A.countyCode);
  });
});
