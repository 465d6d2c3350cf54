import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors';

/** The query of every Excel import route: `dryRun=true` (the default) only checks, `false` writes when all is well. */
export const dryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });

/** The uploaded .xlsx of an import request (10 MB at most), or the Chinese refusal. */
export async function uploadedWorkbook(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
  const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024 } });
  if (!part)
    throw new AppError('VALIDATION_FAILED', '「文件」请选择 .xlsx 文件', { fieldErrors: { file: '请选择文件' } });
  return part.toBuffer();
}
