import { z } from 'zod';
import { attachmentViewSchema, isoDate, itemsSchema } from '../common';

/**
 * 立项评估 (R-EVAL-1, 《实施方案》六（六）): a third-party agency evaluates a candidate contractor for one procurement,
 * before the award, on its 专业资质, 内部管理 and 人才资源; it passes when all three pass.
 */
export const PRE_AWARD_ASPECTS = ['qualification', 'management', 'talent'] as const;
export type PreAwardAspectKey = (typeof PRE_AWARD_ASPECTS)[number];
export const PRE_AWARD_ASPECT_LABELS: Record<PreAwardAspectKey, string> = {
  qualification: '专业资质',
  management: '内部管理',
  talent: '人才资源',
};

const aspect = (label: string) =>
  z.strictObject(
    {
      passed: z.boolean(`请选择${label}是否合格`),
      note: z.string().trim().max(500, `${label}说明不超过 500 个字`).default(''),
    },
    `请填写${label}的评估结论`,
  );

/** POST /pre-award-evaluations. */
export const createPreAwardEvaluationSchema = z.strictObject({
  procurementId: z.uuid('采购项目编号不正确'),
  organisationId: z.uuid('请选择被评估的机构'),
  agency: z.string().trim().min(2, '第三方评估机构名称至少 2 个字').max(100, '第三方评估机构名称不超过 100 个字'),
  evaluatedOn: isoDate,
  qualification: aspect('专业资质'),
  management: aspect('内部管理'),
  talent: aspect('人才资源'),
  summary: z.string().trim().max(2000, '评估结论摘要不超过 2000 个字').default(''),
});
export type CreatePreAwardEvaluationInput = z.infer<typeof createPreAwardEvaluationSchema>;

export const preAwardEvaluationQuerySchema = z.strictObject({
  procurementId: z.uuid('采购项目编号不正确').optional(),
  organisationId: z.uuid('机构编号不正确').optional(),
});
export type PreAwardEvaluationQuery = z.infer<typeof preAwardEvaluationQuerySchema>;

const aspectView = z.object({ passed: z.boolean(), note: z.string() });
export const preAwardEvaluationViewSchema = z.object({
  id: z.string(),
  procurementId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  agency: z.string(),
  evaluatedOn: z.string(),
  qualification: aspectView,
  management: aspectView,
  talent: aspectView,
  /** All three aspects passed. */
  passed: z.boolean(),
  summary: z.string(),
  /** The agency's report. */
  attachments: z.array(attachmentViewSchema),
  createdAt: z.string(),
  abilities: z.object({ upload: z.boolean() }),
});
export type PreAwardEvaluationView = z.infer<typeof preAwardEvaluationViewSchema>;
export const preAwardEvaluationListSchema = itemsSchema(preAwardEvaluationViewSchema);

/** Passed when every aspect passed (R-EVAL-1). */
export const preAwardPassed = (e: Record<PreAwardAspectKey, { passed: boolean }>): boolean =>
  PRE_AWARD_ASPECTS.every((k) => e[k].passed);
