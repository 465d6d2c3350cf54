import { z } from 'zod';
import { isoDate, pagedSchema, pageQuery, itemsSchema } from '../common';
import { importResultSchema } from '../imports/import.schemas';
import {
  BENEFICIARY_CATEGORIES,
  CONSENT_BY,
  CONSENT_DECISIONS,
  CONSENT_KINDS,
  DISABILITY_GRADES,
  DISABILITY_KINDS,
  NO_ID_REASONS,
  RISK_LEVELS,
  TEKUN_FORMS,
} from './categories';

// The contract of the beneficiaries registry (服务对象, R-SVC-1, R-SVC-5, R-SCOPE-2): inputs, queries and views.

const personName = z.string().trim().min(1, '请填写姓名').max(30, '不能超过 30 个字符');
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '应为手机号或带区号的固定电话')
  .or(z.literal(''));
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '应为 18 位身份证号（最后一位可为 X）');
const shortText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

export const guardianSchema = z.strictObject({
  name: personName,
  relation: shortText(20).min(1, '请填写与本人的关系'),
  phone,
});
export type GuardianInput = z.infer<typeof guardianSchema>;

export const householdMemberSchema = z.strictObject({
  name: personName,
  relation: shortText(20).min(1, '请填写与本人的关系'),
  /** The member's own registry record, when they are a registered person too. */
  memberId: z.uuid('家庭成员编号格式不正确').nullable().default(null),
});
export type HouseholdMemberInput = z.input<typeof householdMemberSchema>;

/** One period in one category (R-SVC-1): a person is in several at once; "as of a date" answers from these dates. */
export const categoryInputSchema = z.strictObject({
  category: z.enum(BENEFICIARY_CATEGORIES, '请选择类别'),
  /** 特困人员: 分散/集中供养. */
  tekunForm: z.enum(TEKUN_FORMS, '请选择供养方式').nullable().default(null),
  /** 残疾人: 残疾类别 and 等级. */
  disabilityKind: z.enum(DISABILITY_KINDS, '请选择残疾类别').nullable().default(null),
  disabilityGrade: z.enum(DISABILITY_GRADES, '请选择残疾等级').nullable().default(null),
  startedOn: isoDate,
  endedOn: isoDate.nullable().default(null),
  /** Where the fact comes from: 低保名册 2026-10, 入户核实 … */
  source: shortText(100).min(1, '请填写来源（如：县民政局低保名册）'),
});
export type CategoryInput = z.input<typeof categoryInputSchema>;
/** Ending a period (the person left the category). */
export const endCategorySchema = z.strictObject({ endedOn: isoDate });

/** A person's own fields, without defaults: the update takes any subset of them. */
const personShape = {
  name: personName,
  /** Empty when the person has no ID number; then `noIdReason`, gender and an approximate birth year are required. */
  idNumber: idNumber.or(z.literal('')),
  noIdReason: z.enum(NO_ID_REASONS, '请选择无身份证号的原因').nullable(),
  /** Derived from the ID number when there is one; required without. */
  gender: z.enum(['male', 'female'], '请选择性别').nullable(),
  birthYear: z.number().int().min(1900, '出生年份应在 1900 年之后').max(2100).nullable(),
  birthPlace: shortText(60),
  phone,
  /** 村（社区）: the unit of the outreach and of matching people without ID. */
  village: shortText(40),
  address: shortText(120),
  /** Required for a minor (民法典 27). */
  guardian: guardianSchema.nullable(),
  household: z.array(householdMemberSchema).max(20, '家庭成员不超过 20 人'),
  /** The social worker responsible (a worker of the station's contractor). */
  workerId: z.uuid('请选择负责社工').nullable(),
};

export const createBeneficiarySchema = z.strictObject({
  stationId: z.uuid('请选择社工站'),
  name: personShape.name,
  idNumber: personShape.idNumber.default(''),
  noIdReason: personShape.noIdReason.default(null),
  gender: personShape.gender.default(null),
  birthYear: personShape.birthYear.default(null),
  birthPlace: personShape.birthPlace.default(''),
  phone: personShape.phone.default(''),
  village: personShape.village.default(''),
  address: personShape.address.default(''),
  guardian: personShape.guardian.default(null),
  household: personShape.household.default([]),
  workerId: personShape.workerId.default(null),
  /** The categories known at registration. */
  categories: z.array(categoryInputSchema).max(16).default([]),
});
export type CreateBeneficiaryInput = z.input<typeof createBeneficiarySchema>;

/** PATCH: the fields sent change, the others stay as stored (another system may send only a phone). */
export const updateBeneficiarySchema = z.strictObject(personShape).partial().extend({ version: z.number().int() });
export type UpdateBeneficiaryInput = z.input<typeof updateBeneficiarySchema>;

/** A second station serving a person already registered links to the one record (one person once). */
export const linkBeneficiarySchema = z.strictObject({
  stationId: z.uuid('请选择社工站'),
  /** The person's ID number, or for a person without one the match's id; with the person's name either way (proof). */
  idNumber: idNumber.or(z.literal('')).default(''),
  beneficiaryId: z.uuid().nullable().default(null),
  name: personName,
  workerId: z.uuid('请选择负责社工').nullable().default(null),
});
export type LinkBeneficiaryInput = z.input<typeof linkBeneficiarySchema>;

/** Before saving: who might this be already? By ID city-wide, or by name, gender, birth year and village. */
export const matchQuerySchema = z.strictObject({
  idNumber: z.string().trim().toUpperCase().max(18).default(''),
  name: z.string().trim().max(30).default(''),
  gender: z.enum(['male', 'female']).nullable().default(null),
  birthYear: z.number().int().nullable().default(null),
  village: z.string().trim().max(40).default(''),
});
export type MatchQuery = z.input<typeof matchQuerySchema>;
export const matchViewSchema = z.object({
  /** Set only when the caller may open the record. */
  id: z.string().nullable(),
  /** Matched on the ID number, or on name, gender, birth year and village. */
  by: z.enum(['id', 'person']),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthYear: z.number().nullable(),
  village: z.string(),
  stationNames: z.array(z.string()),
  inScope: z.boolean(),
  /** For a person without ID, what `links` needs. */
  linkId: z.string().nullable(),
});
export type MatchView = z.infer<typeof matchViewSchema>;

export const unmaskBeneficiarySchema = z.strictObject({
  reason: z.string().trim().min(4, '请写明查看原因（至少 4 个字）').max(200),
});
export const unmaskedBeneficiarySchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string(),
  address: z.string(),
  guardianPhone: z.string(),
});
export type UnmaskedBeneficiary = z.infer<typeof unmaskedBeneficiarySchema>;

export const riskInputSchema = z.strictObject({
  level: z.enum(RISK_LEVELS, '请选择风险等级'),
  reason: shortText(500).min(2, '请写明评估依据'),
  assessedOn: isoDate,
});
export type RiskInput = z.infer<typeof riskInputSchema>;

export const consentInputSchema = z.strictObject({
  kind: z.enum(CONSENT_KINDS, '请选择同意事项'),
  decision: z.enum(CONSENT_DECISIONS, '请选择本人意见'),
  givenBy: z.enum(CONSENT_BY, '请选择由谁表示'),
  /** What was agreed: which data, which agency, for what. */
  scope: shortText(300).min(2, '请写明同意的范围'),
  recordedOn: isoDate,
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

const boolish = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
export const beneficiaryQuerySchema = z.strictObject({
  ...pageQuery,
  /** Name (from its start), ID number (whole or its last digits) or phone (whole or last digits). */
  q: z.string().trim().max(30).optional(),
  village: z.string().trim().max(40).optional(),
  category: z.enum(BENEFICIARY_CATEGORIES).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  countyCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  stationId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  /** Categories as of this date (default: today). */
  asOf: isoDate.optional(),
  /** No service recorded in the last N days (from the last service kept with each record). */
  noServiceDays: z.coerce.number().int().min(1).max(3650).optional(),
  sensitive: boolish.optional(),
});
export type BeneficiaryQuery = z.infer<typeof beneficiaryQuerySchema>;

export const categoryViewSchema = z.object({
  id: z.string(),
  category: z.enum(BENEFICIARY_CATEGORIES),
  tekunForm: z.enum(TEKUN_FORMS).nullable(),
  disabilityKind: z.enum(DISABILITY_KINDS).nullable(),
  disabilityGrade: z.enum(DISABILITY_GRADES).nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  source: z.string(),
  /** In force today. */
  current: z.boolean(),
  createdAt: z.string(),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

export const riskViewSchema = z.object({
  id: z.string(),
  level: z.enum(RISK_LEVELS),
  reason: z.string(),
  assessedOn: z.string(),
  assessedBy: z.string(),
  createdAt: z.string(),
});
export type RiskView = z.infer<typeof riskViewSchema>;

export const consentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(CONSENT_KINDS),
  decision: z.enum(CONSENT_DECISIONS),
  givenBy: z.enum(CONSENT_BY),
  scope: z.string(),
  recordedOn: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

/** A row of the list: names masked for upper levels (张*明), details withheld from a restricted (sensitive) record. */
export const beneficiaryListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Masked (`410928********123X`) unless the role needs it; null without an ID number. */
  idNumber: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().nullable(),
  village: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  countyName: z.string(),
  workerName: z.string().nullable(),
  /** Categories in force on the query's date; health ones left out for a caller who may not see them. */
  categories: z.array(z.enum(BENEFICIARY_CATEGORIES)),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  /** A minor, or in a health category (PIPL sensitive personal information). */
  sensitive: z.boolean(),
  /** The caller sees only that the record exists (sensitive, and not the responsible worker, lead or county officer). */
  restricted: z.boolean(),
  lastServiceOn: z.string().nullable(),
});
export type BeneficiaryListItem = z.infer<typeof beneficiaryListItemSchema>;
export const beneficiaryPageSchema = pagedSchema(beneficiaryListItemSchema);

export const beneficiaryStationViewSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  countyName: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  since: z.string(),
  /** The registering (responsible) station; others serve the person too. */
  primary: z.boolean(),
});

export const beneficiaryViewSchema = beneficiaryListItemSchema.extend({
  version: z.number(),
  /** Whether identity fields below are masked for this caller (then `unmask` shows them, audited). */
  masked: z.boolean(),
  noIdReason: z.enum(NO_ID_REASONS).nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  birthPlace: z.string(),
  phone: z.string(),
  address: z.string(),
  /** Null on a restricted record (whether it is a minor or a health record is itself withheld). */
  minor: z.boolean().nullable(),
  guardian: z.object({ name: z.string(), relation: z.string(), phone: z.string() }).nullable(),
  household: z.array(
    z.object({ id: z.string(), name: z.string(), relation: z.string(), memberId: z.string().nullable() }),
  ),
  stations: z.array(beneficiaryStationViewSchema),
  categoryHistory: z.array(categoryViewSchema),
  risk: riskViewSchema.nullable(),
  consents: z.array(consentViewSchema),
  workerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean(),
    unmask: z.boolean(),
    addCategory: z.boolean(),
    assessRisk: z.boolean(),
    recordConsent: z.boolean(),
  }),
});
export type BeneficiaryView = z.infer<typeof beneficiaryViewSchema>;

export const categoryListSchema = itemsSchema(categoryViewSchema);
export const riskListSchema = itemsSchema(riskViewSchema);
export const consentListSchema = itemsSchema(consentViewSchema);
export const matchListSchema = itemsSchema(matchViewSchema);

/** What a new contractor inherits at a station (records belong to the station, not the contractor): `GET /beneficiaries/handover/{stationId}`. */
export const handoverViewSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  total: z.number(),
  minors: z.number(),
  withoutConsent: z.number(),
  highRisk: z.array(beneficiaryListItemSchema),
  /** People whose responsible worker is not assigned to the station today: the new team assigns them. */
  unassigned: z.array(beneficiaryListItemSchema),
  unassignedTotal: z.number(),
  /** Open cases and visits due come with the services module (next issue); null until then. */
  openCases: z.number().nullable(),
  visitsDue: z.number().nullable(),
});
export type HandoverView = z.infer<typeof handoverViewSchema>;

/** The dry run of a roster import: each row new, matched (with what would change) or unchanged; refusals are issues. */
export const beneficiaryImportResultSchema = importResultSchema.extend({
  summary: z.object({ added: z.number(), matched: z.number(), unchanged: z.number() }).default({
    added: 0,
    matched: 0,
    unchanged: 0,
  }),
  /** The first rows' outcomes (at most 500), for the page. */
  preview: z
    .array(
      z.object({
        row: z.number(),
        name: z.string(),
        outcome: z.enum(['new', 'matched', 'unchanged']),
        changes: z.array(z.string()),
      }),
    )
    .default([]),
});
export type BeneficiaryImportResult = z.infer<typeof beneficiaryImportResultSchema>;
