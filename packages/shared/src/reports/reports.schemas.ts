import { z } from 'zod';
import { attachmentViewSchema, isoDate, pagedSchema, pageQuery, versionField } from '../common';
import { statisticsSchema } from '../services/statistics.schemas';
import { REPORT_KINDS, REPORT_SECTION_MAX, REPORT_SECTIONS, REPORT_STATUSES, type ReportSection } from './report-enums';

// Reports up the hierarchy (R-REP-1…3): the API's contract. Figures are computed from the records; people write only
// the narrative sections.

const uuid = (label: string) => z.uuid(`${label}格式不正确`);
// Years 1900–2099 only (a typo such as 0202 is refused at the door); a day (an agreement year's start) must be real.
const periodKey = z
  .string()
  .trim()
  .regex(
    /^(19|20)\d{2}(-(0[1-9]|1[0-2]|Q[1-4]|H[12])|-\d{2}-\d{2})?$/,
    '应为 2026、2026-11、2026-Q3 或 2026-H1 格式的期间',
  )
  .refine((p) => p.length !== 10 || isoDate.safeParse(p).success, '日期不存在，请检查');
/** Optimistic-locking versions are PostgreSQL integers. */

/** `GET /reports`: by kind, period (a year matches every period inside it), unit, organisation, status, lateness. */
export const reportQuerySchema = z.strictObject({
  ...pageQuery,
  kind: z.enum(REPORT_KINDS, '报告类型不正确').optional(),
  period: periodKey.optional(),
  /** A county-level unit's 12-digit code. */
  unit: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
  organisationId: uuid('承接机构编号').optional(),
  stationId: uuid('社工站编号').optional(),
  status: z.enum(REPORT_STATUSES, '报告状态不正确').optional(),
  /** `true`: only late ones (submitted after the due date, or unsubmitted and past it). */
  late: z
    .enum(['true', 'false'], '应为 true 或 false')
    .transform((v) => v === 'true')
    .optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** What a list shows of a report, and what the level above needs to see: missing, late and by how long. */
export const reportListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** The station, agreement's contractor, unit or city the report is about. */
  subjectName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  stationId: z.string().nullable(),
  firstSubmittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  late: z.boolean(),
  daysLate: z.number().int(),
  revision: z.number().int(),
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;
export const reportPageSchema = pagedSchema(reportListItemSchema);

/** A child report a county's or the city's report gathers (its stations' or counties' reports for the period). */
export const gatheredReportSchema = reportListItemSchema.pick({
  id: true,
  kind: true,
  title: true,
  subjectName: true,
  status: true,
  dueOn: true,
  firstSubmittedOn: true,
  late: true,
  daysLate: true,
});

/**
 * The computed figures of a report (R-REP-3): live while it is a draft, frozen as they were on acceptance. Sections
 * whose modules have not landed (volunteer hours, yearly service-plan targets, money) are null.
 */
export const reportFiguresSchema = z.object({
  computedAt: z.string(),
  /** The whole months the service figures cover (rollups are monthly). */
  from: z.string(),
  to: z.string(),
  /** Stations built vs 附件1's plan, up to the period's year; null for a station's own report. */
  plan: z.object({ planned: z.number().int(), built: z.number().int(), operating: z.number().int() }).nullable(),
  staffing: z.object({
    /** The day staffing is counted on: the period's end, or today while the period runs. */
    asOf: z.string(),
    operatingStations: z.number().int(),
    understaffedStations: z.number().int(),
    workers: z.number().int(),
    qualified: z.number().int(),
    filed: z.number().int(),
  }),
  services: statisticsSchema.omit({ scope: true, from: true, to: true }),
  /** Sessions begun in the period that the subject's workers attended; participants are attendances (人次). */
  trainings: z.object({ sessions: z.number().int(), participants: z.number().int(), hours: z.number() }),
  volunteers: z.null(),
  targets: z.null(),
  funds: z.null(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportNarrativeSchema = z.partialRecord(
  z.enum(REPORT_SECTIONS),
  z.string().max(REPORT_SECTION_MAX, `每一部分不超过 ${REPORT_SECTION_MAX} 字`),
);
export type ReportNarrative = Partial<Record<ReportSection, string>>;

/** An earlier accepted version kept when a correction reopened the report. */
export const reportRevisionSchema = z.object({
  revision: z.number().int(),
  acceptedOn: z.string().nullable(),
  reopenedOn: z.string(),
  reopenReason: z.string(),
  narrative: reportNarrativeSchema,
  figures: reportFiguresSchema,
});

export const reportAbilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  accept: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
  export: z.boolean(),
});

export const reportViewSchema = reportListItemSchema.extend({
  clause: z.string(),
  receiver: z.string(),
  narrative: reportNarrativeSchema,
  figures: reportFiguresSchema,
  /** True once accepted: the figures shown are those frozen on acceptance. */
  frozen: z.boolean(),
  returnComment: z.string().nullable(),
  gathered: z.array(gatheredReportSchema),
  attachments: z.array(attachmentViewSchema),
  revisions: z.array(reportRevisionSchema),
  version: z.number().int(),
  abilities: reportAbilitiesSchema,
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const updateReportSchema = z.strictObject({
  version: versionField(1),
  narrative: reportNarrativeSchema,
});
export const reportActionSchema = z.strictObject({ version: versionField(1) });
export const returnReportSchema = z.strictObject({
  version: versionField(1),
  comment: z.string().trim().min(1, '请填写退回意见').max(2000, '退回意见不超过 2000 字'),
});
export const reopenReportSchema = z.strictObject({
  version: versionField(1),
  reason: z.string().trim().min(1, '请填写更正原因').max(2000, '更正原因不超过 2000 字'),
});

const dayOfMonth = (label: string) =>
  z.number().int().min(1, `${label}应在 1 至 28 日之间`).max(28, `${label}应在 1 至 28 日之间`);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/, '应为 MM-DD 格式，日不超过 28');
/** `GET|PUT /report-settings`: the due dates the city sets (R-REP-3). */
export const reportSettingsSchema = z.strictObject({
  stationMonthlyDay: dayOfMonth('月工作简报截止日'),
  stationQuarterlyDay: dayOfMonth('季度工作简报截止日'),
  agreementReportDays: z.number().int().min(0, '应为 0 至 60 天').max(60, '应为 0 至 60 天'),
  countyQuarterlyDay: dayOfMonth('县（区）季度报告截止日'),
  cityFirstHalfDue: monthDay,
  citySecondHalfDue: monthDay,
  /** The month from which reports are owed on the platform; null: from each contract's start. */
  startsOn: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份')
    .nullable()
    .default(null),
});
export const reportSettingsViewSchema = reportSettingsSchema.extend({ version: z.number().int() });
/** `version` 0 while the city still uses the defaults. */
export const updateReportSettingsSchema = reportSettingsSchema.extend({ version: versionField(0) });
