import { z } from 'zod';
import { attachmentViewSchema, isoDate, pagedSchema, pageQuery } from '../common';
import { CASE_SOURCES, CASE_STATUSES, CLOSURE_REASONS } from './service-enums';

// The contract of case work (个案, R-SVC-3, MZ/T 094): opening a case, the stage content a PATCH changes, the
// transitions, the list and the case's view. Notes (intake, needs, strengths, closure) are sensitive: the view carries
// them only for the case worker, the project lead and the county officer (`notesVisible`).

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);
const score = z.number('评分应为数字').int('评分应为整数').min(1, '评分为 1–10').max(10, '评分为 1–10');
const RISK = ['high', 'medium', 'low'] as const;

export const createCaseSchema = z.strictObject({
  stationId: z.uuid('请选择社工站'),
  beneficiaryId: z.uuid('请选择服务对象'),
  source: z.enum(CASE_SOURCES, '请选择个案来源'),
  /** On or before today (the Clock's). */
  openedOn: isoDate,
  /** The presenting problem, in a few words. */
  intakeNote: text(2000).min(2, '请简要记录求助问题'),
  /** The case worker: a roster record assigned to the station today; empty = the caller's own. */
  workerId: z.uuid('社工编号格式不正确').nullable().default(null),
});
export type CreateCaseInput = z.input<typeof createCaseSchema>;

export const caseNeedSchema = z.strictObject({
  domainCode: z.number('请选择需求领域').int().min(1, '请选择需求领域').max(9, '请选择需求领域'),
  note: text(500).min(1, '请填写需求说明'),
});
/** A goal; the page makes its id (uuid), so the plan's tasks can name a goal before it is saved. */
export const caseGoalInputSchema = z.strictObject({
  id: z.uuid('目标编号格式不正确'),
  title: text(200).min(2, '请填写目标'),
  scoreBefore: score.nullable().default(null),
  scoreAfter: score.nullable().default(null),
});
export const caseTaskInputSchema = z.strictObject({
  id: z.uuid('任务编号格式不正确'),
  goalId: z.uuid('目标编号格式不正确').nullable().default(null),
  title: text(200).min(2, '请填写任务'),
  dueOn: isoDate,
  doneOn: isoDate.nullable().default(null),
});
export const caseClosureInputSchema = z.strictObject({
  reason: z.enum(CLOSURE_REASONS, '请选择结案原因').nullable(),
  note: text(2000),
  followUpOn: isoDate.nullable(),
  /** The person's satisfaction 1–5 (kept apart from the goals' scores); null when not given. */
  satisfaction: z.number().int().min(1, '满意度为 1–5').max(5, '满意度为 1–5').nullable(),
});

/** The stage content; PATCH sends what it changes and the version it read (409 if it moved on). */
export const updateCaseSchema = z.strictObject({
  version: z.number().int(),
  source: z.enum(CASE_SOURCES, '请选择个案来源').optional(),
  intakeNote: text(2000).min(2, '请简要记录求助问题').optional(),
  needs: z.array(caseNeedSchema).max(20, '需求最多 20 项').optional(),
  riskLevel: z.enum(RISK, '请选择风险等级').nullable().optional(),
  strengths: text(2000).optional(),
  /** The whole list of goals (those left out are removed while the plan is still open). */
  goals: z.array(caseGoalInputSchema).max(10, '目标最多 10 个').optional(),
  /** The whole list of tasks. */
  tasks: z.array(caseTaskInputSchema).max(50, '任务最多 50 项').optional(),
  closure: caseClosureInputSchema.optional(),
});
export type UpdateCaseInput = z.input<typeof updateCaseSchema>;

/** A transition's body: the version read, and a reason when the lead returns a plan or a closure. */
export const caseTransitionSchema = z.strictObject({
  version: z.number().int(),
  note: text(500).default(''),
});
export type CaseTransitionInput = z.input<typeof caseTransitionSchema>;

export const caseTransferSchema = z.strictObject({
  version: z.number().int(),
  workerId: z.uuid('请选择接手的社工'),
  note: text(500).default(''),
});
export type CaseTransferInput = z.input<typeof caseTransferSchema>;

export const caseQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES, '个案状态不正确').optional(),
  stationId: z.uuid('社工站编号格式不正确').optional(),
  workerId: z.uuid('社工编号格式不正确').optional(),
  beneficiaryId: z.uuid('服务对象编号格式不正确').optional(),
  /** `awaiting`: plans and closures waiting for the caller's approval (the project lead's 待我审核). */
  view: z.enum(['all', 'mine', 'awaiting'], '列表范围不正确').default('all'),
  ...pageQuery,
});
export type CaseQuery = z.infer<typeof caseQuerySchema>;

export const caseAbilitiesSchema = z.object({
  edit: z.boolean(),
  submitPlan: z.boolean(),
  approvePlan: z.boolean(),
  returnPlan: z.boolean(),
  submitClosure: z.boolean(),
  approveClosure: z.boolean(),
  returnClosure: z.boolean(),
  transfer: z.boolean(),
  addRecord: z.boolean(),
});
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

export const caseListItemSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  beneficiaryId: z.string(),
  personName: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  source: z.enum(CASE_SOURCES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export const casePageSchema = pagedSchema(caseListItemSchema);

export const caseEventViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** A return's reason or a transfer's note: shown with the notes only. */
  note: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});

export const caseViewSchema = caseListItemSchema.extend({
  /** Whether the caller sees the case's notes and plan (the case worker, the project lead, the county officer). */
  notesVisible: z.boolean(),
  intakeNote: z.string().nullable(),
  needs: z.array(z.object({ domainCode: z.number(), note: z.string() })),
  riskLevel: z.enum(RISK).nullable(),
  strengths: z.string().nullable(),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      scoreBefore: z.number().nullable(),
      scoreAfter: z.number().nullable(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      goalId: z.string().nullable(),
      title: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
    }),
  ),
  planApprovedAt: z.string().nullable(),
  closure: z.object({
    reason: z.enum(CLOSURE_REASONS).nullable(),
    note: z.string().nullable(),
    followUpOn: z.string().nullable(),
    satisfaction: z.number().nullable(),
  }),
  timeline: z.array(caseEventViewSchema),
  /** Documents on the case (assessment forms, agreements): with the notes only. */
  documents: z.array(attachmentViewSchema),
  version: z.number(),
  abilities: caseAbilitiesSchema,
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** The timeline's words for each step kept in `case_events`. */
export const CASE_EVENT_LABELS: Record<string, string> = {
  opened: '接案',
  assessed: '完成预估',
  'submit-plan': '提交服务计划',
  'approve-plan': '批准服务计划',
  'return-plan': '退回服务计划',
  'submit-closure': '申请结案',
  'approve-closure': '批准结案',
  'return-closure': '退回结案申请',
  transferred: '转移个案',
};
