import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentViewSchema,
  createDisclosureSchema,
  createOrganisationSchema,
  disclosureViewSchema,
  organisationDetailSchema,
  organisationQuerySchema,
  organisationViewSchema,
  pagedSchema,
  publicOrganisationQuerySchema,
  publicOrganisationViewSchema,
  updateOrganisationSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import type { Attachments } from '../../platform/files/attachments';
import type { OrganisationService } from './organisations.service';

const idParams = z.strictObject({ organisationId: z.uuid('机构编号格式不正确') });
const disclosureParams = idParams.extend({ disclosureId: z.uuid('公开信息编号格式不正确') });

export function organisationRoutes(
  app: FastifyInstance,
  { service, attachments }: { service: OrganisationService; attachments: Attachments },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['社会组织'];
  const read = { access: { permission: 'organisations:read' as const } };
  const write = { access: { permission: 'organisations:write' as const } };
  r.get(
    '/api/v1/organisations',
    {
      config: read,
      schema: {
        tags,
        summary: '社会组织列表（可按县（区）、类型筛选，分页）',
        querystring: organisationQuerySchema,
        response: { 200: pagedSchema(organisationViewSchema) },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/organisations',
    {
      config: write,
      schema: {
        tags,
        summary: '登记社会组织（统一社会信用代码按 GB 32100 校验）',
        body: createOrganisationSchema,
        response: { 201: organisationViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/organisations/:organisationId',
    {
      config: read,
      schema: {
        tags,
        summary: '社会组织详情（含公开信息）',
        params: idParams,
        response: { 200: organisationDetailSchema },
      },
    },
    (req) => service.detail(requireActor(req), req.params.organisationId),
  );
  r.patch(
    '/api/v1/organisations/:organisationId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改社会组织（带 version）',
        params: idParams,
        body: updateOrganisationSchema,
        response: { 200: organisationViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.organisationId, req.body),
  );
  r.post(
    '/api/v1/organisations/:organisationId/disclosures',
    {
      config: { access: { session: 'any' } },
      schema: {
        tags,
        summary: '发布公开信息（R-ORG-2）',
        params: idParams,
        body: createDisclosureSchema,
        response: { 201: disclosureViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.disclose(requestContext(req), req.params.organisationId, req.body);
    },
  );
  r.post(
    '/api/v1/organisations/:organisationId/disclosures/:disclosureId/files',
    {
      config: { access: { session: 'any' } },
      schema: {
        tags,
        summary: '为公开信息上传附件（PDF/Word/Excel/图片，≤20 MB）',
        params: disclosureParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentViewSchema },
      },
    },
    async (req, reply) => {
      const ctx = requestContext(req);
      const { organisation, disclosure } = await service.disclosureForWrite(
        ctx.actor,
        req.params.organisationId,
        req.params.disclosureId,
      );
      reply.status(201);
      return attachments.upload(req, ctx, {
        entityType: 'disclosure',
        entityId: disclosure.id,
        divisionPath: organisation.divisionPath,
        summary: `${organisation.name} 公开信息附件`,
      });
    },
  );

  // The public portal (no login): organisations with social work in scope, what they disclose and its files.
  r.get(
    '/api/v1/public/organisations',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['公开信息'],
        summary: '社会组织公开信息（R-ORG-2，无需登录，分页）',
        querystring: publicOrganisationQuerySchema,
        response: { 200: pagedSchema(publicOrganisationViewSchema) },
      },
    },
    (req) => service.publicList(req.query),
  );
  r.get(
    '/api/v1/public/organisations/:organisationId/disclosures/:disclosureId/files/:fileId',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['公开信息'],
        summary: '下载公开信息附件（无需登录）',
        params: disclosureParams.extend({ fileId: z.uuid('文件编号格式不正确') }),
        response: { 200: fileResponse('公开信息附件（PDF、Word、Excel 或图片）') },
      },
    },
    async (req, reply) => {
      const d = await service.publicDisclosure(req.params.organisationId, req.params.disclosureId);
      return attachments.send(reply, 'disclosure', d.id, req.params.fileId);
    },
  );
}
