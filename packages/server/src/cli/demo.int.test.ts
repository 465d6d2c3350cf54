import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { bootstrapAdmin } from '../modules/auth';
import { createDivisionService } from '../modules/divisions';
import { fixedClock } from '../platform/clock';
import { TEST_TODAY } from '../test-support/test-app';
import { createTestDatabase } from '../test-support/test-db';
import { buildDemo, DEMO_COUNTY, DemoRefused, type DemoResult } from './demo-build';
import { seededRng } from './demo-names';
import { stationPlan } from './demo-stations';

// `npm run demo` on a fresh database, two units of the nine to stay quick: 濮阳县 (county-registered agencies, the
// printed accounts) and 示范区 (one station, served by a city-wide agency). The demo's dates follow "today", so the
// run years ahead (2031) builds it on that day and must find the same city.
const TODAY = TEST_TODAY;
const ZONE = '410990000000';
const silent = { info() {}, warn() {} } as never;

let database: Database;
let dataDir: string;
let app: FastifyInstance;
let demo: DemoResult;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'shegong-demo-'));
  const clock = fixedClock(TODAY);
  // The first start's `admin` alone does not count as data: the demo runs after `npm start` has been tried once.
  await bootstrapAdmin({ db: database.db, log: silent, password: 'First-Start-123', clock, print: () => {} });
  demo = await buildDemo({ db: database.db, dataDir, clock, people: 120, units: [DEMO_COUNTY, ZONE] });
  app = await buildApp({ db: database.db, dataDir, clock });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function as(username: string) {
  const login = demo.logins.find((l) => l.username === username)!;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: login.password },
  });
  expect(res.statusCode, `${username} logs in`).toBe(200);
  expect(res.json().mustChangePassword, `${username} needs no password change`).toBe(false);
  const cookie = `sg_session=${res.cookies.find((c) => c.name === 'sg_session')!.value}`;
  return async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(r.statusCode, `${username} GET ${url}`).toBe(200);
    return r.json();
  };
}

describe('npm run demo', () => {
  it('prints one login per role, each signing in without a forced password change', async () => {
    expect(demo.logins.map((l) => l.role)).toEqual([
      'city_admin',
      'city_officer',
      'county_officer',
      'org_admin',
      'project_lead',
      'social_worker',
    ]);
    for (const l of demo.logins) {
      const get = await as(l.username);
      expect((await get('/api/v1/auth/me')).user.role).toBe(l.role);
    }
    expect(demo.counts).toMatchObject({ stations: 21, people: 120 });
  });

  it('gives each role its main list, within its scope', async () => {
    const admin = await as('demo.admin');
    expect((await admin('/api/v1/stations?pageSize=100')).total).toBe(21);
    expect((await admin('/api/v1/users?pageSize=100')).total).toBeGreaterThanOrEqual(7);

    const city = await as('demo.city');
    const plans = (await city('/api/v1/purchase-plans?pageSize=100')).items as { status: string }[];
    // The cycle running today in each unit, and in 濮阳县 the one before it when its stations had opened by then.
    expect(plans.length).toBeGreaterThanOrEqual(2);
    expect(plans.every((p) => p.status === 'filed')).toBe(true);

    const county = await as('demo.county');
    const stations = await county('/api/v1/stations?pageSize=100');
    expect(stations.total).toBe(20);
    expect(stations.items.every((s: { countyCode: string }) => s.countyCode === DEMO_COUNTY)).toBe(true);
    const contracts = await county('/api/v1/contracts?pageSize=100');
    expect(contracts.items.filter((c: { status: string }) => c.status === 'active')).toHaveLength(2);
    expect(
      contracts.items.every((c: { findings: { severity: string }[] }) =>
        c.findings.every((f) => f.severity !== 'error'),
      ),
    ).toBe(true);

    // R-EVAL-1: the county held the 中期评估 of each running agreement year whose first six months are over.
    const halfOver = (start: string) => {
      const [y, m, d] = start.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1 + 6, d)).toISOString().slice(0, 10) <= TODAY;
    };
    let due = 0;
    for (const c of contracts.items as { id: string }[]) {
      const detail = await county(`/api/v1/contracts/${c.id}`);
      const year = (detail.agreements as { periodStart: string; periodEnd: string }[]).find(
        (a) => a.periodStart <= TODAY && a.periodEnd >= TODAY,
      );
      if (year && halfOver(year.periodStart)) due++;
    }
    const rounds = await county('/api/v1/evaluation-rounds?pageSize=100');
    expect(rounds.total).toBe(due);
    expect(
      rounds.items.every((r: { kind: string; status: string }) => r.kind === 'midterm' && r.status === 'signed_off'),
    ).toBe(true);

    const org = await as('demo.org');
    const roster = await org('/api/v1/workers?pageSize=200');
    // Two or three residents per running station of its lot, and its 项目主管.
    expect(roster.total).toBeGreaterThanOrEqual(10);
    expect(roster.total).toBeLessThan((await county('/api/v1/workers?pageSize=200')).total);

    const lead = await as('demo.lead');
    const leadPeople = await lead('/api/v1/beneficiaries?pageSize=200');
    expect(leadPeople.total).toBeGreaterThan(0);
    const everyone = (await county('/api/v1/beneficiaries?pageSize=200')).total;
    expect(leadPeople.total).toBeLessThan(everyone);

    const worker = await as('demo.worker');
    const own = await worker('/api/v1/stations');
    expect(own.total).toBe(1);
    // The people of that one station (and the few a neighbouring station shares with it): fewer than the lead's.
    const served = (await worker('/api/v1/beneficiaries?pageSize=200')).total;
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(leadPeople.total);
  });

  it('plans a station in each of the 89 townships, in each unit as many per batch year as 附件1 says (R-PLAN-1)', async () => {
    const divisions = await createDivisionService({ db: database.db });
    const units = divisions.list({ level: 'county' });
    const plan = stationPlan(divisions, units, seededRng(1));
    expect(units).toHaveLength(9);
    expect(new Set(plan.map((p) => p.township.code)).size).toBe(89);
    for (const t of divisions.planTargets())
      expect(
        plan.filter((p) => p.unit.code === t.divisionCode && p.batchYear === t.year),
        `${t.divisionCode} ${t.year}`,
      ).toHaveLength(t.target);
    expect(plan.filter((p) => p.status === 'operating').length).toBeGreaterThan(75);
    expect(plan.every((p) => (p.openedOn ?? `${p.batchYear}`).startsWith(String(p.batchYear)))).toBe(true);
  });

  it('refuses a second run on the same database and writes nothing', async () => {
    const before = (await (await as('demo.admin'))('/api/v1/users?pageSize=1')).total;
    const again = buildDemo({ db: database.db, dataDir, clock: fixedClock(TODAY), people: 10, units: [ZONE] });
    await expect(again).rejects.toBeInstanceOf(DemoRefused);
    await expect(again).rejects.toThrow(/演示数据只能写入新的空数据库：该数据库已有 社工站 21 条/);
    expect((await (await as('demo.admin'))('/api/v1/users?pageSize=1')).total).toBe(before);
  });
});
