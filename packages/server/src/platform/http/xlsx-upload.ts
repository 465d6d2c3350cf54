import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importMappingSchema, type ImportMapping } from '@shegong/shared';
import { AppError } from './errors';
import type { UploadedFile } from './import-table';

/** The query of every Excel import route: `dryRun=true` (the default) only checks, `false` writes when all is well. */
export const dryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });

/** An import request's file (.xlsx or .csv) and the columns the user mapped by hand. */
export interface ImportUpload {
  file: UploadedFile;
  mapping: ImportMapping;
}

const mappingError = (detail: string) =>
  new AppError('VALIDATION_FAILED', `「列对应」${detail}`, { fieldErrors: { mapping: detail } });

/** The `mapping` field (JSON, sent before the file): each file header → template column, '' to ignore it. */
function parseMapping(text: string | undefined): ImportMapping {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw mappingError('不是有效的 JSON');
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) throw mappingError('应为“文件表头 → 模板列”的对应表');
  return parsed.data;
}

/** The uploaded file of an import request (10 MB unless the import allows more) and its manual mapping, or the Chinese refusal. */
export async function uploadedImport(req: FastifyRequest, opts: { maxBytes?: number } = {}): Promise<ImportUpload> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 或 .csv 文件');
  const part = await req.file({ limits: { fileSize: opts.maxBytes ?? 10 * 1024 * 1024 } });
  if (!part)
    throw new AppError('VALIDATION_FAILED', '「文件」请选择 .xlsx 或 .csv 文件', {
      fieldErrors: { file: '请选择文件' },
    });
  const field = part.fields.mapping;
  const mapping = parseMapping(
    field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined,
  );
  return { file: { bytes: await part.toBuffer(), filename: part.filename ?? '' }, mapping };
}
