import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportFigures,
  type ReportNarrative,
  type ReportSettings,
} from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// R-REP-1…3: one row per report owed (the schedule materialises them from the contracts and the calendar); the
// figures are computed from the records while it is open and frozen here on acceptance.
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    /** What the report is about, one key per kind: the station, the contract agreement, the unit or the city. */
    subjectKey: text('subject_key').notNull(),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    dueOn: date('due_on').notNull(),
    /** Scope columns (DESIGN §4): the station's township path, the contract's or unit's path, the city's path. */
    divisionPath: text('division_path').notNull(),
    stationId: uuid('station_id'),
    organisationId: uuid('organisation_id'),
    contractId: uuid('contract_id'),
    agreementYear: integer('agreement_year'),
    /** The unit (county-level) the report belongs to; the city's code for the city's report. */
    unitCode: text('unit_code').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    narrative: jsonb('narrative').$type<ReportNarrative>().notNull().default({}),
    /** Frozen on acceptance (null while open: computed when read). */
    figures: jsonb('figures').$type<ReportFigures>(),
    /** Lateness is judged on the first submission (a return and resubmission does not make it later). */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    firstSubmittedOn: date('first_submitted_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    acceptedOn: date('accepted_on'),
    returnComment: text('return_comment'),
    /** 1, then one more for each correction that reopened an accepted report. */
    revision: integer('revision').notNull().default(1),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('reports_subject_period_uq').on(t.kind, t.subjectKey, t.periodKey),
    index('reports_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.periodStart),
    index('reports_org_idx').on(t.organisationId, t.periodStart),
    index('reports_station_idx').on(t.stationId, t.periodStart),
    index('reports_contract_idx').on(t.contractId),
    index('reports_unit_idx').on(t.unitCode, t.periodStart),
    index('reports_due_idx')
      .on(t.dueOn)
      .where(sql`${t.firstSubmittedAt} is null`),
  ],
);

// Both versions stay (R-REP-3): an accepted version reopened for correction is kept here as it was.
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    revision: integer('revision').notNull(),
    narrative: jsonb('narrative').$type<ReportNarrative>().notNull(),
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    acceptedOn: date('accepted_on'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull(),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason').notNull(),
  },
  (t) => [uniqueIndex('report_revisions_uq').on(t.reportId, t.revision)],
);

// The city's due dates (GET|PUT /report-settings); one row per city, defaults until the city changes them.
export const reportSettings = pgTable('report_settings', {
  cityCode: text('city_code').primaryKey(),
  settings: jsonb('settings').$type<ReportSettings>().notNull(),
  ...auditedColumns(),
});

// The city's marks for commendation in a 通报 period (R-REP-4, 二（一）).
export const commendations = pgTable(
  'commendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodKey: text('period_key').notNull(),
    unitCode: text('unit_code').notNull(),
    divisionPath: text('division_path').notNull(),
    note: text('note').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('commendations_uq').on(t.periodKey, t.unitCode), index('commendations_unit_idx').on(t.unitCode)],
);
