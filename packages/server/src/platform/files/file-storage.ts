import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../http/errors';

/** Image types accepted for photos, decided by the bytes, never by the name or the browser's claim. */
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Documents civil affairs offices exchange: PDF, Word, Excel (new and old formats) and photos. */
export const DOCUMENT_TYPES = new Set([
  ...IMAGE_TYPES,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-cfb',
]);
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const SAME_TYPE: Record<string, string[]> = { jpg: ['jpg', 'jpeg'], cfb: ['doc', 'xls'] };

/**
 * The name a file is kept and offered under: the base name only, at most 200 characters (whole characters, never half an
 * emoji), and an extension that matches the bytes — `x.html` holding a PDF is offered as `x.pdf`, so a download is
 * never saved as a type it is not.
 */
export function storedName(name: string, ext: string, fallback: string): string {
  const base = [...(path.basename(name.replace(/\\/g, '/')) || fallback)].slice(0, 200).join('');
  const dot = base.lastIndexOf('.');
  const given = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if ((SAME_TYPE[ext] ?? [ext]).includes(given)) return base;
  return `${dot > 0 ? base.slice(0, dot) : base}.${ext === 'cfb' ? 'doc' : ext}`;
}

/** Files on local disk under DATA_DIR/files; a bucket can replace it behind the same two calls. */
export function createFileStorage(root: string) {
  const dir = path.join(root, 'files');
  return {
    async checkImage(bytes: Buffer): Promise<{ mime: string; ext: string }> {
      if (bytes.length === 0)
        throw new AppError('VALIDATION_FAILED', '「标牌照片」文件为空', { fieldErrors: { file: '文件为空' } });
      const t = await fileTypeFromBuffer(bytes);
      if (!t || !IMAGE_TYPES.has(t.mime)) {
        throw new AppError('FILE_TYPE_NOT_ALLOWED', '「标牌照片」只接受 JPEG、PNG 或 WebP 图片（按文件内容识别）', {
          fieldErrors: { file: '不是 JPEG、PNG 或 WebP 图片' },
        });
      }
      return { mime: t.mime, ext: t.ext };
    },
    async checkDocument(bytes: Buffer): Promise<{ mime: string; ext: string }> {
      if (bytes.length === 0)
        throw new AppError('VALIDATION_FAILED', '「附件」文件为空', { fieldErrors: { file: '文件为空' } });
      const t = await fileTypeFromBuffer(bytes);
      if (!t || !DOCUMENT_TYPES.has(t.mime)) {
        throw new AppError(
          'FILE_TYPE_NOT_ALLOWED',
          '「附件」只接受 PDF、Word、Excel 或 JPEG/PNG/WebP 图片（按文件内容识别）',
          { fieldErrors: { file: '文件类型不允许' } },
        );
      }
      return { mime: t.mime === 'application/x-cfb' ? 'application/octet-stream' : t.mime, ext: t.ext };
    },
    async save(bytes: Buffer): Promise<{ key: string; sha256: string }> {
      await mkdir(dir, { recursive: true });
      const key = randomUUID();
      await writeFile(path.join(dir, key), bytes, { flag: 'wx' });
      return { key, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    read: (key: string) => readFile(path.join(dir, path.basename(key))),
    /** Removes bytes whose record was never written (a failed or refused upload). */
    remove: (key: string) => rm(path.join(dir, path.basename(key)), { force: true }),
    /** How many files are stored (tests prove that refused uploads leave none behind). */
    count: async () => (await readdir(dir).catch(() => [])).length,
  };
}
export type FileStorage = ReturnType<typeof createFileStorage>;
