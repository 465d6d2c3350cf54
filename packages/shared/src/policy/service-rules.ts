import { ADULT_AGE, CHILD_CATEGORIES, type BeneficiaryCategory } from '../beneficiaries/categories';
import { SERVICE_FORM_LABELS, type ServiceForm } from '../services/service-enums';
import type { FieldErrors } from './beneficiary-rules';
import { ELDER_AGE, ELDER_CATEGORIES } from './beneficiary-rules';

// Service records' rules (R-SVC-2, R-SVC-3) as pure functions: the phone's form, the web form and the server apply the
// same ones. The catalogue fit is guidance (the form offers fitting items first); the refusals are the date, the
// duration, and who must be named for the form. Whether an item exists is the server's check (the catalogue table).

/** Longest single record: a day's work; a longer piece of work is recorded per day. */
export const MAX_DURATION_MINUTES = 720;
export const MAX_HEAD_COUNT = 5000;
export const MAX_PEOPLE_PER_RECORD = 200;
export const MAX_WORKERS_PER_RECORD = 10;

/** Forms done with particular people (R-SVC-3): they name the people served, at least one, and count no head count. */
export const NAMED_PEOPLE_FORMS: readonly ServiceForm[] = [
  'case_work',
  'home_visit',
  'phone_followup',
  'crisis_intervention',
];
/** Domains of community work (附件2 四 社区治理, 六 人才建设): a record may name nobody and count nobody. */
export const COMMUNITY_DOMAINS: readonly number[] = [4, 6];
/** 附件2 一 社会救助 is for the assistance categories. */
export const ASSISTANCE_CATEGORIES: readonly BeneficiaryCategory[] = ['dibao', 'tekun', 'temporary_relief', 'homeless'];

export interface RecordFacts {
  servedOn: string;
  durationMinutes: number;
  form: ServiceForm;
  catalogueCode: string;
  peopleCount: number;
  headCount: number;
}

/** The domain of a `domain.item` code (`2.3` → 2), or null when the code is not of that shape. */
export function domainOf(code: string): number | null {
  const m = /^([1-9])\.\d{1,2}$/.exec(code);
  return m ? Number(m[1]) : null;
}

/**
 * R-SVC-2/R-SVC-3: not after today; a duration within a day's work; a visit, a phone follow-up, a case or a crisis
 * names the people served (at least one, no head count); other forms name people or count them, except community work
 * (四, 六), which may do neither.
 */
export function checkServiceRecord(r: RecordFacts, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (r.servedOn > today) errors.servedOn = '服务日期不能晚于今天';
  if (!Number.isInteger(r.durationMinutes) || r.durationMinutes < 1 || r.durationMinutes > MAX_DURATION_MINUTES)
    errors.durationMinutes = `服务时长应在 1 至 ${MAX_DURATION_MINUTES} 分钟之间（更长的服务请分次记录）`;
  const formName = SERVICE_FORM_LABELS[r.form];
  if (NAMED_PEOPLE_FORMS.includes(r.form)) {
    if (r.peopleCount < 1) errors.beneficiaryIds = `${formName}须选择所服务的对象（至少一人）`;
    if (r.headCount > 0) errors.headCount = `${formName}记录所服务的具体对象，不填写参与人数`;
  } else if (r.peopleCount < 1 && r.headCount < 1) {
    const domain = domainOf(r.catalogueCode);
    if (domain === null || !COMMUNITY_DOMAINS.includes(domain))
      errors.headCount = `${formName}请选择服务对象或填写参与人数`;
  }
  return errors;
}

/** What the fit needs to know of a person: the age today and the categories in force (health ones may be left out). */
export interface PersonFacts {
  age: number | null;
  categories: readonly BeneficiaryCategory[];
}

const isElder = (p: PersonFacts) =>
  (p.age !== null && p.age >= ELDER_AGE) || p.categories.some((c) => ELDER_CATEGORIES.includes(c));
const isChild = (p: PersonFacts) =>
  (p.age !== null && p.age < ADULT_AGE) || p.categories.some((c) => CHILD_CATEGORIES.includes(c));
const has = (c: BeneficiaryCategory) => (p: PersonFacts) => p.categories.includes(c);
const inAssistance = (p: PersonFacts) => p.categories.some((c) => ASSISTANCE_CATEGORIES.includes(c));

/** Who an item fits, by code, with the words the form shows when none of the people chosen fits it. */
function fitRule(code: string): { test: (p: PersonFacts) => boolean; need: string } | 'community' | 'anyone' {
  if (code === '1.8' || code === '5.4') return { test: has('homeless'), need: '生活无着流浪乞讨人员' };
  if (code === '5.3') return { test: has('disabled'), need: '残疾人' };
  switch (domainOf(code)) {
    case 1:
      return { test: inAssistance, need: '社会救助对象（低保、特困、临时救助、流浪乞讨）' };
    case 2:
      return { test: isElder, need: '60 岁以上老人或留守、特殊困难老人' };
    case 3:
      return { test: isChild, need: '未成年人或儿童类别对象' };
    case 4:
    case 6:
      return 'community';
    default:
      return 'anyone';
  }
}

export interface CatalogueFit {
  fits: boolean;
  /** Why it does not fit, in plain Chinese (guidance on the form, never a refusal); '' when it fits. */
  note: string;
}

/**
 * R-SVC-2 guidance: whether an item fits the people chosen. With nobody named, community work (四, 六) fits; with
 * people, an item fits when it fits at least one of them (二 elders, 三 children, 一 the assistance categories,
 * 五3 disabled people, 一8/五4 homeless people, 五1/五2 anyone).
 */
export function catalogueFit(code: string, people: readonly PersonFacts[]): CatalogueFit {
  const rule = fitRule(code);
  if (people.length === 0)
    return rule === 'community'
      ? { fits: true, note: '' }
      : { fits: false, note: '该项目通常面向具体服务对象，可先选择服务对象' };
  if (rule === 'anyone') return { fits: true, note: '' };
  if (rule === 'community') return { fits: false, note: '该项目属社区治理或人才建设，通常不针对个人' };
  return people.some(rule.test)
    ? { fits: true, note: '' }
    : { fits: false, note: `所选对象中没有${rule.need}，请确认服务内容` };
}

/** The catalogue in the order the form offers it: fitting items first, each group in catalogue order. */
export function orderCatalogue<T extends { code: string; domainCode: number; itemNumber: number }>(
  items: readonly T[],
  people: readonly PersonFacts[],
): (T & CatalogueFit)[] {
  const withFit = items.map((i) => ({ ...i, ...catalogueFit(i.code, people) }));
  const byCode = (a: T, b: T) => a.domainCode - b.domainCode || a.itemNumber - b.itemNumber;
  return [...withFit.filter((i) => i.fits).sort(byCode), ...withFit.filter((i) => !i.fits).sort(byCode)];
}

/** The first day of the month of a date (rollup key). */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
