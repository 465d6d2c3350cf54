import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignEvaluatorsSchema,
  createdRoundsSchema,
  createEvaluationRoundsSchema,
  evaluatorCandidatesSchema,
  evaluationRoundPageSchema,
  evaluationRoundQuerySchema,
  evaluationRoundViewSchema,
  saveScoresSchema,
  signOffRoundSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { sendDocx } from '../../platform/documents/send-docx';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import { requestContext } from '../../platform/http/context';
import type { RoundEvaluators } from './rounds.evaluators';
import type { RoundExports } from './rounds.exports';
import type { createRoundScoring } from './rounds.scoring';
import type { RoundService } from './rounds.service';

const params = z.strictObject({ roundId: z.uuid('评估编号格式不正确') });
const url = '/api/v1/evaluation-rounds/:roundId';

/** 评估 (R-EVAL-1, R-EVAL-2, R-CON-2): rounds opened by the level that runs them, scored item by item, signed off. */
export function roundRoutes(
  app: FastifyInstance,
  d: {
    rounds: RoundService;
    scoring: ReturnType<typeof createRoundScoring>;
    exports: RoundExports;
    evaluators: RoundEvaluators;
    attachments: Attachments;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  const read = { access: { permission: 'evaluations:read' as const } };

  r.get(
    '/api/v1/evaluation-rounds',
    {
      config: read,
      schema: {
        tags,
        summary: '评估列表（中期、末期、抽查、自评；按县区、机构、合同、年份、状态、是否合格筛选）',
        querystring: evaluationRoundQuerySchema,
        response: { 200: evaluationRoundPageSchema },
      },
    },
    (req) => d.rounds.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/evaluation-rounds',
    {
      // The kind decides who may open it (county: 中期/末期; city: 抽查; contractor: 自评), checked by the service.
      config: read,
      schema: {
        tags,
        summary: '开展评估：每个年度协议一条；抽查可按随机种子抽取或指定并说明理由',
        body: createEvaluationRoundsSchema,
        response: { 201: createdRoundsSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return d.rounds.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/evaluation-rounds/evaluator-users',
    {
      config: { access: { permission: 'evaluations:score' as const } },
      schema: {
        tags,
        summary: '可指派的第三方评估人员（在用的第三方评估人员账号）',
        response: { 200: evaluatorCandidatesSchema },
      },
    },
    (req) => d.evaluators.candidates(requireActor(req)),
  );
  r.put(
    `${url}/evaluators`,
    {
      config: read,
      schema: {
        tags,
        summary: '指派第三方评估人员：被指派的人员可查看该评估涉及的社工站和服务记录并评分，签署仍由开展评估的部门',
        params,
        body: assignEvaluatorsSchema,
        response: { 200: evaluationRoundViewSchema },
      },
    },
    (req) => d.evaluators.assign(requestContext(req), req.params.roundId, req.body),
  );
  r.get(
    url,
    {
      config: read,
      schema: {
        tags,
        summary: '评估详情：指标、平台取数、建议分、得分与调整理由、总分等次，以及年度评估结果',
        params,
        response: { 200: evaluationRoundViewSchema },
      },
    },
    (req) => d.rounds.get(requireActor(req), req.params.roundId),
  );
  r.put(
    `${url}/scores`,
    {
      config: read,
      schema: {
        tags,
        summary: '保存评分（逐项得分、与建议分不同时的理由、评分依据）和实地评估记录',
        params,
        body: saveScoresSchema,
        response: { 200: evaluationRoundViewSchema },
      },
    },
    (req) => d.scoring.save(requestContext(req), req.params.roundId, req.body),
  );
  r.post(
    `${url}/sign-off`,
    {
      config: read,
      schema: {
        tags,
        summary: '签署评估：全部指标评分后确定总分与等次；年度评估完成时据此记录年度结果（决定能否续签）',
        params,
        body: signOffRoundSchema,
        response: { 200: evaluationRoundViewSchema },
      },
    },
    (req) => d.scoring.signOff(requestContext(req), req.params.roundId, req.body.version),
  );
  r.get(
    `${url}/report.docx`,
    {
      config: read,
      schema: {
        tags,
        summary: '导出评估报告（Word，公文格式：基本情况、评估结果、分项评分、实地评估、问题和整改要求、落款）',
        params,
        response: { 200: fileResponse('评估报告（.docx）') },
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await d.exports.document(requestContext(req), req.params.roundId);
      return sendDocx(reply, bytes, filename);
    },
  );
  r.get(
    `${url}/scores.xlsx`,
    {
      config: read,
      schema: {
        tags,
        summary: '导出评分表（Excel，A4 横向打印：逐项分值、平台数据、建议分、得分和理由）',
        params,
        response: { 200: fileResponse('评分表（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await d.exports.workbook(requestContext(req), req.params.roundId);
      return sendXlsx(reply, bytes, filename);
    },
  );
  attachmentRoutes(app, d.attachments, {
    url,
    param: 'roundId',
    entityType: 'evaluationRound',
    tags,
    summary: '评估佐证材料（按指标标注）',
    upload: read.access,
    download: read.access,
    forWrite: (ctx, id) => d.scoring.forFiles(ctx, id, true),
    forRead: (ctx, id) => d.scoring.forFiles(ctx, id, false),
  });
}
