import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerComplaintSchema,
  closeComplaintSchema,
  complaintPageSchema,
  complaintQuerySchema,
  complaintViewSchema,
  createComplaintSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { ComplaintService } from './complaints.service';

const params = z.strictObject({ complaintId: z.uuid('投诉编号不正确') });

/** 投诉 (R-EVAL-3): list, enter, read, answer and close. */
export function complaintRoutes(app: FastifyInstance, service: ComplaintService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['满意度与投诉'];
  const read = { access: { permission: 'complaints:read' as const } };
  const handle = { access: { permission: 'complaints:handle' as const } };
  const path = '/api/v1/complaints/:complaintId';

  r.get(
    '/api/v1/complaints',
    {
      config: read,
      schema: {
        tags,
        summary: '投诉列表（待处理在前；按状态、来源、站点、机构、县区筛选）',
        querystring: complaintQuerySchema,
        response: { 200: complaintPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/complaints',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记电话、来访或来信投诉（县区民政部门或项目负责人）',
        body: createComplaintSchema,
        response: { 201: complaintViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    path,
    { config: read, schema: { tags, summary: '投诉详情', params, response: { 200: complaintViewSchema } } },
    (req) => service.get(requestContext(req), req.params.complaintId),
  );
  r.post(
    `${path}/answer`,
    {
      config: handle,
      schema: {
        tags,
        summary: '答复投诉（待处理 → 已答复）',
        params,
        body: answerComplaintSchema,
        response: { 200: complaintViewSchema },
      },
    },
    (req) => service.answer(requestContext(req), req.params.complaintId, req.body),
  );
  r.post(
    `${path}/close`,
    {
      config: handle,
      schema: {
        tags,
        summary: '办结投诉（已答复 → 已办结，县区民政部门）',
        params,
        body: closeComplaintSchema,
        response: { 200: complaintViewSchema },
      },
    },
    (req) => service.close(requestContext(req), req.params.complaintId, req.body),
  );
}
