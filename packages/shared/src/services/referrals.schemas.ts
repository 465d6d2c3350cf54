import { z } from 'zod';
import { isoDate, pagedSchema, pageQuery } from '../common';
import { REFERRAL_STATUSES, REFERRAL_TARGETS, type ReferralStatus } from './service-enums';

// 资源链接 / 转介 (附件2 (一)3): a person linked to a policy or an agency, with status and what it obtained.

/** Where a referral may go next: 已提交 → 已受理 → 已获得 | 未获得 (an agency may also refuse at once). */
export const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  submitted: ['accepted', 'not_obtained'],
  accepted: ['obtained', 'not_obtained'],
  obtained: [],
  not_obtained: [],
};

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

/** A referral needs the person's recorded consent to referral (the latest decision `given`); the server checks it. */
export const createReferralSchema = z.strictObject({
  stationId: z.uuid('社工站编号格式不正确'),
  beneficiaryId: z.uuid('服务对象编号格式不正确'),
  target: z.enum(REFERRAL_TARGETS, '请选择转介去向'),
  agency: text(100).min(1, '请填写对接的部门或机构（如：镇民政所、县残联）'),
  submittedOn: isoDate,
  caseId: z.uuid('个案编号格式不正确').nullable().default(null),
  serviceRecordId: z.uuid('服务记录编号格式不正确').nullable().default(null),
  outcome: text(1000).default(''),
});
export type CreateReferralInput = z.input<typeof createReferralSchema>;

/** A status step and/or its outcome; `decidedOn` for 已获得/未获得, `amountFen` only for money obtained. */
export const updateReferralSchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(REFERRAL_STATUSES, '请选择状态').optional(),
  decidedOn: isoDate.nullable().optional(),
  amountFen: z
    .number('应为金额（分）')
    .int('应为整数（分）')
    .min(0, '不能为负数')
    .max(100_000_000_00, '金额过大')
    .nullable()
    .optional(),
  agency: text(100).min(1, '请填写对接的部门或机构').optional(),
  outcome: text(1000).optional(),
});
export type UpdateReferralInput = z.infer<typeof updateReferralSchema>;

export const referralQuerySchema = z.strictObject({
  ...pageQuery,
  target: z.enum(REFERRAL_TARGETS, '请选择转介去向').optional(),
  status: z.enum(REFERRAL_STATUSES, '请选择状态').optional(),
  stationId: z.uuid('社工站编号格式不正确').optional(),
  beneficiaryId: z.uuid('服务对象编号格式不正确').optional(),
});
export type ReferralQuery = z.infer<typeof referralQuerySchema>;

export const referralViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  stationId: z.string(),
  stationName: z.string(),
  beneficiaryId: z.string(),
  /** In clear for station and organisation staff, initials for officers. */
  beneficiaryName: z.string(),
  caseId: z.string().nullable(),
  serviceRecordId: z.string().nullable(),
  target: z.enum(REFERRAL_TARGETS),
  agency: z.string(),
  submittedOn: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  decidedOn: z.string().nullable(),
  amountFen: z.number().nullable(),
  outcome: z.string(),
  consentId: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type ReferralView = z.infer<typeof referralViewSchema>;
export const referralPageSchema = pagedSchema(referralViewSchema);
