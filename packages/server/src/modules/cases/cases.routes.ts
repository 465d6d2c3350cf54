import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_ACTION_LABELS,
  CASE_ACTIONS,
  caseQuerySchema,
  casePageSchema,
  caseTransferSchema,
  caseTransitionSchema,
  caseViewSchema,
  createCaseSchema,
  updateCaseSchema,
  type CaseAction,
} from '@shegong/shared';
import type { RouteAccess } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/auth-plugin';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { isApprover, isWriter, seesNotes } from './cases.policy';
import type { CaseService } from './cases.service';

const idParams = z.strictObject({ caseId: z.uuid('个案编号格式不正确') });

/** 个案 (R-SVC-3): list, open, read, write the stages, the workflow's steps, transfer and documents. */
export function caseRoutes(app: FastifyInstance, deps: { cases: CaseService; attachments: Attachments }) {
  const { cases: service } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['个案'];
  const read = { access: { permission: 'services:read' as const } };
  const write = { access: { permission: 'services:write' as const } };
  const approve = { access: { permission: 'cases:approve' as const } };
  const one = { 200: caseViewSchema };

  r.get(
    '/api/v1/cases',
    {
      config: read,
      schema: {
        tags,
        summary: '个案列表（分页；待我审核）',
        querystring: caseQuerySchema,
        response: { 200: casePageSchema },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.get(
    '/api/v1/cases/:caseId',
    { config: read, schema: { tags, summary: '个案详情（记录明文时留痕）', params: idParams, response: one } },
    (req) => service.get(requestContext(req), req.params.caseId),
  );
  r.post(
    '/api/v1/cases',
    {
      config: write,
      schema: { tags, summary: '接案（开案）', body: createCaseSchema, response: { 201: caseViewSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.patch(
    '/api/v1/cases/:caseId',
    {
      config: write,
      schema: {
        tags,
        summary: '填写个案内容（预估、服务计划、评估、结案；带 version，过期返回 409）',
        params: idParams,
        body: updateCaseSchema,
        response: one,
      },
    },
    (req) => service.update(requestContext(req), req.params.caseId, req.body),
  );
  for (const action of CASE_ACTIONS) {
    const byLead = action.startsWith('approve') || action.startsWith('return');
    r.post(
      `/api/v1/cases/:caseId/${action}`,
      {
        config: (byLead ? approve : write) as { access: RouteAccess },
        schema: {
          tags,
          summary: `${CASE_ACTION_LABELS[action as CaseAction]}${byLead ? '（项目主管）' : '（个案社工）'}`,
          params: idParams,
          body: caseTransitionSchema,
          response: one,
        },
      },
      (req) => service.act(requestContext(req), req.params.caseId, action, req.body),
    );
  }
  r.post(
    '/api/v1/cases/:caseId/transfer',
    {
      config: write,
      schema: { tags, summary: '转移个案（本站社工之间）', params: idParams, body: caseTransferSchema, response: one },
    },
    (req) => service.transfer(requestContext(req), req.params.caseId, req.body),
  );
  attachmentRoutes(app, deps.attachments, {
    url: '/api/v1/cases/:caseId',
    param: 'caseId',
    entityType: 'case',
    tags,
    summary: '个案文书',
    upload: write.access,
    download: read.access,
    auditDownloads: true,
    forWrite: async (ctx, id) => {
      const c = await service.load(ctx.actor, id);
      if (!isWriter(ctx.actor, c) && !isApprover(ctx.actor))
        throw new AppError('FORBIDDEN', '只有个案社工或项目主管可以上传个案文书');
      return { id: c.id, divisionPath: c.divisionPath, summary: '上传个案文书' };
    },
    forRead: async (ctx, id) => {
      const c = await service.load(ctx.actor, id);
      // Case documents are case notes (R-SCOPE-2): the same three readers; to anyone else they do not exist.
      if (!seesNotes(ctx.actor, c)) throw notFound('个案文书');
      return { id: c.id, divisionPath: c.divisionPath, summary: '个案文书' };
    },
  });
}
