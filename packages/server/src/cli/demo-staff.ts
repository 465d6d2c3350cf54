import type { DemoApi, DemoSession } from './demo-api';
import type { DemoContract } from './demo-contracts';
import { between, citizenId, mobile, personName, pick, type Rng } from './demo-names';
import { monthsBefore } from './demo-stations';

export interface DemoWorker {
  id: string;
  name: string;
  role: 'resident' | 'project_lead';
  stationId: string | null;
  hireDate: string;
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);
const MAJORS = ['社会工作', '社会工作', '社会学', '心理学', '汉语言文学', '行政管理', '护理学', '学前教育'];
let idSeq = 0;

/** A person the organisation hires: age 23–44 at hiring, a degree mix where most reach 大专 (R-STAFF-2). */
function recruit(rng: Rng, hireDate: string, role: 'resident' | 'project_lead') {
  const female = rng() < 0.7;
  const age = role === 'project_lead' ? between(rng, 30, 44) : between(rng, 23, 40);
  const birth = `${Number(hireDate.slice(0, 4)) - age}-${String(between(rng, 1, 12)).padStart(2, '0')}-${String(between(rng, 1, 28)).padStart(2, '0')}`;
  const seq = ++idSeq * 2 + (female ? 0 : 1);
  const education =
    role === 'project_lead' ? pick(rng, ['bachelor', 'master'] as const) : rng() < 0.6 ? 'bachelor' : 'junior_college';
  const major = role === 'project_lead' ? '社会工作' : pick(rng, MAJORS);
  const cert =
    role === 'project_lead' ? 'intermediate' : rng() < 0.35 ? 'assistant' : rng() < 0.12 ? 'intermediate' : null;
  const certDate = cert ? addDays(hireDate, -between(rng, 60, 900)) : null;
  return {
    name: personName(rng, female),
    idNumber: citizenId(pick(rng, ['410928', '410922', '410923', '410926', '410927', '410902']), birth, seq),
    phone: mobile(rng),
    education,
    major,
    socialWorkMajor: major === '社会工作' && education !== 'junior_college',
    certificateLevel: cert,
    certificateNumber: cert
      ? `${cert === 'assistant' ? 'A' : 'B'}${certDate!.slice(0, 4)}41${between(rng, 100000, 999999)}`
      : '',
    certificateDate: certDate,
    localHukou: rng() < 0.85,
    hireDate,
    role,
    labourContractStart: hireDate,
    labourContractEnd: addDays(hireDate, 3 * 365),
    archiveKept: rng() < 0.9,
  };
}

/**
 * Each organisation's roster for its contracts: a 项目主管 per contract and two (sometimes three) resident workers per
 * operating station, one or two at a suspended one, hired around the cycle's start (some later, as people leave and
 * are replaced), placed at their station, reported for filing and, mostly, filed by the county (R-STAFF-1, -2, -6).
 */
export async function staffContract(
  api: DemoApi,
  s: { org: DemoSession; county: DemoSession },
  contract: DemoContract,
  today: string,
  rng: Rng,
): Promise<DemoWorker[]> {
  const out: DemoWorker[] = [];
  const hire = async (role: 'resident' | 'project_lead', stationId: string | null) => {
    const late = rng() < 0.15;
    const start = addDays(contract.cycleStart, between(rng, 0, 20));
    const hireDate = minDate(late ? addDays(start, between(rng, 30, 400)) : start, addDays(today, -7));
    const w = await api.call<{ id: string; version: number; name: string }>(
      s.org,
      'POST',
      '/api/v1/workers',
      recruit(rng, hireDate, role),
    );
    let version = w.version;
    if (stationId) {
      const placed = await api.call<{ version: number }>(s.org, 'POST', `/api/v1/workers/${w.id}/assignments`, {
        stationId,
        startOn: hireDate,
      });
      version = placed.version;
    }
    const filing = rng();
    if (filing < 0.93) {
      const sent = await api.call<{ version: number }>(s.org, 'POST', `/api/v1/workers/${w.id}/filing/submit`, {
        version,
        comment: '',
      });
      // The county files most; a refusal (409) leaves the filing waiting, as an officer would find it on the desk.
      if (filing < 0.85)
        await api.call(
          s.county,
          'POST',
          `/api/v1/workers/${w.id}/filing/approve`,
          { version: sent.version, comment: '材料齐全，予以备案' },
          [200, 409],
        );
    }
    out.push({ id: w.id, name: w.name, role, stationId, hireDate });
  };
  // The 项目主管 works from the contract's first station: their filing then belongs to that county like the rest.
  await hire('project_lead', contract.stations.find((x) => x.status === 'operating')?.id ?? contract.stations[0].id);
  for (const station of contract.stations) {
    const n = station.status === 'suspended' ? between(rng, 1, 2) : rng() < 0.3 ? 3 : 2;
    for (let i = 0; i < n; i++) await hire('resident', station.id);
  }
  return out;
}

/**
 * The organisation's trainings: an induction its workers attended (the county confirms the organiser, so the hours
 * count toward qualification, R-STAFF-3: the county of a county-registered agency, the city of a city-wide one) and a recent one still waiting for that confirmation.
 */
export async function trainContract(
  api: DemoApi,
  s: { org: DemoSession; confirmer: DemoSession },
  contract: DemoContract,
  workers: DemoWorker[],
  today: string,
  rng: Rng,
) {
  const induction = minDate(addDays(contract.cycleStart, between(rng, 20, 50)), addDays(today, -3));
  const attended = workers.filter((w) => w.hireDate <= induction);
  if (attended.length) {
    const t = await api.call<{ id: string }>(s.org, 'POST', '/api/v1/trainings', {
      title: `${contract.unit.name}社工站驻站社工岗前培训`,
      organiser: `${contract.unit.name}民政局`,
      organiserLevel: 'county_civil_affairs',
      startOn: induction,
      endOn: addDays(induction, 2),
      hours: 24,
      workerIds: attended.map((w) => w.id),
    });
    await api.call(s.confirmer, 'POST', `/api/v1/trainings/${t.id}/confirm`, {
      organiserLevel: 'county_civil_affairs',
    });
  }
  const recent = addDays(today, -between(rng, 10, 40));
  const some = workers.filter((w) => w.hireDate <= recent && rng() < 0.6);
  if (some.length)
    await api.call(s.org, 'POST', '/api/v1/trainings', {
      title: pick(rng, ['儿童关爱保护专题培训', '社会救助政策与个案管理培训', '老年人心理支持实务培训']),
      organiser: '濮阳市社会工作协会',
      organiserLevel: 'industry_association',
      startOn: recent,
      endOn: addDays(recent, 1),
      hours: 12,
      workerIds: some.map((w) => w.id),
    });
}

/**
 * Pay and 五险一金 for the last three complete months (R-STAFF-6), paid on the 10th of the next month. In the latest
 * month a few workers still lack the housing fund, so the grid and the desk show a gap to chase.
 */
export async function payContract(api: DemoApi, org: DemoSession, workers: DemoWorker[], today: string, rng: Rng) {
  for (let back = 3; back >= 1; back--) {
    const first = monthsBefore(today, back);
    const month = first.slice(0, 7);
    const monthEnd = addDays(monthsBefore(today, back - 1), -1);
    const paidOn = minDate(addDays(monthsBefore(today, back - 1), 9), today);
    const rows = workers
      .filter((w) => w.hireDate <= monthEnd)
      .map((w) => {
        const salary = between(rng, 38, 52) * 100;
        const gap = back === 1 && rng() < 0.08;
        const base = 3_579;
        return {
          workerId: w.id,
          salary,
          paidOn,
          insuranceBase: base,
          employerShare: Math.round(base * (gap ? 0.233 : 0.283)),
          employeeShare: Math.round(base * (gap ? 0.103 : 0.153)),
          pension: true,
          medical: true,
          unemployment: true,
          injury: true,
          maternity: true,
          housingFund: !gap,
        };
      });
    if (rows.length) await api.call(org, 'PUT', `/api/v1/payroll/${month}`, { rows });
  }
}
