import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  awardSchema,
  createProcurementSchema,
  createPurchasePlanSchema,
  planTransitionSchema,
  PLAN_STATUSES,
  PROCUREMENT_STATUSES,
  updatePurchasePlanSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { ProcurementService } from './procurements.service';
import type { PurchasePlanService } from './purchase-plans.service';

const planParams = z.strictObject({ planId: z.uuid('计划编号格式不正确') });
const procParams = z.strictObject({ procurementId: z.uuid('采购项目编号格式不正确') });
const county = z
  .string()
  .regex(/^\d{12}$/, '应为 12 位区划代码')
  .optional();

export function purchasingRoutes(
  app: FastifyInstance,
  plans: PurchasePlanService,
  procurementsService: ProcurementService,
) {
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
        querystring: z.strictObject({
          county,
          year: z.coerce.number().int().min(2021).max(2035).optional(),
          status: z.enum(PLAN_STATUSES).optional(),
        }),
      },
    },
    (req) => plans.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/purchase-plans',
    {
      config: write,
      schema: { tags: planTags, summary: '编制年度购买服务计划（草稿）', body: createPurchasePlanSchema },
    },
    async (req, reply) => {
      reply.status(201);
      return plans.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/purchase-plans/:planId',
    { config: read, schema: { tags: planTags, summary: '计划详情（含流转记录）', params: planParams } },
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
      },
    },
    (req) => plans.update(requestContext(req), req.params.planId, req.body),
  );
  r.post(
    '/api/v1/purchase-plans/:planId/submit',
    {
      config: read,
      schema: { tags: planTags, summary: '报送市民政局备案', params: planParams, body: planTransitionSchema },
    },
    (req) => plans.submit(requestContext(req), req.params.planId, req.body.version),
  );
  r.post(
    '/api/v1/purchase-plans/:planId/file',
    {
      config: read,
      schema: { tags: planTags, summary: '备案（仅市民政局）', params: planParams, body: planTransitionSchema },
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
        querystring: z.strictObject({ county, status: z.enum(PROCUREMENT_STATUSES).optional() }),
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
      },
    },
    async (req, reply) => {
      reply.status(201);
      return procurementsService.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/procurements/:procurementId',
    { config: read, schema: { tags: procTags, summary: '采购项目详情', params: procParams } },
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
      },
    },
    (req) => procurementsService.award(requestContext(req), req.params.procurementId, req.body),
  );
  r.get(
    '/api/v1/public/announcements',
    { config: { access: { public: true } }, schema: { tags: ['公开信息'], summary: '采购公告与结果（无需登录）' } },
    async () => {
      const items = await procurementsService.publicList();
      return { items, total: items.length };
    },
  );
}
