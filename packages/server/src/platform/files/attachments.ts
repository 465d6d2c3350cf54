import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AttachmentView, AuditEntityType } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import type { RequestContext } from '../audit/audit';
import { writeAudit } from '../audit/audit';
import { AppError } from '../http/errors';
import { checkText } from '../http/text-guard';
import { MAX_DOCUMENT_BYTES, storedName, type FileStorage } from './file-storage';
import { attachments, files } from './files.table';

type FileRow = typeof files.$inferSelect;

/**
 * Files attached to records (contract texts, agreements, evaluation reports, disclosures, personnel documents).
 * There is no route that serves a file by its id alone: a file is reached through its record, whose module decides
 * who may read it (`attachmentRoutes`), so an attachment inherits its record's policy (DESIGN §4).
 */
export function createAttachments(db: Db, storage: FileStorage) {
  /**
   * Stores the bytes, then runs `record` (which inserts the metadata in a transaction); when that fails the bytes are
   * removed again, so a refused or failed upload never leaves an orphan file on disk.
   */
  async function storeThen<T>(
    bytes: Buffer,
    record: (saved: { key: string; sha256: string }) => Promise<T>,
  ): Promise<T> {
    const saved = await storage.save(bytes);
    try {
      return await record(saved);
    } catch (e) {
      await storage.remove(saved.key);
      throw e;
    }
  }

  async function sendRow(reply: FastifyReply, f: FileRow) {
    const bytes = await storage.read(f.storageKey);
    return reply
      .header('content-type', f.mimeType)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.originalName)}`,
      )
      .send(bytes);
  }

  return {
    storeThen,

    /** Inserts a file's metadata row (inside the caller's transaction, after `storeThen` saved the bytes). */
    async insertFile(tx: DbOrTx, v: typeof files.$inferInsert): Promise<FileRow> {
      const [f] = await tx.insert(files).values(v).returning();
      return f;
    },

    async list(entityType: string, entityIds: string[]): Promise<Map<string, AttachmentView[]>> {
      const out = new Map<string, AttachmentView[]>();
      if (entityIds.length === 0) return out;
      const rows = await db
        .select({ a: attachments, f: files })
        .from(attachments)
        .innerJoin(files, eq(files.id, attachments.fileId))
        .where(and(eq(attachments.entityType, entityType), inArray(attachments.entityId, entityIds)))
        .orderBy(asc(attachments.createdAt));
      for (const { a, f } of rows) {
        const list = out.get(a.entityId) ?? [];
        list.push({
          id: a.id,
          fileId: f.id,
          name: f.originalName,
          label: a.label,
          sizeBytes: f.sizeBytes,
          uploadedAt: a.createdAt.toISOString(),
        });
        out.set(a.entityId, list);
      }
      return out;
    },

    /** Reads one multipart file from the request, checks its name and bytes, stores it and attaches it, audited. */
    async upload(
      req: FastifyRequest,
      ctx: RequestContext,
      target: { entityType: AuditEntityType; entityId: string; divisionPath: string; summary: string },
    ) {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const part = await req.file({ limits: { fileSize: MAX_DOCUMENT_BYTES } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', '「附件」请选择要上传的文件', { fieldErrors: { file: '请选择文件' } });
      const bytes = await part.toBuffer();
      const labelField = part.fields.label as { value?: unknown } | undefined;
      const rawLabel = String(labelField?.value ?? '').trim();
      checkText('fileName', part.filename ?? '');
      checkText('label', rawLabel);
      const label = [...rawLabel].slice(0, 50).join('');
      const type = await storage.checkDocument(bytes);
      const name = storedName(part.filename ?? '', type.ext, '附件');
      return storeThen(bytes, (saved) =>
        db.transaction(async (tx) => {
          const [f] = await tx
            .insert(files)
            .values({
              purpose: target.entityType,
              originalName: name,
              mimeType: type.mime,
              sizeBytes: bytes.length,
              sha256: saved.sha256,
              storageKey: saved.key,
              divisionPath: target.divisionPath,
              createdBy: ctx.actor?.userId,
            })
            .returning();
          const [a] = await tx
            .insert(attachments)
            .values({
              fileId: f.id,
              entityType: target.entityType,
              entityId: target.entityId,
              label,
              createdBy: ctx.actor?.userId,
            })
            .returning();
          await writeAudit(tx, ctx, {
            action: 'upload',
            entityType: target.entityType,
            entityId: target.entityId,
            divisionPath: target.divisionPath,
            summary: `${target.summary}：${f.originalName}${label ? `（${label}）` : ''}`,
          });
          return {
            id: a.id,
            fileId: f.id,
            name: f.originalName,
            label,
            sizeBytes: f.sizeBytes,
            uploadedAt: a.createdAt.toISOString(),
          } satisfies AttachmentView;
        }),
      );
    },

    /**
     * Sends a file attached to that record (same 404 as a missing one otherwise). With `audit`, the download is an
     * audit event: personal documents are personal data read in clear (R-SCOPE-2).
     */
    async send(
      reply: FastifyReply,
      entityType: AuditEntityType,
      entityId: string,
      fileId: string,
      audit?: { ctx: RequestContext; divisionPath: string; summary: string },
    ) {
      const rows = await db
        .select({ f: files })
        .from(attachments)
        .innerJoin(files, eq(files.id, attachments.fileId))
        .where(
          and(
            eq(attachments.entityType, entityType),
            eq(attachments.entityId, entityId),
            eq(attachments.fileId, fileId),
          ),
        )
        .limit(1);
      const f = rows[0]?.f;
      if (!f) throw new AppError('FILE_NOT_FOUND', '文件不存在或无权访问');
      if (audit)
        await writeAudit(db, audit.ctx, {
          action: 'download',
          entityType,
          entityId,
          divisionPath: audit.divisionPath,
          summary: `${audit.summary}：${f.originalName}`,
        });
      return sendRow(reply, f);
    },

    /** Sends a file a record points at by its own column (a station's signage photo); the caller checked the record. */
    async sendOwned(reply: FastifyReply, fileId: string) {
      const f = (await db.select().from(files).where(eq(files.id, fileId)).limit(1))[0];
      if (!f) throw new AppError('FILE_NOT_FOUND', '文件不存在或无权访问');
      return sendRow(reply, f);
    },
  };
}
export type Attachments = ReturnType<typeof createAttachments>;
