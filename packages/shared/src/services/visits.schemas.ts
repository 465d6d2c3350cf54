import { z } from 'zod';
import { pagedSchema, pageQuery } from '../common';
import { RISK_LEVELS } from '../beneficiaries/categories';

// Visits by risk (走访, R-SVC-5): each graded person is visited at least once per interval of their risk level; the
// city sets the intervals. "Due" is computed when read, from the last home visit (kept with each record).

const boolish = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** The longest look-ahead of the due list, in days. */
export const MAX_VISIT_LOOKAHEAD_DAYS = 60;
/** The bounds of a visit interval the city may set, in days. */
export const VISIT_INTERVAL_BOUNDS = { min: 7, max: 366 } as const;

/** `GET /visits/due`: overdue first; a social worker's own people by default (`mine`). */
export const visitsDueQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid('社工站编号格式不正确').optional(),
  workerId: z.uuid('社工编号格式不正确').optional(),
  /** Only the people the caller is the responsible worker of (default: yes for a social worker). */
  mine: boolish.optional(),
  risk: z.enum(RISK_LEVELS, '风险等级不正确').optional(),
  /** Also those due within this many days (default 7). */
  withinDays: z.coerce
    .number('应为天数')
    .int('应为整数天')
    .min(0, '不能为负数')
    .max(MAX_VISIT_LOOKAHEAD_DAYS, `最多提前 ${MAX_VISIT_LOOKAHEAD_DAYS} 天`)
    .default(7),
});
export type VisitsDueQuery = z.infer<typeof visitsDueQuerySchema>;

/** One person due (or soon due) a visit. Names are initials for upper levels, as in the registry's lists. */
export const visitDueItemSchema = z.object({
  beneficiaryId: z.string(),
  name: z.string(),
  village: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  workerName: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  intervalDays: z.number().int(),
  /** The last home visit, or null when never visited. */
  lastVisitOn: z.string().nullable(),
  /** The date the next visit is due. */
  dueOn: z.string(),
  /** Days past the due date (0 = due today; negative = due in that many days). */
  daysOverdue: z.number().int(),
  overdue: z.boolean(),
});
export type VisitDueItem = z.infer<typeof visitDueItemSchema>;

export const visitsDuePageSchema = pagedSchema(visitDueItemSchema).extend({
  /** Of the total, how many are past their due date. */
  overdue: z.number().int(),
  /** The last date the list reaches (today + the look-ahead). */
  horizon: z.string(),
});
export type VisitsDuePage = z.infer<typeof visitsDuePageSchema>;

/** The interval of one risk level; `isDefault` while the city has not set it. */
export const visitIntervalViewSchema = z.object({
  riskLevel: z.enum(RISK_LEVELS),
  days: z.number().int(),
  isDefault: z.boolean(),
  /** 0 while the default applies; send it back with a change. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type VisitIntervalView = z.infer<typeof visitIntervalViewSchema>;
export const visitIntervalsSchema = z.object({
  items: z.array(visitIntervalViewSchema),
  abilities: z.object({ update: z.boolean() }),
});
export type VisitIntervals = z.infer<typeof visitIntervalsSchema>;

const intervalDays = z
  .number('请填写天数')
  .int('应为整数天')
  .min(VISIT_INTERVAL_BOUNDS.min, `走访周期不少于 ${VISIT_INTERVAL_BOUNDS.min} 天`)
  .max(VISIT_INTERVAL_BOUNDS.max, `走访周期不超过 ${VISIT_INTERVAL_BOUNDS.max} 天`);

/** `PUT /visits/intervals` (the city): all three levels at once, each with the version it was read at. */
export const updateVisitIntervalsSchema = z.strictObject({
  high: z.strictObject({ days: intervalDays, version: z.number().int().min(0) }),
  medium: z.strictObject({ days: intervalDays, version: z.number().int().min(0) }),
  low: z.strictObject({ days: intervalDays, version: z.number().int().min(0) }),
});
export type UpdateVisitIntervalsInput = z.infer<typeof updateVisitIntervalsSchema>;
