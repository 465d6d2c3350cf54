import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPreAwardEvaluationSchema,
  preAwardEvaluationListSchema,
  preAwardEvaluationQuerySchema,
  preAwardEvaluationViewSchema,
} from '@shegong/shared';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import type { PreAwardService } from './pre-award.service';

const idParams = z.strictObject({ evaluationId: z.uuid('立项评估编号格式不正确') });

/** 立项评估 (R-EVAL-1, 《实施方案》六（六）): third-party evaluations of a procurement's candidates before the award. */
export function preAwardRoutes(app: FastifyInstance, service: PreAwardService, attachments: Attachments) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  // Every route asks only evaluations:read; recording (evaluations:score at county level) is checked by the service
  // after the procurement is found in scope, so another county's procurement answers 404, never 403 (R-SCOPE-1).
  const read = { access: { permission: 'evaluations:read' as const } };
  const path = '/api/v1/pre-award-evaluations/:evaluationId';

  r.get(
    '/api/v1/pre-award-evaluations',
    {
      config: read,
      schema: {
        tags,
        summary: '立项评估列表（按采购项目、机构筛选）',
        querystring: preAwardEvaluationQuerySchema,
        response: { 200: preAwardEvaluationListSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/pre-award-evaluations',
    {
      config: read,
      schema: {
        tags,
        summary: '登记第三方立项评估（专业资质、内部管理、人才资源；由组织采购的县（区）民政部门登记）',
        body: createPreAwardEvaluationSchema,
        response: { 201: preAwardEvaluationViewSchema },
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
      schema: { tags, summary: '立项评估详情', params: idParams, response: { 200: preAwardEvaluationViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.evaluationId),
  );

  // The agency's report: the county uploads it after saving; whoever reads the evaluation reads it.
  attachmentRoutes(app, attachments, {
    url: path,
    param: 'evaluationId',
    entityType: 'preAwardEvaluation',
    tags,
    summary: '立项评估报告',
    upload: read.access,
    download: read.access,
    forWrite: (ctx, id) => service.forFiles(ctx, id, true),
    forRead: (ctx, id) => service.forFiles(ctx, id, false),
  });
}
