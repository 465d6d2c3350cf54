import { CONTRACT_TERMS } from '@shegong/shared';
import type { DivisionNode } from '../modules/divisions';
import type { DemoApi, DemoSession } from './demo-api';
import { ORGANISATION_WORDS, between, creditCode, mobile, personName, type Rng } from './demo-names';
import { monthsBefore, type DemoStation } from './demo-stations';

export interface DemoOrganisation {
  id: string;
  name: string;
  unit: DivisionNode | null;
}

/** A contract the demo signed: its organisation and the stations it covers today. */
export interface DemoContract {
  id: string;
  organisation: DemoOrganisation;
  unit: DivisionNode;
  stations: DemoStation[];
  cycleStart: string;
}

const TERMS = {
  serviceContent: '按《实施方案》三开展社会救助、养老服务、儿童关爱保护、社区治理等服务，建立服务对象台账',
  term: '三年，一年一签，年度评估合格后续签',
  quantity: '每站至少 2 名驻站社工，每年个案服务不少于 20 个、小组活动不少于 6 次',
  quality: '执行市级社工站服务标准，接受第三方评估',
  price: '按年度协议金额执行',
  settlement: '按季度拨付，年度评估后结算',
  rightsDuties: '见合同正文第四条',
  breachLiability: '见合同正文第六条',
  changeTermination: '因不可抗力或政策调整可变更、解除合同',
} satisfies Record<keyof typeof CONTRACT_TERMS, string>;
const PLAN_TEXT = {
  background: '落实省、市乡镇（街道）社工站建设要求，巩固社工站运行成效',
  goals: '实现乡镇（街道）社工站全覆盖并持续运营，每站配备 2 名以上驻站社工',
  serviceContent: '社会救助、养老服务、儿童关爱保护、社区治理与社区服务',
  schedule: '按年度协议分季度实施',
  qualityStandards: '执行市级社工站服务标准',
  quantityStandards: '每站每年个案 20 个以上、小组 6 次以上、社区活动 10 次以上',
  performanceEvaluation: '委托第三方年度评估，评估合格方可续签',
};
const PER_STATION = 150_000;

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

/**
 * The organisations: in each unit one or two local social work agencies (registered by the unit's officer), two
 * city-wide ones, and two that win nothing (one whose business scope lacks social work, so the eligibility rule and
 * its finding have an example).
 */
export async function createOrganisations(
  api: DemoApi,
  city: DemoSession,
  officerOf: (unitCode: string) => DemoSession,
  units: DivisionNode[],
  stationCount: (unitCode: string) => number,
  rng: Rng,
) {
  let serial = 0;
  const words = [...ORGANISATION_WORDS];
  const make = async (s: DemoSession, unit: DivisionNode | null, body: Record<string, unknown>) => {
    const word = words.splice(Math.floor(rng() * words.length), 1)[0] ?? `第${serial + 1}`;
    const name = `${unit?.name ?? '濮阳市'}${word}${body.kind ?? '社会工作服务中心'}`;
    const area = unit?.statsCountyCode ?? unit?.code.slice(0, 6) ?? '410900';
    const org = await api.call<{ id: string }>(s, 'POST', '/api/v1/organisations', {
      name,
      creditCode: creditCode(area, ++serial),
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      registrationAuthority: `${unit?.name ?? '濮阳市'}民政局`,
      registeredOn: `${between(rng, 2015, 2020)}-0${between(rng, 1, 9)}-1${between(rng, 0, 9)}`,
      legalRepresentative: personName(rng, rng() < 0.5),
      contactName: personName(rng, rng() < 0.6),
      contactPhone: mobile(rng),
      address: `${unit?.name ?? '濮阳市华龙区'}${word}路${between(rng, 1, 99)}号`,
      businessScope: '社会工作服务、社区服务、养老服务、儿童关爱、心理疏导、志愿服务',
      grade: rng() < 0.5 ? '3A' : '4A',
      gradeValidUntil: '2028-12-31',
      divisionCode: unit?.code ?? '410900000000',
      ...body,
      kind: undefined,
    });
    return { id: org.id, name, unit };
  };
  const byUnit = new Map<string, DemoOrganisation[]>();
  for (const unit of units) {
    const s = officerOf(unit.code);
    // The smallest units (one station each) buy from a city-wide agency rather than a local one of their own.
    const n = stationCount(unit.code) >= 12 ? 2 : stationCount(unit.code) >= 3 ? 1 : 0;
    const orgs: DemoOrganisation[] = [];
    for (let i = 0; i < n; i++) orgs.push(await make(s, unit, {}));
    byUnit.set(unit.code, orgs);
  }
  const cityWide = [await make(city, null, {}), await make(city, null, {})];
  await make(city, null, {
    kind: '社区服务中心',
    type: 'community_org',
    socialWorkInScope: false,
    businessScope: '家政服务、社区便民服务',
  });
  await make(city, null, { kind: '志愿服务协会', type: 'volunteer_org', grade: null, gradeValidUntil: null });
  return { byUnit, cityWide };
}

/**
 * A unit's purchasing as the rules run it, cycle by cycle: the cycle running today (started between 3 and 28 months
 * ago, so the stations' workers can be placed) and, where its stations had opened by then, the cycle before it, which
 * ran its three years and ended. In one unit the earlier cycle was held by another organisation, so the stations'
 * records show a change of contractor. Answers the contracts running today.
 */
export async function contractUnit(
  api: DemoApi,
  s: { county: DemoSession; city: DemoSession },
  unit: DivisionNode,
  lots: { organisation: DemoOrganisation; stations: DemoStation[] }[],
  today: string,
  rng: Rng,
  predecessor?: DemoOrganisation,
): Promise<{ current: DemoContract[]; ended: number }> {
  const cycleStart = monthsBefore(today, between(rng, 3, 28));
  const before = addYears(cycleStart, -3);
  const earlier = lots
    .map((l) => ({
      organisation: predecessor ?? l.organisation,
      stations: l.stations.filter((x) => x.openedOn && x.openedOn <= addDays(before, 60)),
    }))
    .filter((l) => l.stations.length);
  const ended =
    before >= '2021-01-01' && earlier.length ? await signCycle(api, s, unit, earlier, before, today, rng) : [];
  return { current: await signCycle(api, s, unit, lots, cycleStart, today, rng), ended: ended.length };
}

/**
 * One purchase cycle of a unit: the annual plan (submitted, filed by the city), one procurement per lot, the award,
 * the 3-year contract signed and published within the 30 days, and each year's agreement after the previous year's
 * passed evaluation (R-PUR-2, R-ORG-1, R-CON-1…3); a cycle that has ended has its last year evaluated too.
 */
async function signCycle(
  api: DemoApi,
  s: { county: DemoSession; city: DemoSession },
  unit: DivisionNode,
  lots: { organisation: DemoOrganisation; stations: DemoStation[] }[],
  cycleStart: string,
  today: string,
  rng: Rng,
): Promise<DemoContract[]> {
  const year = Number(cycleStart.slice(0, 4));
  const stations = lots.flatMap((l) => l.stations);
  const plan = await api.call<{ id: string; version: number }>(s.county, 'POST', '/api/v1/purchase-plans', {
    countyCode: unit.code,
    year,
    title: `${unit.name}${year}年度乡镇（街道）社工站购买服务计划`,
    budget: PER_STATION * stations.length,
    purchaseMethod: 'public_tender',
    stationIds: stations.map((x) => x.id),
    ...PLAN_TEXT,
  });
  const submitted = await api.call<{ version: number }>(s.county, 'POST', `/api/v1/purchase-plans/${plan.id}/submit`, {
    version: plan.version,
  });
  await api.call(s.city, 'POST', `/api/v1/purchase-plans/${plan.id}/file`, {
    version: submitted.version,
    comment: '经审核，同意备案',
  });
  const out: DemoContract[] = [];
  for (const [i, lot] of lots.entries()) {
    const lotName = lots.length > 1 ? `（第${'一二三'[i]}标段）` : '';
    const publishedOn = addDays(cycleStart, -between(rng, 55, 75));
    const awardedOn = addDays(publishedOn, between(rng, 21, 30));
    const signedOn = addDays(awardedOn, between(rng, 7, 25));
    const amount = PER_STATION * lot.stations.length;
    const p = await api.call<{ id: string }>(s.county, 'POST', '/api/v1/procurements', {
      countyCode: unit.code,
      purchasePlanId: plan.id,
      title: `${unit.name}乡镇（街道）社工站运营服务项目${lotName}`,
      serviceContent: PLAN_TEXT.serviceContent,
      serviceStandards: PLAN_TEXT.qualityStandards,
      requirements: '每站至少 2 名驻站社工，项目主管 1 名',
      method: 'public_tender',
      bidderConditions: '本地登记的社会组织，或评估等级 3A 以上、业务范围含社会工作的外地社会工作服务机构',
      budget: amount,
      stationIds: lot.stations.map((x) => x.id),
      publishedOn,
    });
    await api.call(s.county, 'POST', `/api/v1/procurements/${p.id}/award`, {
      organisationId: lot.organisation.id,
      amount,
      awardedOn,
    });
    const contract = await api.call<{ id: string }>(s.county, 'POST', '/api/v1/contracts', {
      procurementId: p.id,
      title: `${unit.name}乡镇（街道）社工站运营服务合同${lotName}`,
      signedOn,
      cycleStart,
      publishedOn: addDays(signedOn, between(rng, 1, 5)),
      terms: TERMS,
      firstAgreement: { amount, publishedOn: addDays(signedOn, between(rng, 1, 5)) },
    });
    for (let yearNo = 2; yearNo <= 3; yearNo++) {
      const starts = addYears(cycleStart, yearNo - 1);
      if (starts > today) break;
      const evaluatedOn = addDays(starts, -between(rng, 10, 25));
      await api.call(s.county, 'POST', `/api/v1/contracts/${contract.id}/evaluations`, {
        yearNo: yearNo - 1,
        result: 'passed',
        evaluatedOn,
        evaluator: '濮阳市社会工作协会（第三方评估）',
        summary: `第 ${yearNo - 1} 年度服务评估合格，得分 ${between(rng, 82, 95)} 分`,
      });
      const agreementSigned = addDays(evaluatedOn, between(rng, 2, 8));
      await api.call(s.county, 'POST', `/api/v1/contracts/${contract.id}/agreements`, {
        yearNo,
        amount,
        signedOn: agreementSigned,
        publishedOn: addDays(agreementSigned, between(rng, 1, 4)),
      });
    }
    const cycleEnd = addDays(addYears(cycleStart, 3), -1);
    if (cycleEnd < today)
      await api.call(s.county, 'POST', `/api/v1/contracts/${contract.id}/evaluations`, {
        yearNo: 3,
        result: 'passed',
        evaluatedOn: addDays(cycleEnd, -between(rng, 10, 25)),
        evaluator: '濮阳市社会工作协会（第三方评估）',
        summary: `第 3 年度服务评估合格，得分 ${between(rng, 82, 95)} 分`,
      });
    out.push({ id: contract.id, organisation: lot.organisation, unit, stations: lot.stations, cycleStart });
  }
  return out;
}
