import { z } from 'zod';

// A rule's result on a record (合规提示): rule id, how serious, what is wrong, what to do.
export type FindingSeverity = 'error' | 'warning' | 'info';
export interface Finding {
  ruleId: string;
  /**
   * Stable identity of the condition: the rule id and a short key (`R-CON-2.agreement-expiring`). Counts, filters and
   * tests use it; the message is for people and may be reworded at any time.
   */
  code: string;
  severity: FindingSeverity;
  message: string;
  action: string;
}
/** A finding in a response schema (every view that carries findings names them with this). */
export const findingSchema = z.object({
  ruleId: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  action: z.string(),
}) satisfies z.ZodType<Finding>;
export const SEVERITY_LABELS: Record<FindingSeverity, string> = { error: '不合规', warning: '待完善', info: '提示' };
