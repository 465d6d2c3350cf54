import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveServiceRecordSchema,
  catalogueListSchema,
  createServiceRecordSchema,
  serviceRecordPageSchema,
  serviceRecordQuerySchema,
  serviceRecordViewSchema,
  updateServiceRecordSchema,
  type CatalogueItemView,
} from '@shegong/shared';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import type { ServiceRecordService } from './services.service';

const idParams = z.strictObject({ recordId: z.uuid('服务记录编号格式不正确') });

/** 服务记录 (R-SVC-2, R-SVC-3) and the 附件2 catalogue they are classified by: the stable API. */
export function serviceRecordRoutes(
  app: FastifyInstance,
  d: { service: ServiceRecordService; attachments: Attachments; catalogue: () => CatalogueItemView[] },
) {
  const { service } = d;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['服务记录'];
  const read = { access: { permission: 'services:read' as const } };
  const write = { access: { permission: 'services:write' as const } };
  const path = '/api/v1/service-records/:recordId';

  r.get(
    '/api/v1/catalogue',
    {
      config: { access: { session: 'any' as const } },
      schema: {
        tags,
        summary: '《实施方案》附件2 服务项目目录（服务内容须为其中所列项目）',
        response: { 200: catalogueListSchema },
      },
    },
    () => ({
      items: d.catalogue().map((c) => ({
        code: c.code,
        domainCode: c.domainCode,
        domainName: c.domainName,
        itemNumber: c.itemNumber,
        itemName: c.itemName,
        description: c.description,
      })),
    }),
  );
  r.get(
    '/api/v1/service-records',
    {
      config: read,
      schema: {
        tags,
        summary: '服务记录列表（按站点、日期、服务形式、领域、项目、社工、服务对象、个案筛选，新的在前）',
        querystring: serviceRecordQuerySchema,
        response: { 200: serviceRecordPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/service-records',
    {
      config: write,
      schema: {
        tags,
        summary:
          '记录服务（编号由手机生成：同一记录重复提交只保存一次，答 200 和已保存的记录；编号相同而内容不同答 409）',
        body: createServiceRecordSchema,
        response: { 201: serviceRecordViewSchema, 200: serviceRecordViewSchema },
      },
    },
    async (req, reply) => {
      const { view, created } = await service.create(requestContext(req), req.body);
      reply.status(created ? 201 : 200);
      return view;
    },
  );
  r.get(
    path,
    {
      config: read,
      schema: { tags, summary: '服务记录详情', params: idParams, response: { 200: serviceRecordViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.recordId),
  );
  r.patch(
    path,
    {
      config: write,
      schema: {
        tags,
        summary: '修改服务记录（带 version，过期返回 409；统计随之更新）',
        params: idParams,
        body: updateServiceRecordSchema,
        response: { 200: serviceRecordViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.recordId, req.body),
  );
  r.post(
    `${path}/archive`,
    {
      config: write,
      schema: {
        tags,
        summary: '撤回误录的服务记录（写明原因；从列表和统计中移除，日志保留）',
        params: idParams,
        body: archiveServiceRecordSchema,
        response: { 200: serviceRecordViewSchema },
      },
    },
    (req) => service.archive(requestContext(req), req.params.recordId, req.body),
  );
  // Photos are optional (no formalism): the phone uploads them after the record is saved, under the record's id.
  attachmentRoutes(app, d.attachments, {
    url: path,
    param: 'recordId',
    entityType: 'serviceRecord',
    tags,
    summary: '服务记录照片',
    upload: write.access,
    download: read.access,
    auditDownloads: true,
    forWrite: async (ctx, id) => {
      const rec = await service.loadForChange(ctx, id);
      return { id: rec.id, divisionPath: rec.divisionPath, summary: `上传服务记录照片（${rec.servedOn}）` };
    },
    forRead: async (ctx, id) => {
      const rec = await service.loadForRead(ctx, id);
      return { id: rec.id, divisionPath: rec.divisionPath, summary: `服务记录照片（${rec.servedOn}）` };
    },
  });
}
