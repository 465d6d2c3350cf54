import { z } from 'zod';

/**
 * A calendar date `YYYY-MM-DD` between 1900 and 2100: a real date (no 2026-02-30) and a plausible one, so a typo such as
 * 0202 for 2025 is refused at the door instead of breaking every computation that meets it later.
 */
export const isoDate = z.iso
  .date('应为 YYYY-MM-DD 格式的日期')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', '日期应在 1900 年至 2100 年之间，请检查年份');

/** `?page=&pageSize=` of every list endpoint: pages count from 1, at most 200 rows a page. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const pageQuerySchema = z.strictObject(pageQuery);
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The answer of every list endpoint: one page of `item` and the total matching the filters. */
export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A short list that is never paged (a record's findings, history, attachments): `{ items }`. */
export const itemsSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A page of a list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A file attached to a record (contract text, agreement, evaluation report, disclosure). */
export const attachmentViewSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  name: z.string(),
  label: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** The version a write read (optimistic locking, DESIGN §3): refused past int4 in Chinese, never a database error. */
export const versionField = (min: number) => z.number().int().min(min).max(2_147_483_647, '版本号不正确，请刷新后重试');

/** Free text trimmed and bounded, the message naming the field. */
export const boundedText = (label: string, max: number) => z.string().trim().max(max, `${label}不超过 ${max} 个字`);
