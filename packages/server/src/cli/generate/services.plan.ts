import { SERVICE_FORMS, type ServiceForm } from '@shegong/shared';
import { addDays, daysBetween } from './random';

// What the service-record generator draws from (R-SVC-2, R-SVC-3): the mix of work forms, the 附件2 items that fit
// each form and the person served, the days of the year (weekdays, festivals), durations and head counts. Plain
// tables here; services.ts turns them into lookup tables so the records themselves are drawn on the server.

/** Who a record's first person is, for the item that fits them (elders → 养老服务, children → 儿童福利 …). */
export const GROUPS = {
  /** No named person (a community activity's head count, a policy talk). */
  none: -1,
  other: 0,
  assistance: 1,
  elder: 2,
  child: 3,
  disabled: 5,
} as const;
export type Group = (typeof GROUPS)[keyof typeof GROUPS];

/** The mix of forms: visits and phone follow-ups far more than case work (weights, not shares). */
export const FORM_WEIGHTS: Record<ServiceForm, number> = {
  home_visit: 42,
  phone_followup: 24,
  case_work: 6,
  group_work: 4,
  community_activity: 9,
  policy_outreach: 7,
  resource_linking: 7.2,
  crisis_intervention: 0.8,
};

/** Minutes: a base and a spread per form. */
export const DURATION: Record<ServiceForm, [number, number]> = {
  home_visit: [20, 70],
  phone_followup: [5, 15],
  case_work: [45, 75],
  group_work: [60, 90],
  community_activity: [90, 150],
  policy_outreach: [60, 120],
  resource_linking: [30, 90],
  crisis_intervention: [60, 180],
};

export const SUMMARIES: Record<ServiceForm, readonly string[]> = {
  home_visit: ['入户走访，了解近期生活和身体情况', '走访入户，查看居住环境与用药情况', '入户探访，陪伴聊天并了解需求'],
  phone_followup: ['电话回访，了解近况，无新增需求', '电话问候，提醒按时复诊', '电话回访，确认补贴已到账'],
  case_work: ['个案面谈，跟进服务计划目标', '个案辅导，梳理家庭支持资源', '个案会谈，评估目标进展'],
  group_work: ['小组活动：兴趣与互助', '小组活动：情绪支持与交流', '小组活动：安全与能力提升'],
  community_activity: ['社区活动：邻里互助与文娱', '社区活动：节日关爱', '社区活动：志愿服务'],
  policy_outreach: ['政策宣传：社会救助申请条件与流程', '政策宣传：防范诈骗与权益保护', '政策宣传：移风易俗与文明殡葬'],
  resource_linking: ['协助申请救助并递交材料', '链接爱心企业捐赠物资', '协助办理补贴申请'],
  crisis_intervention: ['危机介入：紧急处置并联系相关部门', '危机介入：安全评估与临时安置', '危机介入：情绪稳定与陪伴'],
};

export const PLACES: Record<ServiceForm, string> = {
  home_visit: '服务对象家中',
  phone_followup: '电话',
  case_work: '社工站个案室',
  group_work: '社工站活动室',
  community_activity: '村（居）委会广场',
  policy_outreach: '村（居）委会',
  resource_linking: '社工站',
  crisis_intervention: '服务对象家中',
};

type Items = readonly (readonly [code: string, weight: number])[];

/** The items a person's work falls under, by who they are (the form offers fitting items first, R-SVC-2). */
const BY_GROUP: Record<Exclude<Group, -1>, Items> = {
  [GROUPS.elder]: [
    ['2.1', 30],
    ['2.2', 18],
    ['2.3', 32],
    ['2.4', 8],
    ['2.5', 10],
    ['2.6', 2],
  ],
  [GROUPS.child]: [
    ['3.1', 40],
    ['3.2', 30],
    ['3.3', 30],
  ],
  [GROUPS.disabled]: [
    ['5.3', 85],
    ['5.1', 15],
  ],
  [GROUPS.assistance]: [
    ['1.2', 15],
    ['1.3', 18],
    ['1.4', 22],
    ['1.5', 15],
    ['1.6', 10],
    ['1.7', 20],
  ],
  [GROUPS.other]: [
    ['5.1', 85],
    ['5.2', 15],
  ],
};

/** One item per group of person (nobody named: as "other"). */
function byGroup(group: Group, codes: Record<Exclude<keyof typeof GROUPS, 'none'>, string>) {
  const name = (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).find((k) => GROUPS[k] === group);
  return codes[!name || name === 'none' ? 'other' : name];
}

/** Items by form where the form decides more than the person does. */
function itemsFor(form: ServiceForm, group: Group): Items {
  const person = group === GROUPS.none ? BY_GROUP[GROUPS.other] : BY_GROUP[group];
  switch (form) {
    case 'community_activity':
      return [
        ['4.1', 30],
        ['4.2', 10],
        ['4.3', 15],
        ['4.4', 10],
        ['2.4', 15],
        ['3.3', 12],
        ['6.4', 8],
      ];
    case 'policy_outreach':
      if (group === GROUPS.none)
        return [
          ['1.1', 55],
          ['5.1', 20],
          ['5.2', 15],
          ['6.4', 10],
        ];
      return [[byGroup(group, { other: '5.1', assistance: '1.1', elder: '2.1', child: '3.2', disabled: '5.3' }), 1]];
    case 'resource_linking':
      return [[byGroup(group, { other: '5.1', assistance: '1.3', elder: '2.2', child: '3.1', disabled: '5.3' }), 1]];
    case 'crisis_intervention':
      if (group === GROUPS.elder) return [['2.5', 1]];
      if (group === GROUPS.child) return [['3.1', 1]];
      return [['5.1', 1]];
    case 'group_work':
      if (group === GROUPS.elder) return [['2.4', 1]];
      if (group === GROUPS.child) return [['3.3', 1]];
      if (group === GROUPS.assistance)
        return [
          ['1.5', 50],
          ['1.6', 50],
        ];
      return [['5.1', 1]];
    default:
      return person;
  }
}

/** One row of the item lookup: a form, a group and the slice [lo, hi) of a uniform draw that picks the item. */
export interface ItemSlice {
  form: ServiceForm;
  group: Group;
  lo: number;
  hi: number;
  code: string;
  domain: number;
}

/** Every (form, group) pair's item distribution as cumulative slices of [0, 1). */
export function itemSlices(): ItemSlice[] {
  const out: ItemSlice[] = [];
  for (const form of SERVICE_FORMS)
    for (const group of Object.values(GROUPS)) {
      const items = itemsFor(form, group);
      const total = items.reduce((a, [, w]) => a + w, 0);
      let lo = 0;
      items.forEach(([code, w], i) => {
        const hi = i === items.length - 1 ? 1.000001 : lo + w / total;
        out.push({ form, group, lo, hi, code, domain: Number(code.split('.')[0]) });
        lo = hi;
      });
    }
  return out;
}

/** Festival days by year (lunar calendar): 春节 and 重阳 move, so they are listed. */
const SPRING_FESTIVAL: Record<number, string> = {
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
};
const DOUBLE_NINTH: Record<number, string> = {
  2021: '2021-10-14',
  2022: '2022-10-04',
  2023: '2023-10-23',
  2024: '2024-10-11',
  2025: '2025-10-29',
  2026: '2026-10-18',
  2027: '2027-10-08',
  2028: '2028-10-26',
  2029: '2029-10-16',
  2030: '2030-10-05',
  2031: '2031-10-24',
  2032: '2032-10-12',
};

/**
 * A day's weight: weekdays full, Saturdays a third, Sundays a fifth; the two weeks before 春节 (visits to elders and
 * children left behind, 送温暖) two and a half times, the festival week itself a third; three days either side of
 * 重阳 (敬老) three times; the 国庆 week a third; and a gentle growth over the years as stations find their feet.
 */
export function dayWeight(day: string, from: string, to: string): number {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  let w = dow === 0 ? 0.2 : dow === 6 ? 0.33 : 1;
  const year = Number(day.slice(0, 4));
  for (const y of [year, year + 1]) {
    const sf = SPRING_FESTIVAL[y];
    if (!sf) continue;
    const d = daysBetween(day, sf);
    if (d > 0 && d <= 14) w *= 2.5;
    else if (d <= 0 && d > -7) w *= 0.33;
  }
  const dn = DOUBLE_NINTH[year];
  if (dn && Math.abs(daysBetween(dn, day)) <= 3) w *= 3;
  if (day.slice(5) >= '10-01' && day.slice(5) <= '10-07') w *= 0.33;
  const span = Math.max(1, daysBetween(from, to));
  return w * (0.75 + (0.5 * daysBetween(from, day)) / span);
}

/** Days from `from` to `to` (both included), each repeated by its weight: a uniform draw of a slot is a weighted day. */
export function daySlots(from: string, to: string, perWeekday = 20): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const n = Math.max(1, Math.round(dayWeight(d, from, to) * perWeekday));
    for (let i = 0; i < n; i++) out.push(d);
  }
  return out;
}
