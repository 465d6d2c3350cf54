import { checkCitizenId } from '../ids/citizen-id';
import {
  CATEGORY_LABELS,
  CHILD_CATEGORIES,
  ADULT_AGE,
  type BeneficiaryCategory,
  type DisabilityGrade,
  type DisabilityKind,
  type NoIdReason,
  type TekunForm,
} from '../beneficiaries/categories';
import { ageOf, isMinor } from '../beneficiaries/masking';

// The registry's rules (R-SVC-1, R-SVC-5, R-SCOPE-2) as pure functions: the single create, the edit and every row of
// an import apply the same ones. Each answers field errors in Chinese keyed by the input's field names.

export type FieldErrors = Record<string, string>;

/** Elders' categories: 60 or over when the period starts (老年人权益保障法 2). */
export const ELDER_CATEGORIES: readonly BeneficiaryCategory[] = ['left_behind_elder', 'hardship_elder'];
export const ELDER_AGE = 60;

export interface IdentityInput {
  idNumber: string;
  noIdReason: NoIdReason | null;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  guardian: { name: string } | null;
}
export interface Identity {
  idNumber: string | null;
  noIdReason: NoIdReason | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  birthYear: number | null;
}

/**
 * R-SVC-1: a citizen ID that passes GB 11643 (birth date and gender derived from it), or none with a reason, a gender
 * and an approximate birth year; a minor needs a guardian on record.
 */
export function checkIdentity(p: IdentityInput, today: string): { identity: Identity; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let identity: Identity;
  if (p.idNumber) {
    const id = checkCitizenId(p.idNumber, today);
    if (!id.ok) errors.idNumber = id.message;
    identity = id.ok
      ? {
          idNumber: p.idNumber.trim().toUpperCase(),
          noIdReason: null,
          gender: id.gender,
          birthDate: id.birthDate,
          birthYear: Number(id.birthDate.slice(0, 4)),
        }
      : { idNumber: p.idNumber, noIdReason: null, gender: p.gender, birthDate: null, birthYear: p.birthYear };
  } else {
    if (!p.noIdReason) errors.noIdReason = '没有身份证号时须选择原因';
    if (!p.gender) errors.gender = '没有身份证号时须填写性别';
    if (!p.birthYear) errors.birthYear = '没有身份证号时须填写出生年份（可估计）';
    else if (p.birthYear > Number(today.slice(0, 4))) errors.birthYear = '出生年份不能晚于今年';
    identity = { idNumber: null, noIdReason: p.noIdReason, gender: p.gender, birthDate: null, birthYear: p.birthYear };
  }
  if (!errors.idNumber && isMinor(identity, today) && !p.guardian)
    errors.guardian = `未满 ${ADULT_AGE} 周岁，须登记监护人`;
  return { identity, errors };
}

export interface PeriodInput {
  category: BeneficiaryCategory;
  tekunForm: TekunForm | null;
  disabilityKind: DisabilityKind | null;
  disabilityGrade: DisabilityGrade | null;
  startedOn: string;
  endedOn: string | null;
}
export interface Period {
  category: BeneficiaryCategory;
  startedOn: string;
  endedOn: string | null;
}

/** Both ends inclusive; an open end runs on. */
export const periodsOverlap = (a: Period, b: Period) =>
  a.startedOn <= (b.endedOn ?? '9999-12-31') && b.startedOn <= (a.endedOn ?? '9999-12-31');

/** In force on a date (R-SVC-1: a list "as of a date" answers from these dates). */
export const inForceOn = (p: Period, date: string) => p.startedOn <= date && (p.endedOn === null || p.endedOn >= date);

/**
 * R-SVC-1: one period in one category: an end not before its start, a start not after today, the details the category
 * needs (特困's 供养方式, 残疾's 类别 and 等级), an age that fits children's and elders' categories, and no overlap with
 * another period of the same category.
 */
export function checkPeriod(
  p: PeriodInput,
  person: { birthDate: string | null; birthYear: number | null },
  existing: Period[],
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  const label = CATEGORY_LABELS[p.category];
  if (p.startedOn > today) errors.startedOn = '开始日期不能晚于今天';
  if (p.endedOn && p.endedOn < p.startedOn) errors.endedOn = '结束日期不能早于开始日期';
  if (p.category === 'tekun' && !p.tekunForm) errors.tekunForm = '特困人员须选择供养方式（分散/集中）';
  if (p.category === 'disabled') {
    if (!p.disabilityKind) errors.disabilityKind = '残疾人须选择残疾类别';
    if (!p.disabilityGrade) errors.disabilityGrade = '残疾人须选择残疾等级';
  }
  const age = ageOf(person, p.startedOn);
  if (age !== null && CHILD_CATEGORIES.includes(p.category) && age >= ADULT_AGE)
    errors.category = `${label}须未满 ${ADULT_AGE} 周岁，开始日期时已 ${age} 岁`;
  if (age !== null && ELDER_CATEGORIES.includes(p.category) && age < ELDER_AGE)
    errors.category = `${label}须年满 ${ELDER_AGE} 周岁，开始日期时 ${age} 岁`;
  const clash = existing.find((e) => e.category === p.category && periodsOverlap(e, p));
  if (clash && !errors.endedOn)
    errors.startedOn = `与已登记的${label}时段（${clash.startedOn} 至 ${clash.endedOn ?? '今'}）重叠：请先结束原时段，或调整日期`;
  return errors;
}

/** The details a period keeps: 供养方式 only for 特困, 类别/等级 only for 残疾人. */
export function periodDetails(p: PeriodInput) {
  return {
    tekunForm: p.category === 'tekun' ? p.tekunForm : null,
    disabilityKind: p.category === 'disabled' ? p.disabilityKind : null,
    disabilityGrade: p.category === 'disabled' ? p.disabilityGrade : null,
  };
}
