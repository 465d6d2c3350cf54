import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contractComplianceRowSchema,
  contractQuerySchema,
  contractViewSchema,
  createAgreementSchema,
  createContractSchema,
  createEvaluationSchema,
  itemsSchema,
  pagedSchema,
  publishAgreementSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { ComplianceReport } from './compliance';
import type { ContractService } from './contracts.service';
import type { Attachments } from '../../platform/files/attachments';
import { attachmentRoutes } from '../../platform/files/attachment-routes';

const idParams = z.strictObject({ contractId: z.uuid('合同编号格式不正确') });
const agreementParams = idParams.extend({ agreementId: z.uuid('协议编号格式不正确') });

const one = { 200: contractViewSchema };
const created = { 201: contractViewSchema };

export function contractRoutes(
  app: FastifyInstance,
  deps: { contracts: ContractService; compliance: ComplianceReport; attachments: Attachments },
) {
  const service = deps.contracts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['合同'];
  const read = { access: { permission: 'contracts:read' as const } };
  const write = { access: { permission: 'contracts:write' as const } };
  r.get(
    '/api/v1/contracts',
    {
      config: read,
      schema: {
        tags,
        summary: '合同列表（市级为备案列表；承接机构只见本机构）',
        querystring: contractQuerySchema,
        response: { 200: pagedSchema(contractViewSchema) },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/contracts',
    {
      config: write,
      schema: {
        tags,
        summary: '签订合同（含第一年协议；超过 30 日记为违规）',
        body: createContractSchema,
        response: created,
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/contracts/compliance',
    {
      config: read,
      schema: { tags, summary: '各单位合同合规情况', response: { 200: itemsSchema(contractComplianceRowSchema) } },
    },
    async (req) => ({
      items: await deps.compliance.byUnit(requireActor(req)),
    }),
  );
  r.get(
    '/api/v1/contracts/compliance/export',
    {
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary: '导出合同合规情况（.xlsx）',
        response: { 200: fileResponse('合同合规情况（.xlsx）') },
      },
    },
    async (req, reply) => {
      return sendXlsx(reply, await deps.compliance.exportWorkbook(requestContext(req)), '合同合规情况.xlsx');
    },
  );
  r.get(
    '/api/v1/contracts/export',
    {
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary: '导出合同台账（.xlsx，与列表相同的筛选）',
        querystring: contractQuerySchema,
        response: { 200: fileResponse('合同台账（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await service.exportWorkbook(requestContext(req), req.query), '合同台账.xlsx'),
  );
  r.get(
    '/api/v1/contracts/:contractId',
    {
      config: read,
      schema: { tags, summary: '合同详情（含年度协议、评估与合规提示）', params: idParams, response: one },
    },
    (req) => service.get(requireActor(req), req.params.contractId),
  );
  r.post(
    '/api/v1/contracts/:contractId/agreements',
    {
      config: write,
      schema: {
        tags,
        summary: '续签年度协议（上一年度评估合格后）',
        params: idParams,
        body: createAgreementSchema,
        response: created,
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.addAgreement(requestContext(req), req.params.contractId, req.body);
    },
  );
  r.post(
    '/api/v1/contracts/:contractId/evaluations',
    {
      config: write,
      schema: {
        tags,
        summary: '记录年度评估结果（不合格则到期终止）',
        params: idParams,
        body: createEvaluationSchema,
        response: created,
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.addEvaluation(requestContext(req), req.params.contractId, req.body);
    },
  );
  attachmentRoutes(app, deps.attachments, {
    url: '/api/v1/contracts/:contractId',
    param: 'contractId',
    entityType: 'contract',
    tags,
    summary: '合同附件（合同文本、年度协议、评估报告）',
    upload: write.access,
    download: read.access,
    forWrite: async (ctx, id) => {
      const c = await service.loadForWrite(ctx, id);
      return { id: c.id, divisionPath: c.divisionPath, summary: `上传合同附件 ${c.title}` };
    },
    forRead: async (ctx, id) => {
      const c = await service.load(ctx.actor, id);
      return { id: c.id, divisionPath: c.divisionPath, summary: `合同附件 ${c.title}` };
    },
  });
  r.post(
    '/api/v1/contracts/:contractId/publish',
    {
      config: write,
      schema: {
        tags,
        summary: '登记合同公告日期（R-CON-3）',
        params: idParams,
        body: publishAgreementSchema,
        response: one,
      },
    },
    (req) => service.publish(requestContext(req), req.params.contractId, req.body.publishedOn),
  );
  r.post(
    '/api/v1/contracts/:contractId/agreements/:agreementId/publish',
    {
      config: write,
      schema: {
        tags,
        summary: '登记年度协议公告日期（R-CON-3）',
        params: agreementParams,
        body: publishAgreementSchema,
        response: one,
      },
    },
    (req) => service.publish(requestContext(req), req.params.contractId, req.body.publishedOn, req.params.agreementId),
  );
}
