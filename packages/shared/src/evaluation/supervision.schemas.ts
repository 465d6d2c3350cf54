import { z } from 'zod';
import { boundedText, isoDate, pagedSchema, pageQuery, versionField } from '../common';
import { REVIEW_STATUSES, REVIEW_TARGETS, SUPERVISOR_KINDS } from './evaluation-enums';

const version = versionField(1);
const unit = z
  .string()
  .regex(/^\d{12}$/, '应为 12 位区划代码')
  .optional();
const year = z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确');

/** Whether hours carry at most one decimal (1.5 学时, not 1.25). */
const oneDecimal = (h: number) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9;

/** POST /supervision-sessions (R-EVAL-4, 《实施方案》六（六）): a supervision session the contractor records for a station. */
export const createSupervisionSessionSchema = z.strictObject({
  stationId: z.uuid('请选择社工站'),
  supervisorName: boundedText('督导姓名', 50).min(1, '请填写督导姓名'),
  supervisorKind: z.enum(SUPERVISOR_KINDS, '请选择内部督导或外部督导'),
  heldOn: isoDate,
  hours: z
    .number('请填写督导时长（小时）')
    .gt(0, '应大于 0 小时')
    .max(24, '不超过 24 小时')
    .refine(oneDecimal, '最多保留一位小数'),
  topics: boundedText('督导内容', 1000).min(1, '请填写督导主题和内容'),
  followUp: boundedText('跟进事项', 1000).default(''),
  workerIds: z.array(z.uuid('社工编号不正确')).min(1, '请选择参加督导的社工').max(100, '一次最多 100 名社工'),
});
export type CreateSupervisionSessionInput = z.infer<typeof createSupervisionSessionSchema>;

export const supervisionSessionQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid('社工站编号不正确').optional(),
  organisationId: z.uuid('机构编号不正确').optional(),
  unit,
  year: year.optional(),
  workerId: z.uuid('社工编号不正确').optional(),
});
export type SupervisionSessionQuery = z.infer<typeof supervisionSessionQuerySchema>;

const named = z.object({ id: z.string(), name: z.string() });

export const supervisionSessionViewSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  supervisorName: z.string(),
  supervisorKind: z.enum(SUPERVISOR_KINDS),
  heldOn: z.string(),
  hours: z.number(),
  topics: z.string(),
  followUp: z.string(),
  /** The workers who attended, by name (ordered by name). */
  workers: z.array(named),
  createdAt: z.string(),
  version: z.number().int(),
  /** `review`: the caller may record a review comment under this session. */
  abilities: z.object({ review: z.boolean() }),
});
export type SupervisionSessionView = z.infer<typeof supervisionSessionViewSchema>;
export const supervisionSessionPageSchema = pagedSchema(supervisionSessionViewSchema);

/** GET /supervision-attendees: who may attend a session — the workers assigned to a station on a day (today unless told). */
export const supervisionAttendeeQuerySchema = z.strictObject({
  stationId: z.uuid('请选择社工站'),
  on: isoDate.optional(),
});
export const supervisionAttendeesSchema = z.object({ items: z.array(named) });

/** GET /supervision-hours?year= (R-EVAL-4): hours per worker and station in a year (this year unless told). */
export const supervisionHoursQuerySchema = z.strictObject({ year: year.optional() });
export type SupervisionHoursQuery = z.infer<typeof supervisionHoursQuerySchema>;
export const supervisionHoursRowSchema = z.object({
  workerId: z.string(),
  workerName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  hours: z.number(),
  sessions: z.number().int(),
});
export type SupervisionHoursRow = z.infer<typeof supervisionHoursRowSchema>;
export const supervisionHoursSchema = z.object({ year: z.number().int(), items: z.array(supervisionHoursRowSchema) });
export type SupervisionHours = z.infer<typeof supervisionHoursSchema>;

/** POST /supervision-reviews: a supervisor's comment on a sampled case file or service record. */
export const createSupervisionReviewSchema = z.strictObject({
  targetKind: z.enum(REVIEW_TARGETS, '请选择个案档案或服务记录'),
  targetId: z.uuid('请选择被抽查的档案或记录'),
  reviewerName: boundedText('督导姓名', 50).min(1, '请填写督导姓名'),
  comment: boundedText('督导意见', 2000).min(1, '请填写督导意见'),
  sessionId: z.uuid('督导记录编号不正确').nullish(),
});
export type CreateSupervisionReviewInput = z.infer<typeof createSupervisionReviewSchema>;

export const supervisionReviewQuerySchema = z.strictObject({
  ...pageQuery,
  status: z.enum(REVIEW_STATUSES).optional(),
  targetKind: z.enum(REVIEW_TARGETS).optional(),
  stationId: z.uuid('社工站编号不正确').optional(),
  organisationId: z.uuid('机构编号不正确').optional(),
  unit,
  sessionId: z.uuid('督导记录编号不正确').optional(),
  workerId: z.uuid('社工编号不正确').optional(),
});
export type SupervisionReviewQuery = z.infer<typeof supervisionReviewQuerySchema>;

export const supervisionReviewViewSchema = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  targetKind: z.enum(REVIEW_TARGETS),
  targetId: z.string(),
  /** The worker whose work it is, who answers; null when the record names none (the project lead answers). */
  workerId: z.string().nullable(),
  workerName: z.string(),
  reviewerName: z.string(),
  comment: z.string(),
  status: z.enum(REVIEW_STATUSES),
  answer: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ answer: z.boolean(), close: z.boolean() }),
});
export type SupervisionReviewView = z.infer<typeof supervisionReviewViewSchema>;
export const supervisionReviewPageSchema = pagedSchema(supervisionReviewViewSchema);

export const answerSupervisionReviewSchema = z.strictObject({
  version,
  answer: boundedText('回复', 2000).min(1, '请填写对督导意见的回复'),
});
export const closeSupervisionReviewSchema = z.strictObject({ version });
