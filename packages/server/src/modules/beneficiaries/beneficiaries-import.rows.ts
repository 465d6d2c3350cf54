import { randomUUID } from 'node:crypto';
import {
  CATEGORY_LABELS,
  checkIdentity,
  checkPeriod,
  createBeneficiarySchema,
  HEALTH_CATEGORIES,
  isMinor,
  periodsOverlap,
  periodDetails,
  type BeneficiaryCategory,
} from '@shegong/shared';
import type { RowCheck } from '../../platform/http/import-checks';
import type { ExistingPerson, Fill, NewLink, NewPeriod, NewPerson } from './beneficiaries-import.repository';
import {
  CATEGORY_OF,
  DISABILITY_GRADE_OF,
  DISABILITY_KIND_OF,
  GENDER_OF,
  NO_ID_REASON_OF,
  TEKUN_FORM_OF,
} from './beneficiaries-import.spec';

// One row of a beneficiaries import (R-SVC-1): read into the single create's input, checked by the same schema and
// the same rule functions (`checkIdentity`, `checkPeriod`), then compared with the person registered under the same
// ID number: new, matched (what would be added) or unchanged. Categories are added as periods, never overwritten.

/** Each input field's template column, so a schema or rule error points at the cell to correct. */
const COLUMN_OF: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  noIdReason: '无身份证号原因',
  gender: '性别',
  birthYear: '出生年份',
  phone: '联系电话',
  village: '村（社区）',
  address: '住址',
  guardian: '监护人姓名',
  'guardian.name': '监护人姓名',
  'guardian.relation': '监护人关系',
  'guardian.phone': '监护人电话',
  category: '类别',
  tekunForm: '供养方式',
  disabilityKind: '残疾类别',
  disabilityGrade: '残疾等级',
  startedOn: '开始日期',
  endedOn: '结束日期',
  source: '来源',
};

export interface StationChoice {
  id: string;
  name: string;
  divisionPath: string;
}

/** What every row of one import shares. */
export interface ImportContext {
  today: string;
  /** 来源 when the file has none: the file's name. */
  defaultSource: string;
  /** The category chosen for the whole file on the page (a 低保 roster has no 类别 column). */
  fileCategory: BeneficiaryCategory | null;
  /** The station a cell or the page names, or the only one in the caller's scope; undefined with the reason. */
  stationOf(r: RowCheck): StationChoice | { problem: [column: string, message: string] };
  existing: Map<string, ExistingPerson>;
  /** The importing social worker becomes the responsible worker of the people they add. */
  workerId: string | null;
  /** The stations the importer serves, and whether they may see sensitive records (R-SCOPE-2). */
  scopeStations: Set<string>;
  seesSensitive: boolean;
}

/**
 * Whether the importer may see a registered person's record: served by one of their stations and not withheld from
 * them (a minor or health record they are neither responsible for nor allowed to see). The answer for a person they
 * may not see says no more than a link: no periods, no differences, no dates (R-SCOPE-2).
 */
function openTo(found: ExistingPerson, ctx: ImportContext): 'open' | 'withheld' | 'elsewhere' {
  if (![...found.stationIds].some((id) => ctx.scopeStations.has(id))) return 'elsewhere';
  const sensitive = isMinor(found, ctx.today) || found.periods.some((p) => HEALTH_CATEGORIES.includes(p.category));
  const responsible = !!ctx.workerId && found.workerIds.has(ctx.workerId);
  return sensitive && !ctx.seesSensitive && !responsible ? 'withheld' : 'open';
}

/** What the import will write, gathered row by row. */
export interface ImportPlan {
  people: NewPerson[];
  periods: NewPeriod[];
  links: NewLink[];
  fills: Fill[];
  summary: { added: number; matched: number; unchanged: number };
  preview: { row: number; name: string; outcome: 'new' | 'matched' | 'unchanged'; changes: string[] }[];
}
export const emptyPlan = (): ImportPlan => ({
  people: [],
  periods: [],
  links: [],
  fills: [],
  summary: { added: 0, matched: 0, unchanged: 0 },
  preview: [],
});
export const PREVIEW_ROWS = 500;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const code = <K>(m: Map<string, K>, v: unknown) => (typeof v === 'string' && v ? (m.get(v) ?? null) : null);

/** 出生年份: `1952`, `1952年`, or a date whose year comes first. */
function birthYearOf(r: RowCheck): number | null | undefined {
  const t = r.text('出生年份');
  if (!t) return null;
  const m = /^(\d{4})(?:年|[-/.年]\d.*)?$/.exec(t.normalize('NFKC'));
  if (m) return Number(m[1]);
  if (!r.failed('出生年份')) r.issue('出生年份', '格式', '应为四位年份，如 1952');
  return undefined;
}

/** The row as the single create's input (labels turned into codes), the period included when it has a category. */
function rowInput(r: RowCheck, ctx: ImportContext) {
  const v = r.values;
  const category = code(CATEGORY_OF, v['类别']) ?? ctx.fileCategory;
  const guardianGiven = ['监护人姓名', '监护人关系', '监护人电话'].some((c) => str(v[c]));
  const period = category
    ? {
        category,
        tekunForm: code(TEKUN_FORM_OF, v['供养方式']),
        disabilityKind: code(DISABILITY_KIND_OF, v['残疾类别']),
        disabilityGrade: code(DISABILITY_GRADE_OF, v['残疾等级']),
        startedOn: str(v['开始日期']),
        endedOn: str(v['结束日期']) || null,
        source: str(v['来源']) || ctx.defaultSource,
      }
    : null;
  if (!category && (v['开始日期'] || v['结束日期']))
    r.issue('类别', '必填', '填写了开始日期时须填写类别（或在页面上为整个文件选择类别）');
  if (period && !period.startedOn && !r.failed('开始日期'))
    r.issue('开始日期', '必填', `须填写${CATEGORY_LABELS[period.category]}的开始日期（如审批日期）`);
  return {
    name: str(v['姓名']),
    idNumber: str(v['身份证号']),
    noIdReason: code(NO_ID_REASON_OF, v['无身份证号原因']),
    gender: code(GENDER_OF, v['性别']),
    birthYear: birthYearOf(r) ?? null,
    phone: str(v['联系电话']),
    village: str(v['村（社区）']),
    address: str(v['住址']),
    guardian: guardianGiven
      ? { name: str(v['监护人姓名']), relation: str(v['监护人关系']), phone: str(v['监护人电话']) }
      : null,
    categories: period && period.startedOn ? [period] : [],
  };
}

const personSchema = createBeneficiarySchema.omit({ stationId: true });

/**
 * Checks one row and adds what it would write to the plan. A refused row (any issue) adds nothing; the import then
 * writes nothing at all.
 */
export function planRow(r: RowCheck, ctx: ImportContext, plan: ImportPlan): void {
  const { issue, clean } = r;
  const station = ctx.stationOf(r);
  if ('problem' in station) issue(station.problem[0], '范围', station.problem[1]);
  const input = rowInput(r, ctx);
  const idNumber = input.idNumber;
  const repeat = idNumber ? r.repeated(idNumber) : undefined;
  if (repeat) issue('身份证号', '唯一', `${repeat}：同一人在一个文件中只能出现一次`);
  const parsed = personSchema.safeParse(input);
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const path = i.path[0] === 'categories' ? String(i.path[2]) : i.path.map(String).join('.');
      const column = COLUMN_OF[path] ?? COLUMN_OF[String(i.path[0])] ?? '—';
      if (!r.failed(column)) issue(column, i.code === 'invalid_value' ? '取值' : '格式', i.message);
    }
  if (!parsed.success || 'problem' in station) return;
  const p = parsed.data;
  const found = p.idNumber ? ctx.existing.get(p.idNumber) : undefined;
  if (found && found.name !== p.name) {
    issue('姓名', '一致', '与该身份证号登记的姓名不同：请核对身份证号或姓名');
    return;
  }
  const access = found ? openTo(found, ctx) : 'open';
  if (access === 'withheld') {
    // A colleague sees that the record exists and nothing more; its responsible worker or the lead keeps it.
    issue('身份证号', '范围', '该服务对象的记录仅由其负责社工或项目主管维护：请从名单中删去此行，或交由负责社工导入');
    return;
  }
  // R-SVC-1 identity: the same rule as the single create; a matched person keeps the guardian on record.
  const guardian = p.guardian ?? (found?.guardianName ? { name: found.guardianName } : null);
  const { identity, errors } = checkIdentity({ ...p, guardian }, ctx.today);
  for (const [field, message] of Object.entries(errors)) issue(COLUMN_OF[field] ?? '—', 'R-SVC-1', message);
  const period = p.categories[0];
  const existingPeriods = found?.periods ?? [];
  // An open period of the same category, or the very same period, is already on record: nothing to add.
  const known =
    period &&
    existingPeriods.some(
      (e) =>
        e.category === period.category &&
        (e.endedOn === null || (e.startedOn === period.startedOn && e.endedOn === period.endedOn)),
    );
  // A person registered elsewhere: a period overlapping one on record is already known there; the row neither adds
  // it nor says so (its dates are that station's record).
  const elsewhere = access === 'elsewhere';
  const periodErrors =
    period && !known ? checkPeriod(period, identity, elsewhere ? [] : existingPeriods, ctx.today) : {};
  for (const [field, message] of Object.entries(periodErrors)) issue(COLUMN_OF[field] ?? '—', 'R-SVC-1', message);
  const overlaps = !!period && existingPeriods.some((e) => e.category === period.category && periodsOverlap(e, period));
  if (!clean()) return;

  const id = found?.id ?? randomUUID();
  const changes: string[] = [];
  if (period && !known && !(elsewhere && overlaps)) {
    plan.periods.push({ beneficiaryId: id, ...period, ...periodDetails(period) });
    if (!elsewhere) changes.push(`新增类别：${CATEGORY_LABELS[period.category]}（${period.startedOn} 起）`);
  }
  if (!found) {
    plan.people.push({
      id,
      stationId: station.id,
      divisionPath: station.divisionPath,
      workerId: ctx.workerId,
      name: p.name,
      ...identity,
      phone: p.phone,
      village: p.village,
      address: p.address,
      guardianName: p.guardian?.name ?? null,
      guardianRelation: p.guardian?.relation ?? null,
      guardianPhone: p.guardian?.phone ?? null,
    });
    // Every person is served through a station link, the registering station's included (the scope reads links).
    plan.links.push({
      beneficiaryId: id,
      stationId: station.id,
      divisionPath: station.divisionPath,
      workerId: ctx.workerId,
      since: ctx.today,
    });
    plan.summary.added++;
    if (plan.preview.length < PREVIEW_ROWS) plan.preview.push({ row: r.row, name: p.name, outcome: 'new', changes });
    return;
  }
  if (!found.stationIds.has(station.id)) {
    plan.links.push({
      beneficiaryId: id,
      stationId: station.id,
      divisionPath: station.divisionPath,
      workerId: ctx.workerId,
      since: ctx.today,
    });
    changes.push(`关联到${station.name}（已在其他社工站登记，同一人只登记一次）`);
  }
  // Person fields: only empty ones are filled; data the station keeps is never overwritten.
  const fill: Fill = {
    id,
    phone: null,
    village: null,
    address: null,
    guardianName: null,
    guardianRelation: null,
    guardianPhone: null,
  };
  const notes: string[] = [];
  for (const [field, label] of [
    ['phone', '联系电话'],
    ['village', '村（社区）'],
    ['address', '住址'],
  ] as const) {
    if (!p[field] || p[field] === found[field]) continue;
    if (found[field] === '') {
      fill[field] = p[field];
      if (!elsewhere) changes.push(`补充${label}`);
    } else if (!elsewhere) notes.push(`${label}与已登记的不同（保留已登记的，不覆盖）`);
  }
  if (p.guardian && !found.guardianName) {
    fill.guardianName = p.guardian.name;
    fill.guardianRelation = p.guardian.relation;
    fill.guardianPhone = p.guardian.phone;
    if (!elsewhere) changes.push('补充监护人');
  }
  if (fill.phone !== null || fill.village !== null || fill.address !== null || fill.guardianName !== null)
    plan.fills.push(fill);
  // Registered elsewhere: always "matched" (linked), so the outcome does not tell what that station holds.
  const outcome = changes.length || elsewhere ? 'matched' : 'unchanged';
  plan.summary[outcome]++;
  if (plan.preview.length < PREVIEW_ROWS)
    plan.preview.push({ row: r.row, name: p.name, outcome, changes: [...changes, ...notes] });
}
