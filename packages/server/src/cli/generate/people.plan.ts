import { ageOn, type NoIdReason, type RiskLevel } from '@shegong/shared';
import { citizenId } from './citizen';
import { mobile, personName, SURNAMES } from './names';
import { addDays, addYears, daysBetween, type Rng } from './random';
import { planCategories, type PlannedPeriod } from './people.categories';

// One planned person: every field the registry stores, chosen so that the service's own rules (checkIdentity,
// checkPeriod from @shegong/shared) accept it. Pure: no database, no clock — `today` is given.

export interface PlannedPerson {
  id: string;
  stationId: string;
  divisionPath: string;
  workerId: string | null;
  name: string;
  idNumber: string | null;
  noIdReason: NoIdReason | null;
  gender: 'male' | 'female';
  birthDate: string | null;
  birthYear: number;
  birthPlace: string;
  phone: string;
  village: string;
  address: string;
  guardian: { name: string; relation: string; phone: string } | null;
  categories: PlannedPeriod[];
  risks: { id: string; level: RiskLevel; reason: string; assessedOn: string }[];
  consents: {
    id: string;
    kind: 'data_use' | 'referral';
    decision: 'given' | 'refused' | 'withdrawn';
    givenBy: 'self' | 'guardian';
    scope: string;
    recordedOn: string;
  }[];
  household: { id: string; name: string; relation: string; memberId: string | null }[];
}

/** What the planner needs to know about where the person lives. */
export interface PersonPlace {
  stationId: string;
  divisionPath: string;
  /** First six digits of the county's code: the address code the person's ID begins with. */
  area6: string;
  villages: readonly string[];
  workerIds: readonly string[];
  /** An elder of the same station planned before, whom a grandchild may name as guardian and household member. */
  elder: { id: string; name: string; gender: 'male' | 'female' } | null;
}

/** The groups people come from, per thousand: the primary reason the station serves them. */
export const PROFILES = [
  ['dibao', 250],
  ['elder', 260],
  ['child', 150],
  ['disabled', 120],
  ['woman', 50],
  ['temporary', 40],
  ['homeless', 20],
  ['mental', 40],
  ['correction', 10],
  ['drug', 10],
  ['other', 5],
] as const;
export type Profile = (typeof PROFILES)[number][0];
const AGES: Record<Profile, [number, number]> = {
  dibao: [18, 78],
  elder: [60, 95],
  child: [0, 17],
  disabled: [18, 59],
  woman: [22, 55],
  temporary: [18, 70],
  homeless: [25, 75],
  mental: [18, 70],
  correction: [18, 60],
  drug: [18, 55],
  other: [18, 80],
};

const RISK_REASONS: Record<RiskLevel, string[]> = {
  high: [
    '独居且行动不便，近一月内跌倒',
    '监护缺失，日常无人照料',
    '患重病，家中无人照护',
    '有遭受家庭暴力的迹象',
    '辍学在家，情绪低落',
  ],
  medium: ['子女外出务工，邻居偶有照看', '慢性病需定期随访', '学业困难，与监护人沟通少', '收入不稳定，医疗支出大'],
  low: ['家庭支持稳定，生活能够自理', '邻里照应良好，定期探访无异常', '监护人照料到位'],
};

/** One person at a place; `used` holds every ID number already given out (it receives this one). */
export function planPerson(rng: Rng, place: PersonPlace, today: string, used: Set<string>): PlannedPerson {
  const profile = rng.weighted(PROFILES);
  const gender: 'male' | 'female' = profile === 'woman' ? 'female' : rng.chance(0.5) ? 'male' : 'female';
  const [minAge, maxAge] = AGES[profile];
  // A birth date between the ages' bounds: at least minAge today, at most maxAge.
  const oldest = addDays(addYears(today, -(maxAge + 1)), 1);
  const youngest = addYears(today, -minAge);
  const birthDate = addDays(oldest, rng.int(0, daysBetween(oldest, youngest)));
  const minor = ageOn(birthDate, today) < 18;
  // People on the street mostly have no ID (R-SVC-1); a few others lost it or never had one.
  const noId = !minor && (profile === 'homeless' ? rng.chance(0.7) : rng.chance(0.003));
  const noIdReason: NoIdReason | null = !noId
    ? null
    : profile === 'homeless'
      ? rng.weighted([
          ['homeless_unknown', 85],
          ['lost', 10],
          ['never_registered', 5],
        ] as const)
      : rng.weighted([
          ['lost', 50],
          ['never_registered', 30],
          ['refused', 15],
          ['other', 5],
        ] as const);
  const id = rng.uuid();
  const elderGuardian = minor && place.elder && rng.chance(0.3) ? place.elder : null;
  const surname = elderGuardian?.gender === 'male' ? [...elderGuardian.name][0] : rng.weighted(SURNAMES);
  const name = personName(rng, gender, surname);
  const village = rng.pick(place.villages);
  let guardian: PlannedPerson['guardian'] = null;
  if (elderGuardian)
    guardian = {
      name: elderGuardian.name,
      relation: elderGuardian.gender === 'male' ? '祖父' : '祖母',
      phone: mobile(rng),
    };
  else if (minor) {
    const relation = rng.pick(['父亲', '母亲', '祖父', '祖母']);
    const g = relation.endsWith('父') ? 'male' : 'female';
    guardian = { name: personName(rng, g, g === 'male' ? surname : undefined), relation, phone: mobile(rng) };
  }
  // An approximate birth year for a person without ID, never one that would make an adult a minor.
  const born = Number(birthDate.slice(0, 4));
  const birthYear = noId ? Math.min(born + rng.int(-2, 2), Number(today.slice(0, 4)) - 18) : born;
  const person = { birthDate: noId ? null : birthDate, birthYear };
  const categories = planCategories(rng, profile, person, today);

  const graded = categories.some((c) =>
    ['hardship_elder', 'orphan', 'unsupported_child', 'left_behind_child', 'distressed_child'].includes(c.category),
  );
  const risks: PlannedPerson['risks'] = [];
  if (graded ? rng.chance(0.75) : rng.chance(0.03)) {
    const first = categories.reduce((s, c) => (c.startedOn < s ? c.startedOn : s), today);
    const times = rng.chance(0.3) ? 2 : 1;
    let from = first;
    for (let k = 0; k < times; k++) {
      const assessedOn = addDays(from, rng.int(0, Math.max(0, daysBetween(from, today))));
      const level = rng.weighted([
        ['high', 12],
        ['medium', 33],
        ['low', 55],
      ] as const);
      risks.push({ id: rng.uuid(), level, reason: rng.pick(RISK_REASONS[level]), assessedOn });
      from = assessedOn;
    }
  }
  const registered = categories.reduce((s, c) => (c.startedOn < s ? c.startedOn : s), today);
  const givenBy = minor ? ('guardian' as const) : ('self' as const);
  const consents: PlannedPerson['consents'] = [];
  if (rng.chance(0.95)) {
    const decision = rng.weighted([
      ['given', 93],
      ['refused', 4],
      ['withdrawn', 3],
    ] as const);
    const scope = '社工站为提供服务收集、使用本人及家庭基本信息';
    if (decision === 'withdrawn') {
      consents.push({ id: rng.uuid(), kind: 'data_use', decision: 'given', givenBy, scope, recordedOn: registered });
      consents.push({
        id: rng.uuid(),
        kind: 'data_use',
        decision,
        givenBy,
        scope,
        recordedOn: addDays(registered, rng.int(0, daysBetween(registered, today))),
      });
    } else consents.push({ id: rng.uuid(), kind: 'data_use', decision, givenBy, scope, recordedOn: registered });
  }
  if (rng.chance(0.12))
    consents.push({
      id: rng.uuid(),
      kind: 'referral',
      decision: 'given',
      givenBy,
      scope: rng.pick([
        '转介至县民政局社会救助股',
        '转介至乡镇卫生院家庭医生',
        '转介至县残联康复机构',
        '转介至未成年人救助保护机构',
      ]),
      recordedOn: addDays(registered, rng.int(0, daysBetween(registered, today))),
    });

  const household: PlannedPerson['household'] = [];
  if (elderGuardian)
    household.push({
      id: rng.uuid(),
      name: elderGuardian.name,
      relation: guardian!.relation,
      memberId: elderGuardian.id,
    });
  else if (rng.chance(0.45)) {
    const relations =
      profile === 'child'
        ? ['父亲', '母亲', '祖父', '祖母', '兄弟姐妹']
        : profile === 'elder'
          ? ['配偶', '儿子', '女儿', '孙子女']
          : ['配偶', '子女', '父亲', '母亲'];
    for (let k = rng.int(1, 4); k > 0; k--) {
      const relation = rng.pick(relations);
      const g = ['父亲', '祖父', '儿子'].includes(relation)
        ? 'male'
        : ['母亲', '祖母', '女儿'].includes(relation)
          ? 'female'
          : rng.chance(0.5)
            ? 'male'
            : 'female';
      household.push({
        id: rng.uuid(),
        name: personName(rng, g, relation === '配偶' || relation.endsWith('母') ? undefined : surname),
        relation,
        memberId: null,
      });
    }
  }
  const noPhone = minor || (noId && rng.chance(0.8)) || rng.chance(0.12);
  return {
    id,
    stationId: place.stationId,
    divisionPath: place.divisionPath,
    workerId: place.workerIds.length && rng.chance(0.92) ? rng.pick(place.workerIds) : null,
    name,
    idNumber: noId ? null : citizenId(rng, place.area6, birthDate, gender, used),
    noIdReason,
    gender,
    birthDate: person.birthDate,
    birthYear,
    birthPlace: noId ? rng.pick(['不详', '河南省', '山东省', '河北省', '口音像本地人']) : '',
    phone: noPhone ? '' : mobile(rng),
    village: noId && profile === 'homeless' ? '' : village,
    address:
      noId && profile === 'homeless'
        ? rng.pick(['桥洞下', '汽车站附近', '集贸市场附近', ''])
        : `${village}${rng.int(1, 12)}组${rng.int(1, 120)}号`,
    guardian,
    categories,
    risks,
    consents,
    household,
  };
}
