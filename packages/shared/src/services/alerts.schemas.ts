import { z } from 'zod';
import { pagedSchema, pageQuery } from '../common';
import { ALERT_KINDS, ALERT_STATUSES } from './service-enums';

// 预警 (R-SVC-5, 附件2 (三)1, (二)5): the contract of alerts — raising one on a person, the lists, the transitions.

/**
 * An alert not acknowledged within this many hours of being raised counts as escalated to the city (R-SVC-5). It is
 * derived from the clock whenever an alert is read (no job), and stays escalated once acknowledged late, so the city
 * keeps seeing what it was asked to watch. docs/adr/0011-alerts-and-referrals.md.
 */
export const ALERT_ACK_HOURS = 24;

const note = (what: string, max: number) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `不能超过 ${max} 个字符`);

/** A person flagged directly (not through a service record): raised at once for the project lead and the county. */
export const raiseAlertSchema = z.strictObject({
  stationId: z.uuid('社工站编号格式不正确'),
  beneficiaryId: z.uuid('服务对象编号格式不正确'),
  kind: z.enum(ALERT_KINDS, '请选择预警类型'),
  description: note('所见情况', 1000),
});
export type RaiseAlertInput = z.infer<typeof raiseAlertSchema>;

/** An action taken (calls made, police or women's federation informed, placement …); added, never edited. */
export const alertActionSchema = z.strictObject({ note: note('处置情况', 1000) });
export type AlertActionInput = z.infer<typeof alertActionSchema>;

/** Closing an alert: what came of it. */
export const closeAlertSchema = z.strictObject({ note: note('关闭说明', 1000) });
export type CloseAlertInput = z.infer<typeof closeAlertSchema>;

const flag = z.enum(['true', 'false'], '应为 true 或 false').transform((v) => v === 'true');

export const alertQuerySchema = z.strictObject({
  ...pageQuery,
  status: z.enum(ALERT_STATUSES, '请选择状态').optional(),
  kind: z.enum(ALERT_KINDS, '请选择预警类型').optional(),
  stationId: z.uuid('社工站编号格式不正确').optional(),
  /** Only those escalated to the city (not acknowledged within ALERT_ACK_HOURS). */
  escalated: flag.optional(),
  /** Only those not yet closed (open or acknowledged). */
  active: flag.optional(),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;

/** What everyone with the alert in scope sees: kind, station, status and times — never the description. */
export const alertListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  status: z.enum(ALERT_STATUSES),
  stationId: z.string(),
  stationName: z.string(),
  /** The person, by name for station and organisation staff, initials for officers; null if none is named. */
  beneficiaryId: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  serviceRecordId: z.string().nullable(),
  raisedAt: z.string(),
  raisedByName: z.string().nullable(),
  /** When it must be acknowledged by (raisedAt + ALERT_ACK_HOURS). */
  acknowledgeBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** Minutes from raising to acknowledgement (the time to acknowledge), null until acknowledged. */
  minutesToAcknowledge: z.number().nullable(),
  closedAt: z.string().nullable(),
  /** Not acknowledged within ALERT_ACK_HOURS (now, or when it was acknowledged late): the city sees and may handle it. */
  escalated: z.boolean(),
});
export type AlertListItem = z.infer<typeof alertListItemSchema>;
export const alertPageSchema = pagedSchema(alertListItemSchema);

export const alertActionViewSchema = z.object({
  id: z.string(),
  note: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});
export type AlertActionView = z.infer<typeof alertActionViewSchema>;

export const alertViewSchema = alertListItemSchema.extend({
  /** Null for a caller who may not read them (a clear read is audited as read_pii). */
  details: z
    .object({
      description: z.string(),
      closingNote: z.string(),
      actions: z.array(alertActionViewSchema),
    })
    .nullable(),
  acknowledgedByName: z.string().nullable(),
  closedByName: z.string().nullable(),
  abilities: z.object({ acknowledge: z.boolean(), act: z.boolean(), close: z.boolean() }),
});
export type AlertView = z.infer<typeof alertViewSchema>;

/** The login / 工作台 banner: how many alerts in reach are not yet handled, and the first few (oldest first). */
export const alertSummarySchema = z.object({
  open: z.number().int(),
  active: z.number().int(),
  escalated: z.number().int(),
  top: z.array(alertListItemSchema),
});
export type AlertSummary = z.infer<typeof alertSummarySchema>;
