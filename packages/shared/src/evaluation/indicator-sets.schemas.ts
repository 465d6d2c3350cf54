import { z } from 'zod';
import { pagedSchema, pageQuery, versionField } from '../common';
import {
  EVALUATOR_PARTIES,
  INDICATOR_SET_STATUSES,
  MEASURES,
  SCORING_TYPES,
  SPOT_CHECK_RULES,
} from './evaluation-enums';

const name = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const note = (label: string, max: number) => z.string().trim().max(max, `${label}不超过 ${max} 个字`).default('');
/** Points and scores in tenths at most (0.5 steps are common; one decimal is the finest any guide uses). */
export const points = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不超过 1000 分`)
    .refine((n) => Number.isInteger(Math.round(n * 1000) / 100), `${label}最多保留一位小数`);

/** A 三级 item: what is scored, how, on what evidence and by whom; `measure` when the platform measures it itself. */
export const indicatorItemSchema = z.strictObject({
  name: name('指标名称', 100),
  points: points('分值').refine((n) => n > 0, '分值应大于 0'),
  scoringType: z.enum(SCORING_TYPES, '请选择计分方式'),
  guide: note('评分标准', 1000),
  evidence: note('佐证材料', 500),
  party: z.enum(EVALUATOR_PARTIES, '请选择评分主体'),
  measure: z.enum(MEASURES, '请选择平台取数指标').nullable().default(null),
});
export type IndicatorItem = z.infer<typeof indicatorItemSchema>;

export const indicatorGroupSchema = z.strictObject({
  name: name('二级指标名称', 100),
  points: points('分值'),
  items: z.array(indicatorItemSchema).min(1, '每个二级指标至少有一个三级指标').max(50, '三级指标不超过 50 个'),
});
export const indicatorDimensionSchema = z.strictObject({
  name: name('一级指标名称', 100),
  points: points('分值'),
  groups: z.array(indicatorGroupSchema).min(1, '每个一级指标至少有一个二级指标').max(30, '二级指标不超过 30 个'),
});
export type IndicatorDimension = z.infer<typeof indicatorDimensionSchema>;

/** A grade band: a total at or above `min` earns `label` (优秀 ≥ 90 …); the lowest band starts at 0. */
export const gradeBandSchema = z.strictObject({
  label: name('等次名称', 10),
  min: points('等次下限'),
});
export type GradeBand = z.infer<typeof gradeBandSchema>;

/** R-EVAL-1: how the county's 中期 and 末期 combine into the agreement year's result, and what a spot check does. */
export const combinationSchema = z.strictObject({
  midtermWeight: z.number().int('权重应为整数').min(0, '权重不能为负数').max(100, '权重不超过 100'),
  finalWeight: z.number().int('权重应为整数').min(0, '权重不能为负数').max(100, '权重不超过 100'),
  spotCheck: z.enum(SPOT_CHECK_RULES, '请选择抽查结果的作用'),
});
export type Combination = z.infer<typeof combinationSchema>;

/** What the city edits on a draft set (R-EVAL-2); the tree's sums and bands are checked by `indicatorSetProblems`. */
export const indicatorSetInputSchema = z.strictObject({
  name: name('指标体系名称', 60),
  note: note('说明', 1000),
  dimensions: z.array(indicatorDimensionSchema).min(1, '至少有一个一级指标').max(12, '一级指标不超过 12 个'),
  bands: z.array(gradeBandSchema).min(2, '至少设两个等次').max(6, '等次不超过 6 个'),
  passLine: points('合格线'),
  combination: combinationSchema,
});
export type IndicatorSetInput = z.infer<typeof indicatorSetInputSchema>;

/** POST: a new draft, either empty-shaped from the body or a new version of an existing set (`basedOn`). */
export const createIndicatorSetSchema = z.union([
  z.strictObject({ basedOn: z.uuid('指标体系编号不正确') }),
  indicatorSetInputSchema,
]);
export type CreateIndicatorSetInput = z.infer<typeof createIndicatorSetSchema>;

/** PATCH: edit a draft, or adopt it (`adopt: true` freezes it and retires the family's earlier version in use). */
export const updateIndicatorSetSchema = z.union([
  indicatorSetInputSchema.extend({ version: versionField(1) }),
  z.strictObject({ adopt: z.literal(true), version: versionField(1) }),
]);
export type UpdateIndicatorSetInput = z.infer<typeof updateIndicatorSetSchema>;

export const indicatorSetQuerySchema = z.strictObject({
  ...pageQuery,
  status: z.enum(INDICATOR_SET_STATUSES).optional(),
});
export type IndicatorSetQuery = z.infer<typeof indicatorSetQuerySchema>;

export const indicatorSetListItemSchema = z.object({
  id: z.string(),
  familyId: z.string(),
  versionNo: z.number().int(),
  name: z.string(),
  status: z.enum(INDICATOR_SET_STATUSES),
  isExample: z.boolean(),
  totalPoints: z.number(),
  itemCount: z.number().int(),
  passLine: z.number(),
  adoptedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type IndicatorSetListItem = z.infer<typeof indicatorSetListItemSchema>;
export const indicatorSetPageSchema = pagedSchema(indicatorSetListItemSchema);

/** A leaf with its stable key (`1.2.3`: dimension, group, item by position; a set in use never changes). */
export const keyedItemSchema = indicatorItemSchema.extend({ key: z.string() });
export type KeyedItem = z.infer<typeof keyedItemSchema>;

export const indicatorSetViewSchema = indicatorSetListItemSchema.extend({
  note: z.string(),
  dimensions: z.array(indicatorDimensionSchema),
  bands: z.array(gradeBandSchema),
  combination: combinationSchema,
  /** Rounds that use this version (a set with rounds is frozen). */
  roundCount: z.number().int(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), adopt: z.boolean(), newVersion: z.boolean() }),
});
export type IndicatorSetView = z.infer<typeof indicatorSetViewSchema>;
