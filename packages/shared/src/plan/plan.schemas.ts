import { z } from 'zod';

export const progressQuerySchema = z.strictObject({
  county: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** One unit × year cell of R-PLAN-1: planned vs registered vs built vs operating. */
export const progressCellSchema = z.object({
  planned: z.number().int(),
  registered: z.number().int(),
  built: z.number().int(),
  operating: z.number().int(),
  /** built / planned in percent, one decimal; null when nothing was planned. */
  percent: z.number().nullable(),
});
export type ProgressCell = z.infer<typeof progressCellSchema>;

export const progressRowSchema = z.object({
  divisionCode: z.string(),
  name: z.string(),
  years: z.record(z.string(), progressCellSchema),
  total: progressCellSchema,
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

/** The whole report: one row per unit in scope and the total. Short by nature (≤ 9 units), so never paged. */
export const progressReportSchema = z.object({
  years: z.array(z.number().int()),
  rows: z.array(progressRowSchema),
  total: progressRowSchema,
  generatedAt: z.string(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export function progressPercent(built: number, planned: number): number | null {
  return planned > 0 ? Math.round((built / planned) * 1000) / 10 : null;
}
