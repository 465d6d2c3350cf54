import { z } from 'zod';
import { attachmentViewSchema, boundedText, isoDate, pagedSchema, pageQuery, versionField } from '../common';
import {
  EVALUATION_KINDS,
  EVALUATION_STATUSES,
  EVALUATOR_PARTIES,
  MEASURES,
  SAMPLE_MODES,
  SCORING_TYPES,
} from './evaluation-enums';
import { points } from './indicator-sets.schemas';

const uuid = (label: string) => z.uuid(`${label}编号不正确`);

/** One agreement year under evaluation: a contract and the year of its 一年一签 agreement. */
export const evaluationSubjectSchema = z.strictObject({
  contractId: uuid('合同'),
  yearNo: z.number().int('协议年度应为整数').min(1, '协议年度应为第 1 至 3 年').max(3, '协议年度应为第 1 至 3 年'),
});
export type EvaluationSubject = z.infer<typeof evaluationSubjectSchema>;

const subjects = z.array(evaluationSubjectSchema).min(1, '请至少选择一份合同').max(500, '一次最多 500 份合同');

/**
 * POST /evaluation-rounds (R-EVAL-1): the county opens its 中期 or 末期 rounds for agreement years it purchased; the
 * contractor its 自评; the city a spot check, drawn at random from the agreement years in force on `on` (a seed is
 * recorded, so anyone can draw the same sample again) or chosen with a reason. One round is made per agreement year.
 */
export const createEvaluationRoundsSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.enum(['midterm', 'final', 'self_assessment']),
      setId: uuid('指标体系'),
      subjects,
      evaluators: boundedText('评估人员', 200).default(''),
    }),
    z.strictObject({
      kind: z.literal('spot_check'),
      setId: uuid('指标体系'),
      sample: z.discriminatedUnion(
        'mode',
        [
          z.strictObject({
            mode: z.literal('random'),
            size: z.number().int('抽查数量应为整数').min(1, '抽查数量至少为 1').max(500, '抽查数量不超过 500'),
            /** The seed; generated and recorded when absent. */
            seed: boundedText('随机种子', 64)
              .regex(/^[0-9A-Za-z-]*$/, '随机种子只能包含字母、数字和连字符')
              .optional(),
            /** The day whose agreement years in force form the pool; today when absent. */
            on: isoDate.optional(),
          }),
          z.strictObject({
            mode: z.literal('chosen'),
            subjects,
            reason: boundedText('抽查理由', 500).min(1, '请说明选择这些项目抽查的理由'),
          }),
        ],
        { error: '请选择随机抽取或指定抽查' },
      ),
      evaluators: boundedText('评估人员', 200).default(''),
    }),
  ],
  { error: '请选择评估类型' },
);
export type CreateEvaluationRoundsInput = z.infer<typeof createEvaluationRoundsSchema>;

export const evaluationRoundQuerySchema = z.strictObject({
  ...pageQuery,
  kind: z.enum(EVALUATION_KINDS).optional(),
  status: z.enum(EVALUATION_STATUSES).optional(),
  /** A county-level unit's 12-digit code. */
  unit: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
  organisationId: uuid('机构').optional(),
  contractId: uuid('合同').optional(),
  /** The agreement years that began in this calendar year. */
  year: z.coerce.number().int().min(2000, '年份不正确').max(2099, '年份不正确').optional(),
  passed: z.enum(['true', 'false']).optional(),
});
export type EvaluationRoundQuery = z.infer<typeof evaluationRoundQuerySchema>;

const sampleViewSchema = z.object({
  mode: z.enum(SAMPLE_MODES),
  seed: z.string().nullable(),
  reason: z.string().nullable(),
  /** How many agreement years the random draw chose from, and on which day they were in force. */
  poolSize: z.number().int().nullable(),
  on: z.string().nullable(),
});

export const evaluationRoundListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  contractId: z.string(),
  contractTitle: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  unitName: z.string(),
  yearNo: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  setId: z.string(),
  setName: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  passed: z.boolean().nullable(),
  signedOffAt: z.string().nullable(),
  openRectifications: z.number().int(),
});
export type EvaluationRoundListItem = z.infer<typeof evaluationRoundListItemSchema>;
export const evaluationRoundPageSchema = pagedSchema(evaluationRoundListItemSchema);

/** What the platform measured for an item: the figure in words, the rate behind the suggestion, the records' page. */
export const measuredFigureSchema = z.object({
  text: z.string(),
  rate: z.number().nullable(),
  link: z.string().nullable(),
});
export type MeasuredFigure = z.infer<typeof measuredFigureSchema>;

export const scoredItemSchema = z.object({
  key: z.string(),
  dimension: z.string(),
  group: z.string(),
  name: z.string(),
  points: z.number(),
  scoringType: z.enum(SCORING_TYPES),
  guide: z.string(),
  evidence: z.string(),
  party: z.enum(EVALUATOR_PARTIES),
  measure: z.enum(MEASURES).nullable(),
  figure: measuredFigureSchema.nullable(),
  suggested: z.number().nullable(),
  score: z.number().nullable(),
  /** Why the score differs from the suggestion (kept with the score). */
  reason: z.string(),
  /** The evidence the evaluator looked at (documents, records, what was seen on site). */
  note: z.string(),
});
export type ScoredItem = z.infer<typeof scoredItemSchema>;

export const annualResultViewSchema = z.union([
  z.object({ complete: z.literal(false), missing: z.string() }),
  z.object({
    complete: z.literal(true),
    score: z.number(),
    grade: z.string(),
    passed: z.boolean(),
    basis: z.string(),
  }),
]);

export const evaluationRoundViewSchema = evaluationRoundListItemSchema.extend({
  evaluators: z.string(),
  visitOn: z.string().nullable(),
  visitNotes: z.string(),
  findings: z.string(),
  sample: sampleViewSchema.nullable(),
  passLine: z.number(),
  totalPoints: z.number(),
  items: z.array(scoredItemSchema),
  /** The agreement year's result as its rounds stand (R-CON-2); null for self-assessments. */
  annual: annualResultViewSchema.nullable(),
  signedOffBy: z.string().nullable(),
  /** Third-party evaluators assigned to the round (六（六）): they score it; the bureau running it signs it off. */
  evaluatorUsers: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Evidence (files, photos) the evaluators attached, each labelled with the item it supports (`1.2.1 …`) or 综合. */
  files: z.array(attachmentViewSchema),
  version: z.number().int(),
  abilities: z.object({ score: z.boolean(), signOff: z.boolean(), rectify: z.boolean(), assign: z.boolean() }),
});
export type EvaluationRoundView = z.infer<typeof evaluationRoundViewSchema>;

export const createdRoundsSchema = z.object({
  items: z.array(evaluationRoundListItemSchema),
  sample: sampleViewSchema.nullable(),
});

/** PUT …/scores: some items' scores (null clears one), and the round's on-site notes and findings. */
export const saveScoresSchema = z.strictObject({
  version: versionField(1),
  scores: z
    .array(
      z.strictObject({
        key: z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/, '指标编号不正确'),
        score: points('得分').nullable(),
        reason: boundedText('调整理由', 500).default(''),
        note: boundedText('评分依据', 1000).default(''),
      }),
    )
    .max(500, '一次最多保存 500 项')
    .superRefine((scores, ctx) => {
      // One entry per item: two scores for one item in one save would leave which one counts to chance.
      const seen = new Set<string>();
      scores.forEach((s, i) => {
        if (seen.has(s.key))
          ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `指标 ${s.key} 重复，请只保留一项` });
        seen.add(s.key);
      });
    }),
  evaluators: boundedText('评估人员', 200).optional(),
  visitOn: isoDate.nullable().optional(),
  visitNotes: boundedText('实地评估记录', 5000).optional(),
  findings: boundedText('发现的问题', 5000).optional(),
});
export type SaveScoresInput = z.infer<typeof saveScoresSchema>;

export const signOffRoundSchema = z.strictObject({ version: versionField(1) });

/** PUT …/evaluators: the third-party evaluators of a round (replacing those before), by the bureau running it. */
export const assignEvaluatorsSchema = z.strictObject({
  version: versionField(1),
  userIds: z.array(uuid('评估人员')).max(10, '每次评估最多指派 10 名第三方评估人员'),
});
export type AssignEvaluatorsInput = z.infer<typeof assignEvaluatorsSchema>;

/** The third-party evaluators a round may be given. */
export const evaluatorCandidatesSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
