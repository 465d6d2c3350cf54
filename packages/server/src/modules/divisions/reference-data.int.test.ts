import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { catalogueItems, divisions, planTargets, referenceDataLoads } from './divisions.table';
import { createDivisionService } from './divisions.service';
import { CITY_CODE, loadReferenceData } from './reference-data';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('reference data', () => {
  it('has the city, 9 county-level units (zones as management units) and 89 townships', async () => {
    const all = (await t.call(null, 'GET', '/api/v1/divisions')).json().items as {
      code: string;
      name: string;
      level: string;
      parentCode: string;
    }[];
    expect(all.filter((d) => d.level === 'city').map((d) => d.name)).toEqual(['濮阳市']);
    const units = all.filter((d) => d.level === 'county');
    expect(units.map((d) => d.name)).toEqual([
      '濮阳县',
      '清丰县',
      '南乐县',
      '范县',
      '台前县',
      '华龙区',
      '开发区',
      '示范区',
      '工业园区',
    ]);
    expect(all.filter((d) => d.level === 'township')).toHaveLength(89);
    const perUnit = (name: string) =>
      all.filter((d) => d.parentCode === units.find((u) => u.name === name)!.code).length;
    expect([perUnit('开发区'), perUnit('示范区'), perUnit('工业园区'), perUnit('濮阳县')]).toEqual([6, 1, 1, 20]);
    const filtered = (await t.call(null, 'GET', `/api/v1/divisions?parent=${units[0].code}`)).json().items;
    expect(filtered).toHaveLength(20);
  });

  it('loads 附件1 targets and the 附件2 catalogue, and a second load changes nothing', async () => {
    const counts = async () => ({
      d: (await t.db.select({ n: count() }).from(divisions))[0].n,
      p: (await t.db.select({ n: count() }).from(planTargets))[0].n,
      c: (await t.db.select({ n: count() }).from(catalogueItems))[0].n,
      l: (await t.db.select({ n: count() }).from(referenceDataLoads))[0].n,
    });
    const before = await counts();
    expect(before).toEqual({ d: 99, p: 27, c: 29, l: 3 });
    await loadReferenceData(t.db, { info() {}, warn() {} } as never);
    expect(await counts()).toEqual(before);
  });

  it('the bundled data files are the shared reference data, unchanged', () => {
    const shared = path.resolve(import.meta.dirname, '../../../../../../shared/data');
    if (!existsSync(shared)) return; // a clone without the shared folder next to it
    for (const f of ['puyang-divisions.json', 'puyang-station-plan.json', 'service-catalogue.json']) {
      const mine = readFileSync(path.resolve(import.meta.dirname, '../../../../shared/data', f), 'utf8');
      expect(mine).toBe(readFileSync(path.join(shared, f), 'utf8'));
    }
  });
});

describe('countiesIn', () => {
  it('answers the county units within a scope: all nine for the city, its own for a unit, none for a township', async () => {
    const service = await createDivisionService({ db: t.db });
    const city = service.find(CITY_CODE)!;
    const puyang = service.find('410928000000')!;
    const township = service.find('410928101000')!;
    const all = service.countiesIn(city);
    expect(all).toHaveLength(9);
    expect(all.every((u) => u.level === 'county')).toBe(true);
    expect(all).toEqual(service.list({ level: 'county' }));
    expect(service.countiesIn(puyang).map((u) => u.code)).toEqual([puyang.code]);
    expect(service.countiesIn(township)).toEqual([]);
  });
});
