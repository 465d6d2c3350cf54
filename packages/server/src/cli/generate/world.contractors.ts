import { sql } from 'drizzle-orm';
import { CONTRACT_TERMS } from '@shegong/shared';
import type { Db } from '../../db/database';
import { Rows } from './bulk';
import { citizenId, creditCode } from './citizen';
import { mobile, personName } from './names';
import { addDays, addYears, daysBetween, type Rng } from './random';
import type { GenerateWorldOptions, WorldStation } from './world';

// Contractors of the generated world: per county a few 社会工作服务机构 (valid GB 32100 codes), each awarded one
// procurement and holding one live 3-year contract (agreements for the years begun, last year's evaluation passed)
// over its share of the county's stations; a project lead per contract and residents assigned to stations today.

/** A generated contractor. */
export interface WorldOrganisation {
  id: string;
  name: string;
  countyCode: string;
  divisionPath: string;
  /** The contract's project lead (a roster record). */
  leadWorkerId: string;
  /** Stations its live contract covers. */
  stationIds: string[];
}

const ORG_WORDS = ['益民', '同心', '阳光', '德善', '启航', '仁和', '康乐', '惠民', '向阳', '明德', '睦邻', '春晖'];
const TERMS = JSON.stringify(Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同正文'])));

export async function generateContractors(db: Db, rng: Rng, opts: GenerateWorldOptions, stations: WorldStation[]) {
  const year = Number(opts.today.slice(0, 4));
  const cycleStart = `${year - 1}-01-01`;
  const units = (
    (await db.execute(sql`select code, name, path from divisions where level = 'county'`)) as unknown as {
      rows: { code: string; name: string; path: string }[];
    }
  ).rows;
  const byUnit = new Map<string, WorldStation[]>();
  for (const s of stations) byUnit.set(s.unitCode, [...(byUnit.get(s.unitCode) ?? []), s]);
  const orgs = new Rows('organisations', [
    ['id', 'uuid'],
    ['name', 'text'],
    ['credit_code', 'text'],
    ['credit_code_valid', 'boolean'],
    ['type', 'text'],
    ['social_work_in_scope', 'boolean'],
    ['local', 'boolean'],
    ['division_code', 'text'],
    ['division_path', 'text'],
    ['registered_on', 'date'],
    ['legal_representative', 'text'],
    ['contact_name', 'text'],
    ['contact_phone', 'text'],
  ]);
  const procurements = new Rows('procurements', [
    ['id', 'uuid'],
    ['county_code', 'text'],
    ['division_path', 'text'],
    ['title', 'text'],
    ['service_content', 'text'],
    ['service_standards', 'text'],
    ['requirements', 'text'],
    ['method', 'text'],
    ['bidder_conditions', 'text'],
    ['published_on', 'date'],
    ['status', 'text'],
    ['award_organisation_id', 'uuid'],
    ['award_amount_fen', 'bigint'],
    ['awarded_on', 'date'],
  ]);
  const contracts = new Rows('contracts', [
    ['id', 'uuid'],
    ['county_code', 'text'],
    ['division_path', 'text'],
    ['purchaser_name', 'text'],
    ['procurement_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['title', 'text'],
    ['awarded_on', 'date'],
    ['signed_on', 'date'],
    ['published_on', 'date'],
    ['cycle_start', 'date'],
    ['cycle_end', 'date'],
    ['terms', 'jsonb'],
  ]);
  const covered = new Rows('contract_stations', [
    ['contract_id', 'uuid'],
    ['station_id', 'uuid'],
  ]);
  const agreements = new Rows('contract_agreements', [
    ['contract_id', 'uuid'],
    ['year_no', 'int'],
    ['period_start', 'date'],
    ['period_end', 'date'],
    ['amount_fen', 'bigint'],
    ['signed_on', 'date'],
    ['published_on', 'date'],
  ]);
  const evaluations = new Rows('contract_evaluations', [
    ['contract_id', 'uuid'],
    ['year_no', 'int'],
    ['result', 'text'],
    ['evaluated_on', 'date'],
    ['evaluator', 'text'],
    ['summary', 'text'],
  ]);
  const out: WorldOrganisation[] = [];
  let seq = 0;
  for (const unit of units) {
    const mine = byUnit.get(unit.code) ?? [];
    const n = Math.min(opts.organisationsPerCounty ?? 2, mine.length);
    for (let k = 0; k < n; k++) {
      const share = mine.slice(Math.floor((k * mine.length) / n), Math.floor(((k + 1) * mine.length) / n));
      const id = rng.uuid();
      const name = `${unit.name}${ORG_WORDS[(seq + k) % ORG_WORDS.length]}社会工作服务中心${k ? `（${k + 1}）` : ''}`;
      orgs.push(
        id,
        name,
        creditCode(unit.code.slice(0, 6), ++seq),
        true,
        'social_work_agency',
        true,
        true,
        unit.code,
        unit.path,
        addDays(cycleStart, -rng.int(400, 2000)),
        personName(rng, 'male'),
        personName(rng, 'female'),
        mobile(rng),
      );
      const pid = rng.uuid();
      const cid = rng.uuid();
      const amount = share.length * 15_000_000; // 15 万元 a station a year, in fen
      const title = `${unit.name}社会工作服务站项目（第${k + 1}包）`;
      procurements.push(
        pid,
        unit.code,
        unit.path,
        title,
        '乡镇（街道）社工站驻站服务',
        '按市级服务标准',
        '具备社会工作服务资质',
        'public_tender',
        '依法登记的社会组织',
        addDays(cycleStart, -60),
        'awarded',
        id,
        amount,
        addDays(cycleStart, -30),
      );
      contracts.push(
        cid,
        unit.code,
        unit.path,
        `${unit.name}民政局`,
        pid,
        id,
        `${title}服务合同`,
        addDays(cycleStart, -30),
        addDays(cycleStart, -20),
        addDays(cycleStart, -18),
        cycleStart,
        addDays(addYears(cycleStart, 3), -1),
        TERMS,
      );
      for (const s of share) covered.push(cid, s.id);
      for (let y = 1; y <= 3; y++) {
        const start = addYears(cycleStart, y - 1);
        if (start > opts.today) break;
        agreements.push(
          cid,
          y,
          start,
          addDays(addYears(start, 1), -1),
          amount,
          addDays(start, -10),
          addDays(start, -8),
        );
        const evaluated = addDays(addYears(start, 1), 20);
        if (evaluated <= opts.today)
          evaluations.push(cid, y, 'passed', evaluated, `${unit.name}民政局`, '年度评估合格');
      }
      out.push({
        id,
        name,
        countyCode: unit.code,
        divisionPath: unit.path,
        leadWorkerId: '',
        stationIds: share.map((s) => s.id),
      });
    }
  }
  await orgs.flush(db);
  await procurements.flush(db);
  await contracts.flush(db);
  await covered.flush(db);
  await agreements.flush(db);
  await evaluations.flush(db);
  // The procurement names the stations its contract covers.
  await db.execute(sql`update procurements p set station_ids = (select array_agg(cs.station_id) from contract_stations cs
    join contracts c on c.id = cs.contract_id where c.procurement_id = p.id)
    where exists (select 1 from contracts c where c.procurement_id = p.id)`);
  const workers = await generateWorkers(db, rng, opts, stations, out, cycleStart);
  return { organisations: out, contracts: out.length, workers };
}

async function generateWorkers(
  db: Db,
  rng: Rng,
  opts: GenerateWorldOptions,
  stations: WorldStation[],
  orgs: WorldOrganisation[],
  cycleStart: string,
) {
  const rows = new Rows('workers', [
    ['id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['division_path', 'text'],
    ['name', 'text'],
    ['id_number', 'text'],
    ['birth_date', 'date'],
    ['gender', 'text'],
    ['phone', 'text'],
    ['education', 'text'],
    ['major', 'text'],
    ['social_work_major', 'boolean'],
    ['certificate_level', 'text'],
    ['certificate_number', 'text'],
    ['certificate_date', 'date'],
    ['local_hukou', 'boolean'],
    ['hire_date', 'date'],
    ['role', 'text'],
    ['labour_contract_start', 'date'],
    ['labour_contract_end', 'date'],
    ['archive_kept', 'boolean'],
    ['filing_status', 'text'],
  ]);
  const assignments = new Rows('worker_assignments', [
    ['id', 'uuid'],
    ['worker_id', 'uuid'],
    ['station_id', 'uuid'],
    ['division_path', 'text'],
    ['start_on', 'date'],
  ]);
  const used = new Set<string>();
  const byId = new Map(stations.map((s) => [s.id, s]));
  const hireSpan = Math.max(0, daysBetween(cycleStart, opts.today));
  const add = (org: WorldOrganisation, role: 'project_lead' | 'resident', station: WorldStation | null) => {
    const id = rng.uuid();
    const gender = rng.chance(0.62) ? 'female' : 'male';
    const birth = addDays(addYears(opts.today, -rng.int(23, 50)), -rng.int(0, 364));
    const cert = rng.weighted([
      ['', 50],
      ['assistant', 35],
      ['intermediate', 13],
      ['senior', 2],
    ] as const);
    const swMajor = rng.chance(0.4);
    const hire = addDays(cycleStart, rng.int(0, Math.min(hireSpan, 60)));
    rows.push(
      id,
      org.id,
      org.divisionPath,
      personName(rng, gender),
      citizenId(rng, org.countyCode.slice(0, 6), birth, gender, used),
      birth,
      gender,
      mobile(rng),
      rng.weighted([
        ['bachelor', 45],
        ['junior_college', 35],
        ['secondary_vocational', 10],
        ['master', 5],
        ['high_school_or_below', 5],
      ] as const),
      swMajor ? '社会工作' : rng.pick(['行政管理', '心理学', '护理', '汉语言文学', '会计']),
      swMajor,
      cert || null,
      cert ? `SW${rng.int(10_000_000, 99_999_999)}` : '',
      cert ? addDays(birth, 365 * 24 + rng.int(0, 900)) : null,
      rng.chance(0.8),
      hire,
      role,
      hire,
      addDays(addYears(hire, 3), -1),
      true,
      'filed',
    );
    if (station) {
      assignments.push(rng.uuid(), id, station.id, station.divisionPath, hire);
      station.workerIds = [...station.workerIds, id];
    }
    return id;
  };
  let left = opts.workers;
  for (const org of orgs) if (left-- > 0) org.leadWorkerId = add(org, 'project_lead', null);
  // Residents: one per station first, then the rest where the station's people are (random stations).
  const order = orgs.flatMap((o) => o.stationIds.map((sid) => [o, byId.get(sid)!] as const));
  for (let i = 0; left > 0 && order.length; i++, left--) {
    const [org, st] = i < order.length ? order[i] : order[rng.int(0, order.length - 1)];
    add(org, 'resident', st);
    if (rows.length >= 5000) await rows.flush(db);
  }
  const n = opts.workers - Math.max(left, 0);
  await rows.flush(db);
  await assignments.flush(db);
  return n;
}
