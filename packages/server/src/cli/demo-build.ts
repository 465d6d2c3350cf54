import { evaluateDemo } from './demo-evaluation';
import { buildApp } from '../app';
import type { Db } from '../db/database';
import type { Clock } from '../platform/clock';
import { CITY_CODE, createDivisionService, type DivisionNode } from '../modules/divisions';
import { demoApi, type DemoSession } from './demo-api';
import { contractUnit, createOrganisations, type DemoContract, type DemoOrganisation } from './demo-contracts';
import { holdings, refusal } from './demo-guard';
import { seededRng } from './demo-names';
import { addPeople } from './demo-people';
import { createStations, stationPlan } from './demo-stations';
import { payContract, staffContract, trainContract, type DemoWorker } from './demo-staff';
import { createDemoAdmin, demoPassword, openAccount, type DemoLogin } from './demo-users';

/** The unit whose officer, contractor and worker the demo prints (the plan's largest county). */
export const DEMO_COUNTY = '410928000000';

/** The unit whose stations changed contractor at the last tender (its earlier cycle was a city-wide agency's). */
const HANDOVER_COUNTY = '410922000000';

/** The demo would write into a database that holds real data: nothing was written. */
export class DemoRefused extends Error {}

export interface DemoOptions {
  db: Db;
  dataDir: string;
  clock: Clock;
  /** How many people the registry gets (a few thousand by default; tests ask for fewer). */
  people: number;
  /** Seed of every random choice: the same seed builds the same city. */
  seed?: number;
  /** The password of every printed login; a new one is generated when absent. */
  password?: string;
  /** Only these county-level units (tests build two of them to stay quick); all nine when absent. */
  units?: string[];
  /** Progress lines for the operator. */
  log?: (line: string) => void;
}

export interface DemoResult {
  logins: DemoLogin[];
  counts: Record<string, number>;
}

/**
 * Fills a fresh database with a believable Puyang through the real API: every station, organisation, plan,
 * procurement, contract, worker, training and pay month passes the same rules and leaves the same audit trail as if
 * the city's officers and contractors had typed it in. Refuses (DemoRefused, nothing written) when the database holds
 * any station, organisation, worker, person or account besides the first `admin`.
 */
export async function buildDemo(o: DemoOptions): Promise<DemoResult> {
  const why = refusal(await holdings(o.db));
  if (why) throw new DemoRefused(why);
  const log = o.log ?? (() => {});
  const rng = seededRng(o.seed ?? 20_210_701);
  const today = o.clock.today();
  const password = o.password ?? demoPassword();
  const app = await buildApp({ db: o.db, dataDir: o.dataDir, clock: o.clock });
  try {
    const api = demoApi(app);
    await createDemoAdmin(o.db, o.clock, 'demo.admin', password);
    const admin = await api.login('demo.admin', password);
    const divisions = await createDivisionService({ db: o.db });
    const units = divisions.list({ level: 'county' }).filter((u) => !o.units || o.units.includes(u.code));
    const unitName = (code: string) => divisions.find(code)?.name ?? code;

    log('账号：市民政、各县（区）民政 …');
    const city = await openAccount(
      api,
      admin,
      { username: 'demo.city', displayName: '市民政局社工科（演示）', role: 'city_officer', divisionCode: CITY_CODE },
      password,
    );
    const officers = new Map<string, DemoSession>();
    for (const unit of units)
      officers.set(
        unit.code,
        await openAccount(
          api,
          admin,
          {
            username: unit.code === DEMO_COUNTY ? 'demo.county' : `demo.${unit.code.slice(0, 6)}`,
            displayName: `${unit.name}民政局（演示）`,
            role: 'county_officer',
            divisionCode: unit.code,
          },
          password,
        ),
      );
    const officerOf = (code: string) => officers.get(code)!;

    log('社工站（附件1 全部 89 个乡镇、街道）…');
    const stations = await createStations(api, officerOf, stationPlan(divisions, units, rng), rng, today);
    const builtIn = (code: string) => stations.filter((s) => s.unit.code === code && s.status !== 'building');

    log('社会组织、购买计划、采购、合同 …');
    const orgs = await createOrganisations(api, city, officerOf, units, (c) => builtIn(c).length, rng);
    const contracts: DemoContract[] = [];
    let cityWide = 0;
    let endedContracts = 0;
    for (const unit of units) {
      const built = builtIn(unit.code);
      if (!built.length) continue;
      const own = orgs.byUnit.get(unit.code) ?? [];
      const holders: DemoOrganisation[] = own.length ? own : [orgs.cityWide[cityWide++ % orgs.cityWide.length]];
      const size = Math.ceil(built.length / holders.length);
      const lots = holders.map((organisation, i) => ({
        organisation,
        stations: built.slice(i * size, (i + 1) * size),
      }));
      // 清丰县 changed contractor at its last tender: a city-wide agency held the cycle before.
      const predecessor = unit.code === HANDOVER_COUNTY ? orgs.cityWide[1] : undefined;
      const s = { county: officerOf(unit.code), city };
      const signed = await contractUnit(api, s, unit, lots, today, rng, predecessor);
      contracts.push(...signed.current);
      endedContracts += signed.ended;
    }

    log('承接机构账号、社工名册、派驻、备案、培训、薪酬 …');
    const printedOrg = contracts.find((c) => c.unit.code === DEMO_COUNTY)!.organisation;
    const byOrg = groupBy(contracts, (c) => c.organisation.id);
    let k = 0;
    let worker: { id: string; unit: DivisionNode } | null = null;
    const residents = new Map<string, string[]>();
    let hired = 0;
    for (const [orgId, held] of byOrg) {
      const printed = orgId === printedOrg.id;
      const orgAdmin = await openAccount(
        api,
        admin,
        {
          username: printed ? 'demo.org' : `demo.org${++k}`,
          displayName: `${held[0].organisation.name}管理员`,
          role: 'org_admin',
          divisionCode: CITY_CODE,
          organisationId: orgId,
        },
        password,
      );
      const roster: DemoWorker[] = [];
      for (const c of held) {
        const s = { org: orgAdmin, county: officerOf(c.unit.code) };
        const staff = await staffContract(api, s, c, today, rng);
        const confirmer = c.organisation.unit ? s.county : city;
        await trainContract(api, { org: orgAdmin, confirmer }, c, staff, today, rng);
        roster.push(...staff);
        hired += staff.length;
        for (const w of staff)
          if (w.stationId && w.role === 'resident')
            residents.set(w.stationId, [...(residents.get(w.stationId) ?? []), w.id]);
        if (printed && !worker) {
          const resident = staff.find(
            (w) => w.role === 'resident' && c.stations.some((x) => x.id === w.stationId && x.status === 'operating'),
          );
          if (resident) worker = { id: resident.id, unit: c.unit };
        }
      }
      await payContract(api, orgAdmin, roster, today, rng);
      if (printed) {
        await openAccount(
          api,
          admin,
          {
            username: 'demo.lead',
            displayName: `${held[0].organisation.name}项目主管`,
            role: 'project_lead',
            divisionCode: CITY_CODE,
            organisationId: orgId,
          },
          password,
        );
        const initial = demoPassword();
        await api.call(orgAdmin, 'POST', `/api/v1/workers/${worker!.id}/account`, {
          username: 'demo.worker',
          password: initial,
        });
        await api.firstLogin('demo.worker', initial, password);
      }
    }

    log(`服务对象（${o.people} 人）…`);
    const people = await addPeople(
      o.db,
      { count: o.people, seed: o.seed ?? 20_210_701, today, log },
      stations,
      (id) => residents.get(id) ?? [],
    );

    log('督导评估：市级指标体系，各县（区）中期评估 …');
    await evaluateDemo(api, { admin, officerOf }, contracts, today, rng);

    const county = unitName(DEMO_COUNTY);
    const logins: DemoLogin[] = [
      { role: 'city_admin', label: '市级管理员', username: 'demo.admin', sees: '全市；用户管理、审计日志' },
      { role: 'city_officer', label: '市民政', username: 'demo.city', sees: '全市；购买计划备案' },
      {
        role: 'county_officer',
        label: `县民政（${county}）`,
        username: 'demo.county',
        sees: `${county}的社工站、合同、社工`,
      },
      {
        role: 'org_admin',
        label: '承接机构管理员',
        username: 'demo.org',
        sees: `${printedOrg.name}的名册、薪酬、培训`,
      },
      {
        role: 'project_lead',
        label: '项目主管',
        username: 'demo.lead',
        sees: `${printedOrg.name}服务的社工站和服务对象`,
      },
      { role: 'social_worker', label: '驻站社工', username: 'demo.worker', sees: '本人今日派驻的社工站及其服务对象' },
    ].map((l) => ({ ...l, password }));
    return {
      logins,
      counts: {
        stations: stations.length,
        organisations: orgs.cityWide.length + 2 + [...orgs.byUnit.values()].flat().length,
        contracts: contracts.length,
        endedContracts,
        workers: hired,
        people,
      },
    };
  } finally {
    await app.close();
  }
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
