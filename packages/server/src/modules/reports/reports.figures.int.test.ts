import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFigures } from '@shegong/shared';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { expectedCounts, expectedServices, plannedUnder } from '../../test-support/report-figures-expected';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app';
import { buildTwoWorlds, FIXTURE_PASSWORD, WORLDS_TODAY, type TwoWorlds } from '../../test-support/two-worlds';
import { createVisitService } from '../beneficiaries';
import { cases } from '../cases/cases.table';
import { createContractLookup } from '../contracts';
import { createDivisionService } from '../divisions';
import { createOrganisationLookup } from '../organisations';
import { serviceRecords } from '../services/services.table';
import { createStationLookup } from '../stations';
import { createWorkerLookup } from '../workers';
import { createReportFigures, type ReportSubject } from './reports.figures';

// Report figures (R-REP-3) equal the same counts computed here, in plain code, from the rows the test made: a station's
// month, a county's quarter and the city's half-year, over two worlds in two counties (濮阳县 and 清丰县). A record of
// the other county is never counted in a county's report; health categories are never counted (R-SCOPE-2).
let t: TestApp;
let w: TwoWorlds;
let figures: ReturnType<typeof createReportFigures>;
const paths: Record<string, string> = {};
const p: Record<string, string> = {};
const ODD_CODE = '6.2';

beforeAll(async () => {
  t = await createTestApp({ today: WORLDS_TODAY });
  w = await buildTwoWorlds(t);
  // The figures' dependencies as app.ts composes them, on the test's database and clock.
  const { db, clock } = t;
  const divisions = await createDivisionService({ db });
  const stations = createStationLookup({ db });
  const organisations = createOrganisationLookup({ db });
  const contracts = createContractLookup({ db, clock, stations, organisations });
  const visits = createVisitService({ db, clock, stations, workers: createWorkerLookup({ db, clock }) });
  figures = createReportFigures({ db, clock, divisions, stations, contracts, visits });
  paths.A = divisions.find(w.A.townshipCode)!.path;
  paths.countyA = divisions.find(w.A.countyCode)!.path;
  paths.city = divisions.find(divisions.find(w.A.countyCode)!.parentCode!)!.path;

  const swA = w.A.sessions.social_worker;
  const person = async (s: Session, station: string, name: string, n: number, category: object, risk?: string) => {
    const r = await t.call(s, 'POST', '/api/v1/beneficiaries', {
      stationId: station,
      name,
      idNumber: makeCitizenId('19500101', 500 + n),
      village: '柳屯东村',
      categories: [{ startedOn: '2024-01-01', source: '名册', ...category }],
    });
    expect(r.statusCode, r.body).toBe(201);
    if (risk) {
      const a = await t.call(s, 'POST', `/api/v1/beneficiaries/${r.json().id}/risk-assessments`, {
        level: risk,
        reason: '独居',
        assessedOn: '2026-04-01',
      });
      expect(a.statusCode, a.body).toBe(201);
    }
    return r.json().id as string;
  };
  // 郭守田: graded high on 04-01 and never visited (due, not done). 冯秀珍: a health category (never counted up).
  p.elder = await person(swA, w.A.ids.station, '郭守田', 1, { category: 'hardship_elder' }, 'high');
  p.health = await person(swA, w.A.ids.station, '冯秀珍', 2, {
    category: 'disabled',
    disabilityKind: 'physical',
    disabilityGrade: '2',
  });
  const record = async (
    s: Session,
    station: string,
    people: string[],
    servedOn: string,
    o: Record<string, unknown>,
  ) => {
    const r = await t.call(s, 'POST', '/api/v1/service-records', {
      id: randomUUID(),
      stationId: station,
      servedOn,
      durationMinutes: 45,
      form: 'home_visit',
      catalogueCode: '2.3',
      beneficiaryIds: people,
      headCount: 0,
      summary: '服务',
      ...o,
    });
    expect(r.statusCode, r.body).toBe(201);
  };
  await record(swA, w.A.ids.station, [p.elder, p.health], '2026-04-10', { form: 'group_work', catalogueCode: '3.3' });
  await record(swA, w.A.ids.station, [], '2026-05-20', {
    form: 'community_activity',
    catalogueCode: '4.1',
    headCount: 30,
  });
  await record(swA, w.A.ids.station, [w.A.ids.beneficiary], '2026-06-05', {
    form: 'phone_followup',
    durationMinutes: 10,
  });
  await record(swA, w.A.ids.station, [p.health], '2026-06-10', { catalogueCode: '5.3' });
  // The other county's June record, on an item nobody in 濮阳县 uses.
  const swB = w.B.sessions.social_worker;
  await record(swB, w.B.ids.station, [w.B.ids.beneficiary], '2026-06-03', {
    catalogueCode: ODD_CODE,
    durationMinutes: 77,
  });

  // A second resident at A's station, not qualified (R-STAFF-3), and a June training both A's workers attend.
  const oa = w.A.sessions.org_admin;
  const second = await t.call(oa, 'POST', '/api/v1/workers', {
    name: '马文静',
    idNumber: makeCitizenId('19980808', 611),
    education: 'junior_college',
    socialWorkMajor: false,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  expect(second.statusCode, second.body).toBe(201);
  p.second = second.json().id;
  const assigned = await t.call(oa, 'POST', `/api/v1/workers/${p.second}/assignments`, {
    stationId: w.A.ids.station,
    startOn: '2026-03-01',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const training = await t.call(oa, 'POST', '/api/v1/trainings', {
    title: '六月个案督导',
    organiser: w.A.organisation.name,
    organiserLevel: 'other',
    startOn: '2026-06-08',
    endOn: '2026-06-09',
    hours: 6,
    workerIds: [w.A.ids.worker, p.second],
  });
  expect(training.statusCode, training.body).toBe(201);

  // Cases as rows (their own tests cover how they are made), with the station's scope columns, in both counties.
  const [a] = await t.db
    .select()
    .from(serviceRecords)
    .where(sql`${serviceRecords.stationId} = ${w.A.ids.station}`);
  const [b] = await t.db
    .select()
    .from(serviceRecords)
    .where(sql`${serviceRecords.stationId} = ${w.B.ids.station}`);
  const kase = (r: typeof a, person: string, openedOn: string, closedOn: string | null) => ({
    stationId: r.stationId,
    divisionPath: r.divisionPath,
    organisationId: r.organisationId,
    beneficiaryId: person,
    source: 'visit' as const,
    openedOn,
    closedOn,
    status: closedOn ? ('closed' as const) : ('intervention' as const),
  });
  await t.db
    .insert(cases)
    .values([
      kase(a, p.elder, '2026-06-02', null),
      kase(a, p.elder, '2026-02-01', '2026-05-20'),
      kase(a, p.elder, '2026-04-15', '2026-06-20'),
      kase(b, w.B.ids.beneficiary, '2026-06-01', null),
    ]);
  // The periods below are over (staffing is counted on their last day); the report is written in July.
  t.clock.set('2026-07-10');
}, 400_000);
afterAll(() => t?.close());

const subject = (kind: ReportSubject['kind'], start: string, end: string, at: string, stations: string[] | null) => ({
  kind,
  periodStart: start,
  periodEnd: end,
  stationIds: stations,
  divisionPath: at,
  unitCode: at.split('/').filter(Boolean).at(-1)!,
});

async function check(s: ReportSubject, f: ReportFigures) {
  const e = await expectedServices(t.db, s);
  expect(f.services.totals).toEqual(e.totals);
  expect(Object.fromEntries(f.services.byDomain.map(({ domainCode, ...x }) => [String(domainCode), x]))).toEqual(
    e.byDomain,
  );
  expect(Object.fromEntries(f.services.byItem.map(({ code, domainCode: _d, ...x }) => [code, x]))).toEqual(e.byItem);
  expect(Object.fromEntries(f.services.byForm.filter((x) => x.records).map(({ form, ...x }) => [form, x]))).toEqual(
    e.byForm,
  );
  expect(Object.fromEntries(f.services.byCategory.map((c) => [c.category, c.people]))).toEqual(e.byCategory);
  const c = await expectedCounts(t.db, s);
  expect(f.services.cases).toEqual(c.cases);
  expect(f.services.alerts).toMatchObject(c.alerts);
  expect(f.services.referrals).toEqual(c.referrals);
  expect([f.volunteers, f.targets, f.funds]).toEqual([null, null, null]);
  return e;
}

describe('report figures from the records (R-REP-3)', () => {
  it('R-REP-3 a station’s monthly brief: its own records, people, visits, staffing and trainings of the month', async () => {
    const s = subject('station_monthly', '2026-06-01', '2026-06-30', paths.A, [w.A.ids.station]);
    const f = await figures.compute(s);
    const e = await check(s, f);
    expect([f.from, f.to, f.plan]).toEqual(['2026-06-01', '2026-06-30', null]);
    // The world's 06-01 visit, the 06-05 call and the 06-10 visit.
    expect(e.totals.records).toBe(3);
    expect(f.services.breakdown).toEqual([]);
    // Due: the world's person (graded 05-01, never visited before June) and 郭守田 (graded 04-01, never visited);
    // done: the world's person (visited 06-01).
    expect(f.services.visits).toEqual({ due: 2, done: 1, percent: 50 });
    // Two residents on 06-30; the world's worker holds a social work degree, 马文静 has no qualification yet.
    expect(f.staffing).toEqual({
      asOf: '2026-06-30',
      operatingStations: 1,
      understaffedStations: 0,
      workers: 2,
      qualified: 1,
      filed: 0,
    });
    expect(f.trainings).toEqual({ sessions: 1, participants: 2, hours: 12 });
  });

  it('R-REP-3 a county’s quarter: its stations’ records and plan progress; another county’s record is never counted', async () => {
    const s = subject('county_quarterly', '2026-04-01', '2026-06-30', paths.countyA, null);
    const f = await figures.compute(s);
    const e = await check(s, f);
    expect(e.totals.records).toBe(5);
    expect(f.services.byItem.map((i) => i.code)).not.toContain(ODD_CODE);
    expect(f.services.totals.minutes).toBe(e.totals.minutes);
    expect(f.services.breakdown).toEqual([
      expect.objectContaining({ kind: 'station', id: w.A.ids.station, records: 5 }),
    ]);
    // R-SCOPE-2: 冯秀珍 is served, but her health category is not counted up.
    expect(f.services.byCategory.map((c) => c.category)).not.toContain('disabled');
    expect(f.services.visits).toEqual({ due: 2, done: 1, percent: 50 });
    expect(f.plan).toEqual({ planned: await plannedUnder(t.db, paths.countyA, 2026), built: 1, operating: 1 });
    expect(f.staffing).toMatchObject({ operatingStations: 1, understaffedStations: 0, workers: 2, qualified: 1 });
    // The world's April session (8 h) and June's (6 h for two).
    expect(f.trainings).toEqual({ sessions: 2, participants: 3, hours: 20 });
  });

  it('R-REP-3 the city’s half-year: both counties, compared by unit', async () => {
    const s = subject('city_half_year', '2026-01-01', '2026-06-30', paths.city, null);
    const f = await figures.compute(s);
    const e = await check(s, f);
    expect(e.totals.records).toBe(7);
    expect(f.services.byItem.map((i) => i.code)).toContain(ODD_CODE);
    expect(f.services.breakdown.map((b) => [b.kind, b.id, b.records]).sort()).toEqual(
      [
        ['unit', w.A.countyCode, 5],
        ['unit', w.B.countyCode, 2],
      ].sort(),
    );
    expect(f.services.visits).toEqual({ due: 3, done: 2, percent: 66.7 });
    expect(f.plan).toEqual({ planned: await plannedUnder(t.db, paths.city, 2026), built: 2, operating: 2 });
    // 清丰县's station has one resident: short of two.
    expect(f.staffing).toMatchObject({ operatingStations: 2, understaffedStations: 1, workers: 3, qualified: 2 });
    expect(f.trainings).toEqual({ sessions: 3, participants: 4, hours: 28 });
  });

  it('R-REP-3 while the period runs, staffing is counted today; a new record moves the figures at once', async () => {
    const s = subject('station_monthly', '2026-07-01', '2026-07-31', paths.A, [w.A.ids.station]);
    const before = await figures.compute(s);
    expect(before.staffing.asOf).toBe('2026-07-10');
    // The fixture's session expired while the clock moved on: the worker logs in again.
    const sw = await t.login('py.worker', `${FIXTURE_PASSWORD}-2`);
    const r = await t.call(sw, 'POST', '/api/v1/service-records', {
      id: randomUUID(),
      stationId: w.A.ids.station,
      servedOn: '2026-07-08',
      durationMinutes: 20,
      form: 'home_visit',
      catalogueCode: '1.2',
      beneficiaryIds: [p.elder],
      summary: '走访',
    });
    expect(r.statusCode, r.body).toBe(201);
    const after = await figures.compute(s);
    expect(after.services.totals.records).toBe(before.services.totals.records + 1);
    await check(s, after);
  });
});
