import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerSupervisionReviewSchema,
  closeSupervisionReviewSchema,
  createSupervisionReviewSchema,
  supervisionReviewPageSchema,
  supervisionReviewQuerySchema,
  supervisionReviewViewSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { SupervisionReviewService } from './supervision-reviews.service';

const idParams = z.strictObject({ reviewId: z.uuid('督导意见编号格式不正确') });

/** 督导意见 (R-EVAL-4): comments on sampled case files and service records, open → answered → closed. */
export function supervisionReviewRoutes(app: FastifyInstance, service: SupervisionReviewService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  // As for sessions: read on every route, the step's own rule in the policy after the comment is found in scope.
  const read = { access: { permission: 'supervision:read' as const } };
  const path = '/api/v1/supervision-reviews/:reviewId';

  r.get(
    '/api/v1/supervision-reviews',
    {
      config: read,
      schema: {
        tags,
        summary: '督导意见列表（待回复在前；社工只看对本人工作的意见）',
        querystring: supervisionReviewQuerySchema,
        response: { 200: supervisionReviewPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/supervision-reviews',
    {
      config: read,
      schema: {
        tags,
        summary: '登记督导意见（承接机构；抽查本机构覆盖社工站的个案档案或服务记录）',
        body: createSupervisionReviewSchema,
        response: { 201: supervisionReviewViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    path,
    {
      config: read,
      schema: { tags, summary: '督导意见详情', params: idParams, response: { 200: supervisionReviewViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.reviewId),
  );
  r.post(
    `${path}/answer`,
    {
      config: read,
      schema: {
        tags,
        summary: '回复督导意见（被督导的社工或项目主管；待回复 → 已回复）',
        params: idParams,
        body: answerSupervisionReviewSchema,
        response: { 200: supervisionReviewViewSchema },
      },
    },
    (req) => service.answer(requestContext(req), req.params.reviewId, req.body),
  );
  r.post(
    `${path}/close`,
    {
      config: read,
      schema: {
        tags,
        summary: '关闭督导意见（承接机构；已回复 → 已关闭）',
        params: idParams,
        body: closeSupervisionReviewSchema,
        response: { 200: supervisionReviewViewSchema },
      },
    },
    (req) => service.close(requestContext(req), req.params.reviewId, req.body),
  );
}
