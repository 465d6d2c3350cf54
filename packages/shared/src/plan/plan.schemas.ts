import { z } from 'zod';

export const progressQuerySchema = z.strictObject({
  county: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
});

/** One unit × year cell of R-PLAN-1: planned vs registered vs built vs operating. */
export interface ProgressCell {
  planned: number;
  registered: number;
  built: number;
  operating: number;
  /** built / planned in percent, one decimal; null when nothing was planned. */
  percent: number | null;
}
export interface ProgressRow {
  divisionCode: string;
  name: string;
  years: Record<string, ProgressCell>;
  total: ProgressCell;
}
export interface ProgressReport {
  years: number[];
  rows: ProgressRow[];
  total: ProgressRow;
  generatedAt: string;
}

export function progressPercent(built: number, planned: number): number | null {
  return planned > 0 ? Math.round((built / planned) * 1000) / 10 : null;
}
