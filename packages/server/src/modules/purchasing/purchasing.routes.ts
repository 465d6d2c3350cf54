import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementQuerySchema,
  awardSchema,
  createProcurementSchema,
  createPurchasePlanSchema,
  pagedSchema,
  planTransitionSchema,
  procurementQuerySchema,
  procurementViewSchema,
  purchasePlanQuerySchema,
  purchasePlanViewSchema,
  updatePurchasePlanSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { ProcurementService } from './procurements.service';
import type { PurchasePlanService } from './purchase-plans.service';

const planParams = z.strictObject({ planId: z.uuid('计划编号格式不正确') });
const procParams = z.strictObject({ procurementId: z.uuid('采购项目编号格式不正确') });
const plan = { 200: purchasePlanViewSchema };
const procurement = { 200: procurementViewSchema };

export function purchasingRoutes(
  app: FastifyInstance,
  d: { plans: PurchasePlanService; procurements: ProcurementService },
) {
  const { plans, procurements: procurementsService } = d;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'purchase:read' as const } };
  const write = { access: { permission: 'purchase:write' as const } };
  const planTags = ['年度购买服务计划'];
  r.get(
    '/api/v1/purchase-plans',
    {
      config: read,
      schema: {
        tags: planTags,
        summary: '年度购买服务计划（市级为备案列表）',
        querystring: purchasePlanQuerySchema,
        response: { 200: pagedSchema(purchasePlanViewSchema) },
      },
    },
    (req) => plans.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/purchase-plans',
    {
      config: write,
      schema: {
        tags: planTags,
        summary: '编制年度购买服务计划（草稿）',
        body: createPurchasePlanSchema,
        response: { 201: purchasePlanViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return plans.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/purchase-plans/:planId',
    { config: read, schema: { tags: planTags, summary: '计划详情（含流转记录）', params: planParams, response: plan } },
    (req) => plans.get(requireActor(req), req.params.planId),
  );
  r.patch(
    '/api/v1/purchase-plans/:planId',
    {
      config: write,
      schema: {
        tags: planTags,
        summary: '修改计划（草稿或退回时）',
        params: planParams,
        body: updatePurchasePlanSchema,
        response: plan,
      },
    },
    (req) => plans.update(requestContext(req), req.params.planId, req.body),
  );
  r.post(
    '/api/v1/purchase-plans/:planId/submit',
    {
      config: read,
      schema: {
        tags: planTags,
        summary: '报送市民政局备案',
        params: planParams,
        body: planTransitionSchema,
        response: plan,
      },
    },
    (req) => plans.submit(requestContext(req), req.params.planId, req.body.version),
  );
  r.post(
    '/api/v1/purchase-plans/:planId/file',
    {
      config: read,
      schema: {
        tags: planTags,
        summary: '备案（仅市民政局）',
        params: planParams,
        body: planTransitionSchema,
        response: plan,
      },
    },
    (req) => plans.file(requestContext(req), req.params.planId, req.body.version, req.body.comment),
  );
  r.post(
    '/api/v1/purchase-plans/:planId/return',
    {
      config: read,
      schema: {
        tags: planTags,
        summary: '退回并填写意见（仅市民政局）',
        params: planParams,
        body: planTransitionSchema,
        response: plan,
      },
    },
    (req) => plans.return(requestContext(req), req.params.planId, req.body.version, req.body.comment),
  );

  const procTags = ['采购'];
  r.get(
    '/api/v1/procurements',
    {
      config: read,
      schema: {
        tags: procTags,
        summary: '采购项目',
        querystring: procurementQuerySchema,
        response: { 200: pagedSchema(procurementViewSchema) },
      },
    },
    (req) => procurementsService.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/procurements',
    {
      config: write,
      schema: {
        tags: procTags,
        summary: '发布采购公告（服务内容、标准、要求、方式、承接主体条件）',
        body: createProcurementSchema,
        response: { 201: procurementViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return procurementsService.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/procurements/:procurementId',
    { config: read, schema: { tags: procTags, summary: '采购项目详情', params: procParams, response: procurement } },
    (req) => procurementsService.get(requireActor(req), req.params.procurementId),
  );
  r.post(
    '/api/v1/procurements/:procurementId/award',
    {
      config: write,
      schema: {
        tags: procTags,
        summary: '确定承接主体（中标/成交），按 R-ORG-1 校验资格',
        params: procParams,
        body: awardSchema,
        response: procurement,
      },
    },
    (req) => procurementsService.award(requestContext(req), req.params.procurementId, req.body),
  );
  r.get(
    '/api/v1/public/announcements',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['公开信息'],
        summary: '采购公告与结果（无需登录）',
        querystring: announcementQuerySchema,
        response: { 200: pagedSchema(procurementViewSchema) },
      },
    },
    (req) => procurementsService.publicList(req.query),
  );
}
