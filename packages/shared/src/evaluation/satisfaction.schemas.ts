import { z } from 'zod';
import { boundedText, isoDate, pagedSchema, pageQuery, versionField } from '../common';
import { CALL_BACK_STATUSES, COMPLAINT_SOURCES, COMPLAINT_STATUSES, SATISFACTION_CHANNELS } from './evaluation-enums';

// 满意度与投诉 (R-EVAL-3, 《实施方案》四（四）、五（六）): the station's public form, the call-back survey, complaints.

const version = versionField(1);
const unit = z
  .string()
  .regex(/^\d{12}$/, '应为 12 位区划代码')
  .optional();

/** A rating 1 (非常不满意) … 5 (非常满意). */
const rating = (label: string) =>
  z
    .number({ error: `请为“${label}”打分` })
    .int(`${label}应为 1 至 5 分`)
    .min(1, `${label}应为 1 至 5 分`)
    .max(5, `${label}应为 1 至 5 分`);
const optionalRating = (label: string) => rating(label).nullable().default(null);

/** A mainland mobile number: 11 digits starting 13–19. */
export const mobilePhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码');

/** The questions of the form, in the order they are asked; `overall` is required, the others optional. */
export const SATISFACTION_QUESTIONS = [
  { key: 'overall', label: '总体满意度', required: true },
  { key: 'attitude', label: '服务态度', required: false },
  { key: 'timeliness', label: '服务及时性', required: false },
  { key: 'effect', label: '服务效果', required: false },
] as const;
export type SatisfactionQuestionKey = (typeof SATISFACTION_QUESTIONS)[number]['key'];
/** The words of each rating, 1 … 5. */
export const RATING_LABELS: Record<number, string> = {
  1: '非常不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '非常满意',
};
/** An answer counts as satisfied at this overall rating or above (满意、非常满意). */
export const SATISFIED_AT = 4;

const ratings = {
  overall: rating('总体满意度'),
  attitude: optionalRating('服务态度'),
  timeliness: optionalRating('服务及时性'),
  effect: optionalRating('服务效果'),
  comment: boundedText('意见和建议', 500).default(''),
};

/** GET /public/stations/{id}/satisfaction: what the form shows, with a fresh challenge. */
export const publicSatisfactionFormSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  countyName: z.string(),
  townshipName: z.string(),
  questions: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  /** A simple arithmetic question and a signed token that expires; the answer is never in the token. */
  challenge: z.object({ question: z.string(), token: z.string(), expiresAt: z.string() }),
});
export type PublicSatisfactionForm = z.infer<typeof publicSatisfactionFormSchema>;

/** POST /public/stations/{id}/satisfaction: anonymous by default; a contact only when the person chooses to leave one. */
export const publicSatisfactionInputSchema = z
  .strictObject({
    ...ratings,
    anonymous: z.boolean().default(true),
    contactName: boundedText('联系人', 50).optional(),
    contactPhone: z.string().trim().max(20, '手机号码不超过 20 位').optional(),
    /** A complaint written with the answer opens a complaint for the project lead and the county. */
    complaint: boundedText('投诉内容', 1000).default(''),
    challengeToken: z.string().min(1, '请刷新页面后重新作答').max(500, '验证信息不正确，请刷新页面'),
    challengeAnswer: z.string().trim().min(1, '请填写验证题的答案').max(10, '验证题答案不正确'),
  })
  .superRefine((v, ctx) => {
    if (v.anonymous) return;
    if (!v.contactName) ctx.addIssue({ code: 'custom', path: ['contactName'], message: '实名评价请填写联系人' });
    if (!v.contactPhone) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: '实名评价请填写手机号码' });
    else if (!/^1[3-9]\d{9}$/.test(v.contactPhone))
      ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: '应为 11 位手机号码' });
  });
export type PublicSatisfactionInput = z.infer<typeof publicSatisfactionInputSchema>;
export const publicSatisfactionReceiptSchema = z.object({ received: z.literal(true), complaintOpened: z.boolean() });

export const satisfactionQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid('社工站编号不正确').optional(),
  unit,
  organisationId: z.uuid('机构编号不正确').optional(),
  channel: z.enum(SATISFACTION_CHANNELS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type SatisfactionQuery = z.infer<typeof satisfactionQuerySchema>;

/** A contact as the reader may see it: in clear for the station's project lead only, masked for everyone else. */
const contact = {
  anonymous: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
};

export const satisfactionResponseViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  organisationName: z.string().nullable(),
  channel: z.enum(SATISFACTION_CHANNELS),
  answeredOn: z.string(),
  overall: z.number().int(),
  attitude: z.number().int().nullable(),
  timeliness: z.number().int().nullable(),
  effect: z.number().int().nullable(),
  comment: z.string(),
  ...contact,
});
export type SatisfactionResponseView = z.infer<typeof satisfactionResponseViewSchema>;
export const satisfactionResponsePageSchema = pagedSchema(satisfactionResponseViewSchema);

export const satisfactionRatesQuerySchema = z.strictObject({ from: isoDate, to: isoDate, unit });
export type SatisfactionRatesQuery = z.infer<typeof satisfactionRatesQuerySchema>;
const tally = z.object({ answers: z.number().int(), satisfied: z.number().int() });
export const satisfactionRateSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  answers: z.number().int(),
  /** Answers with overall ≥ SATISFIED_AT. */
  satisfied: z.number().int(),
  byChannel: z.object({ public_form: tally, call_back: tally }),
});
export type SatisfactionRate = z.infer<typeof satisfactionRateSchema>;
export const satisfactionRatesSchema = z.object({ items: z.array(satisfactionRateSchema) });

/** POST /satisfaction-surveys: a random sample of the people served at a station in a period. */
export const createSatisfactionSurveySchema = z
  .strictObject({
    stationId: z.uuid('请选择社工站'),
    periodStart: isoDate,
    periodEnd: isoDate,
    sampleSize: z
      .number({ error: '请填写抽取人数' })
      .int('抽取人数应为整数')
      .min(1, '至少抽取 1 人')
      .max(200, '一次至多抽取 200 人'),
    /** Given to draw again a sample already drawn elsewhere; otherwise the server makes one and records it. */
    seed: boundedText('随机种子', 64).optional(),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ['periodEnd'], message: '结束日期不能早于开始日期' });
export type CreateSatisfactionSurveyInput = z.infer<typeof createSatisfactionSurveySchema>;

export const satisfactionSurveyQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid('社工站编号不正确').optional(),
  unit,
});
export type SatisfactionSurveyQuery = z.infer<typeof satisfactionSurveyQuerySchema>;

export const satisfactionCallViewSchema = z.object({
  id: z.string(),
  beneficiaryId: z.string(),
  /** The person's name and phone, for the surveyor who calls them (a read of personal data, audited). */
  name: z.string(),
  phone: z.string().nullable(),
  status: z.enum(CALL_BACK_STATUSES),
  calledOn: z.string().nullable(),
  note: z.string(),
  overall: z.number().int().nullable(),
  version: z.number().int(),
});
export type SatisfactionCallView = z.infer<typeof satisfactionCallViewSchema>;

export const satisfactionSurveyViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  organisationName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  seed: z.string(),
  poolSize: z.number().int(),
  sampleSize: z.number().int(),
  counts: z.object({
    pending: z.number().int(),
    answered: z.number().int(),
    unreachable: z.number().int(),
    declined: z.number().int(),
  }),
  createdAt: z.string(),
  /** Listed in the detail only. */
  calls: z.array(satisfactionCallViewSchema).optional(),
  abilities: z.object({ record: z.boolean() }),
});
export type SatisfactionSurveyView = z.infer<typeof satisfactionSurveyViewSchema>;
export const satisfactionSurveyPageSchema = pagedSchema(satisfactionSurveyViewSchema);

/** POST /satisfaction-surveys/{id}/calls/{callId}: how the call went; an answered call carries the ratings. */
export const recordSatisfactionCallSchema = z
  .strictObject({
    version,
    status: z.enum(['answered', 'unreachable', 'declined'], { error: '请选择回访结果' }),
    calledOn: isoDate,
    note: boundedText('回访备注', 500).default(''),
    overall: rating('总体满意度').optional(),
    attitude: optionalRating('服务态度'),
    timeliness: optionalRating('服务及时性'),
    effect: optionalRating('服务效果'),
    comment: boundedText('意见和建议', 500).default(''),
  })
  .refine((v) => v.status !== 'answered' || v.overall !== undefined, {
    path: ['overall'],
    message: '已回访请填写总体满意度',
  });
export type RecordSatisfactionCallInput = z.infer<typeof recordSatisfactionCallSchema>;

/** POST /complaints: a complaint received by phone, visit or letter, entered by the county or the project lead. */
export const createComplaintSchema = z
  .strictObject({
    stationId: z.uuid('请选择社工站'),
    source: z.enum(['phone', 'visit', 'letter'], { error: '请选择投诉来源' }),
    receivedOn: isoDate,
    content: boundedText('投诉内容', 1000).min(1, '请填写投诉内容'),
    anonymous: z.boolean().default(true),
    contactName: boundedText('联系人', 50).optional(),
    contactPhone: z.string().trim().max(20, '手机号码不超过 20 位').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.anonymous) return;
    if (!v.contactName) ctx.addIssue({ code: 'custom', path: ['contactName'], message: '实名投诉请填写联系人' });
    if (!v.contactPhone || !/^1[3-9]\d{9}$/.test(v.contactPhone))
      ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: '应为 11 位手机号码' });
  });
export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;

export const complaintQuerySchema = z.strictObject({
  ...pageQuery,
  status: z.enum(COMPLAINT_STATUSES).optional(),
  source: z.enum(COMPLAINT_SOURCES).optional(),
  stationId: z.uuid('社工站编号不正确').optional(),
  organisationId: z.uuid('机构编号不正确').optional(),
  unit,
});
export type ComplaintQuery = z.infer<typeof complaintQuerySchema>;

export const complaintViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  organisationName: z.string().nullable(),
  source: z.enum(COMPLAINT_SOURCES),
  receivedOn: z.string(),
  content: z.string(),
  ...contact,
  status: z.enum(COMPLAINT_STATUSES),
  answer: z.string(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ answer: z.boolean(), close: z.boolean() }),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;
export const complaintPageSchema = pagedSchema(complaintViewSchema);

export const answerComplaintSchema = z.strictObject({
  version,
  answer: boundedText('答复内容', 1000).min(1, '请填写答复内容'),
});
export type AnswerComplaintInput = z.infer<typeof answerComplaintSchema>;
export const closeComplaintSchema = z.strictObject({ version });
export type CloseComplaintInput = z.infer<typeof closeComplaintSchema>;
