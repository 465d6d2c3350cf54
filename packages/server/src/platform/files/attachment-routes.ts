import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentViewSchema, type AuditEntityType } from '@shegong/shared';
import type { RouteAccess } from '../auth/actor';
import { requestContext, type ActorContext } from '../http/context';
import { fileResponse } from '../http/responses';
import type { Attachments } from './attachments';

interface AttachmentRouteOptions {
  /** The record's path with one `:id`-style parameter, e.g. `/api/v1/contracts/:contractId`. */
  url: string;
  param: string;
  entityType: AuditEntityType;
  tags: string[];
  summary: string;
  upload: RouteAccess;
  download: RouteAccess;
  /** The record when the caller may add files to it (404 or 403 otherwise), and the audit line's words. */
  forWrite(ctx: ActorContext, id: string): Promise<{ id: string; divisionPath: string; summary: string }>;
  /** The record when the caller may read its files (404 otherwise): the record's own policy decides. */
  forRead(ctx: ActorContext, id: string): Promise<{ id: string; divisionPath: string; summary: string }>;
  /** Personal documents: every download is an audit event naming the record (R-SCOPE-2). */
  auditDownloads?: boolean;
}

/** `POST {url}/files` and `GET {url}/files/:fileId` for a record type: files are read by whoever may read the record. */
export function attachmentRoutes(app: FastifyInstance, attachments: Attachments, o: AttachmentRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ [o.param]: z.uuid('编号格式不正确') });
  const id = (req: FastifyRequest) => (req.params as Record<string, string>)[o.param];
  r.post(
    `${o.url}/files`,
    {
      config: { access: o.upload },
      schema: {
        tags: o.tags,
        summary: `上传${o.summary}（PDF/Word/Excel/图片，≤20 MB）`,
        params,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentViewSchema },
      },
    },
    async (req, reply) => {
      const ctx = requestContext(req);
      const target = await o.forWrite(ctx, id(req));
      reply.status(201);
      return attachments.upload(req, ctx, {
        entityType: o.entityType,
        entityId: target.id,
        divisionPath: target.divisionPath,
        summary: target.summary,
      });
    },
  );
  r.get(
    `${o.url}/files/:fileId`,
    {
      config: { access: o.download },
      schema: {
        tags: o.tags,
        summary: `下载${o.summary}`,
        params: params.extend({ fileId: z.uuid('文件编号格式不正确') }),
        response: { 200: fileResponse(`${o.summary}（原文件）`) },
      },
    },
    async (req, reply) => {
      const ctx = requestContext(req);
      const record = await o.forRead(ctx, id(req));
      return attachments.send(
        reply,
        o.entityType,
        record.id,
        req.params.fileId,
        o.auditDownloads ? { ctx, divisionPath: record.divisionPath, summary: `下载${record.summary}` } : undefined,
      );
    },
  );
}
