import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRectificationSchema,
  rectificationPageSchema,
  rectificationQuerySchema,
  rectificationViewSchema,
  returnRectificationSchema,
  submitRectificationSchema,
  verifyRectificationSchema,
} from '@shegong/shared';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import type { RectificationService } from './rectifications.service';

const idParams = z.strictObject({ rectificationId: z.uuid('整改事项编号格式不正确') });

/** 整改 (R-EVAL-4): the items of evaluation rounds, and their steps open → submitted → verified (or returned). */
export function rectificationRoutes(app: FastifyInstance, service: RectificationService, attachments: Attachments) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  // Every route asks only evaluations:read; the step's own permission (evaluations:score to record and verify,
  // evaluations:self to answer) is the policy's, checked after the item is found in scope, so a record outside the
  // caller's scope answers 404 on every route, never a 403 that tells it exists (R-SCOPE-1).
  const read = { access: { permission: 'evaluations:read' as const } };
  const path = '/api/v1/rectifications/:rectificationId';

  r.get(
    '/api/v1/rectifications',
    {
      config: read,
      schema: {
        tags,
        summary: '整改事项列表（按状态、是否逾期、评估、合同、承接机构、县（区）筛选）',
        querystring: rectificationQuerySchema,
        response: { 200: rectificationPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/rectifications',
    {
      config: read,
      schema: {
        tags,
        summary: '登记评估发现的问题为整改事项（由组织该评估的县（区）或市级民政部门登记，期限不早于今天）',
        body: createRectificationSchema,
        response: { 201: rectificationViewSchema },
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
      schema: { tags, summary: '整改事项详情', params: idParams, response: { 200: rectificationViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.rectificationId),
  );
  r.post(
    `${path}/submit`,
    {
      config: read,
      schema: {
        tags,
        summary: '承接机构提交整改情况（待整改 → 待核实）',
        params: idParams,
        body: submitRectificationSchema,
        response: { 200: rectificationViewSchema },
      },
    },
    (req) => service.submit(requestContext(req), req.params.rectificationId, req.body),
  );
  r.post(
    `${path}/verify`,
    {
      config: read,
      schema: {
        tags,
        summary: '核实整改情况并通过（待核实 → 已完成）',
        params: idParams,
        body: verifyRectificationSchema,
        response: { 200: rectificationViewSchema },
      },
    },
    (req) => service.verify(requestContext(req), req.params.rectificationId, req.body),
  );
  r.post(
    `${path}/return`,
    {
      config: read,
      schema: {
        tags,
        summary: '退回整改情况并说明意见（待核实 → 待整改）',
        params: idParams,
        body: returnRectificationSchema,
        response: { 200: rectificationViewSchema },
      },
    },
    (req) => service.return(requestContext(req), req.params.rectificationId, req.body),
  );

  // Evidence of the correction: the contractor adds files while the item is open; whoever reads the item reads them.
  attachmentRoutes(app, attachments, {
    url: path,
    param: 'rectificationId',
    entityType: 'rectification',
    tags,
    summary: '整改佐证材料',
    upload: read.access,
    download: read.access,
    forWrite: (ctx, id) => service.forFiles(ctx, id, true),
    forRead: (ctx, id) => service.forFiles(ctx, id, false),
  });
}
