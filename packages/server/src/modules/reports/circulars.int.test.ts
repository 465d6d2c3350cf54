import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIRCULAR_MEASURES, type Circular, type Timeliness } from '@shegong/shared';
import { servicesFixture } from '../../test-support/services-fixture';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { auditEvents } from '../../platform/audit/audit.table';
import { planTargets } from '../divisions/divisions.table';
import { reports } from './reports.table';

// 完成及时率 (R-REP-3) and the city's 通报 (R-REP-4, 六（七）) through the HTTP API: every figure equals what this test
// counts from the rows it made, lateness is judged at the boundary (the due date itself is in time), a county reads
// only its own unit, contractor staff are refused, and the city alone marks units for commendation.
const TODAY = '2026-11-28';
const Q3 = '2026-Q3';
let t: TestApp;
let f: Awaited<ReturnType<typeof servicesFixture>>;
let qingfeng: Session;
let cityOfficer: Session;

/** The one report the list shows for a query, as the station's project lead reads it. */
async function owed(query: string) {
  const r = await t.call(f.lead, 'GET', `/api/v1/reports?pageSize=50&stationId=${f.ids.liutun}&${query}`);
  expect(r.statusCode, r.body).toBe(200);
  const items = r.json().items as { id: string; late: boolean; daysLate: number }[];
  expect(items, query).toHaveLength(1);
  return items[0];
}

/** The project lead submits a report on a given day (the Clock set to it), through the reports API. */
async function submitOn(id: string, day: string) {
  try {
    t.clock.set(day);
    const r = await t.call(f.lead, 'POST', `/api/v1/reports/${id}/submit`, { version: 1 });
    expect(r.statusCode, r.body).toBe(200);
  } finally {
    t.clock.set(TODAY);
  }
}

/** Completeness and timeliness counted here, in plain code, from the rows in the database (R-REP-3). */
async function counted(where: { unitCode?: string; organisationId?: string }, from: string, to: string) {
  const rows = (await t.db.select().from(reports)).filter(
    (r) =>
      r.periodStart >= from &&
      r.periodStart <= to &&
      (!where.unitCode || r.unitCode === where.unitCode) &&
      (!where.organisationId || r.organisationId === where.organisationId),
  );
  const expected = rows.filter((r) => r.dueOn < TODAY || r.firstSubmittedOn);
  const submitted = expected.filter((r) => r.firstSubmittedOn);
  const onTime = submitted.filter((r) => r.firstSubmittedOn! <= r.dueOn);
  return {
    expected: expected.length,
    submitted: submitted.length,
    onTime: onTime.length,
    late: submitted.length - onTime.length,
    missing: expected.length - submitted.length,
  };
}

const get = async <T>(s: Session, url: string) => {
  const r = await t.call(s, 'GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};

const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  f = await servicesFixture(t, 83);
  qingfeng = (await t.as('county_officer', DIV.qingfeng)).session;
  cityOfficer = f.city;
  ids.chengguan = (
    await t.call(
      qingfeng,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.chengguanQF, { status: 'operating', openedOn: '2021-07-01' }),
    )
  ).json().id;

  // Visits (R-SVC-5) in Q3: two graded people due, one visited; a record outside the quarter is not counted.
  const seen = await f.person(f.sw.zhang, '冯桂兰', { risk: 'high', assessedOn: '2026-01-05' });
  const unseen = await f.person(f.sw.zhang, '韩振东', { risk: 'high', assessedOn: '2026-01-05' });
  await f.record(f.sw.zhang, [seen], '2026-08-10');
  await f.record(f.sw.li, [unseen], '2026-09-01', { form: 'phone_followup', code: '1.4' });
  await f.record(f.sw.li, [seen], '2026-10-05');
});
afterAll(() => t?.close());

describe('R-REP-3 completeness and timeliness', () => {
  it('judges lateness at the boundary: submitted on the due date is on time, a day after is late', async () => {
    // The schedule owes 柳屯镇's briefs from its contract (2026-01-01); the 通报's first read makes them rows.
    await get<Timeliness>(cityOfficer, '/api/v1/reports/timeliness');
    const jul = await owed('kind=station_monthly&period=2026-07');
    const aug = await owed('kind=station_monthly&period=2026-08');
    const q3 = await owed(`kind=station_quarterly&period=${Q3}`);
    await submitOn(jul.id, '2026-08-05'); // due 08-05: on its due date, in time
    await submitOn(aug.id, '2026-09-06'); // due 09-05: a day after, late
    await submitOn(q3.id, '2026-10-01'); // due 10-10: early
    expect(await owed('kind=station_monthly&period=2026-08')).toMatchObject({ late: true, daysLate: 1 });
    expect(await owed('kind=station_monthly&period=2026-07')).toMatchObject({ late: false, daysLate: 0 });
    // September's brief (due 10-05) and 濮阳县's quarterly report (due 10-15) are missing; the city's second-half
    // report (due 2027-01-20) and November's brief (due 12-05) are not yet expected.

    const r = await get<Timeliness>(cityOfficer, `/api/v1/reports/timeliness?period=${Q3}`);
    const py = r.byUnit.find((u) => u.code === DIV.puyangCounty)!;
    expect(py).toMatchObject({ expected: 5, submitted: 3, onTime: 2, late: 1, missing: 2 });
    expect(py).toMatchObject(await counted({ unitCode: DIV.puyangCounty }, '2026-07-01', '2026-09-30'));
    expect(py.completeness).toBe(60);
    expect(py.timeliness).toBe(40);
    expect(r.byOrganisation).toEqual([
      expect.objectContaining({
        id: f.ids.org,
        name: '濮阳县益民社会工作服务中心',
        ...(await counted({ organisationId: f.ids.org }, '2026-07-01', '2026-09-30')),
      }),
    ]);
    expect(r.byOrganisation[0]).toMatchObject({ expected: 4, onTime: 2, late: 1, missing: 1 });
    expect(r.total).toMatchObject(await counted({}, '2026-07-01', '2026-09-30'));
    // By the month the periods begin (as the list's ?period= filters): July's brief and the quarterly brief on time
    // and the county's quarterly report missing, August's brief late, September's missing.
    expect(r.byMonth.map((m) => [m.month, m.onTime, m.late, m.missing])).toEqual([
      ['2026-07', 2, 0, 1],
      ['2026-08', 0, 1, 0],
      ['2026-09', 0, 0, 1],
    ]);
    // A unit without anything due reads as no rate, not as 0 %.
    const idle = r.byUnit.filter((u) => u.expected === 0);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.every((u) => u.timeliness === null && u.completeness === null)).toBe(true);

    // The year: every report of the year's periods, as counted here (November's brief not yet expected).
    const year = await get<Timeliness>(cityOfficer, '/api/v1/reports/timeliness?period=2026');
    expect(year.total).toMatchObject(await counted({}, '2026-01-01', '2026-12-31'));
    // One kind only: the station's monthly briefs of the quarter.
    const monthly = await get<Timeliness>(cityOfficer, `/api/v1/reports/timeliness?period=${Q3}&kind=station_monthly`);
    expect(monthly.total).toMatchObject({ expected: 3, onTime: 1, late: 1, missing: 1 });
  });

  it('a county reads its own unit only; contractor staff and bad periods are refused', async () => {
    const own = await get<Timeliness>(f.county, `/api/v1/reports/timeliness?period=${Q3}`);
    expect(own.byUnit.map((u) => u.code)).toEqual([DIV.puyangCounty]);
    expect(own.total.expected).toBe(5);
    const other = await get<Timeliness>(qingfeng, `/api/v1/reports/timeliness?period=${Q3}`);
    expect(other.byUnit.map((u) => u.code)).toEqual([DIV.qingfeng]);
    expect(other.byOrganisation).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('益民');

    const contractor = await t.call(f.org, 'GET', '/api/v1/reports/timeliness');
    expect(contractor.statusCode).toBe(403);
    expect(contractor.json().code).toBe('FORBIDDEN');
    const bad = await t.call(cityOfficer, 'GET', '/api/v1/reports/timeliness?period=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('期间');
  });
});

describe('R-REP-4 the city’s 通报', () => {
  it('ranks units on measures equal to counts made here, and overall by the mean of the ranks', async () => {
    const c = await get<Circular>(cityOfficer, `/api/v1/circulars?period=${Q3}`);
    expect(c).toMatchObject({ period: Q3, from: '2026-07-01', to: '2026-09-30' });
    const py = c.rows.find((u) => u.code === DIV.puyangCounty)!;
    const qf = c.rows.find((u) => u.code === DIV.qingfeng)!;
    const planned = async (code: string) =>
      (
        await t.db
          .select({ n: sql<number>`sum(${planTargets.target})::int` })
          .from(planTargets)
          .where(eq(planTargets.divisionCode, code))
      )[0].n;
    // 濮阳县: 柳屯镇 and 文留镇 operating, two resident workers at 柳屯镇 (both social work graduates), two records in
    // Q3 (the October one is outside), two people due a visit and one visited; reports 2 on time of 5 expected.
    expect(py.counts).toEqual({
      plan: { part: 2, whole: await planned(DIV.puyangCounty) },
      reports: { part: 2, whole: 5 },
      staffing: { part: 1, whole: 2 },
      qualified: { part: 2, whole: 2 },
      services: { part: 2, whole: 2 },
      visits: { part: 1, whole: 2 },
      // No agreement year decided in the period (the rounds' own test counts one, evaluation/rounds.int.test.ts).
      evaluations: { part: 0, whole: 0 },
    });
    expect(py.values).toMatchObject({ reports: 40, staffing: 50, qualified: 100, services: 1, visits: 50 });
    // 清丰县: 城关镇 operating without workers, records or a contract (so no reports owed).
    expect(qf.counts).toEqual({
      plan: { part: 1, whole: await planned(DIV.qingfeng) },
      reports: { part: 0, whole: 0 },
      staffing: { part: 0, whole: 1 },
      qualified: { part: 0, whole: 0 },
      services: { part: 0, whole: 1 },
      visits: { part: 0, whole: 0 },
      evaluations: { part: 0, whole: 0 },
    });
    expect(qf.values).toMatchObject({ reports: null, staffing: 0, qualified: null, services: 0, visits: null });
    // Ranks: better values rank first; units with nothing to measure are not ranked on it.
    expect(py.ranks).toMatchObject({ reports: 1, staffing: 1, qualified: 1, services: 1, visits: 1 });
    expect(qf.ranks).toMatchObject({ reports: null, staffing: 2, qualified: null, services: 2, visits: null });
    const units = c.rows.length;
    expect(c.unitCount).toBe(units);
    expect(units).toBeGreaterThan(2);
    // The overall order follows the mean rank; 濮阳县 leads (rank 1 on five measures).
    expect(c.rows[0].code).toBe(DIV.puyangCounty);
    for (let i = 1; i < units; i++) expect(c.rows[i].overallRank).toBeGreaterThanOrEqual(c.rows[i - 1].overallRank);
    for (const row of c.rows) expect(Object.keys(row.values).sort()).toEqual([...CIRCULAR_MEASURES].sort());
    expect(c.abilities.commend).toBe(true);
  });

  it('a county reads its own row with its place among the city’s units; contractor staff are refused', async () => {
    const own = await get<Circular>(qingfeng, `/api/v1/circulars?period=${Q3}`);
    const city = await get<Circular>(cityOfficer, `/api/v1/circulars?period=${Q3}`);
    expect(own.rows.map((r) => r.code)).toEqual([DIV.qingfeng]);
    expect(own.rows[0]).toEqual(city.rows.find((r) => r.code === DIV.qingfeng));
    expect(own.unitCount).toBe(city.unitCount);
    expect(own.abilities.commend).toBe(false);
    expect(JSON.stringify(own)).not.toContain(DIV.puyangCounty);

    expect((await t.call(f.org, 'GET', '/api/v1/circulars')).statusCode).toBe(403);
    expect((await t.call(f.lead, 'GET', `/api/v1/circulars.xlsx?period=${Q3}`)).statusCode).toBe(403);
    expect((await t.call(f.sw.zhang, 'GET', '/api/v1/circulars')).statusCode).toBe(403);
    const future = await t.call(cityOfficer, 'GET', '/api/v1/circulars?period=2027-H1');
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('尚未开始');
  });

  it('the city marks a unit for commendation with a note, audited; a county may not, and an unknown unit is 404', async () => {
    const put = (s: Session, body: unknown) => t.call(s, 'PUT', '/api/v1/circulars/commendations', body);
    const marked = await put(cityOfficer, { period: Q3, unit: DIV.qingfeng, commended: true, note: '报告按时报送' });
    expect(marked.statusCode, marked.body).toBe(200);
    const row = (marked.json() as Circular).rows.find((r) => r.code === DIV.qingfeng)!;
    expect(row).toMatchObject({ commended: true, commendationNote: '报告按时报送' });
    // The county reads the mark on its own row.
    const own = await get<Circular>(qingfeng, `/api/v1/circulars?period=${Q3}`);
    expect(own.rows[0]).toMatchObject({ commended: true, commendationNote: '报告按时报送' });
    // Another period is not marked.
    const h1 = await get<Circular>(cityOfficer, '/api/v1/circulars?period=2026-H1');
    expect(h1.rows.find((r) => r.code === DIV.qingfeng)!.commended).toBe(false);

    expect((await put(qingfeng, { period: Q3, unit: DIV.qingfeng, commended: true })).statusCode).toBe(403);
    expect((await put(f.org, { period: Q3, unit: DIV.puyangCounty, commended: true })).statusCode).toBe(403);
    const township = await put(cityOfficer, { period: Q3, unit: DIV.liutun, commended: true });
    expect(township.statusCode).toBe(404);
    const bad = await put(cityOfficer, { period: '2026-11', unit: DIV.qingfeng, commended: true });
    expect(bad.statusCode).toBe(400);

    const unmarked = await put(cityOfficer, { period: Q3, unit: DIV.qingfeng, commended: false });
    expect((unmarked.json() as Circular).rows.find((r) => r.code === DIV.qingfeng)!.commended).toBe(false);
    // In the order written (the database's time of each request; without an order PostgreSQL may return either first).
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'commendation'))
      .orderBy(auditEvents.at);
    expect(events.map((e) => e.summary)).toEqual([
      '通报表彰：清丰县（2026年第三季度）',
      '取消通报表彰：清丰县（2026年第三季度）',
    ]);
  });

  it('exports the 通报 as an audited .xlsx with a title row, the period and the export time, on A4', async () => {
    const res = await t.call(cityOfficer, 'GET', `/api/v1/circulars.xlsx?period=${Q3}`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('通报'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').text).toBe('濮阳市乡镇（街道）社工站工作进展通报（2026年第三季度）');
    expect(ws.getCell('A3').text).toContain('2026-07-01 至 2026-09-30');
    expect(ws.getCell('A4').text).toMatch(/^导出时间：2026-11-28 \d{2}:\d{2}:\d{2}$/);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.getRow(6).getCell(2).text).toBe('濮阳县');
    expect(ws.getRow(6).getCell(1).value).toBe(1);
    // The county's export holds its own unit only.
    const own = await t.call(qingfeng, 'GET', `/api/v1/circulars.xlsx?period=${Q3}`);
    const owb = new ExcelJS.Workbook();
    await owb.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    owb.worksheets[0].eachRow((r, n) => n > 5 && names.push(r.getCell(2).text));
    expect(names).toEqual(['清丰县']);
    const exports = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'circular'), eq(auditEvents.action, 'export')));
    expect(exports).toHaveLength(2);
  });
});
