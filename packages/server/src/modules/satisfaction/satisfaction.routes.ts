import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSatisfactionSurveySchema,
  recordSatisfactionCallSchema,
  satisfactionQuerySchema,
  satisfactionRatesQuerySchema,
  satisfactionRatesSchema,
  satisfactionResponsePageSchema,
  satisfactionSurveyPageSchema,
  satisfactionSurveyQuerySchema,
  satisfactionSurveyViewSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { SatisfactionService } from './satisfaction.service';
import type { SurveyService } from './satisfaction-surveys.service';

const surveyParams = z.strictObject({ surveyId: z.uuid('回访抽样编号不正确') });
const callParams = z.strictObject({ surveyId: z.uuid('回访抽样编号不正确'), callId: z.uuid('回访对象编号不正确') });

/** 满意度 (R-EVAL-3): answers in scope, the rate per station, and the random call-back surveys. */
export function satisfactionRoutes(app: FastifyInstance, s: { answers: SatisfactionService; surveys: SurveyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['满意度与投诉'];
  const read = { access: { permission: 'complaints:read' as const } };
  const survey = { access: { permission: 'satisfaction:survey' as const } };

  r.get(
    '/api/v1/satisfaction',
    {
      config: read,
      schema: {
        tags,
        summary: '满意度评价列表（按站点、县区、机构、渠道、日期筛选；联系方式仅对项目负责人显示）',
        querystring: satisfactionQuerySchema,
        response: { 200: satisfactionResponsePageSchema },
      },
    },
    (req) => s.answers.list(requestContext(req), req.query),
  );
  r.get(
    '/api/v1/satisfaction/rates',
    {
      config: read,
      schema: {
        tags,
        summary: '各社工站满意度（评价数、满意数，分扫码评价与随机回访）',
        querystring: satisfactionRatesQuerySchema,
        response: { 200: satisfactionRatesSchema },
      },
    },
    (req) => s.answers.rates(requestContext(req), req.query),
  );
  r.get(
    '/api/v1/satisfaction-surveys',
    {
      config: survey,
      schema: {
        tags,
        summary: '随机回访抽样列表',
        querystring: satisfactionSurveyQuerySchema,
        response: { 200: satisfactionSurveyPageSchema },
      },
    },
    (req) => s.surveys.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/satisfaction-surveys',
    {
      config: survey,
      schema: {
        tags,
        summary: '抽取回访样本：从期间内在该站有服务记录的服务对象中随机抽取（记录随机种子，可复核）',
        body: createSatisfactionSurveySchema,
        response: { 201: satisfactionSurveyViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return s.surveys.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/satisfaction-surveys/:surveyId',
    {
      config: survey,
      schema: {
        tags,
        summary: '回访名单与回访结果（查看联系电话记入审计）',
        params: surveyParams,
        response: { 200: satisfactionSurveyViewSchema },
      },
    },
    (req) => s.surveys.get(requestContext(req), req.params.surveyId),
  );
  r.post(
    '/api/v1/satisfaction-surveys/:surveyId/calls/:callId',
    {
      config: survey,
      schema: {
        tags,
        summary: '记录回访结果（已回访并评分、无法联系或拒绝回访）',
        params: callParams,
        body: recordSatisfactionCallSchema,
        response: { 200: satisfactionSurveyViewSchema },
      },
    },
    (req) => s.surveys.recordCall(requestContext(req), req.params.surveyId, req.params.callId, req.body),
  );
}
