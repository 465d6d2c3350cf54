import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  beneficiaryPageSchema,
  beneficiaryQuerySchema,
  beneficiaryViewSchema,
  categoryInputSchema,
  categoryListSchema,
  categoryViewSchema,
  consentInputSchema,
  consentListSchema,
  consentViewSchema,
  createBeneficiarySchema,
  endCategorySchema,
  handoverViewSchema,
  linkBeneficiarySchema,
  matchListSchema,
  matchQuerySchema,
  riskInputSchema,
  riskListSchema,
  riskViewSchema,
  unmaskBeneficiarySchema,
  unmaskedBeneficiarySchema,
  updateBeneficiarySchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { BeneficiaryService } from './beneficiaries.service';

const idParams = z.strictObject({ beneficiaryId: z.uuid('服务对象编号格式不正确') });
const stationParams = z.strictObject({ stationId: z.uuid('社工站编号格式不正确') });
const categoryParams = idParams.extend({ categoryId: z.uuid('类别记录编号格式不正确') });

/** 服务对象 (R-SVC-1, R-SVC-5, R-SCOPE-2): the registry's stable API. */
export function beneficiaryRoutes(app: FastifyInstance, service: BeneficiaryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['服务对象'];
  const read = { access: { permission: 'beneficiaries:read' as const } };
  const write = { access: { permission: 'beneficiaries:write' as const } };
  const unmask = { access: { permission: 'beneficiaries:unmask' as const } };
  const path = '/api/v1/beneficiaries/:beneficiaryId';

  r.get(
    '/api/v1/beneficiaries',
    {
      config: read,
      schema: {
        tags,
        summary: '服务对象列表（按姓名、身份证号或其后几位、电话搜索；按类别、风险、站点、社工、村筛选）',
        querystring: beneficiaryQuerySchema,
        response: { 200: beneficiaryPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/beneficiaries',
    {
      config: write,
      schema: {
        tags,
        summary: '登记服务对象（同一身份证号已登记的答 409，请关联）',
        body: createBeneficiarySchema,
        response: { 201: beneficiaryViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.post(
    '/api/v1/beneficiaries/matches',
    {
      config: write,
      schema: {
        tags,
        summary: '登记前查重：同一身份证号，或姓名、性别、出生年份、村相同的人',
        body: matchQuerySchema,
        response: { 200: matchListSchema },
      },
    },
    (req) => service.matches(requestContext(req), req.body),
  );
  r.post(
    '/api/v1/beneficiaries/links',
    {
      config: write,
      schema: {
        tags,
        summary: '把已登记的服务对象关联到本站（一人一档）',
        body: linkBeneficiarySchema,
        response: { 201: beneficiaryViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.link(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/beneficiaries/handover/:stationId',
    {
      config: read,
      schema: {
        tags,
        summary: '站点交接清单：新承接团队接手的服务对象',
        params: stationParams,
        response: { 200: handoverViewSchema },
      },
    },
    (req) => service.handover(requestContext(req), req.params.stationId),
  );
  r.get(
    path,
    {
      config: read,
      schema: { tags, summary: '服务对象详情', params: idParams, response: { 200: beneficiaryViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.beneficiaryId),
  );
  r.patch(
    path,
    {
      config: write,
      schema: {
        tags,
        summary: '修改服务对象（带 version，过期返回 409）',
        params: idParams,
        body: updateBeneficiarySchema,
        response: { 200: beneficiaryViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.beneficiaryId, req.body),
  );
  r.post(
    `${path}/unmask`,
    {
      config: unmask,
      schema: {
        tags,
        summary: '查看明文身份信息（须写明原因，记入审计）',
        params: idParams,
        body: unmaskBeneficiarySchema,
        response: { 200: unmaskedBeneficiarySchema },
      },
    },
    (req) => service.unmask(requestContext(req), req.params.beneficiaryId, req.body.reason),
  );
  r.get(
    `${path}/categories`,
    { config: read, schema: { tags, summary: '类别时段', params: idParams, response: { 200: categoryListSchema } } },
    (req) => service.categories(requireActor(req), req.params.beneficiaryId),
  );
  r.post(
    `${path}/categories`,
    {
      config: write,
      schema: {
        tags,
        summary: '新增类别时段',
        params: idParams,
        body: categoryInputSchema,
        response: { 201: categoryViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.addCategory(requestContext(req), req.params.beneficiaryId, req.body);
    },
  );
  r.patch(
    `${path}/categories/:categoryId`,
    {
      config: write,
      schema: {
        tags,
        summary: '结束类别时段',
        params: categoryParams,
        body: endCategorySchema,
        response: { 200: categoryViewSchema },
      },
    },
    (req) =>
      service.endCategory(requestContext(req), req.params.beneficiaryId, req.params.categoryId, req.body.endedOn),
  );
  r.get(
    `${path}/risk-assessments`,
    { config: read, schema: { tags, summary: '风险评估记录', params: idParams, response: { 200: riskListSchema } } },
    (req) => service.risks(requireActor(req), req.params.beneficiaryId),
  );
  r.post(
    `${path}/risk-assessments`,
    {
      config: write,
      schema: { tags, summary: '风险评估', params: idParams, body: riskInputSchema, response: { 201: riskViewSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return service.assessRisk(requestContext(req), req.params.beneficiaryId, req.body);
    },
  );
  r.get(
    `${path}/consents`,
    { config: read, schema: { tags, summary: '知情同意记录', params: idParams, response: { 200: consentListSchema } } },
    (req) => service.consents(requireActor(req), req.params.beneficiaryId),
  );
  r.post(
    `${path}/consents`,
    {
      config: write,
      schema: {
        tags,
        summary: '记录知情同意',
        params: idParams,
        body: consentInputSchema,
        response: { 201: consentViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.recordConsent(requestContext(req), req.params.beneficiaryId, req.body);
    },
  );
}
