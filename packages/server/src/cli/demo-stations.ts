import type { DivisionNode, DivisionService } from '../modules/divisions';
import { makePng, multipart } from '../test-support/images';
import type { DemoApi, DemoSession } from './demo-api';
import { between, pick, type Rng } from './demo-names';

export interface DemoStation {
  id: string;
  name: string;
  unit: DivisionNode;
  township: DivisionNode;
  batchYear: number;
  status: 'operating' | 'building' | 'suspended';
  openedOn: string | null;
}

const ROADS = ['人民路', '建设路', '文化路', '胜利路', '中原路', '振兴路', '育才路', '民主路', '团结路', '和平路'];
const SIGNAGE = makePng(16, 8, [180, 20, 20]);
const CHECKED = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, boolean>;
const SITE = CHECKED([
  'activityRoom',
  'desksChairs',
  'fileCabinet',
  'computer',
  'printerScanner',
  'telephone',
  'fax',
  'caseRoom',
  'groupRoom',
]);
const INSTITUTIONS = CHECKED([
  'orgChart',
  'procedures',
  'personnelRules',
  'financeRules',
  'volunteerRules',
  'venueRules',
  'archiveRules',
  'beneficiaryDbRules',
  'serviceCommitment',
  'satisfactionFeedback',
]);

/**
 * 附件1 as built: every unit's townships get their station in the plan's batches (2021, 2022, 2023 by the unit's
 * targets). Most stations opened in their batch year and run today; in a few 2023 ones the fitting-out is still under
 * way, and two stations are suspended (a move to new premises), so lists, filters and findings have something to show.
 */
export function stationPlan(divisions: DivisionService, units: DivisionNode[], rng: Rng) {
  const targets = divisions.planTargets();
  const plan: Omit<DemoStation, 'id' | 'name'>[] = [];
  for (const unit of units) {
    const townships = divisions.list({ parent: unit.code, level: 'township' });
    const years = [2021, 2022, 2023].flatMap((year) => {
      const n = targets.find((t) => t.divisionCode === unit.code && t.year === year)?.target ?? 0;
      return Array.from({ length: n }, () => year);
    });
    townships.forEach((township, i) => {
      const batchYear = years[i] ?? 2023;
      const building = batchYear === 2023 && rng() < 0.15;
      const month = String(between(rng, 4, 12)).padStart(2, '0');
      plan.push({
        unit,
        township,
        batchYear,
        status: building ? 'building' : 'operating',
        openedOn: building ? null : `${batchYear}-${month}-${pick(rng, ['01', '08', '15', '20', '28'])}`,
      });
    });
  }
  // Two of the earliest stations are suspended while they move.
  for (const s of plan
    .filter((p) => p.batchYear === 2021 && p.status === 'operating')
    .slice(3, 12)
    .filter((_, i) => i % 6 === 0))
    s.status = 'suspended';
  return plan;
}

/** Creates the stations through the stations routes as each unit's officer, with signage and a service room. */
export async function createStations(
  api: DemoApi,
  officerOf: (unitCode: string) => DemoSession,
  plan: ReturnType<typeof stationPlan>,
  rng: Rng,
  today: string,
): Promise<DemoStation[]> {
  const out: DemoStation[] = [];
  for (const p of plan) {
    const s = officerOf(p.unit.code);
    const built = p.status !== 'building';
    const started = `${p.batchYear}-0${between(rng, 1, 3)}-${between(rng, 10, 28)}`;
    const station = await api.call<{ id: string; name: string }>(s, 'POST', '/api/v1/stations', {
      townshipCode: p.township.code,
      batchYear: p.batchYear,
      status: p.status,
      address: `${p.unit.name}${p.township.name}${pick(rng, ROADS)}${between(rng, 1, 188)}号（便民服务中心${between(rng, 1, 3)}楼）`,
      phone: `0393-${between(rng, 3100000, 8999999)}`,
      openingHours: '周一至周五 8:30-12:00，14:30-17:30',
      officeAreaM2: between(rng, 30, 90),
      activityAreaM2: between(rng, 60, 240),
      buildingStartedOn: started,
      openedOn: p.openedOn,
      suspendedOn: p.status === 'suspended' ? monthsBefore(today, between(rng, 1, 4)) : null,
      site: built ? SITE : { activityRoom: true, desksChairs: true },
      institutions: built ? INSTITUTIONS : {},
      notes: p.status === 'suspended' ? '办公用房搬迁，暂停对外服务' : '',
    });
    if (built) {
      const mp = multipart('file', `${p.township.name}标牌.png`, 'image/png', SIGNAGE);
      await api.upload(s, `/api/v1/stations/${station.id}/signage`, mp);
      const village = `${p.township.name.replace(/(镇|乡|街道)$/, '')}${pick(rng, ['东村', '西村', '南街社区', '北关村', '新村'])}`;
      await api.call(s, 'POST', `/api/v1/stations/${station.id}/service-rooms`, {
        villageName: village,
        kind: village.endsWith('社区') ? 'community' : 'village',
        status: 'operating',
      });
    }
    out.push({ ...p, id: station.id, name: station.name });
  }
  return out;
}

/** The first day of the month `n` months before `today`'s month. */
export function monthsBefore(today: string, n: number): string {
  const [y, m] = today.split('-').map(Number);
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}
