import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../../db/database';
import { divisionsRepository as repo, type NewDivisionRow } from './divisions.repository';

const DATA_DIR = path.join(import.meta.dirname, '../../../../shared/data');

export const CITY_CODE = '410900000000';
/**
 * 示范区 has no NBS county-level code (DOMAIN-NOTES §1), so the platform gives the management unit its own
 * code outside the NBS ranges in use; it is marked `official: false`. See docs/adr/0003-divisions.md.
 */
export const DEMO_ZONE_CODE = '410990000000';

interface TownshipRow {
  code: string;
  name: string;
  kind: string;
  county: { code: string; name: string };
  managedBy?: string;
}
interface PlanUnit {
  unit: string;
  unitType: string;
  statsCountyCode: string | null;
  [year: string]: unknown;
}
interface CatalogueRow {
  domainCode: number;
  domainName: string;
  itemNumber: number;
  itemName: string;
  description: string;
}

function readJson<T>(file: string): { data: T; checksum: string } {
  const text = readFileSync(path.join(DATA_DIR, file), 'utf8');
  return { data: JSON.parse(text) as T, checksum: createHash('sha256').update(text).digest('hex') };
}

export const unitCode = (u: PlanUnit) => (u.statsCountyCode ? `${u.statsCountyCode}000000` : DEMO_ZONE_CODE);

/** Builds the division rows: the city, the 9 units of 附件1 (zones as management units), the 89 townships. */
export function buildDivisionRows(units: PlanUnit[], townships: TownshipRow[]) {
  const cityPath = `/${CITY_CODE}/`;
  const rows: NewDivisionRow[] = [
    {
      code: CITY_CODE,
      name: '濮阳市',
      level: 'city',
      kind: '地级市',
      parentCode: null,
      path: cityPath,
      statsCountyCode: null,
      official: true,
      sortOrder: 0,
    },
  ];
  const byName = new Map<string, string>();
  const byStats = new Map<string, string>();
  units.forEach((u, i) => {
    const code = unitCode(u);
    byName.set(u.unit, code);
    if (u.statsCountyCode) byStats.set(u.statsCountyCode, code);
    rows.push({
      code,
      name: u.unit,
      level: 'county',
      kind: u.unitType,
      parentCode: CITY_CODE,
      path: `${cityPath}${code}/`,
      statsCountyCode: u.statsCountyCode,
      official: !!u.statsCountyCode,
      sortOrder: i + 1,
    });
  });
  townships.forEach((t, i) => {
    const parent = (t.managedBy && byName.get(t.managedBy)) || byStats.get(t.county.code);
    if (!parent) throw new Error(`township ${t.code} ${t.name} has no unit in 附件1`);
    rows.push({
      code: t.code,
      name: t.name,
      level: 'township',
      kind: t.kind,
      parentCode: parent,
      path: `${cityPath}${parent}/${t.code}/`,
      statsCountyCode: t.county.code,
      official: true,
      sortOrder: i,
    });
  });
  return rows;
}

/** One reference-data step: applied once, recorded with the file's checksum, like a migration. */
async function step(
  db: Db,
  log: FastifyBaseLogger,
  id: string,
  checksum: string,
  rows: number,
  load: (tx: DbOrTx) => Promise<void>,
) {
  const done = await repo.findLoad(db, id);
  if (done) {
    if (done.checksum !== checksum)
      log.warn({ id }, 'reference data file changed since it was loaded; add a new versioned step to apply it');
    return;
  }
  await db.transaction(async (tx) => {
    if (!(await repo.claimLoad(tx, { id, checksum, rows }))) return; // another process loaded it meanwhile
    await load(tx);
  });
  log.info({ id, rows }, 'reference data loaded');
}

/** Loads divisions, 附件1 targets and the 附件2 catalogue; safe to run at every start. */
export async function loadReferenceData(db: Db, log: FastifyBaseLogger): Promise<void> {
  const plan = readJson<{ units: PlanUnit[] }>('puyang-station-plan.json');
  const towns = readJson<TownshipRow[]>('puyang-divisions.json');
  const catalogue = readJson<CatalogueRow[]>('service-catalogue.json');

  const divisionRows = buildDivisionRows(plan.data.units, towns.data);
  await step(db, log, 'divisions-v1', plan.checksum + towns.checksum, divisionRows.length, async (tx) => {
    await repo.insertDivisions(tx, divisionRows);
  });
  const targets = plan.data.units.flatMap((u) =>
    ['2021', '2022', '2023'].map((y) => ({ divisionCode: unitCode(u), year: Number(y), target: Number(u[y] ?? 0) })),
  );
  await step(db, log, 'plan-targets-v1', plan.checksum, targets.length, async (tx) => {
    await repo.insertPlanTargets(tx, targets);
  });
  await step(db, log, 'catalogue-v1', catalogue.checksum, catalogue.data.length, async (tx) => {
    await repo.insertCatalogueItems(
      tx,
      catalogue.data.map((c) => ({
        code: `${c.domainCode}.${c.itemNumber}`,
        domainCode: c.domainCode,
        domainName: c.domainName,
        itemNumber: c.itemNumber,
        itemName: c.itemName,
        description: c.description,
      })),
    );
  });
}
