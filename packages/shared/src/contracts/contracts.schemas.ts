import { z } from 'zod';
import { attachmentViewSchema, isoDate, pageQuery } from '../common';
import { yuanSchema } from '../money';
import { findingSchema } from '../policy/finding';

const longText = z.string().trim().max(5000, '不能超过 5000 个字符');

/** The contract content the plan lists (五(三)). */
export const CONTRACT_TERMS = {
  serviceContent: '服务内容',
  term: '服务期限',
  quantity: '服务数量',
  quality: '服务质量',
  price: '服务价格',
  settlement: '资金结算方式',
  rightsDuties: '各方权利义务',
  breachLiability: '违约责任',
  changeTermination: '变更或解除（不可抗力、政策调整）',
} as const;
export type ContractTerm = keyof typeof CONTRACT_TERMS;

export const CONTRACT_CYCLE_YEARS = 3;
export const SIGNING_DEADLINE_DAYS = 30;

export const createContractSchema = z.strictObject({
  procurementId: z.uuid('采购项目编号格式不正确'),
  title: z.string().trim().min(2, '至少 2 个字符').max(100, '不能超过 100 个字符'),
  signedOn: isoDate,
  cycleStart: isoDate,
  publishedOn: isoDate.nullable().default(null),
  terms: z.strictObject(
    Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, longText.min(1, '请填写')])) as Record<
      ContractTerm,
      z.ZodString
    >,
  ),
  /** The first year's agreement is signed with the contract. */
  firstAgreement: z.strictObject({ amount: yuanSchema, publishedOn: isoDate.nullable().default(null) }),
});
export type CreateContractInput = z.infer<typeof createContractSchema>;
/** What a client sends (amounts in yuan as typed); the server parses it into `CreateContractInput`. */
export type CreateContractBody = z.input<typeof createContractSchema>;

export const createAgreementSchema = z.strictObject({
  yearNo: z.number('应为年度序号').int('应为整数').min(1, '应为 1–3').max(10, '应为 1–3'),
  amount: yuanSchema,
  signedOn: isoDate,
  publishedOn: isoDate.nullable().default(null),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;
export type CreateAgreementBody = z.input<typeof createAgreementSchema>;
export const publishAgreementSchema = z.strictObject({ publishedOn: isoDate });
export type PublishAgreementBody = z.input<typeof publishAgreementSchema>;

export const EVALUATION_RESULTS = ['passed', 'failed'] as const;
export const EVALUATION_RESULT_LABELS = { passed: '合格', failed: '不合格' } as const;
export const createEvaluationSchema = z.strictObject({
  yearNo: z.number('应为年度序号').int().min(1, '应为 1–3').max(3, '应为 1–3'),
  result: z.enum(EVALUATION_RESULTS, '应为合格或不合格'),
  evaluatedOn: isoDate,
  evaluator: z.string().trim().min(2, '请填写评估单位或人员').max(100),
  summary: z.string().trim().max(2000).default(''),
});
export type CreateEvaluationInput = z.infer<typeof createEvaluationSchema>;
export type CreateEvaluationBody = z.input<typeof createEvaluationSchema>;

export const CONTRACT_STATUSES = ['active', 'ending', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  active: '履行中',
  ending: '评估不合格，到期终止',
  ended: '已终止',
};

export const agreementViewSchema = z.object({
  id: z.string(),
  yearNo: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amountFen: z.number(),
  signedOn: z.string(),
  publishedOn: z.string().nullable(),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;
export const evaluationViewSchema = z.object({
  id: z.string(),
  yearNo: z.number().int(),
  result: z.enum(EVALUATION_RESULTS),
  evaluatedOn: z.string(),
  evaluator: z.string(),
  summary: z.string(),
  /** R-CON-2: `rounds` when the year's signed-off evaluation rounds decided it (with their score and grade). */
  source: z.enum(['paper', 'rounds']),
  score: z.number().nullable(),
  grade: z.string().nullable(),
});
export type EvaluationView = z.infer<typeof evaluationViewSchema>;
export const contractViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  purchaserName: z.string(),
  procurementId: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  stations: z.array(z.object({ id: z.string(), name: z.string() })),
  awardedOn: z.string(),
  signedOn: z.string(),
  publishedOn: z.string().nullable(),
  cycleStart: z.string(),
  cycleEnd: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  /**
   * As stored: a row may lack a term (one added to CONTRACT_TERMS later), and a key no longer known is dropped — never
   * a 500 from the serializer (a record keyed by an enum would require every key).
   */
  terms: z.object(
    Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, z.string().optional()])) as Record<
      ContractTerm,
      z.ZodOptional<z.ZodString>
    >,
  ),
  agreements: z.array(agreementViewSchema),
  evaluations: z.array(evaluationViewSchema),
  currentYearNo: z.number().int().nullable(),
  files: z.array(attachmentViewSchema),
  findings: z.array(findingSchema),
  version: z.number().int(),
  abilities: z.object({ addAgreement: z.boolean(), addEvaluation: z.boolean(), publish: z.boolean() }),
});
export type ContractView = z.infer<typeof contractViewSchema>;

/** `GET /contracts`: one page, optionally one unit's. */
export const contractQuerySchema = z.strictObject({
  county: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
  ...pageQuery,
});
export type ContractQuery = z.infer<typeof contractQuerySchema>;

/** One unit's line of the compliance overview (R-CON-1…3). */
export const contractComplianceRowSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  contracts: z.number().int(),
  lateSigning: z.number().int(),
  unpublished: z.number().int(),
  endingSoon: z.number().int(),
  stationsWithoutContract: z.number().int(),
});
export type ContractComplianceRow = z.infer<typeof contractComplianceRowSchema>;
