import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { Rows } from './bulk';
import { generateContractors, type WorldOrganisation } from './world.contractors';
import type { PeopleStation } from './people';
import { createRng } from './random';

// The stations' world at any scale: the city's real townships, then synthetic counties under the city (24 townships
// each, codes with Henan's province prefix so IDs made from them are valid), one station per township, contractors
// with live contracts over them, their project leads and resident workers assigned to stations today.

export interface GenerateWorldOptions {
  seed: number;
  /** "Today" (the caller's Clock): contracts run through it, assignments are active on it. */
  today: string;
  /**
   * Stations in all. Up to 89: real townships spread evenly over the city's 9 units; more: all 89 real ones, then
   * synthetic counties (模拟县N, 24 townships each) under the city.
   */
  stations: number;
  /** Workers in all: one project lead per contract, the rest residents (each station gets one before any gets two). */
  workers: number;
  /** Contractors per county (default 2), each holding one live contract over its share of the county's stations. */
  organisationsPerCounty?: number;
  /** The share of stations that are operating (the rest building; default 0.9). */
  operatingShare?: number;
}

/** A generated station: what the people generator needs, plus its name and unit. */
export interface WorldStation extends PeopleStation {
  name: string;
  /** The unit (county-level division) the station's township belongs to. */
  unitCode: string;
}

export interface World {
  stations: WorldStation[];
  organisations: WorldOrganisation[];
  contracts: number;
  workers: number;
}

const TOWNSHIPS_PER_COUNTY = 24;
const CITY = '410900000000';

interface Township {
  code: string;
  name: string;
  kind: string;
  parentCode: string;
  path: string;
  statsCountyCode: string | null;
}

/** Creates divisions (when synthetic ones are needed), stations, contractors, contracts and workers. */
export async function generateWorld(db: Db, opts: GenerateWorldOptions): Promise<World> {
  const rng = createRng(opts.seed ^ 0x3011d);
  const real = (
    (await db.execute(sql`select code, name, kind, parent_code as "parentCode", path,
      stats_county_code as "statsCountyCode" from divisions where level = 'township' and official order by code`)) as unknown as {
      rows: Township[];
    }
  ).rows;
  let towns: Township[];
  if (opts.stations <= real.length) {
    const step = real.length / opts.stations;
    towns = Array.from({ length: opts.stations }, (_, i) => real[Math.floor(i * step)]);
  } else towns = [...real, ...(await syntheticTownships(db, opts.stations - real.length))];

  const stationRows = new Rows('stations', [
    ['id', 'uuid'],
    ['township_code', 'text'],
    ['county_code', 'text'],
    ['division_path', 'text'],
    ['name', 'text'],
    ['batch_year', 'int'],
    ['status', 'text'],
    ['opened_on', 'date'],
    ['building_started_on', 'date'],
    ['address', 'text'],
    ['phone', 'text'],
    ['opening_hours', 'text'],
  ]);
  const stations: WorldStation[] = towns.map((t) => {
    const id = rng.uuid();
    const batch = rng.pick([2021, 2022, 2023]);
    const operating = rng.chance(opts.operatingShare ?? 0.9);
    const name = `${t.name}社会工作服务站`;
    stationRows.push(
      id,
      t.code,
      t.parentCode,
      t.path,
      name,
      batch,
      operating ? 'operating' : 'building',
      operating ? `${batch}-0${rng.int(3, 9)}-01` : null,
      `${batch}-0${rng.int(1, 2)}-15`,
      `${t.name}${rng.pick(['政府院内', '便民服务中心二楼', '文化站一楼', '党群服务中心'])}`,
      `0393-${rng.int(3000000, 8999999)}`,
      '周一至周五 8:30-12:00，14:30-17:30',
    );
    return {
      id,
      name,
      divisionPath: t.path,
      townshipCode: t.code,
      unitCode: t.parentCode,
      countyCode: t.statsCountyCode ? `${t.statsCountyCode}000000` : t.parentCode,
      street: t.kind === '街道',
      workerIds: [],
    };
  });
  for (let i = 0; i < stationRows.length;) {
    const part = new Rows(stationRows.table, stationRows.columns);
    for (const [c, v] of stationRows.values.entries()) part.values[c].push(...v.slice(i, i + 5000));
    i += part.length;
    await part.flush(db);
  }
  const contractors = await generateContractors(db, rng, opts, stations);
  await db.execute(sql`analyze`);
  return { stations, ...contractors };
}

/** Synthetic counties under the city with `n` townships in all; codes 41AABB…, paths under the city. */
async function syntheticTownships(db: Db, n: number): Promise<Township[]> {
  const divisions = new Rows('divisions', [
    ['code', 'text'],
    ['name', 'text'],
    ['level', 'text'],
    ['kind', 'text'],
    ['parent_code', 'text'],
    ['path', 'text'],
    ['official', 'boolean'],
    ['sort_order', 'int'],
  ]);
  const out: Township[] = [];
  for (let u = 0; out.length < n; u++) {
    const unit = `41${String(20 + Math.floor(u / 90)).padStart(2, '0')}${String(10 + (u % 90)).padStart(2, '0')}000000`;
    const unitPath = `/${CITY}/${unit}/`;
    divisions.push(unit, `模拟县${u + 1}`, 'county', '县', CITY, unitPath, false, 100 + u);
    for (let t = 0; t < TOWNSHIPS_PER_COUNTY && out.length < n; t++) {
      const code = `${unit.slice(0, 6)}${String(100 + t).padStart(3, '0')}000`;
      const street = t < 2;
      const town: Township = {
        code,
        name: `模拟县${u + 1}${street ? `第${t + 1}街道` : `第${t + 1}镇`}`,
        kind: street ? '街道' : '镇',
        parentCode: unit,
        path: `${unitPath}${code}/`,
        statsCountyCode: unit.slice(0, 6),
      };
      divisions.push(town.code, town.name, 'township', town.kind, unit, town.path, false, t);
      out.push(town);
    }
  }
  await divisions.flush(db);
  return out;
}
