import { z } from 'zod';

/**
 * A calendar date `YYYY-MM-DD` between 1900 and 2100: a real date (no 2026-02-30) and a plausible one, so a typo such as
 * 0202 for 2025 is refused at the door instead of breaking every computation that meets it later.
 */
export const isoDate = z.iso
  .date('应为 YYYY-MM-DD 格式的日期')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', '日期应在 1900 年至 2100 年之间，请检查年份');

/** A page of a list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A file attached to a record (contract text, agreement, evaluation report, disclosure). */
export interface AttachmentView {
  id: string;
  fileId: string;
  name: string;
  label: string;
  sizeBytes: number;
  uploadedAt: string;
}
