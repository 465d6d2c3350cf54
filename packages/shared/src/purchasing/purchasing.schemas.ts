import { z } from 'zod';
import { isoDate, pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';
import { yuanSchema } from '../money';

export const PURCHASE_METHODS = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'single_source',
  'inquiry',
  'other',
] as const;
export type PurchaseMethod = (typeof PURCHASE_METHODS)[number];
export const PURCHASE_METHOD_LABELS: Record<PurchaseMethod, string> = {
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  single_source: '单一来源',
  inquiry: '询价',
  other: '其他',
};

// R-PUR-2: the annual purchase plan, filed (备案) with the city.
export const PLAN_STATUSES = ['draft', 'submitted', 'filed', 'returned'] as const;
export type PurchasePlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PurchasePlanStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  filed: '已备案',
  returned: '已退回',
};

const longText = (max = 5000) => z.string().trim().max(max, `不能超过 ${max} 个字符`);
const stationIds = z.array(z.uuid('社工站编号格式不正确')).max(500);

const planFields = {
  year: z.number('应为年份').int().min(2021, '年度不早于 2021 年').max(2035, '年度不晚于 2035 年'),
  title: z.string().trim().min(2, '至少 2 个字符').max(100, '不能超过 100 个字符'),
  background: longText(),
  goals: longText(),
  budget: yuanSchema,
  purchaseMethod: z.enum(PURCHASE_METHODS, '请选择购买方式'),
  serviceContent: longText(),
  schedule: longText(),
  qualityStandards: longText(),
  quantityStandards: longText(),
  performanceEvaluation: longText(),
  stationIds,
};
export const createPurchasePlanSchema = z
  .strictObject(planFields)
  .partial()
  .extend({ countyCode: divisionCodeSchema, year: planFields.year, title: planFields.title });
export type CreatePurchasePlanInput = z.infer<typeof createPurchasePlanSchema>;
/** What a client sends (amounts in yuan as typed); the server parses it into the `…Input` type. */
export type CreatePurchasePlanBody = z.input<typeof createPurchasePlanSchema>;
export const updatePurchasePlanSchema = z
  .strictObject(planFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdatePurchasePlanInput = z.infer<typeof updatePurchasePlanSchema>;
export type UpdatePurchasePlanBody = z.input<typeof updatePurchasePlanSchema>;
export const planTransitionSchema = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(1000, '不能超过 1000 个字符').default(''),
});
export type PlanTransitionBody = z.input<typeof planTransitionSchema>;

/** The plan's content the plan text (五(一)) lists; all must be filled before submitting. */
export const PLAN_REQUIRED_FIELDS = {
  background: '项目背景',
  goals: '项目目标',
  budget: '项目预算',
  purchaseMethod: '购买方式',
  serviceContent: '服务内容',
  schedule: '服务进度',
  qualityStandards: '服务质量标准',
  quantityStandards: '服务数量标准',
  performanceEvaluation: '绩效评估和考核',
  stationIds: '覆盖的社工站',
} as const;

const stationRefs = z.array(z.object({ id: z.string(), name: z.string() }));
const countyFilter = z
  .string()
  .regex(/^\d{12}$/, '应为 12 位区划代码')
  .optional();

export const PLAN_EVENT_ACTIONS = ['create', 'submit', 'file', 'return', 'update'] as const;
export const planEventViewSchema = z.object({
  action: z.enum(PLAN_EVENT_ACTIONS),
  comment: z.string(),
  username: z.string(),
  at: z.string(),
});
export type PlanEventView = z.infer<typeof planEventViewSchema>;
export const purchasePlanViewSchema = z.object({
  id: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  background: z.string(),
  goals: z.string(),
  budgetFen: z.number().nullable(),
  purchaseMethod: z.enum(PURCHASE_METHODS).nullable(),
  serviceContent: z.string(),
  schedule: z.string(),
  qualityStandards: z.string(),
  quantityStandards: z.string(),
  performanceEvaluation: z.string(),
  stations: stationRefs,
  status: z.enum(PLAN_STATUSES),
  submittedAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  events: z.array(planEventViewSchema),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), submit: z.boolean(), file: z.boolean(), return: z.boolean() }),
});
export type PurchasePlanView = z.infer<typeof purchasePlanViewSchema>;

/** `GET /purchase-plans`: one page, filtered by unit, year and status. */
export const purchasePlanQuerySchema = z.strictObject({
  county: countyFilter,
  year: z.coerce.number().int().min(2021).max(2035).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  ...pageQuery,
});
export type PurchasePlanQuery = z.infer<typeof purchasePlanQuerySchema>;

// R-PUR-3: the procurement announcement and its award.
export const PROCUREMENT_STATUSES = ['published', 'awarded', 'cancelled'] as const;
export type ProcurementStatus = (typeof PROCUREMENT_STATUSES)[number];
export const PROCUREMENT_STATUS_LABELS: Record<ProcurementStatus, string> = {
  published: '公告中',
  awarded: '已确定承接主体',
  cancelled: '已终止',
};

export const createProcurementSchema = z.strictObject({
  countyCode: divisionCodeSchema,
  purchasePlanId: z.uuid('购买计划编号格式不正确').nullable().default(null),
  title: z.string().trim().min(2, '至少 2 个字符').max(100, '不能超过 100 个字符'),
  serviceContent: longText().min(1, '请填写服务内容'),
  serviceStandards: longText().min(1, '请填写服务标准'),
  requirements: longText().min(1, '请填写服务要求'),
  method: z.enum(PURCHASE_METHODS, '请选择购买方式'),
  bidderConditions: longText().min(1, '请填写承接主体条件'),
  budget: yuanSchema.nullable().default(null),
  stationIds: stationIds.min(1, '至少选择一个社工站'),
  publishedOn: isoDate,
});
export type CreateProcurementInput = z.infer<typeof createProcurementSchema>;
export type CreateProcurementBody = z.input<typeof createProcurementSchema>;

export const awardSchema = z.strictObject({
  organisationId: z.uuid('请选择承接主体'),
  amount: yuanSchema,
  awardedOn: isoDate,
});
export type AwardInput = z.infer<typeof awardSchema>;
export type AwardBody = z.input<typeof awardSchema>;

export const procurementViewSchema = z.object({
  id: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  purchasePlanId: z.string().nullable(),
  title: z.string(),
  serviceContent: z.string(),
  serviceStandards: z.string(),
  requirements: z.string(),
  method: z.enum(PURCHASE_METHODS),
  bidderConditions: z.string(),
  budgetFen: z.number().nullable(),
  stations: stationRefs,
  publishedOn: z.string(),
  status: z.enum(PROCUREMENT_STATUSES),
  award: z
    .object({ organisationId: z.string(), organisationName: z.string(), amountFen: z.number(), awardedOn: z.string() })
    .nullable(),
  contractId: z.string().nullable(),
  version: z.number().int(),
});
export type ProcurementView = z.infer<typeof procurementViewSchema>;

/** `GET /procurements`: one page, filtered by unit and status. */
export const procurementQuerySchema = z.strictObject({
  county: countyFilter,
  status: z.enum(PROCUREMENT_STATUSES).optional(),
  ...pageQuery,
});
export type ProcurementQuery = z.infer<typeof procurementQuerySchema>;
/** `GET /public/announcements`: one page of published announcements and results. */
export const announcementQuerySchema = z.strictObject({ ...pageQuery });
