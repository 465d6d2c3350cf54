import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDisclosureSchema,
  createOrganisationSchema,
  organisationQuerySchema,
  updateOrganisationSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { OrganisationService } from './organisations.service';
import type { Attachments } from '../../platform/files/attachments';

const idParams = z.strictObject({ organisationId: z.uuid('机构编号格式不正确') });

export function organisationRoutes(app: FastifyInstance, service: OrganisationService, attachments: Attachments) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['社会组织'];
  const read = { access: { permission: 'organisations:read' as const } };
  const write = { access: { permission: 'organisations:write' as const } };
  r.get(
    '/api/v1/organisations',
    {
      config: read,
      schema: { tags, summary: '社会组织列表（可按县（区）、类型筛选）', querystring: organisationQuerySchema },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/organisations',
    {
      config: write,
      schema: { tags, summary: '登记社会组织（统一社会信用代码按 GB 32100 校验）', body: createOrganisationSchema },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/organisations/:organisationId',
    { config: read, schema: { tags, summary: '社会组织详情（含公开信息）', params: idParams } },
    async (req) => {
      const o = await service.get(requireActor(req), req.params.organisationId);
      return { ...o, disclosures: await service.listDisclosures(o.id) };
    },
  );
  r.patch(
    '/api/v1/organisations/:organisationId',
    {
      config: write,
      schema: { tags, summary: '修改社会组织（带 version）', params: idParams, body: updateOrganisationSchema },
    },
    (req) => service.update(requestContext(req), req.params.organisationId, req.body),
  );
  r.post(
    '/api/v1/organisations/:organisationId/disclosures',
    {
      config: { access: { session: 'any' } },
      schema: { tags, summary: '发布公开信息（R-ORG-2）', params: idParams, body: createDisclosureSchema },
    },
    async (req, reply) => {
      reply.status(201);
      return service.disclose(requestContext(req), req.params.organisationId, req.body);
    },
  );

  const disclosureParams = idParams.extend({ disclosureId: z.uuid('公开信息编号格式不正确') });
  r.post(
    '/api/v1/organisations/:organisationId/disclosures/:disclosureId/files',
    {
      config: { access: { session: 'any' } },
      schema: {
        tags,
        summary: '为公开信息上传附件（PDF/Word/Excel/图片，≤20 MB）',
        params: disclosureParams,
        consumes: ['multipart/form-data'],
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
  r.get(
    '/api/v1/public/organisations/:organisationId/disclosures/:disclosureId/files/:fileId',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['公开信息'],
        summary: '下载公开信息附件（无需登录）',
        params: disclosureParams.extend({ fileId: z.uuid('文件编号格式不正确') }),
      },
    },
    async (req, reply) => {
      const d = await service.publicDisclosure(req.params.organisationId, req.params.disclosureId);
      return attachments.send(reply, 'disclosure', d.id, req.params.fileId);
    },
  );

  // The public portal (no login): organisations with social work in scope and what they disclose.
  r.get(
    '/api/v1/public/organisations',
    {
      config: { access: { public: true } },
      schema: { tags: ['公开信息'], summary: '社会组织公开信息（R-ORG-2，无需登录）' },
    },
    async () => {
      const items = await service.publicList();
      return { items, total: items.length };
    },
  );
}
