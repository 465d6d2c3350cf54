import { z } from 'zod';
import { attachmentViewSchema, boundedText, isoDate, pagedSchema, pageQuery, versionField } from '../common';
import { EVALUATION_KINDS, RECTIFICATION_STATUSES } from './evaluation-enums';

/** POST /rectifications (R-EVAL-4): a finding of a round becomes an item the contractor must correct by a deadline. */
export const createRectificationSchema = z.strictObject({
  roundId: z.uuid('评估编号不正确'),
  finding: boundedText('问题', 500).min(1, '请填写发现的问题'),
  requirement: boundedText('整改要求', 1000).default(''),
  deadline: isoDate,
});
export type CreateRectificationInput = z.infer<typeof createRectificationSchema>;

export const rectificationQuerySchema = z.strictObject({
  ...pageQuery,
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  roundId: z.uuid('评估编号不正确').optional(),
  contractId: z.uuid('合同编号不正确').optional(),
  organisationId: z.uuid('机构编号不正确').optional(),
  unit: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
});
export type RectificationQuery = z.infer<typeof rectificationQuerySchema>;

export const rectificationViewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundKind: z.enum(EVALUATION_KINDS),
  contractId: z.string(),
  contractTitle: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  unitName: z.string(),
  yearNo: z.number().int(),
  finding: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  /** Days past the deadline while not verified (judged on the Clock's today); 0 when not overdue. */
  overdueDays: z.number().int(),
  correction: z.string(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** The county's comment when it returned the correction. */
  returnComment: z.string(),
  /** Evidence of the correction (photos, documents) the contractor attached while the item was open. */
  attachments: z.array(attachmentViewSchema),
  version: z.number().int(),
  abilities: z.object({ submit: z.boolean(), verify: z.boolean() }),
});
export type RectificationView = z.infer<typeof rectificationViewSchema>;
export const rectificationPageSchema = pagedSchema(rectificationViewSchema);

export const submitRectificationSchema = z.strictObject({
  version: versionField(1),
  correction: boundedText('整改情况', 2000).min(1, '请说明整改情况'),
});
export const verifyRectificationSchema = z.strictObject({ version: versionField(1) });
export const returnRectificationSchema = z.strictObject({
  version: versionField(1),
  comment: boundedText('退回意见', 500).min(1, '请填写退回意见'),
});
